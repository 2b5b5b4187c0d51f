using System;
using System.Collections.Generic;

namespace MspLicensing
{
    /// <summary>One month of a usage report: its rows per customer and license, and per product.</summary>
    public sealed class UsageReportMonth
    {
        public UsageReportMonth(BillingMonth month, UsageReportStatus status, IReadOnlyList<UsageLine> lines)
        {
            Month = month;
            Status = status;
            Lines = lines;
        }

        public BillingMonth Month { get; }
        public UsageReportStatus Status { get; }
        /// <summary>The rows per customer and license.</summary>
        public IReadOnlyList<UsageLine> Lines { get; }
        /// <summary>The rows per product (R53).</summary>
        public IReadOnlyList<UsageSummary> Summaries() => UsageOperations.Summaries(Lines, Month, Status);
    }
}
