using System;
using System.Collections.Generic;

namespace MspLicensing
{
    /// <summary>
    /// A customer whose usage ledger bills otherwise than its licenses and subscriptions do (none in a sound store): what
    /// Test-MspStore reports and Repair-MspStore rewrites.
    /// </summary>
    public sealed class LedgerDisagreement
    {
        public Guid CustomerId { get; set; }
        /// <summary>The customer's name; null when no customer has the id any more (a ledger left behind).</summary>
        public string Customer { get; set; }
        /// <summary>
        /// The months (yyyy-MM), oldest first, whose lines the ledger gave otherwise than the licenses bill; empty when
        /// only its record differed (the months it lists, its first month), not what a month's report reads.
        /// </summary>
        public TextList<string> Months { get; set; } = new TextList<string>();
        /// <summary>
        /// Whether every month after the last of <see cref="Months"/> bills otherwise as well: the lines the ledger keeps
        /// for all months from then on differ.
        /// </summary>
        public bool AndLater { get; set; }
        /// <summary>The ids of the customer's month documents as the check found them, listed by its ledger or not.</summary>
        internal IReadOnlyList<Guid> MonthDocuments { get; set; } = new Guid[0];
    }
}
