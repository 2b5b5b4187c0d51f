using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using MspLicensing.Store;

namespace MspLicensing
{
    /// <summary>Licenses: finding them, what they show as of a day, used counts (R34), descriptions (R2), NFR licenses (R51), removing Unbundled ones (R43).</summary>
    public static class LicenseOperations
    {
        public const string TargetType = "License";
        public const int MaxDescriptionLength = 500;

        /// <summary>The highest used count a license records (R34): ten times the most seats.</summary>
        public const int MaxUsed = SubscriptionOperations.MaxSeats * 10;

        /// <summary>What a used count may be, in the words of an error about one.</summary>
        public static string UsedCountAllowed => "give a used count, a whole number from 0 to " + MaxUsed.ToString("N0", CultureInfo.InvariantCulture);

        /// <summary>Get-MspLicense: the licenses a query selects, and an error when it gives an exact activation code that none of them has.</summary>
        public static Found<License> Get(IStoreSession session, LicenseQuery q)
        {
            var licenses = Find(session, q);
            bool missing = q.ActivationCode != null && !Wildcard.ContainsWildcard(q.ActivationCode) && licenses.Count == 0;
            return new Found<License>(licenses, missing
                ? new[] { MspException.LicenseNotFound(null, q.ActivationCode, filtered: q.Customer != null || q.Product != null || q.Status.HasValue) }
                : new MspException[0]);
        }

        /// <summary>
        /// Get-MspLicense with piped input: reads for a batch of queries at once and returns the read of each query of
        /// the batch (<see cref="Get"/>'s result or error). The queries that select by customer alone (customers piped
        /// in) find their customers, subscriptions and licenses in a few reads for all of them, not a few reads each;
        /// the others run one by one.
        /// </summary>
        public static Func<LicenseQuery, Found<License>> GetMany(IStoreSession session, IReadOnlyList<LicenseQuery> queries)
        {
            bool ByCustomer(LicenseQuery q) => q.Customer != null && (q.LicenseId == null || q.LicenseId.Count == 0) && !q.SubscriptionId.HasValue
                                               && (q.ActivationCode == null || Wildcard.ContainsWildcard(q.ActivationCode.Trim()));
            var refs = queries.Where(ByCustomer).Select(q => q.Customer).ToList();
            var (byId, byName) = refs.Count > 1 ? CustomerOperations.ResolveMany(session, refs) : (new Dictionary<Guid, Customer>(), new Dictionary<string, Customer>());
            var ids = byId.Keys.Concat(byName.Values.Select(c => c.CustomerId)).Distinct().ToList();
            // The subscriptions before the licenses, which take their dates from them.
            var subscriptions = session.SubscriptionsOfCustomers(ids).ToLookup(x => x.CustomerId);
            var licenses = session.LicensesOfCustomers(ids).ToLookup(l => l.CustomerId);
            return q =>
            {
                if (refs.Count <= 1 || !ByCustomer(q)) return Get(session, q);
                var target = q.Customer;
                var customer = CustomerOperations.Resolved(target, target.Id.HasValue
                    ? (byId.TryGetValue(target.Id.Value, out var c) ? c : null)
                    : (byName.TryGetValue(target.Name.Trim(), out var n) ? n : null));
                return new Found<License>(Select(session, q, licenses[customer.CustomerId], customer, subscriptions[customer.CustomerId].ToList()), new MspException[0]);
            };
        }

