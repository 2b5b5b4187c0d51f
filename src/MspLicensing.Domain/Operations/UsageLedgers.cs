using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using MspLicensing.Store;

namespace MspLicensing
{
    /// <summary>
    /// The usage ledgers: per customer, the lines it bills in every month (R50-R53, before adjustments), kept in the
    /// transaction of every change to its licenses or subscriptions, so that a month's report reads one small document
    /// per customer that bills in the month instead of every license and subscription ever stored.
    /// </summary>
    /// <remarks>
    /// A customer's lines stop changing after the last date its licenses and subscriptions hold (a start, an end, an
    /// expiration that does not renew, a seat change, a used count, a move): from the month after it, every month bills
    /// the same. The ledger keeps those lines once (<see cref="UsageLedger.OpenLines"/>, from
    /// <see cref="UsageLedger.OpenFrom"/> on) and the lines of each earlier month that bills in a
    /// <see cref="UsageLedgerMonth"/>. A back-dated change rewrites the months it changes; a Submitted or Approved
    /// month keeps its frozen lines whatever the ledger says (R54); months to come are as the ledger says until a
    /// change says otherwise (R56: an auto-renewing subscription bills every month).
    /// </remarks>
    public static class UsageLedgers
    {
        /// <summary>yyyyMM of a month.</summary>
        public static int Key(BillingMonth month) => month.FirstDay.Year * 100 + month.FirstDay.Month;

        public static BillingMonth MonthOf(int key) => BillingMonth.Of(new DateTime(key / 100, key % 100, 1));

        /// <summary>
        /// What of a subscription its licenses' lines depend on: its plan (the lines name it), and its expiration unless
        /// it renews itself (then every month bills, R56, whatever date the renewal run recorded last).
        /// </summary>
        public static string KeyOf(Subscription s) =>
            s.ServicePlan + "\n" + (Lifecycle.WillRenew(s) ? "renews" : s.ExpirationDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture))
            + "\n" + s.CustomerId.ToString();

        /// <summary>The lines of one customer's month: one per billed product, in order of product.</summary>
        internal sealed class Built
        {
            internal int FirstMonth;
            internal int OpenFrom;
            internal string OpenLines;
            internal string Subscriptions;
            internal readonly List<KeyValuePair<int, string>> Months = new List<KeyValuePair<int, string>>();

            /// <summary>The months as the ledger lists them: "yyyyMM:fingerprint" separated by spaces.</summary>
            internal string MonthList => string.Join(" ", Months.Select(m => m.Key.ToString(CultureInfo.InvariantCulture) + ":" + Fingerprint(m.Value)));

            /// <summary>Whether <paramref name="ledger"/> says what this says (its months' documents aside).</summary>
            internal bool Matches(UsageLedger ledger) =>
                FirstMonth == 0
                    ? ledger == null
                    : ledger != null && ledger.FirstMonth == FirstMonth && ledger.OpenFrom == OpenFrom && ledger.OpenLines == OpenLines
                      && ledger.Subscriptions == Subscriptions && (ledger.Months ?? string.Empty) == MonthList;
        }

        /// <summary>
        /// What a customer bills, month by month, from its licenses and the subscriptions they sit in
        /// (<paramref name="subscriptions"/>: the customer's, whose <see cref="KeyOf"/> the ledger keeps).
        /// </summary>
        internal static Built Build(IReadOnlyList<License> licenses, IEnumerable<Subscription> subscriptions, Func<Guid, Subscription> subscriptionOf)
        {
            var built = new Built();
            // In order of activation code: a line names its codes and plans in that order, whatever order the store read them in.
            var billed = licenses.Where(l => !LicenseOperations.IsNfr(l)).OrderBy(l => l.ActivationCode, StringComparer.Ordinal).ToList();
            if (billed.Count == 0) return built;
            var first = BillingMonth.Of(billed.Min(l => l.StartDate));
            // A line moves only on a date a license or its subscription holds (or the day after it, R35, R43): a month
            // with no such date in it or in the month before bills as the month before (R52: the seats it held all
            // through, its last placement, no used count reported), and from the month after the last such date every
            // month bills as that month does.
            var moving = new HashSet<int>();
            var lastDate = DateTime.MinValue;
            foreach (var date in MovingDates(billed, subscriptionOf))
            {
                // The day after falls in this month or the next, which the month before it marks already.
                moving.Add(Key(BillingMonth.Of(date)));
                var next = date.AddDays(1);
                if (next > lastDate) lastDate = next;
            }
            var last = BillingMonth.Of(lastDate).AddMonths(1);
            var months = new List<KeyValuePair<int, string>>();
            for (var month = first; month <= last; month = month.AddMonths(1))
            {
                int key = Key(month);
                string lines = months.Count > 0 && !moving.Contains(key) && !moving.Contains(Key(month.AddMonths(-1)))
                    ? months[months.Count - 1].Value
                    : Write(UsageOperations.Bill(billed, subscriptionOf, month));
                months.Add(new KeyValuePair<int, string>(key, lines));
            }
            // The open lines start where the months stop changing.
            int open = months.Count - 1;
            while (open > 0 && months[open - 1].Value == months[open].Value) open--;
            var withLines = months.Where(m => m.Value.Length > 0).ToList();
            if (withLines.Count == 0) return built;
            built.FirstMonth = withLines[0].Key;
            if (months[open].Value.Length > 0)
            {
                built.OpenFrom = months[open].Key;
                built.OpenLines = months[open].Value;
            }
            built.Months.AddRange(months.Take(open).Where(m => m.Value.Length > 0));
            built.Subscriptions = string.Join(" ", subscriptions.OrderBy(s => s.SubscriptionId).Select(s => s.SubscriptionId.ToString("N") + ":" + Fingerprint(KeyOf(s))));
            return built;
        }

