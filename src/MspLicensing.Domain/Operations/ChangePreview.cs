using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using MspLicensing.Store;

namespace MspLicensing
{
    /// <summary>
    /// What a change would do, in the words -WhatIf and -Confirm show, worked out without writing anything. The change
    /// itself runs on a read of the store through a session that keeps its writes to itself, so it is refused exactly
    /// as it would be, and the text is made from the objects before and after it: the object (customer and plan,
    /// product and activation code), what changes from what to what on which day (the words of the audit log), and what
    /// that means for the bill, quoting the rule that says so (<see cref="Rule.Billing"/>).
    /// </summary>
    public sealed class ChangePreview
    {
        private ChangePreview(string text) => Text = text;

        /// <summary>One or two lines (a crossgrade: one more a step): "Litware / Monthly: WFBSS seats from 2026-06-01: 5 -> 9; ...".</summary>
        public string Text { get; }

        public override string ToString() => Text;

        /// <summary>
        /// Works <paramref name="change"/> out on <paramref name="session"/> (a read of the store) without writing
        /// anything; a refusal is thrown as the change would throw it. <paramref name="name"/> names the item when the
        /// change turns out to change nothing and does not say what it is.
        /// </summary>
        public static ChangePreview Of(IStoreSession session, string name, Func<IStoreSession, object> change)
        {
            var draft = new Draft(session);
            var result = change(draft);
            if (draft.Audits.Count == 0) return new ChangePreview((NameOf(result) ?? name) + ": nothing changes");
            // A migration records the subscription it makes and the license it registers as well: its own entry says it all.
            var shown = draft.Audits.Any(a => a.TargetType == MigrationOperations.TargetType)
                ? draft.Audits.Where(a => a.TargetType == MigrationOperations.TargetType)
                : draft.Audits;
            return new ChangePreview(string.Join("\n", shown.Select(a => Describe(draft, a))));
        }

        /// <summary>
        /// R45: a customer's crossgrade plan as -WhatIf and -Confirm show it: a line for the customer, the plan and the
        /// day, then a line a step (New, or transferred from which plan with which activation code).
        /// </summary>
        public static string Crossgrade(string customer, IReadOnlyList<CrossgradeStep> steps, DateTime date)
        {
            if (steps.Count == 0 || steps.All(s => s.Action == CrossgradeAction.Keep))
                return $"{customer}: holds '{steps.FirstOrDefault()?.ServicePlan}' already; nothing changes";
            var lines = new List<string>
            {
                $"{steps[0].Customer}: crossgrade to '{steps[0].ServicePlan}' on {Dates.Format(date)}; new licenses bill from {Month(date)} {Rules.R52.Quote}",
            };
            lines.AddRange(steps.Select(s => "  " + (s.Product ?? $"subscription '{s.FromServicePlan}'") + ": " + s.LicenseStatus
                                              + (s.ActivationCode == null ? string.Empty : $" ({s.ActivationCode})")));
            return string.Join("\n", lines);
        }

        /// <summary>R33, R38: what a renewal run does to one subscription, as -WhatIf and -Confirm show it.</summary>
        public static string Renewal(PlannedRenewal planned) =>
            $"{planned.Customer} / {planned.Subscription.ServicePlan}: {RenewalOperations.Describe(planned)}";

