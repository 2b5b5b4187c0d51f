using System;

namespace MspLicensing
{
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
}