        /// <summary>
        /// The dates on which a line of <paramref name="licenses"/> may change: a start, a seat change, a used count, a
        /// move, an end, or an expiration that is not renewed (R56: the expiration of a license that follows an
        /// auto-renewing subscription moves no line, whatever date the renewal run recorded last). An end is active on
        /// its day (R35, R43): the day after a date is the first that may bill otherwise.
        /// </summary>
        private static IEnumerable<DateTime> MovingDates(IEnumerable<License> licenses, Func<Guid, Subscription> subscriptionOf)
        {
            foreach (var l in licenses)
            {
                yield return l.StartDate;
                if (l.EndDate.HasValue) yield return l.EndDate.Value;
                foreach (var c in l.SeatHistory) yield return c.Date;
                foreach (var u in l.UsedHistory) yield return u.Date;
                foreach (var p in l.Placements) yield return p.From;
                var subscription = subscriptionOf(l.SubscriptionId);
                if (l.EndState.HasValue || subscription == null || !Lifecycle.Follows(l)) yield return l.ExpirationDate;
                else if (!Lifecycle.WillRenew(subscription)) yield return subscription.ExpirationDate;
            }
        }

        /// <summary>
        /// Brings the ledgers up to date with the licenses and subscriptions as this transaction has them: those of the
        /// customers <paramref name="customers"/> (whose licenses changed), and those of the customers of the
        /// subscriptions written (<paramref name="subscriptions"/>, each with its <see cref="KeyOf"/>) where a
        /// subscription now bills otherwise than its ledger says (a renewal changes none). Only the months whose lines
        /// changed are written.
        /// </summary>
        public static void Settle(IStoreSession session, IReadOnlyCollection<Guid> customers, IReadOnlyList<(Guid Customer, Guid Subscription, string Key)> subscriptions = null)
        {
            subscriptions = subscriptions ?? new (Guid, Guid, string)[0];
            if (customers.Count == 0 && subscriptions.Count == 0) return;
            var changed = new HashSet<Guid>(customers);
            var ledgers = session.UsageLedgersOf(changed.Concat(subscriptions.Select(s => s.Customer)).Distinct().ToList()).ToDictionary(l => l.CustomerId);
            foreach (var s in subscriptions)
            {
                if (changed.Contains(s.Customer)) continue;
                string recorded = ledgers.TryGetValue(s.Customer, out var ledger) && Pairs(ledger.Subscriptions).TryGetValue(s.Subscription.ToString("N"), out var f) ? f : null;
                if (recorded != Fingerprint(s.Key)) changed.Add(s.Customer);
            }
            if (changed.Count == 0) return;
            var ids = changed.ToList();
            var built = BuildFor(session, ids);
            foreach (var customer in ids)
            {
                ledgers.TryGetValue(customer, out var ledger);
                Save(session, customer, ledger, built[customer]);
            }
        }

        /// <summary>What each of <paramref name="customers"/> bills, from its licenses and subscriptions as this transaction has them.</summary>
        internal static Dictionary<Guid, Built> BuildFor(IStoreSession session, IReadOnlyList<Guid> customers)
        {
            // The subscriptions first: a license that follows its subscription finds its date among them.
            var owned = session.SubscriptionsOfCustomers(customers);
            var byId = owned.ToDictionary(s => s.SubscriptionId);
            var ofCustomer = owned.ToLookup(s => s.CustomerId);
            var licenses = session.LicensesOfCustomers(customers).ToLookup(l => l.CustomerId);
            Subscription SubscriptionOf(Guid id)
            {
                if (id == Guid.Empty) return null;
                if (!byId.TryGetValue(id, out var s)) byId[id] = s = session.Subscriptions.Get(id);
                return s;
            }
            var built = new Dictionary<Guid, Built>();
            foreach (var customer in customers)
                built[customer] = Build(licenses[customer].ToList(), ofCustomer[customer], SubscriptionOf);
            return built;
        }