        private static string Describe(Draft draft, AuditEntry a)
        {
            switch (a.TargetType)
            {
                case SubscriptionOperations.TargetType: return Subscription(draft, a);
                case LicenseOperations.TargetType: return License(draft, a);
                case MigrationOperations.TargetType: return Migration(draft, a);
                case UsageOperations.TargetType:
                    return $"Usage report {a.Target}: {a.Summary}"
                           + (a.Action == UsageReportStatus.Submitted.ToString() || a.Action == UsageReportStatus.Approved.ToString() ? " " + Rules.R54.Quote
                               : a.Action == "Update" ? " " + Rules.R53.Quote : string.Empty);
                case CustomerOperations.TargetType:
                    var customer = draft.Customers.After(a.TargetId);
                    return a.Action == "Create" ? $"Customer '{customer.Name}': new customer in {customer.City}, {customer.Country}"
                        : a.Action == "Delete" ? $"Customer '{a.Target}': deleted"
                        : $"Customer '{a.Target}': {a.Summary}";
                case ServicePlanOperations.TargetType:
                    var plan = draft.ServicePlans.After(a.TargetId);
                    return a.Action == "Create" ? $"Service plan '{plan.Name}': new {plan.Version} plan of {string.Join(", ", plan.Products.Select(p => p.Code))}, "
                                                  + $"{Count(plan.InitialPeriodMonths, "month")}, " + (plan.AutoRenewalMonths.HasValue ? $"renewing every {Count(plan.AutoRenewalMonths.Value, "month")}" : "no auto-renewal")
                        : a.Action == "Delete" ? $"Service plan '{a.Target}': removed"
                        : $"Service plan '{a.Target}': {a.Summary} {Rules.R20.Quote}";
                case AccountOperations.TargetType:
                    bool bands = draft.AccountBefore != null && !draft.AccountBefore.SeatBandMinimums.SequenceEqual(draft.GetAccount().SeatBandMinimums);
                    return $"Partner account '{a.Target}': {a.Summary}" + (bands ? " " + Rules.R53.Quote : string.Empty);
                case RemoteManagerOperations.TemplateTargetType:
                    return $"Template '{a.Target}': " + (a.Action == "Create" ? "new " + a.Summary : a.Action == "Delete" ? "removed (" + a.Summary + ")" : a.Summary);
                case IntegrationOperations.TargetType:
                    return $"Plug-in '{a.Target}': {a.Summary}";
                default:
                    return $"{a.Target}: {a.Summary}";
            }
        }

        /// <summary>R30, R34-R37: a subscription assigned, changed, suspended, resumed, cancelled or converted.</summary>
        private static string Subscription(Draft draft, AuditEntry a)
        {
            var id = Guid.Parse(a.TargetId);
            var (before, after) = draft.Subscriptions.Change(id);
            var licenses = draft.Licenses.Changes().Where(c => c.After != null && c.After.SubscriptionId == id).ToList();
            switch (a.Action)
            {
                case "Create":
                    return $"{a.Target}: new {(after.IsTrial ? "trial" : "subscription")} from {Dates.Format(after.StartDate)} to {Dates.Format(after.ExpirationDate)}, "
                           + Seats(licenses.Select(c => c.After), after.StartDate)
                           + (after.IsTrial ? " " + Rules.R51.Quote : $"; bills from {Month(after.StartDate)} {Rules.R52.Quote}");
                case "Cancel":
                    var ending = licenses.Where(c => c.After.EndState == LicenseStatus.Cancelled).Select(c => c.After).ToList();
                    return $"{a.Target}: cancelled on {Dates.Format(after.CancelledOn.Value)}"
                           + (ending.Count == 0 ? string.Empty : $"; {Products(ending)} {(ending.Count == 1 ? "ends" : "end")} that day")
                           + " " + Rules.R35.Quote;
                case "Suspend":
                    // As of the day, the subscription has renewed through the date it shows (R56); an earlier end moves it.
                    var runsTo = Lifecycle.ExpirationOn(before, after.SuspendedOn.Value);
                    return $"{a.Target}: suspended on {Dates.Format(after.SuspendedOn.Value)}, expires {Dates.Format(runsTo)}"
                           + (runsTo == after.ExpirationDate ? string.Empty : " -> " + Dates.Format(after.ExpirationDate)) + " " + Rules.R36.Quote;
                case "Resume":
                    return $"{a.Target}: {a.Summary}; renews from {Dates.Format(after.ExpirationDate)}";
                case "Convert":
                    var kept = licenses.Where(c => c.Before != null).Select(c => c.After).ToList();
                    var added = licenses.Where(c => c.Before == null).Select(c => c.After).ToList();
                    return $"{draft.Customers.Get(after.CustomerId)?.Name} / {before.ServicePlan}: trial converted to '{after.ServicePlan}' on {Dates.Format(after.ConvertedOn.Value)}, "
                           + $"expires {Dates.Format(after.ExpirationDate)}; {Products(kept)} {(kept.Count == 1 ? "keeps its activation code" : "keep their activation codes")}"
                           + (added.Count == 0 ? string.Empty : $", {Products(added)} new") + " " + Rules.R37.Quote;
                default:
                    return $"{a.Target}: {a.Summary}" + SeatBilling(draft, licenses)
                           + (before.AutoRenewal && !after.AutoRenewal ? $"; runs to {Dates.Format(after.ExpirationDate)} {Rules.R36.Quote}" : string.Empty);
            }
        }

