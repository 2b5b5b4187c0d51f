using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using MspLicensing.Store;

namespace MspLicensing
{
    /// <summary>R80-R82: a month's usage report against the seats the MSP bills its customers in its PSA (Compare-MspUsage).</summary>
    public static class ReconciliationOperations
    {
        /// <summary>The most seats one PSA row can bill: a license's most units (R31).</summary>
        public const int MaxQuantity = 999_999;

        /// <summary>What a quantity may be; errors and help say it alike.</summary>
        public static readonly string QuantityAllowed =
            $"give a whole number of seats from 0 to {MaxQuantity.ToString("N0", CultureInfo.InvariantCulture)} in digits without thousands separators, such as 25 (25.00 counts as 25)";

        /// <summary>
        /// R80-R82: the month's report lines (the frozen ones of a Submitted or Approved month) against
        /// <paramref name="rows"/>, one line per customer and product, the rows of a customer and product added up.
        /// A column that no row has stops it; a bad row is left out and returned in <see cref="Reconciliation.Problems"/>.
        /// </summary>
        public static Reconciliation Compare(IStoreSession session, BillingMonth month, IEnumerable<ReferenceRow> rows, ReconciliationOptions options)
        {
            var read = new ReconciliationRows(options);
            foreach (var row in rows ?? new ReferenceRow[0]) read.Add(row);
            return Compare(session, month, read);
        }

        /// <summary>R80-R82: the month's report against the PSA rows read so far (see the other overload).</summary>
        public static Reconciliation Compare(IStoreSession session, BillingMonth month, ReconciliationRows rows)
        {
            var options = rows.Options;
            rows.RequireColumns();
            // The report first: it refuses a CLP account (R2) before any row is compared.
            var status = UsageOperations.StatusOf(session, month);
            // Without names: the customers' names come from the index below, and the report's plans and codes are not needed.
            var report = UsageOperations.Lines(session, month, false);
            var customers = new CustomerIndex(session.Customers.Each(), options.Psa);
            string monthText = month.ToString();

            // By customer (or, for rows that match none, the PSA's identity) and product code in upper case.
            var billed = new Dictionary<(Guid Customer, string Unmatched, string Product), Billing>();
            foreach (var row in rows.Billed)
            {
                var parsed = customers.Resolve(row.Name, row.ExternalId);
                var key = (parsed.Customer?.CustomerId ?? Guid.Empty, parsed.Unmatched, row.Product);
                if (!billed.TryGetValue(key, out var b)) billed[key] = b = new Billing(parsed);
                // R82: a row whose seats are not valid says so on the line it would have counted toward.
                if (row.Error != null) b.AddNote($"PSA row {row.Number.ToString(CultureInfo.InvariantCulture)} was left out ({ReconciliationRows.Reason(row.Error)})");
                else
                {
                    b.Quantity += row.Quantity;
                    b.Rows.Add(row.Number);
                }
            }

            var lines = new List<ReconciliationLine>(report.Count + billed.Count);
            foreach (var r in report)
            {
                if (billed.TryGetValue((r.CustomerId, null, r.Product.ToUpperInvariant()), out var b)) b.Reported = true;
                var customer = customers.ById(r.CustomerId);
                lines.Add(Line(monthText, status, customer?.Name ?? r.Customer, r.CustomerId, r.Product, true, r.Chargeable, b,
                    customer?.PsaId ?? b?.ExternalId));
            }
            var suites = report.Where(r => Catalog.Find(r.Product)?.Kind == ProductKind.Suite)
                .ToLookup(r => r.CustomerId, r => r.Product);
            // A customer and product whose every row was bad has no line: the rows' errors report them (R82).
            foreach (var pair in billed.Where(p => !p.Value.Reported && p.Value.Rows.Count > 0))
            {
                var b = pair.Value;
                var line = Line(monthText, status, b.Customer?.Name ?? b.PsaCustomer, b.Customer?.CustomerId, pair.Key.Product, false, 0, b,
                    b.Customer?.PsaId ?? b.ExternalId);
                if (b.Customer != null)
                {
                    var suite = suites[b.Customer.CustomerId].FirstOrDefault(s => Catalog.Find(s).Components.Contains(line.Product, StringComparer.OrdinalIgnoreCase));
                    line.Note = Join(suite != null
                        ? $"{b.Customer.Name} holds {line.Product} in the suite {suite}, which bills as the suite (R53): bill {suite} in the PSA"
                        : $"{b.Customer.Name} has no {line.Product} line in the {month} report", line.Note);
                }
                lines.Add(line);
            }
            lines.Sort((a, b) =>
            {
                int c = StringComparer.OrdinalIgnoreCase.Compare(a.Customer ?? string.Empty, b.Customer ?? string.Empty);
                return c != 0 ? c : StringComparer.OrdinalIgnoreCase.Compare(a.Product, b.Product);
            });
            var warnings = new List<string>();
            var problems = rows.Problems;
            if (problems.Count > 0)
                warnings.Add($"{problems.Count.ToString(CultureInfo.InvariantCulture)} of {rows.Count.ToString(CultureInfo.InvariantCulture)} PSA rows were left out for the errors above ({Rules.R82.Id}); the lines they would have counted toward say so in their Note.");
            if (rows.IdsUnused)
                warnings.Add($"The PSA rows have company ids in {MspException.Quote(options.ExternalIdColumn)}, but without -Psa they matched customers by name only; give -Psa {string.Join(" or -Psa ", Enum.GetNames(typeof(Psa)))} to match them by the customers' external ids first ({Rules.R81.Id}).");
            return new Reconciliation
            {
                Warnings = warnings,
                Month = month,
                ReportStatus = status,
                Lines = lines,
                Summaries = Summaries(lines, month, status),
                Problems = problems,
                Rows = rows.Count,
                IgnoredRows = rows.Ignored,
            };
        }

