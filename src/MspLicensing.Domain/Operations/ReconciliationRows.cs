using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;

namespace MspLicensing
{
    /// <summary>
    /// R80-R82: the PSA rows of a comparison, read one by one as they come: what each row bills (the customer as the PSA
    /// names it, the product and the seats), and the rows that cannot be compared, each with its error.
    /// </summary>
    /// <remarks>
    /// Only a row with an error keeps its object, the target of its error; of every other row the comparison keeps what
    /// it bills, so an export piped in (hundreds of thousands of Import-Csv rows) is not held in memory. The rows are
    /// kept whole for the error of a column no row has only until a row that can be compared shows the columns are there.
    /// </remarks>
    public sealed class ReconciliationRows
    {
        private readonly Dictionary<string, string> _map;
        private readonly List<BilledRow> _billed = new List<BilledRow>();
        private readonly List<ReconciliationProblem> _problems = new List<ReconciliationProblem>();

        /// <summary>Every row so far, while no row could be compared; null once one could.</summary>
        private List<ReferenceRow> _unproven = new List<ReferenceRow>();

        /// <summary>The rows of a comparison read with <paramref name="options"/>; a -ProductMap value that is no product stops it here.</summary>
        public ReconciliationRows(ReconciliationOptions options)
        {
            Options = options ?? new ReconciliationOptions();
            _map = ProductMap(Options.ProductMap);
        }

        public ReconciliationOptions Options { get; }

        /// <summary>How many rows have come.</summary>
        public int Count { get; private set; }

        /// <summary>How many rows -ProductMap names as no license product (mapped to an empty value).</summary>
        public int Ignored { get; private set; }

        /// <summary>The rows left out, each with its error, in the order they came (R82).</summary>
        public IReadOnlyList<ReconciliationProblem> Problems => _problems;

        /// <summary>What the rows bill, in the order they came; a row whose seats are not valid is there with its error (the line it would count toward says so).</summary>
        internal IReadOnlyList<BilledRow> Billed => _billed;

        /// <summary>Whether a row without -Psa has a company id in the external id column (the ids went unused, R81).</summary>
        internal bool IdsUnused { get; private set; }

        /// <summary>Reads the next row.</summary>
        public void Add(ReferenceRow row)
        {
            if (row == null) throw new ArgumentNullException(nameof(row));
            Count++;
            var billed = Read(row, out var error);
            if (error != null) _problems.Add(new ReconciliationProblem(row, error));
            if (billed != null) _billed.Add(billed);
            else if (error == null) Ignored++;
            if (!Options.Psa.HasValue && !IdsUnused) IdsUnused = Text(row, Options.ExternalIdColumn) != null;
            // A row that can be compared has the columns the comparison needs; the rows before it were kept only to name theirs.
            if (billed != null && error == null) _unproven = null;
            else _unproven?.Add(row);
        }

        /// <summary>R82: a column that no row has stops the comparison, naming the columns the rows have and the parameter that names another.</summary>
        internal void RequireColumns()
        {
            if (_unproven == null || _unproven.Count == 0) return;
            // The cells hold the columns the comparison reads; every column of every row is read only for the error.
            var present = new HashSet<string>(_unproven.SelectMany(r => r.CellColumns), StringComparer.OrdinalIgnoreCase);
            var required = new List<(string Column, string Parameter)>
            {
                (Options.ProductColumn, "ProductColumn"),
                (Options.QuantityColumn, "QuantityColumn"),
            };
            if (Options.Psa.HasValue)
            {
                // With -Psa, either identity column is enough: rows match by id first, then by name.
                if (!present.Contains(Options.ExternalIdColumn) && !present.Contains(Options.CustomerColumn))
                    required.Add((Options.ExternalIdColumn, "ExternalIdColumn"));
            }
            else required.Add((Options.CustomerColumn, "CustomerColumn"));
            foreach (var (column, parameter) in required)
            {
                if (present.Contains(column)) continue;
                var all = new HashSet<string>(_unproven.SelectMany(r => r.Columns), StringComparer.OrdinalIgnoreCase);
                string columns = string.Join(", ", all.OrderBy(c => c, StringComparer.OrdinalIgnoreCase).Select(c => MspException.Quote(c)));
                throw MspException.ForRule(Rules.R82, "PsaColumnMissing", ErrorKind.InvalidData,
                    $"No PSA row has the column {MspException.Quote(column)}; the rows have {(columns.Length == 0 ? "no columns" : columns)}. Name the column that holds it with -{parameter} <column>; nothing was compared.",
                    column);
            }
        }