        /// <summary>
        /// R52: what a seat change bills: each month it falls in bills its peak seats, unless that month's report is
        /// frozen already (R54).
        /// </summary>
        private static string SeatBilling(Draft draft, IReadOnlyList<(License Before, License After)> licenses)
        {
            var changed = licenses.Where(c => c.Before != null)
                .SelectMany(c => c.After.SeatHistory
                    .Where(e => !c.Before.SeatHistory.Any(b => b.Date == e.Date && b.Seats == e.Seats))
                    .Select(e => (License: c.After, Month: BillingMonth.Of(e.Date))))
                .ToList();
            var parts = new List<string>();
            bool billed = false;
            foreach (var month in changed.Select(c => c.Month).Distinct().OrderBy(m => m))
            {
                var report = draft.GetUsageReport(month.ToString());
                if (report != null && UsageOperations.Frozen(report.Status))
                {
                    parts.Add($"{month} is {report.Status}: its figures stay as they are {Rules.R54.Quote}");
                    continue;
                }
                var first = month.FirstDay;
                var next = first.AddMonths(1);
                var peaks = changed.Where(c => c.Month == month).Select(c => c.License).Distinct()
                    .GroupBy(l => l.Suite ?? l.Product, StringComparer.OrdinalIgnoreCase)
                    .Select(g => (Product: g.Key, Peak: g.Max(l => l.PeakSeats(l.StartDate > first ? l.StartDate : first, next))))
                    .ToList();
                parts.Add($"{month} bills " + (peaks.Count == 1
                    ? Count(peaks[0].Peak, "seat")
                    : string.Join(", ", peaks.Select(p => p.Product + " " + p.Peak.ToString(CultureInfo.InvariantCulture))) + " seats"));
                billed = true;
            }
            return parts.Count == 0 ? string.Empty : "; " + string.Join("; ", parts) + (billed ? " " + Rules.R52.Quote : string.Empty);
        }

        /// <summary>R43, R60: a license removed, registered, deleted from Remote Manager or changed.</summary>
        private static string License(Draft draft, AuditEntry a)
        {
            var (_, after) = draft.Licenses.Change(Guid.Parse(a.TargetId));
            switch (a.Action)
            {
                case "Remove":
                    return $"{a.Target}: Unbundled -> Removed on {Dates.Format(after.EndDate.Value)} {Rules.R43.Quote}";
                case "Register":
                    // The target ends with the activation code, which the registration may only have made up here.
                    return $"{a.Target.Substring(0, a.Target.LastIndexOf(' '))}: register {a.Summary}";
                case "Delete":
                    return $"{a.Target}: deleted from Remote Manager ({a.Summary})";
                default:
                    return $"{a.Target}: {a.Summary}";
            }
        }

        /// <summary>R61, R62: a license migration started or completed.</summary>
        private static string Migration(Draft draft, AuditEntry a)
        {
            var (before, migration) = draft.Migrations.Change(Guid.Parse(a.TargetId));
            if (migration.Status == MigrationStatus.AwaitingVendor)
                return $"{a.Target}: migration into '{migration.ServicePlan}' waits for Trend Micro (R62); the license keeps its activation code";
            var start = migration.SubscriptionId.HasValue ? draft.Subscriptions.Get(migration.SubscriptionId.Value)?.StartDate ?? migration.Date : migration.Date;
            string how = before == null
                ? $"migrates into '{migration.ServicePlan}' on {Dates.Format(start)} with a new activation code, and this license ends (R61)"
                : $"migration completed: joins '{migration.ServicePlan}' on {Dates.Format(start)}, keeping its activation code";
            return $"{a.Target}: {how}; bills from {Month(start)} {Rules.R52.Quote}";
        }

        /// <summary>The words that name what a change returned, for a change that changes nothing; null when it names nothing.</summary>
        private static string NameOf(object result)
        {
            switch (result)
            {
                case Subscription s: return $"{s.Customer} / {s.ServicePlan}";
                case Customer c: return $"Customer '{c.Name}'";
                case ServicePlan p: return $"Service plan '{p.Name}'";
                case Account account: return $"Partner account '{account.Name}'";
                case License l: return $"{l.Customer} / {l.Product} {l.ActivationCode}";
                case Template t: return $"Template '{t.Name}'";
                default: return null;
            }
        }

        /// <summary>"WFBSS, CAS": the products of licenses, a suite's components by the suite's code.</summary>
        private static string Products(IEnumerable<License> licenses) =>
            string.Join(", ", licenses.Select(l => l.Suite ?? l.Product).Distinct(StringComparer.OrdinalIgnoreCase));

