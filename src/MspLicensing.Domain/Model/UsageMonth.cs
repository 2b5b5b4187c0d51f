using System;

namespace MspLicensing
{
    /// <summary>R54: one month with a report to make or one stored: where it stands and its totals (Get-MspUsageMonth).</summary>
    public sealed class UsageMonth
    {
        /// <summary>The month, yyyy-MM.</summary>
        public string Month { get; set; }
        public UsageReportStatus Status { get; set; }
        /// <summary>How many lines (one per customer and billed license) the month's report has.</summary>
        public int Lines { get; set; }
        /// <summary>How many customers the lines are of.</summary>
        public int Customers { get; set; }
        /// <summary>The chargeable seats of all lines added up.</summary>
        public int Chargeable { get; set; }
        /// <summary>How many lines were set below provisioned (Set-MspUsageReport).</summary>
        public int Adjustments { get; set; }
        public DateTime? SubmittedUtc { get; set; }
        public DateTime? ApprovedUtc { get; set; }
        public DateTime? RejectedUtc { get; set; }
        /// <summary>Why the report was rejected, while it is Rejected.</summary>
        public string RejectedReason { get; set; }

        public override string ToString() => $"{Month} {Status}";
    }
}