        /// <summary>The licenses a query selects, each shown as of the query's day (R38, R56).</summary>
        public static IReadOnlyList<License> Find(IStoreSession session, LicenseQuery q)
        {
            var code = q.ActivationCode == null ? null : Wildcard.Parse("ActivationCode", q.ActivationCode.Trim());
            IEnumerable<License> candidates;
            Customer customer = null;
            IReadOnlyList<Subscription> known = null;
            if (q.LicenseId != null && q.LicenseId.Count > 0)
                candidates = q.LicenseId.Select(id => session.Licenses.Get(id)).Where(x => x != null);
            else if (code != null && code.IsExact)
                candidates = new[] { session.FindLicenseByActivationCode(code.Literal.ToUpperInvariant()) }.Where(x => x != null);
            else if (q.SubscriptionId.HasValue)
                candidates = session.LicensesOfSubscription(q.SubscriptionId.Value);
            else if (q.Customer != null)
            {
                customer = CustomerOperations.Resolve(session, q.Customer);
                // The customer's subscriptions in one read by its index, before its licenses (which take their dates
                // from them), rather than one read per license.
                known = session.SubscriptionsOfCustomer(customer.CustomerId);
                candidates = session.LicensesOfCustomer(customer.CustomerId);
            }
            else candidates = session.Licenses.All();
            return Select(session, q, candidates, customer, known);
        }

        /// <summary>
        /// The <paramref name="candidates"/> a query selects (those of <paramref name="customer"/>, when it names one),
        /// each shown as of the query's day, with the subscriptions already read (<paramref name="known"/>).
        /// </summary>
        private static IReadOnlyList<License> Select(IStoreSession session, LicenseQuery q, IEnumerable<License> candidates, Customer customer, IReadOnlyList<Subscription> known)
        {
            var code = q.ActivationCode == null ? null : Wildcard.Parse("ActivationCode", q.ActivationCode.Trim());
            var product = q.Product == null ? null : Catalog.Get("Product", q.Product);
            bool all = customer == null && (q.LicenseId == null || q.LicenseId.Count == 0) && q.ActivationCode == null && !q.SubscriptionId.HasValue;
            var names = CustomerOperations.Names(session, customer, everyone: all);
            var account = session.GetAccount();
            var subscriptions = known?.ToDictionary(x => x.SubscriptionId) ?? new Dictionary<Guid, Subscription>();
            Subscription SubscriptionOf(Guid id)
            {
                if (!subscriptions.TryGetValue(id, out var s)) subscriptions[id] = s = session.Subscriptions.Get(id);
                return s;
            }
            return candidates
                .Where(l => (customer == null || l.CustomerId == customer.CustomerId)
                            && (!q.SubscriptionId.HasValue || l.SubscriptionId == q.SubscriptionId.Value)
                            && (code == null || code.IsMatch(l.ActivationCode))
                            && (product == null || string.Equals(l.Product, product.Code, StringComparison.OrdinalIgnoreCase) || string.Equals(l.Suite, product.Code, StringComparison.OrdinalIgnoreCase)))
                .Select(l => Decorate(l, SubscriptionOf(l.SubscriptionId), names, q.AsOf, account.GracePeriodDays))
                .Where(l => !q.Status.HasValue || l.Status == q.Status.Value)
                .OrderBy(l => l.Customer, StringComparer.OrdinalIgnoreCase).ThenBy(l => l.StartDate).ThenBy(l => l.Suite ?? l.Product).ThenBy(l => l.Product)
                .ToList();
        }

        /// <summary>
        /// Set-MspLicense: the license with the id, or else with the activation code, gets its description (R2) and then
        /// its used count on a day (R34), whichever the changes give; the license is returned as of <paramref name="today"/>.
        /// </summary>
        public static License Set(IStoreSession session, Guid? licenseId, string activationCode, LicenseChanges changes, DateTime nowUtc, DateTime today)
        {
            var id = licenseId ?? Resolve(session, null, activationCode).LicenseId;
            License changed = null;
            if (changes.Description != null) changed = Describe(session, id, changes.Description);
            if (changes.Used.HasValue) changed = SetUsed(session, id, changes.Used.Value, changes.Date, nowUtc, today);
            return changed;
        }