        /// <summary>"WFBSS 25 seats, CAS 10 seats": the seats of licenses on a day, a suite's components by the suite's code.</summary>
        private static string Seats(IEnumerable<License> licenses, DateTime day) =>
            string.Join(", ", licenses.GroupBy(l => l.Suite ?? l.Product, StringComparer.OrdinalIgnoreCase)
                .Select(g => g.Key + " " + Count(g.Max(l => l.SeatsOn(day)), "seat")));

        private static string Month(DateTime day) => BillingMonth.Of(day).ToString();

        private static string Count(int n, string noun) => n.ToString(CultureInfo.InvariantCulture) + " " + noun + (n == 1 ? string.Empty : "s");

        /// <summary>
        /// A session that reads through a read of the store and keeps what a change writes to itself: later reads of
        /// the same change see its writes, the store sees none, and the objects before and after stay at hand.
        /// </summary>
        private sealed class Draft : IStoreSession
        {
            private readonly IStoreSession _store;
            private readonly Dictionary<string, UsageReport> _reports = new Dictionary<string, UsageReport>(StringComparer.Ordinal);
            private Account _account;

            public Draft(IStoreSession store)
            {
                _store = store;
                Customers = new DraftSet<Customer>(store.Customers, c => c.CustomerId);
                ServicePlans = new DraftSet<ServicePlan>(store.ServicePlans, p => p.ServicePlanId);
                Subscriptions = new DraftSet<Subscription>(store.Subscriptions, s => s.SubscriptionId);
                Licenses = new DraftSet<License>(store.Licenses, l => l.LicenseId);
                Migrations = new DraftSet<LicenseMigration>(store.Migrations, m => m.MigrationId);
                Templates = new DraftSet<Template>(store.Templates, t => t.TemplateId);
                Outbox = new DraftSet<OutboxItem>(store.Outbox, o => o.OutboxItemId);
                Ledgers = new DraftSet<UsageLedger>(store.Ledgers, l => l.CustomerId);
                LedgerMonths = new DraftSet<UsageLedgerMonth>(store.LedgerMonths, m => m.Id);
            }

            public List<AuditEntry> Audits { get; } = new List<AuditEntry>();

            /// <summary>The account as stored, once the change saved it; else null.</summary>
            public Account AccountBefore { get; private set; }

            public DraftSet<Customer> Customers { get; }
            public DraftSet<ServicePlan> ServicePlans { get; }
            public DraftSet<Subscription> Subscriptions { get; }
            public DraftSet<License> Licenses { get; }
            public DraftSet<LicenseMigration> Migrations { get; }
            public DraftSet<Template> Templates { get; }
            public DraftSet<OutboxItem> Outbox { get; }
            public DraftSet<UsageLedger> Ledgers { get; }
            public DraftSet<UsageLedgerMonth> LedgerMonths { get; }

            IDocumentSet<Customer> IStoreSession.Customers => Customers;
            IDocumentSet<ServicePlan> IStoreSession.ServicePlans => ServicePlans;
            IDocumentSet<Subscription> IStoreSession.Subscriptions => Subscriptions;
            IDocumentSet<License> IStoreSession.Licenses => Licenses;
            IDocumentSet<LicenseMigration> IStoreSession.Migrations => Migrations;
            IDocumentSet<Template> IStoreSession.Templates => Templates;
            IDocumentSet<OutboxItem> IStoreSession.Outbox => Outbox;
            IDocumentSet<UsageLedger> IStoreSession.Ledgers => Ledgers;
            IDocumentSet<UsageLedgerMonth> IStoreSession.LedgerMonths => LedgerMonths;

            public void ReadAhead(ReadAhead what) => _store.ReadAhead(what);

            public Account GetAccount() => _account ?? _store.GetAccount();

            public void SaveAccount(Account account)
            {
                if (_account == null) AccountBefore = _store.GetAccount();
                _account = account;
            }

            public Customer FindCustomerByName(string name) =>
                Customers.Find(c => SameName(c.Name, name), () => _store.FindCustomerByName(name));

            public IReadOnlyList<Customer> FindCustomersByName(IEnumerable<string> names)
            {
                var wanted = new HashSet<string>(names.Where(n => !string.IsNullOrWhiteSpace(n)).Select(n => n.Trim()), StringComparer.OrdinalIgnoreCase);
                return Customers.Overlay(_store.FindCustomersByName(wanted), c => wanted.Contains(c.Name.Trim()));
            }

