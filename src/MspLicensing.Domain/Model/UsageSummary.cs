using System;

namespace MspLicensing
{
    /// <summary>R53: one line per product of a month: the aggregate of all customers and its seat band.</summary>
    public sealed class UsageSummary
    {
        public string Month { get; set; }
        public string Product { get; set; }
        public string ProductName { get; set; }
        public int Customers { get; set; }
        public int Provisioned { get; set; }
        public int? Used { get; set; }
        public int Chargeable { get; set; }
        public string Band { get; set; }
        public UsageReportStatus Status { get; set; }

        public override string ToString() => $"{Month} {Product}: {Chargeable} ({Band})";
    }
}
