using System;

namespace MspLicensing
{
    /// <summary>The lines one customer bills in one month (R50-R53) before the month its ledger's open lines begin.</summary>
    public sealed class UsageLedgerMonth : IVersioned
    {
        /// <summary>Made from the customer, the month and the lines' fingerprint (<see cref="UsageLedgers.MonthId"/>).</summary>
        public Guid Id { get; set; }
        public Guid CustomerId { get; set; }
        /// <summary>yyyyMM.</summary>
        public int Month { get; set; }
        public string Lines { get; set; }
        public int Revision { get; set; }
    }
}