            public Dictionary<Guid, string> CustomerNames()
            {
                var names = _store.CustomerNames();
                foreach (var (before, after) in Customers.Changes())
                {
                    if (after != null) names[after.CustomerId] = after.Name;
                    else if (before != null) names.Remove(before.CustomerId);
                }
                return names;
            }

            public IReadOnlyList<Customer> CustomersByIds(IReadOnlyCollection<Guid> customerIds) =>
                Customers.Overlay(_store.CustomersByIds(customerIds), c => customerIds.Contains(c.CustomerId));

            public IReadOnlyList<Customer> FindCustomersByExternalId(string tool, string id) =>
                Customers.Overlay(_store.FindCustomersByExternalId(tool, id), c => c.ExternalId != null && c.ExternalId.TryGetValue(tool, out var v) && string.Equals(v, id, StringComparison.OrdinalIgnoreCase));

            public IReadOnlyList<IReadOnlyList<Guid>> CustomerIdsByExternalIds(IReadOnlyList<KeyValuePair<string, string>> ids) =>
                ids.Select(id => (IReadOnlyList<Guid>)FindCustomersByExternalId(id.Key, id.Value).Select(c => c.CustomerId).ToList()).ToList();

            public bool CustomerHoldsProducts(Guid customerId) => LicensesOfCustomer(customerId).Count > 0;

            public ServicePlan FindServicePlanByName(string name) =>
                ServicePlans.Find(p => SameName(p.Name, name), () => _store.FindServicePlanByName(name));

            public IEnumerable<KeyValuePair<Subscription, IReadOnlyList<License>>> SubscriptionsWithLicenses() => SessionReads.SubscriptionsWithLicenses(this);

            public IReadOnlyList<Subscription> SubscriptionsOfCustomer(Guid customerId) =>
                Subscriptions.Overlay(_store.SubscriptionsOfCustomer(customerId), s => s.CustomerId == customerId);

            public bool ServicePlanInUse(Guid servicePlanId) =>
                Subscriptions.Written.Any(s => s.ServicePlanId == servicePlanId) || _store.ServicePlanInUse(servicePlanId);

            public IReadOnlyList<License> LicensesOfCustomer(Guid customerId) =>
                Licenses.Overlay(_store.LicensesOfCustomer(customerId), l => l.CustomerId == customerId);

            public IReadOnlyList<License> LicensesOfSubscription(Guid subscriptionId) =>
                Licenses.Overlay(_store.LicensesOfSubscription(subscriptionId), l => l.SubscriptionId == subscriptionId);

            public IReadOnlyList<License> LicensesOfCustomers(IReadOnlyCollection<Guid> customerIds) =>
                Licenses.Overlay(_store.LicensesOfCustomers(customerIds), l => customerIds.Contains(l.CustomerId));

            public IReadOnlyList<Subscription> SubscriptionsOfCustomers(IReadOnlyCollection<Guid> customerIds) =>
                Subscriptions.Overlay(_store.SubscriptionsOfCustomers(customerIds), s => customerIds.Contains(s.CustomerId));

            public IReadOnlyList<UsageLedger> UsageLedgersOf(IReadOnlyCollection<Guid> customerIds) =>
                Ledgers.Overlay(_store.UsageLedgersOf(customerIds), l => customerIds.Contains(l.CustomerId));

            // A draft's changes never reach the ledgers: the lines are those of the store.
            public IReadOnlyList<KeyValuePair<Guid, string>> UsageLedgerLines(int month) => _store.UsageLedgerLines(month);

            public int? FirstUsageLedgerMonth() => _store.FirstUsageLedgerMonth();

            public License FindLicenseByActivationCode(string activationCode) =>
                Licenses.Find(l => string.Equals(l.ActivationCode, activationCode, StringComparison.Ordinal), () => _store.FindLicenseByActivationCode(activationCode));

            public Template FindTemplateByName(string name) =>
                Templates.Find(t => SameName(t.Name, name), () => _store.FindTemplateByName(name));

            public UsageReport GetUsageReport(string month) => _reports.TryGetValue(month, out var report) ? report : _store.GetUsageReport(month);

            public IReadOnlyList<string> UsageReportMonths() =>
                _store.UsageReportMonths().Union(_reports.Keys, StringComparer.Ordinal).OrderBy(m => m, StringComparer.Ordinal).ToList();

            public void SaveUsageReport(UsageReport report) => _reports[report.Month] = report;

