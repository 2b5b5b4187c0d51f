using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using MspLicensing.Store;

namespace MspLicensing
{
    /// <summary>
    /// Checks the usage ledgers against what the licenses and subscriptions bill (Test-MspStore), and rewrites those that
    /// disagree (Repair-MspStore). A ledger is written in the transaction of every change, so a sound store has none that
    /// disagrees; one can come from an edit of the file by other tools, or from a module whose billing differed.
    /// </summary>
    public static class UsageLedgerCheck
    {
        public const string TargetType = "UsageLedger";

        // Customers checked per read of their licenses and subscriptions.
        private const int Chunk = 500;

        /// <summary>A month's document as the check keeps it: the hash of its lines for the lines (a store of 100,000 customers holds a million).</summary>
        private struct StoredMonth
        {
            internal Guid Id;
            internal int Month;
            internal ulong Hash;

            internal static StoredMonth Of(UsageLedgerMonth m) =>
                new StoredMonth { Id = m.Id, Month = m.Month, Hash = UsageLedgers.Hash(m.Lines ?? string.Empty) };
        }

        /// <summary>
        /// Every customer whose ledger disagrees with its licenses and subscriptions, in order of name (those of no
        /// customer last): its record, a month's document that is missing, left over or holds other lines, or its open
        /// lines. Reads the ledgers' months once and the customers' licenses and subscriptions a few hundred customers at
        /// a time.
        /// </summary>
        public static IReadOnlyList<LedgerDisagreement> Find(IStoreSession session)
        {
            var documents = new Dictionary<Guid, List<StoredMonth>>();
            foreach (var m in session.LedgerMonths.Each())
            {
                if (!documents.TryGetValue(m.CustomerId, out var list)) documents[m.CustomerId] = list = new List<StoredMonth>();
                list.Add(StoredMonth.Of(m));
            }
            var names = session.CustomerNames();
            var customers = new HashSet<Guid>(names.Keys);
            foreach (var ledger in session.Ledgers.Each()) customers.Add(ledger.CustomerId);
            customers.UnionWith(documents.Keys);
            var ordered = customers.OrderBy(c => c).ToList();
            var found = new List<LedgerDisagreement>();
            for (int i = 0; i < ordered.Count; i += Chunk)
            {
                var chunk = ordered.GetRange(i, Math.Min(Chunk, ordered.Count - i));
                var built = UsageLedgers.BuildFor(session, chunk);
                var ledgers = session.UsageLedgersOf(chunk).ToDictionary(l => l.CustomerId);
                foreach (var customer in chunk)
                {
                    ledgers.TryGetValue(customer, out var ledger);
                    var stored = documents.TryGetValue(customer, out var list) ? list : new List<StoredMonth>();
                    if (Agrees(customer, ledger, stored, built[customer])) continue;
                    var d = Disagreement(customer, names.TryGetValue(customer, out var name) ? name : null, ledger,
                        stored.Select(s => session.LedgerMonths.Get(s.Id)).Where(m => m != null).ToList(), built[customer]);
                    d.MonthDocuments = stored.Select(s => s.Id).ToList();
                    found.Add(d);
                }
            }
            return found.OrderBy(d => d.Customer == null ? 1 : 0).ThenBy(d => d.Customer, StringComparer.OrdinalIgnoreCase).ThenBy(d => d.CustomerId).ToList();
        }

        /// <summary>
        /// Rewrites the ledgers of <paramref name="found"/> (from <see cref="Find"/>) from their customers' licenses and
        /// subscriptions as this transaction has them, each checked again first; an audit entry names each one rewritten
        /// and the months it billed otherwise. Returns those rewritten (one that agrees by now is left as it is).
        /// </summary>
        public static IReadOnlyList<LedgerDisagreement> Repair(IStoreSession session, IReadOnlyList<LedgerDisagreement> found)
        {
            var ids = found.Select(f => f.CustomerId).Distinct().ToList();
            var built = UsageLedgers.BuildFor(session, ids);
            var ledgers = session.UsageLedgersOf(ids).ToDictionary(l => l.CustomerId);
            var repaired = new List<LedgerDisagreement>();
            foreach (var f in found)
            {
                ledgers.TryGetValue(f.CustomerId, out var ledger);
                // The month documents the check found and those the ledger lists now, as this transaction reads them.
                var listed = UsageLedgers.ListedMonths(ledger).Select(p => UsageLedgers.MonthId(f.CustomerId, p.Key, p.Value));
                var stored = f.MonthDocuments.Concat(listed).Distinct().Select(id => session.LedgerMonths.Get(id)).Where(m => m != null).ToList();
                var b = built[f.CustomerId];
                if (Agrees(f.CustomerId, ledger, stored.Select(StoredMonth.Of).ToList(), b)) continue;
                var d = Disagreement(f.CustomerId, f.Customer, ledger, stored, b);
                foreach (var m in stored) session.LedgerMonths.Delete(m);
                UsageLedgers.Save(session, f.CustomerId, ledger, b, monthsDeleted: true);
                session.Audit("Repair", TargetType, f.CustomerId.ToString(), f.Customer,
                    "usage ledger rewritten from the customer's licenses and subscriptions; months it billed otherwise: "
                    + (d.Months.Count == 0 ? "none (only its record differed)" : MonthsText(d)), f.CustomerId);
                repaired.Add(d);
            }
            return repaired;
        }

