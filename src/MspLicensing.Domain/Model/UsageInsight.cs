using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;

namespace MspLicensing
{
    /// <summary>R57: one product in one month of the usage trend: its chargeable seats, band and headroom to the band's edges.</summary>
    public sealed class UsageTrend
    {
        public string Month { get; set; }
        public string Product { get; set; }
        public string ProductName { get; set; }
        public int Customers { get; set; }
        public int Chargeable { get; set; }
        /// <summary>The chargeable seats minus those of the month before (0 in a month without lines).</summary>
        public int Change { get; set; }
        /// <summary>The seat band of the chargeable seats; null in a month without lines.</summary>
        public string Band { get; set; }
        /// <summary>The seats that can be added before the total enters the next band; null in the last band or without lines.</summary>
        public int? HeadroomUp { get; set; }
        /// <summary>The seats that can be released before the total drops into the band below; null in the first band or without lines.</summary>
        public int? HeadroomDown { get; set; }
        /// <summary>The band the total enters with one more seat than <see cref="HeadroomUp"/> allows.</summary>
        public string NextBand { get; set; }
        /// <summary>The band the total drops into with one seat fewer than <see cref="HeadroomDown"/> allows.</summary>
        public string LowerBand { get; set; }
        public UsageReportStatus Status { get; set; }

        public override string ToString() => $"{Month} {Product}: {Chargeable} ({Band})";
    }

    /// <summary>
    /// R58: a license whose used count stayed well below its seats: the subscription and product to change, and the seats
    /// that could be released. <see cref="SubscriptionId"/> and <see cref="ProductSeats"/> bind Set-MspSubscription.
    /// </summary>
    public sealed class RightSizingCandidate
    {
        public Guid CustomerId { get; set; }
        public string Customer { get; set; }
        public Guid SubscriptionId { get; set; }
        public string ServicePlan { get; set; }
        /// <summary>The product as it bills: the license's product, or its suite (R53).</summary>
        public string Product { get; set; }
        public string ProductName { get; set; }
        /// <summary>The seats the license holds now (its latest seat change).</summary>
        public int Seats { get; set; }
        /// <summary>The highest used count reported in the window.</summary>
        public int HighestUsed { get; set; }
        /// <summary>The seats to keep: the highest used count of the window, at least 1.</summary>
        public int SuggestedSeats { get; set; }
        /// <summary>Seats minus SuggestedSeats.</summary>
        public int ReleasableSeats { get; set; }
        /// <summary>The least over-provisioned month of the window, in percent of its peak seats.</summary>
        public double LowestOverProvisionedPercent { get; set; }
        /// <summary>The first and the last month of the window, yyyy-MM.</summary>
        public string FromMonth { get; set; }
        public string ToMonth { get; set; }
        /// <summary>The highest used count and the peak seats of each month of the window, e.g. "2026-09: 12/40".</summary>
        public TextList<string> History { get; set; } = new TextList<string>();
        /// <summary>The suggestion as Set-MspSubscription -ProductSeats takes it: @{ Product = SuggestedSeats }.</summary>
        public SeatTable ProductSeats { get; set; }

        public override string ToString() => $"{Customer} {Product}: {Seats} -> {SuggestedSeats}";
    }

    /// <summary>Seats per product, as -ProductSeats takes them; its text (what Export-Csv writes) is "CODE=n".</summary>
    public sealed class SeatTable : Hashtable
    {
        public SeatTable() : base(StringComparer.OrdinalIgnoreCase) { }

        public override string ToString() =>
            FlatText.Pairs(Keys.Cast<object>().Select(k => new KeyValuePair<string, object>(k.ToString(), this[k])));
    }

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

    /// <summary>R58: which licenses Get-MspRightSizing looks at.</summary>
    public sealed class RightSizingRequest
    {
        public const int DefaultMonths = 3;
        public const int MaxMonths = 36;
        public const int DefaultThreshold = 20;

        /// <summary>The last month of the window.</summary>
        public BillingMonth Month { get; set; }
        /// <summary>How many months the window has, ending with <see cref="Month"/>.</summary>
        public int Months { get; set; } = DefaultMonths;
        /// <summary>How far below the seats the used count stays, in percent of the seats (1-99).</summary>
        public int Threshold { get; set; } = DefaultThreshold;
        /// <summary>Only this customer's licenses; null: every customer's.</summary>
        public CustomerRef Customer { get; set; }
        /// <summary>Only this product (its code; a suite's code for a suite); null: every product.</summary>
        public string Product { get; set; }
    }
}