            public void Audit(string action, string targetType, string targetId, string target, string summary, Guid? customerId = null) =>
                Audits.Add(new AuditEntry { Action = action, TargetType = targetType, TargetId = targetId, Target = target, Summary = summary, CustomerId = customerId });

            public IEnumerable<AuditEntry> AuditLog(AuditQuery query) => _store.AuditLog(query);

            private static bool SameName(string a, string b) =>
                string.Equals(a?.Trim(), b?.Trim(), StringComparison.OrdinalIgnoreCase);
        }

        /// <summary>A collection as a change sees it: the stored documents with the change's own inserts, updates and deletes over them.</summary>
        private sealed class DraftSet<T> : IDocumentSet<T> where T : class, IVersioned
        {
            private readonly IDocumentSet<T> _stored;
            private readonly Func<T, Guid> _id;
            private readonly Dictionary<Guid, T> _written = new Dictionary<Guid, T>();
            private readonly Dictionary<Guid, T> _before = new Dictionary<Guid, T>();
            private readonly HashSet<Guid> _inserted = new HashSet<Guid>();
            private readonly HashSet<Guid> _deleted = new HashSet<Guid>();

            public DraftSet(IDocumentSet<T> stored, Func<T, Guid> id)
            {
                _stored = stored;
                _id = id;
            }

            /// <summary>What the change inserted or updated, as it left it.</summary>
            public IEnumerable<T> Written => _written.Values;

            /// <summary>Each document the change wrote: as stored before it (null for a new one) and after it (null once deleted).</summary>
            public IEnumerable<(T Before, T After)> Changes() =>
                _written.Keys.Concat(_deleted).Distinct().Select(Change);

            public (T Before, T After) Change(Guid id) =>
                (_before.TryGetValue(id, out var before) ? before : null, _deleted.Contains(id) ? null : _written.TryGetValue(id, out var after) ? after : null);

            /// <summary>The document with the id of an audit entry as the change left it (as stored before, for a delete).</summary>
            public T After(string auditId)
            {
                var (before, after) = Change(Guid.Parse(auditId));
                return after ?? before;
            }

            public T Get(Guid id) => _deleted.Contains(id) ? null : _written.TryGetValue(id, out var item) ? item : _stored.Get(id);

            public IEnumerable<T> All() => Overlay(_stored.All(), _ => true);

            public IEnumerable<T> Each() => Overlay(_stored.Each(), _ => true);

            public int Count() => _stored.Count() + _inserted.Count(id => !_deleted.Contains(id)) - _deleted.Count(id => !_inserted.Contains(id));

            public void Insert(T item)
            {
                var id = _id(item);
                _inserted.Add(id);
                _deleted.Remove(id);
                _written[id] = item;
            }

            public void Update(T item)
            {
                var id = _id(item);
                Remember(id);
                _written[id] = item;
            }

            public void Delete(T item)
            {
                var id = _id(item);
                Remember(id);
                _written.Remove(id);
                _deleted.Add(id);
            }

            /// <summary>Keeps a stored document as it was before the change first wrote it (read afresh: the change may have altered its copy).</summary>
            private void Remember(Guid id)
            {
                if (!_inserted.Contains(id) && !_before.ContainsKey(id)) _before[id] = _stored.Get(id);
            }

            /// <summary>The first document the change wrote that matches, else the stored one unless the change deleted or rewrote it.</summary>
            public T Find(Func<T, bool> match, Func<T> stored)
            {
                var written = _written.Values.FirstOrDefault(match);
                if (written != null) return written;
                var found = stored();
                return found == null || _deleted.Contains(_id(found)) || _written.ContainsKey(_id(found)) ? null : found;
            }

            /// <summary>Stored documents of a query with the change's writes over them: rewritten ones as written (if they still match), new ones that match added.</summary>
            public IReadOnlyList<T> Overlay(IEnumerable<T> stored, Func<T, bool> match)
            {
                var result = new List<T>();
                var seen = new HashSet<Guid>();
                foreach (var item in stored)
                {
                    var id = _id(item);
                    seen.Add(id);
                    if (_deleted.Contains(id)) continue;
                    if (!_written.TryGetValue(id, out var written)) result.Add(item);
                    else if (match(written)) result.Add(written);
                }
                foreach (var pair in _written)
                    if (!seen.Contains(pair.Key) && match(pair.Value)) result.Add(pair.Value);
                return result;
            }
        }
    }
}
