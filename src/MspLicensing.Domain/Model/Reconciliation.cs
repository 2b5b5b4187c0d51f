using System;
using System.Collections.Generic;

namespace MspLicensing
{
    /// <summary>What <see cref="ReconciliationOperations.Compare"/> found for a month.</summary>
    public sealed class Reconciliation
    {
        public BillingMonth Month { get; set; }
        public UsageReportStatus ReportStatus { get; set; }
        /// <summary>One line per customer and product, by customer and product.</summary>
        public IReadOnlyList<ReconciliationLine> Lines { get; set; }
        /// <summary>One line per product.</summary>
        public IReadOnlyList<ReconciliationSummary> Summaries { get; set; }
        /// <summary>The rows left out, each with its error (R82).</summary>
        public IReadOnlyList<ReconciliationProblem> Problems { get; set; }
        /// <summary>How many PSA rows there were.</summary>
        public int Rows { get; set; }
        /// <summary>How many rows -ProductMap names as no license product (mapped to an empty value).</summary>
        public int IgnoredRows { get; set; }
        /// <summary>What the user should know of the comparison as a whole: rows left out, external ids not used.</summary>
        public IReadOnlyList<string> Warnings { get; set; }
    }
}