        /// <summary>R80: per product, the lines added up; the seats not billed are the month's loss.</summary>
        public static IReadOnlyList<ReconciliationSummary> Summaries(IEnumerable<ReconciliationLine> lines, BillingMonth month, UsageReportStatus status) =>
            lines.GroupBy(l => l.Product, StringComparer.OrdinalIgnoreCase)
                .Select(g => new ReconciliationSummary
                {
                    Month = month.ToString(),
                    Product = g.Key,
                    ProductName = Catalog.Find(g.Key)?.Name,
                    Lines = g.Count(),
                    Mismatches = g.Count(l => l.Status != ReconciliationStatus.Match),
                    Chargeable = g.Sum(l => l.Chargeable),
                    Billed = g.Sum(l => l.Billed),
                    Difference = g.Sum(l => l.Difference),
                    SeatsNotBilled = g.Sum(l => Math.Max(l.Difference, 0)),
                    SeatsOverBilled = g.Sum(l => Math.Max(-l.Difference, 0)),
                    ReportStatus = status,
                })
                .OrderBy(s => s.Product, StringComparer.OrdinalIgnoreCase)
                .ToList();

        /// <summary>R80: the status of a customer and product from what each side has.</summary>
        public static ReconciliationStatus StatusOf(bool inReport, int chargeable, bool inPsa, int billed)
        {
            if (!inPsa) return inReport ? ReconciliationStatus.NotInPsa : ReconciliationStatus.Match;
            if (!inReport) return ReconciliationStatus.NotLicensed;
            return chargeable == billed ? ReconciliationStatus.Match : chargeable > billed ? ReconciliationStatus.UnderBilled : ReconciliationStatus.OverBilled;
        }

