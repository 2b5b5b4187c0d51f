using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
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

        /// <summary>
        /// Row <paramref name="number"/> (from 1) of the export with the cells of <paramref name="columns"/> (the
        /// options' <see cref="ReconciliationOptions.Columns"/>, one list for every row), keeping the object it came as
        /// for its errors.
        /// </summary>
        public static ReferenceRow Row(int number, PSObject row, IReadOnlyList<string> columns) =>
            row.BaseObject is IDictionary table ? new ReferenceRow(number, Entries(table), row) : new ReferenceRow(number, columns, Cell(row), row, ColumnsOf);

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

        /// <summary>The entries of a hashtable row.</summary>
        private static Dictionary<string, object> Entries(IDictionary table)
        {
            var cells = new Dictionary<string, object>(StringComparer.OrdinalIgnoreCase);
            foreach (DictionaryEntry entry in table)
                if (entry.Key != null) cells[Convert.ToString(Unwrap(entry.Key), System.Globalization.CultureInfo.InvariantCulture)] = Unwrap(entry.Value);
            return cells;
        }

        /// <summary>
        /// Reads an object's property (a column of Import-Csv) by name: going through all of an object's properties
        /// makes PowerShell keep a table of its members with the object (about 1.5 KB a row, which stays with the
        /// caller's rows) and takes seven times as long.
        /// </summary>
        private static ReferenceRow.TryRead Cell(PSObject row) => (string column, out object value) =>
        {
            value = null;
            var property = row.Properties[column];
            if (property == null) return false;
            try
            {
                value = Unwrap(property.Value);
                return true;
            }
            catch (GetValueException)
            {
                return false;
            }
        };

        /// <summary>Every property name of a row's object, for the error that names the columns the rows have.</summary>
        private static IEnumerable<string> ColumnsOf(object row) => ((PSObject)row).Properties.Select(p => p.Name);

        private static object Unwrap(object value) => value is PSObject p ? p.BaseObject : value;
    }
}
