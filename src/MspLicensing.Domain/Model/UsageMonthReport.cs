using System;
using System.Collections;
using System.Collections.Generic;

namespace MspLicensing
{
    /// <summary>What the HTML report of a month shows (R55): its product totals, the trend up to it (R57) and the right-sizing list (R58).</summary>
    public sealed class UsageMonthReport
    {
        public UsageMonthReport(BillingMonth month, UsageReportStatus status, IReadOnlyList<UsageSummary> totals, IReadOnlyList<UsageTrend> trend, IReadOnlyList<RightSizingCandidate> rightSizing, RightSizingRequest rightSizingRequest)
        {
            Month = month;
            Status = status;
            Totals = totals;
            Trend = trend;
            RightSizing = rightSizing;
            RightSizingRequest = rightSizingRequest;
        }

        public BillingMonth Month { get; }
        /// <summary>The partner account's name.</summary>
        public string Partner { get; set; }
        public UsageReportStatus Status { get; }
        public IReadOnlyList<UsageSummary> Totals { get; }
        /// <summary>The twelve months up to <see cref="Month"/>, per product.</summary>
        public IReadOnlyList<UsageTrend> Trend { get; }
        public IReadOnlyList<RightSizingCandidate> RightSizing { get; }
        public RightSizingRequest RightSizingRequest { get; }
        /// <summary>The seat bands of the month (frozen with a Submitted or Approved report).</summary>
        public IReadOnlyList<SeatBand> SeatBands { get; set; }
        /// <summary>R80: the month against the seats the PSA bills, when PSA rows were given; else null.</summary>
        public Reconciliation Reconciliation { get; set; }
    }
}