        private static ReconciliationLine Line(string month, UsageReportStatus status, string customer, Guid? customerId, string product, bool inReport, int chargeable, Billing b, string externalId)
        {
            int quantity = b?.Quantity ?? 0;
            var code = Catalog.Find(product)?.Code ?? product;
            return new ReconciliationLine
            {
                Month = month,
                Customer = customer,
                CustomerId = customerId,
                Product = code,
                ProductName = Catalog.Find(code)?.Name,
                Chargeable = chargeable,
                Billed = quantity,
                Difference = chargeable - quantity,
                Status = StatusOf(inReport, chargeable, b != null && b.Rows.Count > 0, quantity),
                ExternalId = externalId,
                MatchedBy = b == null || b.Rows.Count == 0 ? CustomerMatch.None : b.MatchedBy,
                PsaRows = b == null ? null : string.Join(", ", b.Rows.Select(n => n.ToString(CultureInfo.InvariantCulture))),
                Note = b == null || b.Notes == null ? null : Join(b.Notes.Distinct().ToArray()),
                ReportStatus = status,
            };
        }

        private static string Join(params string[] parts)
        {
            var given = parts.Where(p => !string.IsNullOrEmpty(p)).ToList();
            return given.Count == 0 ? null : string.Join("; ", given);
        }

        /// <summary>R82: a quantity is a whole number of seats, 0 to <see cref="MaxQuantity"/>, read in the invariant culture.</summary>
        public static bool TryQuantity(object value, out int quantity)
        {
            quantity = 0;
            decimal number;
            switch (value)
            {
                case null:
                case bool _:
                    return false;
                case string text:
                    if (!decimal.TryParse(text.Trim(), NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out number)) return false;
                    break;
                case double d:
                    if (double.IsNaN(d) || double.IsInfinity(d) || Math.Abs(d) > MaxQuantity + 1) return false;
                    number = (decimal)d;
                    break;
                case float f:
                    if (float.IsNaN(f) || float.IsInfinity(f) || Math.Abs(f) > MaxQuantity + 1) return false;
                    number = (decimal)f;
                    break;
                case IConvertible c when IsNumber(c.GetTypeCode()):
                    number = c.ToDecimal(CultureInfo.InvariantCulture);
                    break;
                default:
                    return false;
            }
            if (number != decimal.Truncate(number) || number < 0 || number > MaxQuantity) return false;
            quantity = (int)number;
            return true;
        }

        private static bool IsNumber(TypeCode code) => code >= TypeCode.SByte && code <= TypeCode.Decimal;

        /// <summary>The customer a row counts toward.</summary>
        private sealed class RowCustomer
        {
            /// <summary>The customer the row matched; null when it matched none.</summary>
            public Known Customer { get; set; }
            /// <summary>The PSA's identity of a row no customer matched, in upper case: its id and name.</summary>
            public string Unmatched { get; set; }
            public string PsaCustomer { get; set; }
            public string ExternalId { get; set; }
            public CustomerMatch MatchedBy { get; set; }
            public string Note { get; set; }
        }

        /// <summary>The PSA rows of one customer (or unmatched PSA identity) and product, added up.</summary>
        private sealed class Billing
        {
            public Billing(RowCustomer first)
            {
                Customer = first.Customer;
                PsaCustomer = first.PsaCustomer;
                ExternalId = first.ExternalId;
                MatchedBy = first.MatchedBy;
                if (first.Note != null) AddNote(first.Note);
            }

            public Known Customer { get; }
            public string PsaCustomer { get; }
            public string ExternalId { get; }
            public CustomerMatch MatchedBy { get; }
            public int Quantity { get; set; }
            /// <summary>Whether the month's report has a line of this customer and product.</summary>
            public bool Reported { get; set; }
            public List<int> Rows { get; } = new List<int>();
            /// <summary>The first row's note, then a note of each row left out; null when there are none (most lines have none).</summary>
            public List<string> Notes { get; private set; }

            public void AddNote(string note)
            {
                if (Notes == null) Notes = new List<string>();
                Notes.Add(note);
            }
        }

