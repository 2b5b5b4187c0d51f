using System;

namespace MspLicensing
{
    /// <summary>
    /// What one customer bills in every month (R50-R53), as the usage report reads it (before adjustments, R51): the lines of
    /// each month up to <see cref="OpenFrom"/> in a <see cref="UsageLedgerMonth"/> of their own, and the lines every month
    /// from <see cref="OpenFrom"/> on bills. Written in the transaction of every change to the customer's licenses or
    /// subscriptions; never edited by hand.
    /// </summary>
    public sealed class UsageLedger : IVersioned
    {
        public Guid CustomerId { get; set; }
        /// <summary>The first month with a billed line (yyyyMM).</summary>
        public int FirstMonth { get; set; }
        /// <summary>The month (yyyyMM) from which <see cref="OpenLines"/> bill every month; 0 when no month from there bills.</summary>
        public int OpenFrom { get; set; }
        /// <summary>The lines of every month from <see cref="OpenFrom"/> on, as <see cref="UsageLedgers"/> writes them.</summary>
        public string OpenLines { get; set; }
        /// <summary>The months before <see cref="OpenFrom"/> that bill, each with the fingerprint of its lines: "yyyyMM:fingerprint" separated by spaces.</summary>
        public string Months { get; set; }
        /// <summary>
        /// The customer's subscriptions as its lines see them when the ledger was written (their plan, and whether and
        /// when they end): "id:fingerprint" separated by spaces. A subscription written since that still bills the same
        /// (a renewal) leaves the ledger as it is.
        /// </summary>
        public string Subscriptions { get; set; }
        public int Revision { get; set; }
    }
}
