using System;
using System.Collections.Generic;
using Newtonsoft.Json;
using Newtonsoft.Json.Converters;

namespace MspLicensing
{
    /// <summary>R54: where a month's report stands.</summary>
    [JsonConverter(typeof(StringEnumConverter))]
    public enum UsageReportStatus
    {
        Preparing,
        Submitted,
        Approved,
        Rejected,
    }

    /// <summary>R51: a chargeable count lower than provisioned, with the reason.</summary>
    public sealed class UsageAdjustment
    {
        public Guid CustomerId { get; set; }
        /// <summary>The billed product (a suite's code for a suite).</summary>
        public string Product { get; set; }
        public int Chargeable { get; set; }
        public string Comment { get; set; }

        public override string ToString() => $"{Product} {Chargeable} for {CustomerId}" + (string.IsNullOrEmpty(Comment) ? string.Empty : ": " + Comment);
    }

    /// <summary>The stored state of one month's report: its status, adjustments and, once submitted, its frozen lines.</summary>
    public sealed class UsageReport : IVersioned
    {
        /// <summary>The month, yyyy-MM.</summary>
        public string Month { get; set; }
        public UsageReportStatus Status { get; set; }
        public TextList<UsageAdjustment> Adjustments { get; set; } = new TextList<UsageAdjustment>();
        /// <summary>R54: the lines as submitted; later (even back-dated) changes do not alter them.</summary>
        public TextList<UsageLine> FrozenLines { get; set; } = new TextList<UsageLine>();
        /// <summary>The seat bands when the report was submitted.</summary>
        public TextList<int> FrozenSeatBands { get; set; }
        public DateTime? SubmittedUtc { get; set; }
        public DateTime? ApprovedUtc { get; set; }
        /// <summary>When the report was last rejected; cleared when it is submitted again (the audit log keeps every rejection).</summary>
        public DateTime? RejectedUtc { get; set; }
        /// <summary>Why the report was rejected, while it is Rejected; cleared when it is submitted again.</summary>
        public string RejectedReason { get; set; }
        public int Revision { get; set; }

        /// <summary>
        /// The report's lines, filled in when the report is returned: the frozen lines of a Submitted or Approved
        /// report, the month's lines as they stand now (editable) of a Preparing or Rejected one.
        /// </summary>
        public TextList<UsageLine> Lines { get; set; } = new TextList<UsageLine>();

        public override string ToString() => $"{Month} {Status}";
    }

    /// <summary>R50: one line per customer and billed license (a suite counts once) of a month.</summary>
    public sealed class UsageLine
    {
        public string Month { get; set; }
        public Guid CustomerId { get; set; }
        public string Customer { get; set; }
        /// <summary>The billed product: the license's product, or its suite (R53).</summary>
        public string Product { get; set; }
        public string ProductName { get; set; }
        public string ServicePlan { get; set; }
        /// <summary>The activation code (for a suite: its components' codes).</summary>
        public string ActivationCode { get; set; }
        /// <summary>Peak seats held in the month (R50, R52).</summary>
        public int Provisioned { get; set; }
        /// <summary>Peak used count reported for the month, if any.</summary>
        public int? Used { get; set; }
        /// <summary>
        /// R50: the share of provisioned seats that were not used, (Provisioned - Used) / Provisioned in percent, never
        /// negative: a used count above provisioned is 0 here and shows in <see cref="ExceededBy"/>. Null without a used count.
        /// </summary>
        public double? OverProvisionedPercent { get; set; }
        /// <summary>R50: how many seats the used count is above provisioned (0 within it); null without a used count.</summary>
        public int? ExceededBy { get; set; }
        public int Chargeable { get; set; }
        public string Comment { get; set; }
        public string Band { get; set; }
        public UsageReportStatus Status { get; set; }

        public override string ToString() => $"{Month} {Customer} {Product}: {Chargeable}";

        /// <summary>R50: the over-provisioning and the excess of a used count against provisioned seats.</summary>
        public static (double? OverProvisionedPercent, int? ExceededBy) Usage(int provisioned, int? used)
        {
            if (!used.HasValue) return (null, null);
            if (used.Value >= provisioned) return (provisioned > 0 ? 0.0 : (double?)null, used.Value - provisioned);
            return (Math.Round((provisioned - used.Value) * 100.0 / provisioned, 1), 0);
        }
    }

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

    /// <summary>What Get-MspUsageReport and Export-MspUsageReport ask for.</summary>
    public sealed class UsageReportRequest
    {
        /// <summary>The months, each reported on its own; unless <see cref="InRange"/>.</summary>
        public IReadOnlyList<BillingMonth> Months { get; set; }
        /// <summary>Whether the months are the range <see cref="From"/> to <see cref="To"/> instead.</summary>
        public bool InRange { get; set; }
        /// <summary>The first month of the range; null: the first month a license bills in.</summary>
        public BillingMonth? From { get; set; }
        /// <summary>The last month of the range; null: the month of <see cref="Today"/>.</summary>
        public BillingMonth? To { get; set; }
        public DateTime Today { get; set; }
        /// <summary>Only this customer's rows; null: every customer's.</summary>
        public CustomerRef Customer { get; set; }
        /// <summary>Only this product's rows (its code); null: every product's.</summary>
        public string Product { get; set; }
        /// <summary>Rows per customer and license, with the customers' names; else per product.</summary>
        public bool ByCustomer { get; set; }
    }

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

    /// <summary>The months a command computed so far, kept across its pipeline input (see <see cref="UsageOperations.Report"/>).</summary>
    public sealed class UsageMonthCache
    {
        internal Dictionary<BillingMonth, UsageMonthLines> Months { get; } = new Dictionary<BillingMonth, UsageMonthLines>();
        /// <summary>The months of the request's range, once they are known.</summary>
        internal IReadOnlyList<BillingMonth> Range { get; set; }
    }
}
