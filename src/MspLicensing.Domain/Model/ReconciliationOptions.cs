using System;
using System.Collections.Generic;

namespace MspLicensing
{
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

        /// <summary>The columns a row is read for: its PSA company id, customer, product and quantity.</summary>
        public IReadOnlyList<string> Columns => new[] { ExternalIdColumn, CustomerColumn, ProductColumn, QuantityColumn };
    }
}