        /// <summary>What a row bills; null for a row the product map leaves out (and no error) or a row whose customer or product is not given.</summary>
        private BilledRow Read(ReferenceRow row, out MspException error)
        {
            error = null;
            var options = Options;
            string externalId = options.Psa.HasValue ? Text(row, options.ExternalIdColumn) : null;
            string name = Text(row, options.CustomerColumn);
            string productText = Text(row, options.ProductColumn);
            // The words that name the row, only for its error.
            string Item() => RowName(row, name, externalId, options.Psa);
            if (string.IsNullOrEmpty(name) && string.IsNullOrEmpty(externalId))
            {
                error = Bad(Item(), "RowWithoutCustomer", options.Psa.HasValue
                    ? $"{options.CustomerColumn} and {options.ExternalIdColumn} are empty: give the customer's name or its {options.Psa} id"
                    : $"{options.CustomerColumn} is empty: give the customer's name (or its PSA company id in {options.ExternalIdColumn}, with -Psa)", row);
                return null;
            }
            string product;
            if (productText != null && _map.TryGetValue(productText, out var mapped))
            {
                if (mapped == null) return null;
                product = mapped;
            }
            else
            {
                product = Catalog.Find(productText)?.Code;
                if (product == null)
                {
                    error = Bad(Item(), "PsaProductNotMapped", $"{options.ProductColumn} {MspException.Quote(productText ?? string.Empty)} maps to no product: give a product code or name ({string.Join(", ", Catalog.Products.Select(p => p.Code))}), or map the PSA's product with -ProductMap @{{ {MspException.Quote(string.IsNullOrEmpty(productText) ? "PSA product" : productText)} = 'WFBSS' }} (map it to '' to leave out a product that is no license)", row);
                    return null;
                }
            }
            var billed = new BilledRow(row.Number, name, externalId, product.ToUpperInvariant());
            if (!ReconciliationOperations.TryQuantity(row.TryGetCell(options.QuantityColumn, out var q) ? q : null, out int quantity))
            {
                error = billed.Error = Bad(Item(), "PsaQuantityInvalid", $"{options.QuantityColumn} {MspException.Quote(Display(q))} is not valid: {ReconciliationOperations.QuantityAllowed}", row);
                return billed;
            }
            billed.Quantity = quantity;
            return billed;
        }

        /// <summary>R82: the error of a bad row, naming the row; the row is left out and the rest compared.</summary>
        private static MspException Bad(string item, string errorId, string message, ReferenceRow row)
        {
            var error = MspException.ForRule(Rules.R82, errorId, ErrorKind.InvalidData, message + "; the row is left out and the other rows are compared.", row.Source ?? row.Number).About(item);
            error.Data[ReasonKey] = message;
            return error;
        }

        private const string ReasonKey = "Reason";

        /// <summary>The message of a row's error without the words that name the row.</summary>
        internal static string Reason(MspException error) => error.Data[ReasonKey] as string ?? error.Message;

        /// <summary>The words that name a row in its error: PSA row 3 (customer 'Contoso', ConnectWiseManage id '4711').</summary>
        private static string RowName(ReferenceRow row, string name, string externalId, Psa? psa)
        {
            var parts = new List<string>();
            if (!string.IsNullOrEmpty(name)) parts.Add("customer " + MspException.Quote(name));
            if (!string.IsNullOrEmpty(externalId)) parts.Add($"{psa} id {MspException.Quote(externalId)}");
            return "PSA row " + row.Number.ToString(CultureInfo.InvariantCulture) + (parts.Count == 0 ? string.Empty : " (" + string.Join(", ", parts) + ")");
        }

        private static string Display(object value) => value == null ? string.Empty : Convert.ToString(value, CultureInfo.InvariantCulture);

        /// <summary>A cell as trimmed text; null when the row has no such cell or it is empty.</summary>
        private static string Text(ReferenceRow row, string column)
        {
            if (!row.TryGetCell(column, out var value) || value == null) return null;
            string text = Convert.ToString(value, CultureInfo.InvariantCulture)?.Trim();
            return string.IsNullOrEmpty(text) ? null : text;
        }

        /// <summary>The product map as PSA product (ignoring case) to code, null for a PSA product to leave out; a value that is no product stops the comparison.</summary>
        private static Dictionary<string, string> ProductMap(IDictionary<string, string> given)
        {
            var map = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
            if (given == null) return map;
            foreach (var pair in given)
            {
                string key = (pair.Key ?? string.Empty).Trim();
                if (string.IsNullOrWhiteSpace(pair.Value))
                {
                    map[key] = null;
                    continue;
                }
                var product = Catalog.Find(pair.Value)
                    ?? throw MspException.InvalidValue("ProductMap." + key, pair.Value, $"map a PSA product to a product code or name ({string.Join(", ", Catalog.Products.Select(p => p.Code))}), or to '' to leave it out");
                map[key] = product.Code;
            }
            return map;
        }
    }
}
