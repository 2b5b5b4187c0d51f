using System;
using System.Collections;
using System.Collections.Generic;
using System.Management.Automation;

namespace MspLicensing.Commands
{
    /// <summary>The rows of a PSA export as the reconciliation reads them (Compare-MspUsage, Export-MspUsageReport -BilledSeats).</summary>
    internal static class PsaRows
    {
        // What the parameters that read a PSA export mean, in the help of each command that has them.
        public const string PsaHelp = "The PSA the rows come from, ConnectWiseManage or Autotask: rows match customers by the customer's external id for that PSA first (the ExternalId column), then by name. Without it rows match by name only.";
        public const string ExternalIdColumnHelp = "The column with the PSA's company id; default ExternalId. Used with -Psa.";
        public const string CustomerColumnHelp = "The column with the customer's (company) name; default Customer.";
        public const string ProductColumnHelp = "The column with the product: a product code, a product name or a name -ProductMap maps; default Product.";
        public const string QuantityColumnHelp = "The column with the billed seats, a whole number read in the invariant culture (25 or 25.00); default Quantity.";
        public const string ProductMapHelp = "The PSA's product names to product codes or names, e.g. @{ 'WF Services Seat' = 'WFBSS' }, ignoring case; it is read before the codes and names. A product mapped to '' (labour, hardware) is no license: its rows are left out without an error.";

        /// <summary>Row <paramref name="number"/> (from 1) of the export, keeping the object it came as for its errors.</summary>
        public static ReferenceRow Row(int number, PSObject row) => new ReferenceRow(number, Cells(row), row);

        /// <summary>The columns to read and how products map, from the parameters of the same names.</summary>
        public static ReconciliationOptions Options(Psa? psa, string externalIdColumn, string customerColumn, string productColumn, string quantityColumn, Hashtable productMap) =>
            new ReconciliationOptions
            {
                Psa = psa,
                ExternalIdColumn = externalIdColumn,
                CustomerColumn = customerColumn,
                ProductColumn = productColumn,
                QuantityColumn = quantityColumn,
                ProductMap = Tables.Strings(productMap, "ProductMap"),
            };

        /// <summary>A row's cells: the entries of a hashtable, else the properties of the object (the columns of Import-Csv).</summary>
        private static Dictionary<string, object> Cells(PSObject row)
        {
            var cells = new Dictionary<string, object>(StringComparer.OrdinalIgnoreCase);
            if (row.BaseObject is IDictionary table)
            {
                foreach (DictionaryEntry entry in table)
                    if (entry.Key != null) cells[Convert.ToString(Unwrap(entry.Key), System.Globalization.CultureInfo.InvariantCulture)] = Unwrap(entry.Value);
                return cells;
            }
            foreach (var property in row.Properties)
            {
                object value;
                try
                {
                    value = property.Value;
                }
                catch (GetValueException)
                {
                    continue;
                }
                cells[property.Name] = Unwrap(value);
            }
            return cells;
        }

        private static object Unwrap(object value) => value is PSObject p ? p.BaseObject : value;
    }
}