        /// <summary>One sentence for a store's problems: which customers' ledgers disagree, in which months, and what rewrites them.</summary>
        public static string Describe(IReadOnlyList<LedgerDisagreement> found)
        {
            const int named = 5;
            string Who(LedgerDisagreement d) => d.Customer == null ? $"a customer no longer stored ({d.CustomerId})" : MspException.Quote(d.Customer);
            string Where(LedgerDisagreement d) => d.Months.Count == 0 ? " (its record only; every month bills right)" : " in " + MonthsText(d);
            string One(LedgerDisagreement d) => Who(d) + Where(d);
            if (found.Count == 1)
                return $"The usage ledger of {Who(found[0])} bills otherwise than its licenses and subscriptions{Where(found[0])}; Repair-MspStore rewrites it from them.";
            string more = found.Count > named ? $", and {(found.Count - named).ToString(CultureInfo.InvariantCulture)} more" : string.Empty;
            return $"The usage ledgers of {found.Count.ToString(CultureInfo.InvariantCulture)} customers bill otherwise than their licenses and subscriptions: "
                + string.Join("; ", found.Take(named).Select(One)) + more + "; Repair-MspStore rewrites them from them.";
        }

        /// <summary>The months a ledger billed otherwise, as a sentence names them: "2026-03, 2026-04 and every month after".</summary>
        public static string MonthsText(LedgerDisagreement d) => string.Join(", ", d.Months) + (d.AndLater ? " and every month after" : string.Empty);

        /// <summary>
        /// What the stored ledger of a customer reads otherwise than its licenses bill: the months (yyyy-MM) in which a
        /// month's report reads other lines (every document of the month, and the open lines once they began), and
        /// whether every month after the last of them does too (the lines the two keep for all later months differ).
        /// </summary>
        private static LedgerDisagreement Disagreement(Guid customer, string name, UsageLedger ledger, IReadOnlyList<UsageLedgerMonth> stored, UsageLedgers.Built built)
        {
            var d = new LedgerDisagreement { CustomerId = customer, Customer = name };
            var keys = new List<int>();
            keys.AddRange(stored.Select(m => m.Month));
            keys.AddRange(built.Months.Select(m => m.Key));
            foreach (int key in new[] { built.FirstMonth, built.OpenFrom, ledger?.FirstMonth ?? 0, ledger?.OpenFrom ?? 0 })
                if (key > 0) keys.Add(key);
            keys.AddRange(UsageLedgers.ListedMonths(ledger).Keys);
            if (keys.Count == 0) return d;
            var builtMonths = built.Months.ToDictionary(m => m.Key, m => m.Value);
            var months = new List<string>();
            bool differs = false;
            // After the last month any of them names, both read as in that month: its open lines, or nothing.
            var last = UsageLedgers.MonthOf(keys.Max());
            for (var month = UsageLedgers.MonthOf(keys.Min()); month <= last; month = month.AddMonths(1))
            {
                int key = UsageLedgers.Key(month);
                var read = stored.Where(m => m.Month == key).Select(m => m.Lines ?? string.Empty).ToList();
                if (ledger != null && ledger.OpenFrom > 0 && ledger.OpenFrom <= key) read.Add(ledger.OpenLines ?? string.Empty);
                var bills = new List<string>();
                if (built.OpenFrom > 0 && built.OpenFrom <= key) bills.Add(built.OpenLines);
                else if (builtMonths.TryGetValue(key, out var lines)) bills.Add(lines);
                read.RemoveAll(l => l.Length == 0);
                differs = !read.SequenceEqual(bills);
                if (differs) months.Add(month.ToString());
            }
            d.Months = new TextList<string>(months);
            d.AndLater = differs;
            return d;
        }

        /// <summary>Whether the stored ledger and its months' documents say what <paramref name="built"/> says.</summary>
        private static bool Agrees(Guid customer, UsageLedger ledger, List<StoredMonth> stored, UsageLedgers.Built built)
        {
            if (!built.Matches(ledger) || stored.Count != built.Months.Count) return false;
            var byMonth = stored.OrderBy(s => s.Month).ToList();
            for (int i = 0; i < byMonth.Count; i++)
            {
                var m = built.Months[i];
                ulong hash = UsageLedgers.Hash(m.Value);
                if (byMonth[i].Month != m.Key || byMonth[i].Hash != hash || byMonth[i].Id != UsageLedgers.MonthId(customer, m.Key, hash)) return false;
            }
            return true;
        }
    }
}