        /// <summary>Records the used count a product console reported for a license on a day.</summary>
        public static License SetUsed(IStoreSession session, Guid licenseId, int used, DateTime date, DateTime nowUtc, DateTime today)
        {
            var license = session.Licenses.Get(licenseId) ?? throw MspException.LicenseNotFound(licenseId, null);
            if (used < 0 || used > MaxUsed)
                throw MspException.InvalidValue("Used", used, UsedCountAllowed);
            var day = Dates.Day("Date", date);
            if (day < license.StartDate)
                throw MspException.InvalidValue("Date", Dates.Format(day), $"a used count is reported on or after the license's start, {Dates.Format(license.StartDate)}");
            var before = license.UsedHistory.FirstOrDefault(u => u.Date == day)?.Used;
            license.UsedHistory.RemoveAll(u => u.Date == day);
            license.UsedHistory.Add(new UsedCount { Date = day, Used = used });
            license.UsedHistory.Sort((a, b) => a.Date.CompareTo(b.Date));
            var customer = Store(session, license, $"Used on {Dates.Format(day)}: {(before.HasValue ? before.Value.ToString(CultureInfo.InvariantCulture) : "none")} -> {used}");
            return Decorate(license, session.Subscriptions.Get(license.SubscriptionId), id => customer?.Name, today, session.GetAccount().GracePeriodDays);
        }

        /// <summary>R2: a Customer Licensing Portal account edits the description of a product it registered.</summary>
        public static License Describe(IStoreSession session, Guid licenseId, string description)
        {
            AccountRules.RequireClp(session.GetAccount(), "Editing product descriptions", "In an LMP account product descriptions come from the service plans.");
            var license = session.Licenses.Get(licenseId) ?? throw MspException.LicenseNotFound(licenseId, null);
            string text = TextInput.Optional("Description", description, MaxDescriptionLength, prose: true);
            var before = license.Description;
            license.Description = text;
            license.Customer = Store(session, license, $"Description: '{before}' -> '{text}'")?.Name;
            return license;
        }

        /// <summary>Stores a changed license with its audit entry; returns its customer.</summary>
        private static Customer Store(IStoreSession session, License license, string summary)
        {
            session.Licenses.Update(license);
            var customer = session.Customers.Get(license.CustomerId);
            session.Audit("Update", TargetType, license.LicenseId.ToString(), customer?.Name + " / " + license.Product + " " + license.ActivationCode, summary, license.CustomerId);
            return customer;
        }

        /// <summary>The license with the id, or else with the activation code; refused when there is none.</summary>
        public static License Resolve(IStoreSession session, Guid? licenseId, string activationCode) =>
            (licenseId.HasValue ? session.Licenses.Get(licenseId.Value)
                : session.FindLicenseByActivationCode(ActivationCodes.Normalize("ActivationCode", activationCode)))
            ?? throw MspException.LicenseNotFound(licenseId, activationCode);

        /// <summary>R51: whether a license is (or ever was) an NFR license: those never bill and never migrate into LMP.</summary>
        public static bool IsNfr(License license) =>
            IsNfr(license.LicenseType) || license.Placements.Any(p => IsNfr(p.LicenseType));

        private static bool IsNfr(string licenseType) =>
            string.Equals(licenseType, NonMspLicenseType.NFR.ToString(), StringComparison.OrdinalIgnoreCase);

        /// <summary>R43, R52: what removing a license on <paramref name="day"/> means for billing.</summary>
        public static string RemovalBilling(DateTime day) =>
            $"{BillingMonth.Of(day)} bills in full, later months nothing";

        /// <summary>
        /// R43: removes an Unbundled license on a day: it is active (and bills its month in full, R52) through that
        /// day and nothing after it; it stays in the history with its activation code and the status Removed.
        /// </summary>
        public static License Remove(IStoreSession session, Guid? licenseId, string activationCode, DateTime date)
        {
            var removal = Removal.Prepare(session, licenseId, activationCode, date);
            var license = removal.License;
            var unbundledOn = license.EndDate;
            license.EndState = LicenseStatus.Removed;
            license.EndDate = removal.Day;
            session.Licenses.Update(license);
            session.Audit("Remove", TargetType, license.LicenseId.ToString(), removal.Customer?.Name + " / " + license.Product + " " + license.ActivationCode,
                $"Unbundled (since {Dates.Format(unbundledOn ?? license.StartDate)}) -> Removed on {Dates.Format(removal.Day)}: {RemovalBilling(removal.Day)}; "
                + $"{license.SeatsOn(removal.Day)} seats, expiring {Dates.Format(license.ExpirationDate)}", license.CustomerId);
            return removal.Decorated();
        }

