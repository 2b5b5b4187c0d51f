using System;

namespace MspLicensing
{
    /// <summary>R80: one product of a month, its customers' lines added up.</summary>
    public sealed class ReconciliationSummary
    {
        public string Month { get; set; }
        public string Product { get; set; }
        public string ProductName { get; set; }
        /// <summary>How many lines (customers, and PSA rows that matched no customer) the product has.</summary>
        public int Lines { get; set; }
        /// <summary>How many of them are not a Match.</summary>
        public int Mismatches { get; set; }
        public int Chargeable { get; set; }
        public int Billed { get; set; }
        /// <summary>Chargeable minus Billed over all lines.</summary>
        public int Difference { get; set; }
        /// <summary>The seats charged by the vendor and not billed (UnderBilled and NotInPsa lines): lost every month.</summary>
        public int SeatsNotBilled { get; set; }
        /// <summary>The seats billed beyond what the vendor charges (OverBilled and NotLicensed lines).</summary>
        public int SeatsOverBilled { get; set; }
        public UsageReportStatus ReportStatus { get; set; }

        public override string ToString() => $"{Month} {Product}: {Chargeable} - {Billed} = {Difference}";
    }
}