        /// <summary>What the comparison keeps of a customer: its id, its name and its id in the PSA compared with.</summary>
        private sealed class Known
        {
            public Guid CustomerId { get; set; }
            public string Name { get; set; }
            /// <summary>The customer's id for the PSA; null without -Psa or without an id.</summary>
            public string PsaId { get; set; }
        }

        /// <summary>
        /// R81: the customers by id, by name (ignoring case) and by their external id for the PSA. Only what the
        /// comparison needs of each is kept, as the customers are read one by one.
        /// </summary>
        private sealed class CustomerIndex
        {
            private readonly Dictionary<Guid, Known> _byId = new Dictionary<Guid, Known>();
            private readonly Dictionary<string, Known> _byName = new Dictionary<string, Known>(StringComparer.OrdinalIgnoreCase);
            private readonly Dictionary<string, List<Known>> _byExternalId = new Dictionary<string, List<Known>>(StringComparer.OrdinalIgnoreCase);
            private readonly Psa? _psa;

            public CustomerIndex(IEnumerable<Customer> customers, Psa? psa)
            {
                _psa = psa;
                string tool = psa?.ToString();
                foreach (var c in customers)
                {
                    var known = new Known
                    {
                        CustomerId = c.CustomerId,
                        Name = c.Name,
                        PsaId = tool != null && c.ExternalId != null && c.ExternalId.TryGetValue(tool, out var given) && !string.IsNullOrWhiteSpace(given) ? given.Trim() : null,
                    };
                    _byId[known.CustomerId] = known;
                    _byName[known.Name.Trim()] = known;
                    if (known.PsaId == null) continue;
                    if (!_byExternalId.TryGetValue(known.PsaId, out var list)) _byExternalId[known.PsaId] = list = new List<Known>();
                    list.Add(known);
                }
            }

            public Known ById(Guid id) => _byId.TryGetValue(id, out var c) ? c : null;

            /// <summary>R81: by the PSA's id first, then by name; a row that matches no customer keeps the PSA's name and id, and a note why.</summary>
            public RowCustomer Resolve(string name, string externalId)
            {
                var row = new RowCustomer { PsaCustomer = name, ExternalId = externalId };
                string why = null;
                if (externalId != null)
                {
                    if (_byExternalId.TryGetValue(externalId, out var found))
                    {
                        if (found.Count == 1) return Matched(row, found[0], CustomerMatch.ExternalId);
                        why = $"{found.Count.ToString(CultureInfo.InvariantCulture)} customers have the {_psa} id {MspException.Quote(externalId)} ({string.Join(", ", found.Select(c => MspException.Quote(c.Name)))})";
                    }
                    else why = $"no customer has the {_psa} id {MspException.Quote(externalId)}";
                }
                if (name != null && _byName.TryGetValue(name, out var byName))
                {
                    var matched = Matched(row, byName, CustomerMatch.Name);
                    string own = byName.PsaId;
                    if (externalId != null)
                        matched.Note = $"matched by name: {why}" + (own == null ? $"; give {byName.Name} its id with Set-MspCustomer -Name {MspException.Quote(byName.Name)} -ExternalId @{{ {_psa} = {MspException.Quote(externalId)} }}" : $"; {byName.Name}'s {_psa} id is {MspException.Quote(own)}");
                    return matched;
                }
                row.Unmatched = (externalId ?? string.Empty).ToUpperInvariant() + "|" + (name ?? string.Empty).ToUpperInvariant();
                row.MatchedBy = CustomerMatch.None;
                row.Note = (why == null ? string.Empty : why + ", and ") + (name == null ? "the row has no customer name" : $"no customer is named {MspException.Quote(name)}");
                return row;
            }

            private static RowCustomer Matched(RowCustomer row, Known customer, CustomerMatch by)
            {
                row.Customer = customer;
                row.MatchedBy = by;
                return row;
            }
        }
    }
}
