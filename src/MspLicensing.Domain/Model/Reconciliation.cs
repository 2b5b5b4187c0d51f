using System;
using System.Collections.Generic;
using Newtonsoft.Json;
using Newtonsoft.Json.Converters;

namespace MspLicensing
{
    /// <summary>R81: the PSA whose company ids (a customer's external id under its name) match the PSA's rows to customers.</summary>
    [JsonConverter(typeof(StringEnumConverter))]
    public enum Psa
    {
        ConnectWiseManage,
        Autotask,
    }

    /// <summary>R80: how the seats the vendor bills the MSP compare with the seats the MSP bills its customer.</summary>
    [JsonConverter(typeof(StringEnumConverter))]
    public enum ReconciliationStatus
    {
        /// <summary>Chargeable and billed seats are equal.</summary>
        Match,
        /// <summary>The PSA bills fewer seats than the vendor charges: seats lost every month.</summary>
        UnderBilled,
        /// <summary>The PSA bills more seats than the vendor charges.</summary>
        OverBilled,
        /// <summary>The report has the line; the PSA bills nothing for it.</summary>
        NotInPsa,
        /// <summary>The PSA bills a customer and product the report has no line for (or no customer matches the row).</summary>
        NotLicensed,
    }

    /// <summary>R81: how the PSA rows of a line found their customer.</summary>
    [JsonConverter(typeof(StringEnumConverter))]
    public enum CustomerMatch
    {
        /// <summary>No PSA row (NotInPsa), or no customer matched the rows.</summary>
        None,
        /// <summary>By the customer's external id for the PSA (-Psa).</summary>
        ExternalId,
        /// <summary>By the customer's name, ignoring case.</summary>
        Name,
    }

    /// <summary>One row of a PSA export (a row of Import-Csv, or any object): its cells by column name, ignoring case.</summary>
    public sealed class ReferenceRow
    {
        public ReferenceRow(int number, IDictionary<string, object> cells, object source = null)
        {
            Number = number;
            Cells = new Dictionary<string, object>(cells ?? new Dictionary<string, object>(), StringComparer.OrdinalIgnoreCase);
            Source = source;
        }

        /// <summary>The row's number, counting from 1 (in a CSV file the first row after the header line).</summary>
        public int Number { get; }
        public IReadOnlyDictionary<string, object> Cells { get; }
        /// <summary>The object the row came as, the target of its error.</summary>
        public object Source { get; }
    }

    /// <summary>How Compare-MspUsage reads the PSA's rows (R80-R82).</summary>
    public sealed class ReconciliationOptions
    {
        public const string DefaultExternalIdColumn = "ExternalId";
        public const string DefaultCustomerColumn = "Customer";
        public const string DefaultProductColumn = "Product";
        public const string DefaultQuantityColumn = "Quantity";

        /// <summary>The PSA whose external ids match rows to customers first; null: rows match by name only.</summary>
        public Psa? Psa { get; set; }
        public string ExternalIdColumn { get; set; } = DefaultExternalIdColumn;
        public string CustomerColumn { get; set; } = DefaultCustomerColumn;
        public string ProductColumn { get; set; } = DefaultProductColumn;
        public string QuantityColumn { get; set; } = DefaultQuantityColumn;
        /// <summary>The PSA's product names to a product code or name; an empty value ignores the PSA product (not a license).</summary>
        public IDictionary<string, string> ProductMap { get; set; }
    }

    /// <summary>R80: one customer and product of a month: the vendor's chargeable seats beside the seats the PSA bills.</summary>
    public sealed class ReconciliationLine
    {
        /// <summary>The month, yyyy-MM.</summary>
        public string Month { get; set; }
        /// <summary>The customer's name in the store, or the PSA's name of a row no customer matched.</summary>
        public string Customer { get; set; }
        /// <summary>The customer's id; null when no customer matched the PSA rows.</summary>
        public Guid? CustomerId { get; set; }
        /// <summary>The product code (a suite's code for a suite, R53).</summary>
        public string Product { get; set; }
        public string ProductName { get; set; }
        /// <summary>The seats the vendor bills the MSP (R51): the report's Chargeable; 0 without a report line.</summary>
        public int Chargeable { get; set; }
        /// <summary>The seats the PSA bills the customer, its rows added up; 0 without a PSA row.</summary>
        public int Billed { get; set; }
        /// <summary>Chargeable minus Billed: above 0 seats the MSP pays for and does not bill.</summary>
        public int Difference { get; set; }
        public ReconciliationStatus Status { get; set; }
        /// <summary>The PSA company id: the customer's external id for the PSA, else the PSA row's.</summary>
        public string ExternalId { get; set; }
        public CustomerMatch MatchedBy { get; set; }
        /// <summary>The numbers of the PSA rows added up in Billed.</summary>
        public string PsaRows { get; set; }
        /// <summary>Why a row matched no customer or product, or which bad row was left out of Billed.</summary>
        public string Note { get; set; }
        /// <summary>The status of the month's report: Submitted and Approved months compare their frozen figures (R54).</summary>
        public UsageReportStatus ReportStatus { get; set; }

        public override string ToString() => $"{Month} {Customer} {Product}: {Chargeable} - {Billed} = {Difference} ({Status})";
    }

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

    /// <summary>A PSA row left out of the comparison (R82), with the error that says why.</summary>
    public sealed class ReconciliationProblem
    {
        public ReconciliationProblem(ReferenceRow row, MspException error)
        {
            Row = row;
            Error = error;
        }

        public ReferenceRow Row { get; }
        public MspException Error { get; }
    }

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