        /// <summary>Writes every customer's ledger anew from its licenses and subscriptions (a store that had none).</summary>
        public static void Rebuild(IStoreSession session)
        {
            var customers = session.Licenses.All().Select(l => l.CustomerId).Concat(session.Ledgers.All().Select(l => l.CustomerId)).Distinct().ToList();
            for (int i = 0; i < customers.Count; i += 500)
                Settle(session, customers.Skip(i).Take(500).ToList());
        }

        /// <summary>
        /// The customers whose stored ledger differs from what their licenses and subscriptions bill (none in a sound
        /// store): its months, its open lines or a month's document (<see cref="UsageLedgerCheck.Find"/>).
        /// </summary>
        public static IReadOnlyList<Guid> Disagreeing(IStoreSession session) =>
            UsageLedgerCheck.Find(session).Select(d => d.CustomerId).ToList();

        /// <summary>
        /// Writes what changed of a customer's ledger: the months' documents whose lines changed, and the ledger. With
        /// <paramref name="monthsDeleted"/> (a repair, which deleted every month's document of the customer first), every
        /// month is written and the ledger as well.
        /// </summary>
        internal static void Save(IStoreSession session, Guid customer, UsageLedger ledger, Built built, bool monthsDeleted = false)
        {
            var before = monthsDeleted ? new Dictionary<int, string>() : ListedMonths(ledger);
            var after = built.Months.ToDictionary(m => m.Key, m => Fingerprint(m.Value));
            foreach (var m in before)
            {
                if (after.TryGetValue(m.Key, out var f) && f == m.Value) continue;
                session.LedgerMonths.Delete(new UsageLedgerMonth { Id = MonthId(customer, m.Key, m.Value), CustomerId = customer, Month = m.Key, Revision = 1 });
            }
            foreach (var m in built.Months)
            {
                if (before.TryGetValue(m.Key, out var f) && f == after[m.Key]) continue;
                session.LedgerMonths.Insert(new UsageLedgerMonth { Id = MonthId(customer, m.Key, after[m.Key]), CustomerId = customer, Month = m.Key, Lines = m.Value });
            }
            if (!monthsDeleted && built.Matches(ledger)) return;
            if (built.FirstMonth == 0)
            {
                if (ledger != null) session.Ledgers.Delete(ledger);
                return;
            }
            var next = ledger ?? new UsageLedger { CustomerId = customer };
            next.FirstMonth = built.FirstMonth;
            next.OpenFrom = built.OpenFrom;
            next.OpenLines = built.OpenLines;
            next.Months = built.MonthList;
            next.Subscriptions = built.Subscriptions;
            if (ledger == null) session.Ledgers.Insert(next);
            else session.Ledgers.Update(next);
        }

        /// <summary>The months a ledger lists before its open lines, each with the fingerprint of its lines.</summary>
        internal static Dictionary<int, string> ListedMonths(UsageLedger ledger) =>
            Pairs(ledger?.Months).ToDictionary(p => int.Parse(p.Key, NumberStyles.None, CultureInfo.InvariantCulture), p => p.Value);

        /// <summary>The pairs of a ledger's "key:value key:value" text (its months, its subscriptions).</summary>
        private static Dictionary<string, string> Pairs(string text)
        {
            var result = new Dictionary<string, string>(StringComparer.Ordinal);
            if (string.IsNullOrEmpty(text)) return result;
            foreach (var part in text.Split(' '))
            {
                int colon = part.IndexOf(':');
                result[part.Substring(0, colon)] = part.Substring(colon + 1);
            }
            return result;
        }

        /// <summary>The id of a month's document: the customer's id mixed with the month and the fingerprint of its lines, so that changed lines are a new document and nothing has to be read to find the old one.</summary>
        public static Guid MonthId(Guid customer, int month, string fingerprint) =>
            MonthId(customer, month, ulong.Parse(fingerprint, NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture));

        /// <summary>The id of a month's document from the <see cref="Hash"/> of its lines.</summary>
        internal static Guid MonthId(Guid customer, int month, ulong hash)
        {
            var bytes = customer.ToByteArray();
            for (int i = 0; i < 8; i++) bytes[i] ^= (byte)(hash >> (8 * i));
            for (int i = 0; i < 4; i++) bytes[8 + i] ^= (byte)(month >> (8 * i));
            return new Guid(bytes);
        }

