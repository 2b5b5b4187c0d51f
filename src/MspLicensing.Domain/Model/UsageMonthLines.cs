using System;
using System.Collections.Generic;

namespace MspLicensing
{
    /// <summary>R50: the lines of one month as its report has them, with the report's status (and the stored report, if any).</summary>
    public sealed class UsageMonthLines
    {
        public UsageMonthLines(BillingMonth month, IReadOnlyList<UsageLine> lines, UsageReportStatus status, UsageReport report)
        {
            Month = month;
            Lines = lines;
            Status = status;
            Report = report;
        }

        public BillingMonth Month { get; }
        public IReadOnlyList<UsageLine> Lines { get; }
        public UsageReportStatus Status { get; }
        /// <summary>The stored report; null while nothing about the month was stored (it is Preparing).</summary>
        public UsageReport Report { get; }
        /// <summary>The seat bands the month's lines fall in: those frozen with a Submitted or Approved report (R54), else the account's.</summary>
        public IReadOnlyList<SeatBand> SeatBands { get; internal set; }
    }
}