        /// <summary>A removal worked out and checked from one read.</summary>
        private sealed class Removal
        {
            public License License { get; private set; }
            public Customer Customer { get; private set; }
            public Subscription Subscription { get; private set; }
            public DateTime Day { get; private set; }
            public int GraceDays { get; private set; }

            public License Decorated() => Decorate(License, Subscription, id => Customer?.Name, Day, GraceDays);

            public static Removal Prepare(IStoreSession session, Guid? licenseId, string activationCode, DateTime date)
            {
                var day = Dates.Day("Date", date);
                var license = Resolve(session, licenseId, activationCode);
                var r = new Removal
                {
                    License = license,
                    Customer = session.Customers.Get(license.CustomerId),
                    Subscription = license.SubscriptionId == Guid.Empty ? null : session.Subscriptions.Get(license.SubscriptionId),
                    Day = day,
                    GraceDays = session.GetAccount().GracePeriodDays,
                };
                string which = $"{license.Product} license {license.ActivationCode} of '{r.Customer?.Name}'";
                if (license.EndState == LicenseStatus.Removed)
                    throw new MspException("LicenseAlreadyRemoved", ErrorKind.InvalidOperation,
                        $"The {which} was removed on {Dates.Format(license.EndDate.Value)} already; nothing was changed. Get-MspLicense -Status Removed lists the removed licenses.", license);
                if (license.EndState != LicenseStatus.Unbundled)
                {
                    var status = Lifecycle.StatusOf(license, r.Subscription, day, r.GraceDays);
                    string instead = license.LicenseModel == LicenseModel.NonMsp
                        ? $"It is a non-MSP {license.LicenseType} license registered in Remote Manager: delete it with Unregister-MspProduct -ActivationCode {license.ActivationCode} instead."
                        : license.EndState.HasValue || r.Subscription == null || Lifecycle.HasEnded(r.Subscription)
                            ? $"It ended already ({license.EndState?.ToString() ?? status.ToString()}); there is nothing to remove."
                            : $"It is an MSP license of subscription '{r.Subscription.ServicePlan}': cancel the subscription instead with Stop-MspSubscription -SubscriptionId {r.Subscription.SubscriptionId}, or lower its seats with Set-MspSubscription.";
                    throw MspException.ForRule(Rules.R43, "LicenseNotUnbundled", ErrorKind.InvalidOperation,
                        $"The {which} is {status}, not Unbundled: Remove-MspLicense removes only the Unbundled licenses that a crossgrade out of a suite leaves. {instead}", license);
                }
                if (day < license.StartDate)
                    throw MspException.InvalidValue("Date", Dates.Format(day), $"the {which} started on {Dates.Format(license.StartDate)}; remove it on or after that day");
                var unbundledOn = license.EndDate ?? license.StartDate;
                if (day < unbundledOn)
                    throw MspException.InvalidValue("Date", Dates.Format(day), $"the {which} was unbundled on {Dates.Format(unbundledOn)}; remove it on or after that day");
                if (day >= license.ExpirationDate)
                    throw MspException.InvalidValue("Date", Dates.Format(day), $"the {which} expires on {Dates.Format(license.ExpirationDate)}; remove it before that day (from then on it bills nothing anyway)");
                return r;
            }
        }

        /// <summary>Fills in what a license shows when read for output as of a day: customer, plan, status (R38) and, for a live MSP license, the expiration (R56).</summary>
        internal static License Decorate(License l, Subscription s, Func<Guid, string> nameOf, DateTime asOf, int graceDays)
        {
            l.Customer = nameOf(l.CustomerId);
            l.ServicePlan = s?.ServicePlan;
            l.Status = Lifecycle.StatusOf(l, s, asOf, graceDays);
            if (s != null && Lifecycle.Follows(l)) l.ExpirationDate = Lifecycle.ExpirationOn(s, asOf);
            return l;
        }
    }
}