        /// <summary>A 64-bit FNV-1a hash of the lines, as 16 hexadecimal digits.</summary>
        internal static string Fingerprint(string lines) => Hash(lines).ToString("x16", CultureInfo.InvariantCulture);

        /// <summary>A 64-bit FNV-1a hash of the lines: <see cref="Fingerprint"/> as a number.</summary>
        internal static ulong Hash(string lines)
        {
            ulong hash = 14695981039346656037UL;
            foreach (char c in lines)
            {
                hash ^= c;
                hash *= 1099511628211UL;
            }
            return hash;
        }

        /// <summary>
        /// The lines every customer bills in <paramref name="month"/>, as its ledger has them (no names, no adjustments);
        /// with their plans and activation codes when <paramref name="withPlans"/>.
        /// </summary>
        public static IEnumerable<UsageLine> Lines(IStoreSession session, BillingMonth month, bool withPlans)
        {
            foreach (var pair in session.UsageLedgerLines(Key(month)))
                foreach (var line in Read(pair.Key, pair.Value, withPlans))
                    yield return line;
        }

        /// <summary>The first month any customer bills in; null when none does.</summary>
        public static BillingMonth? FirstMonth(IStoreSession session)
        {
            int? first = session.FirstUsageLedgerMonth();
            return first.HasValue ? MonthOf(first.Value) : (BillingMonth?)null;
        }

        // One line per product: product, provisioned, used (empty when none was reported), plans, activation codes.
        private static string Write(IEnumerable<UsageLine> lines)
        {
            var sb = new StringBuilder();
            foreach (var l in lines.OrderBy(l => l.Product, StringComparer.Ordinal))
            {
                if (sb.Length > 0) sb.Append('\n');
                sb.Append(Escape(l.Product)).Append('\t')
                    .Append(l.Provisioned.ToString(CultureInfo.InvariantCulture)).Append('\t')
                    .Append(l.Used.HasValue ? l.Used.Value.ToString(CultureInfo.InvariantCulture) : string.Empty).Append('\t')
                    .Append(Escape(l.ServicePlan)).Append('\t')
                    .Append(Escape(l.ActivationCode));
            }
            return sb.ToString();
        }

        /// <summary>The lines <see cref="Write"/> wrote, read field by field (a month's report reads hundreds of thousands).</summary>
        internal static IEnumerable<UsageLine> Read(Guid customer, string text, bool withPlans)
        {
            if (string.IsNullOrEmpty(text)) yield break;
            for (int start = 0; start <= text.Length;)
            {
                int end = text.IndexOf('\n', start);
                if (end < 0) end = text.Length;
                int provisioned = Tab(text, start, end), used = Tab(text, provisioned + 1, end), plan = Tab(text, used + 1, end), code = Tab(text, plan + 1, end);
                yield return new UsageLine
                {
                    CustomerId = customer,
                    Product = Unescape(text.Substring(start, provisioned - start)),
                    Provisioned = Number(text, provisioned + 1, used),
                    Used = plan == used + 1 ? (int?)null : Number(text, used + 1, plan),
                    ServicePlan = withPlans ? Unescape(text.Substring(plan + 1, code - plan - 1)) : null,
                    ActivationCode = withPlans ? Unescape(text.Substring(code + 1, end - code - 1)) : null,
                };
                start = end + 1;
            }
        }

        /// <summary>Where the field that starts at <paramref name="from"/> ends: the next tab before <paramref name="end"/>.</summary>
        private static int Tab(string text, int from, int end)
        {
            int at = from <= end ? text.IndexOf('\t', from, end - from) : -1;
            if (at < 0) throw new FormatException($"A usage ledger line has fewer than five fields: '{text.Substring(0, Math.Min(end, text.Length))}'.");
            return at;
        }

        private static int Number(string text, int from, int to) =>
            int.Parse(text.Substring(from, to - from), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);

        private static string Escape(string s) =>
            string.IsNullOrEmpty(s) ? string.Empty : s.Replace("\\", "\\\\").Replace("\t", "\\t").Replace("\n", "\\n").Replace("\r", "\\r");

        private static string Unescape(string s)
        {
            if (s.IndexOf('\\') < 0) return s;
            var sb = new StringBuilder(s.Length);
            for (int i = 0; i < s.Length; i++)
            {
                char c = s[i];
                if (c != '\\' || i + 1 == s.Length) { sb.Append(c); continue; }
                char n = s[++i];
                sb.Append(n == 't' ? '\t' : n == 'n' ? '\n' : n == 'r' ? '\r' : n);
            }
            return sb.ToString();
        }
    }
}
