using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using MspLicensing.Store;

namespace MspLicensing
{
    /// <summary>Assigning plans to customers and changing, suspending, resuming, cancelling and converting subscriptions (R30-R40).</summary>
    public static class SubscriptionOperations
    {
        public const string TargetType = "Subscription";
        public const int MinSeats = 1;
        public const int MaxSeats = 999999;

        public const int MaxTrialSeats = 10;

        /// <summary>R31: 1 to 999,999 seats; R37: at most 10 in a trial.</summary>
        public static int ValidateSeats(string field, int seats, bool trial)
        {
            if (trial && seats > MaxTrialSeats)
                throw MspException.ForRule(Rules.R37, "TrialSeatLimit", ErrorKind.InvalidArgument,
                    $"{field} {seats.ToString(CultureInfo.InvariantCulture)} is too many for a trial: a trial license has at most {MaxTrialSeats} seats.", seats);
            if (seats < MinSeats || seats > MaxSeats)
                throw MspException.InvalidValue(field, seats, $"a license has {MinSeats} to {MaxSeats.ToString("N0", CultureInfo.InvariantCulture)} seats (R31)");
            return seats;
        }

        /// <summary>
        /// R30: assigns a plan to a customer: one license per product (per component for suites), each with an activation
        /// code (R32). The subscription returned shows its status on <paramref name="today"/>.
        /// </summary>
        public static Subscription Assign(IStoreSession session, Assignment request, DateTime nowUtc, DateTime today)
        {
            var subscription = Assign(session, request, nowUtc, null, false);
            subscription.Status = Lifecycle.StatusOf(subscription, today);
            return subscription;
        }

        /// <summary>
        /// What a batch of assignments will look up, read ahead (<see cref="IStoreSession.ReadAhead"/>): the customers
        /// and plans they name, and each customer's subscriptions and licenses (also by subscription with
        /// <paramref name="skipExisting"/>, which looks at the licenses of the plan's subscriptions).
        /// </summary>
        public static void ReadAhead(IStoreSession session, IReadOnlyList<Assignment> assignments, bool skipExisting)
        {
            var what = new ReadAhead { SubscriptionsOfCustomers = true, LicensesOfCustomers = true, LicensesOfSubscriptions = skipExisting };
            foreach (var assignment in assignments)
            {
                what.Add(assignment.Customer);
                what.Add(assignment.ServicePlan);
            }
            session.ReadAhead(what);
        }

        /// <summary>
        /// What a batch of changes of subscriptions will look up, read ahead (<see cref="IStoreSession.ReadAhead"/>):
        /// the subscriptions, or the customers (and plans) that name them; their customers, and every subscription and
        /// license of those, which the ledgers a change settles read (<see cref="UsageLedgers.Settle"/>) and among which
        /// each subscription finds its licenses.
        /// </summary>
        public static void ReadAhead(IStoreSession session, IReadOnlyList<SubscriptionRef> targets)
        {
            var what = new ReadAhead { SubscriptionsOfCustomers = true, LicensesOfCustomers = true, LicensesOfSubscriptions = true };
            foreach (var target in targets) what.Add(target);
            session.ReadAhead(what);
        }

        /// <summary>
        /// New-MspSubscription: assigns a plan (R30); with <paramref name="skipExisting"/> (R13) the subscription of the
        /// plan that the customer holds already is passed on instead.
        /// </summary>
        public static Creation<Subscription> New(IStoreSession session, Assignment request, bool skipExisting, DateTime nowUtc, DateTime today) =>
            skipExisting ? AssignUnlessAssigned(session, request, nowUtc, today) : Creation<Subscription>.Created(Assign(session, request, nowUtc, today));

        /// <summary>
        /// R13: assigns a plan unless the customer holds it already through a subscription of that plan (its licenses
        /// still held on the start day, as R40 counts them); then that subscription is returned unchanged, with the seats
        /// the request gives differently. Seats given are checked either way (R31, R37).
        /// </summary>
        public static Creation<Subscription> AssignUnlessAssigned(IStoreSession session, Assignment request, DateTime nowUtc, DateTime today)
        {
            var account = session.GetAccount();
            AccountRules.RequireLmp(account, "Subscriptions");
            var customer = CustomerOperations.Resolve(session, request.Customer);
            var plan = ServicePlanOperations.Resolve(session, request.ServicePlan);
            var start = Dates.Day("StartDate", request.StartDate);
            var seats = SeatsByProduct(plan, request.Seats, request.ProductSeats, plan.Version == PlanVersion.Trial, plan.Seats);
            int graceDays = account.GracePeriodDays;
            var existing = session.SubscriptionsOfCustomer(customer.CustomerId)
                .Where(s => s.ServicePlanId == plan.ServicePlanId)
                .Select(s => (Subscription: s, Licenses: session.LicensesOfSubscription(s.SubscriptionId)))
                .Where(x => x.Licenses.Any(l => l.LicenseModel == LicenseModel.Msp && Holds(l, x.Subscription, start, graceDays)))
                .OrderByDescending(x => x.Subscription.StartDate)
                .FirstOrDefault();
            if (existing.Subscription == null) return Creation<Subscription>.Created(Assign(session, request, nowUtc, today));
            bool seatsGiven = request.Seats.HasValue || (request.ProductSeats != null && request.ProductSeats.Count > 0);
            string differences = seatsGiven ? SeatDifferences(plan, seats, existing.Licenses, start) : string.Empty;
            return Creation<Subscription>.Existing(Decorate(existing.Subscription, customer, today), differences);
        }

        /// <summary>"WFBSS: 5 seats -> 10": each product of the plan whose licenses hold other seats on the day than asked.</summary>
        private static string SeatDifferences(ServicePlan plan, IDictionary<string, int> wanted, IEnumerable<License> licenses, DateTime day)
        {
            var parts = new List<string>();
            foreach (var product in plan.Products)
            {
                var held = licenses.Where(l => l.LicenseModel == LicenseModel.Msp
                        && (string.Equals(l.Product, product.Code, StringComparison.OrdinalIgnoreCase) || string.Equals(l.Suite, product.Code, StringComparison.OrdinalIgnoreCase)))
                    .Select(l => l.SeatsOn(day)).Distinct().OrderBy(n => n).ToList();
                if (held.Count == 0 || (held.Count == 1 && held[0] == wanted[product.Code])) continue;
                parts.Add($"{product.Code}: {string.Join("/", held.Select(n => n.ToString(CultureInfo.InvariantCulture)))} seats -> {wanted[product.Code].ToString(CultureInfo.InvariantCulture)}");
            }
            return string.Join("; ", parts);
        }

        /// <summary>
        /// Assigns a plan in a migration: <paramref name="migrating"/> is the non-MSP license the new subscription
        /// replaces (R39 does not count it). With <paramref name="moveMigrating"/> the license itself moves into the
        /// subscription, keeping its activation code, instead of getting a new license.
        /// </summary>
        internal static Subscription Assign(IStoreSession session, Assignment request, DateTime nowUtc, License migrating, bool moveMigrating)
        {
            var account = session.GetAccount();
            AccountRules.RequireLmp(account, "Subscriptions");
            var customer = CustomerOperations.Resolve(session, request.Customer);
            if (!customer.InLicensingManagementPlatform)
                throw MspException.ForRule(Rules.R70, "CustomerNotSynchronized", ErrorKind.InvalidOperation,
                    $"Customer '{customer.Name}' was created in Remote Manager and has not reached the Licensing Management Platform yet; run Sync-MspRemoteManager first.", customer);
            if (!customer.Enabled)
                throw new MspException("CustomerDisabled", ErrorKind.InvalidOperation,
                    $"Customer '{customer.Name}' is disabled; enable it with Set-MspCustomer -Name '{customer.Name}' -Enabled $true before assigning plans.", customer);
            var plan = ServicePlanOperations.Resolve(session, request.ServicePlan);
            if (!plan.Enabled)
                throw MspException.ServicePlanDisabled(plan);
            var start = Dates.Day("StartDate", request.StartDate);
            bool trial = plan.Version == PlanVersion.Trial;
            var seats = SeatsByProduct(plan, request.Seats, request.ProductSeats, trial, plan.Seats);

            var held = session.LicensesOfCustomer(customer.CustomerId).Where(l => migrating == null || l.LicenseId != migrating.LicenseId).ToList();
            var subscriptions = session.SubscriptionsOfCustomer(customer.CustomerId).ToDictionary(s => s.SubscriptionId);
            CheckNoMixing(customer, plan, held, subscriptions, start, account.GracePeriodDays);
            CheckNoDuplicates(customer, plan, held, subscriptions, start, account.GracePeriodDays);

            var subscription = NewSubscription(customer, plan, start, nowUtc);
            session.Subscriptions.Insert(subscription);
            var licenses = new List<License>();
            var skip = moveMigrating ? new HashSet<string>(StringComparer.OrdinalIgnoreCase) { migrating.Product } : null;
            foreach (var planProduct in plan.Products)
                foreach (var license in NewLicenses(session, subscription, planProduct, seats[planProduct.Code], start, trial ? "Trial" : "Full", nowUtc, skip))
                    licenses.Add(license);
            if (moveMigrating)
            {
                var into = plan.Products.First(p => string.Equals(p.Code, migrating.Product, StringComparison.OrdinalIgnoreCase) || p.Product.Components.Contains(migrating.Product, StringComparer.OrdinalIgnoreCase));
                migrating.MoveTo(start, subscription.SubscriptionId, into.Product.Kind == ProductKind.Suite ? into.Code : null, "Full");
                migrating.LicenseModel = LicenseModel.Msp;
                migrating.DataCenter = migrating.DataCenter ?? into.DataCenterOf(migrating.Product);
                migrating.ExpirationDate = subscription.ExpirationDate;
                if (migrating.SeatsOn(start) != seats[into.Code]) SetSeats(migrating, start, seats[into.Code]);
                migrating.RecordedStatus = Lifecycle.StatusOf(migrating, subscription, start, 0);
                session.Licenses.Update(migrating);
                licenses.Add(migrating);
            }
            session.Audit("Create", TargetType, subscription.SubscriptionId.ToString(), customer.Name + " / " + plan.Name,
                $"Plan '{plan.Name}' ({plan.Version}) from {Dates.Format(start)} to {Dates.Format(subscription.ExpirationDate)}; licenses: "
                + string.Join(", ", licenses.Select(l => $"{l.Product} {l.Seats} seats {l.ActivationCode}")), customer.CustomerId);
            subscription.Customer = customer.Name;
            return subscription;
        }

        /// <summary>R30, R33: a subscription of a plan from a start date, with the plan's terms copied (a trial does not renew).</summary>
        internal static Subscription NewSubscription(Customer customer, ServicePlan plan, DateTime start, DateTime nowUtc)
        {
            var subscription = new Subscription
            {
                SubscriptionId = RecordId.New(nowUtc),
                CustomerId = customer.CustomerId,
                ServicePlanId = plan.ServicePlanId,
                ServicePlan = plan.Name,
                PlanVersion = plan.Version,
                StartDate = start,
                ExpirationDate = Dates.AddMonths(start, plan.InitialPeriodMonths, start.Day),
                RenewalDay = start.Day,
                InitialPeriodMonths = plan.InitialPeriodMonths,
                AutoRenewalMonths = plan.AutoRenewalMonths,
                AutoRenewal = plan.AutoRenewalMonths.HasValue && plan.Version != PlanVersion.Trial,
                ExpirationNoticeDays = plan.ExpirationNoticeDays,
                CreatedUtc = nowUtc,
                ModifiedUtc = nowUtc,
            };
            subscription.RecordedStatus = Lifecycle.StatusOf(subscription, start);
            return subscription;
        }

        /// <summary>Stores a license per part of a plan product (each component of a suite), skipping the parts <paramref name="skip"/> names.</summary>
        internal static List<License> NewLicenses(IStoreSession session, Subscription subscription, PlanProduct planProduct, int seats, DateTime start, string type, DateTime nowUtc, ISet<string> skip = null)
        {
            var product = planProduct.Product;
            var parts = product.Kind == ProductKind.Suite ? product.Components.Select(c => Catalog.Find(c)).ToList() : new List<Product> { product };
            var created = new List<License>();
            foreach (var part in parts.Where(p => skip == null || !skip.Contains(p.Code)))
            {
                var license = new License
                {
                    LicenseId = RecordId.New(nowUtc),
                    CustomerId = subscription.CustomerId,
                    SubscriptionId = subscription.SubscriptionId,
                    Product = part.Code,
                    Suite = product.Kind == ProductKind.Suite ? product.Code : null,
                    ActivationCode = ActivationCodes.New(part.ActivationCodePrefix),
                    DataCenter = planProduct.DataCenterOf(part.Code),
                    StartDate = start,
                    ExpirationDate = subscription.ExpirationDate,
                    SeatHistory = new TextList<SeatChange> { new SeatChange { Date = start, Seats = seats } },
                    LicenseModel = LicenseModel.Msp,
                    LicenseType = type,
                };
                license.Placements.Add(new LicensePlacement { From = start, SubscriptionId = subscription.SubscriptionId, Suite = license.Suite, LicenseType = type });
                license.RecordedStatus = Lifecycle.StatusOf(license, subscription, start, 0);
                session.Licenses.Insert(license);
                created.Add(license);
            }
            return created;
        }

        /// <summary>Seats per plan product: -ProductSeats wins, then -Seats, then the plan's units (R31, R37).</summary>
        private static Dictionary<string, int> SeatsByProduct(ServicePlan plan, int? seats, IDictionary<string, int> productSeats, bool trial, int fallback)
        {
            var result = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
            var byCode = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
            if (productSeats != null)
            {
                foreach (var pair in productSeats)
                {
                    var product = Catalog.Get("ProductSeats", pair.Key);
                    if (!plan.Products.Any(p => string.Equals(p.Code, product.Code, StringComparison.OrdinalIgnoreCase)))
                        throw MspException.InvalidValue("ProductSeats", pair.Key,
                            $"name products of service plan '{plan.Name}': {string.Join(", ", plan.Products.Select(p => p.Code))}");
                    byCode[product.Code] = ValidateSeats("ProductSeats." + product.Code, pair.Value, trial);
                }
            }
            int all = ValidateSeats("Seats", seats ?? fallback, trial);
            foreach (var p in plan.Products)
                result[p.Code] = byCode.TryGetValue(p.Code, out var n) ? n : all;
            return result;
        }

        /// <summary>
        /// Whether a license still counts as held on a day: not ended, and either renewing with its subscription (a
        /// renewal run may simply not have happened yet) or not past its grace period.
        /// </summary>
        internal static bool Holds(License l, Subscription subscription, DateTime day, int graceDays) =>
            (!l.EndState.HasValue || l.EndState == LicenseStatus.Unbundled)
            && ((Lifecycle.Follows(l) && subscription != null && Lifecycle.WillRenew(subscription)) || day < l.ExpirationDate.AddDays(graceDays));

        internal static Subscription SubscriptionOf(License l, IDictionary<Guid, Subscription> subscriptions) =>
            subscriptions != null && subscriptions.TryGetValue(l.SubscriptionId, out var s) ? s : null;

        /// <summary>The product codes a plan licenses: its products, with suites expanded to their components.</summary>
        public static HashSet<string> LicensedCodes(ServicePlan plan) =>
            new HashSet<string>(plan.Products.SelectMany(p => p.Product.Kind == ProductKind.Suite ? p.Product.Components : new[] { p.Code }), StringComparer.OrdinalIgnoreCase);

        /// <summary>R39: no MSP license where the customer holds a non-MSP license of the same product.</summary>
        internal static void CheckNoMixing(Customer customer, ServicePlan plan, IEnumerable<License> held, IDictionary<Guid, Subscription> subscriptions, DateTime day, int graceDays)
        {
            var codes = LicensedCodes(plan);
            var mixed = held.Where(l => l.LicenseModel == LicenseModel.NonMsp && Holds(l, SubscriptionOf(l, subscriptions), day, graceDays) && codes.Contains(l.Product)).ToList();
            if (mixed.Count > 0)
                throw MspException.ForRule(Rules.R39, "NonMspLicensesHeld", ErrorKind.InvalidOperation,
                    $"Customer '{customer.Name}' holds non-MSP licenses of {string.Join(", ", mixed.Select(l => $"{l.Product} ({l.ActivationCode})"))}; migrate them with Start-MspLicenseMigration before assigning '{plan.Name}'.",
                    customer);
        }

        /// <summary>R40, R42: products the customer holds already (a suite and its components count alike) need a crossgrade.</summary>
        private static void CheckNoDuplicates(Customer customer, ServicePlan plan, IEnumerable<License> held, IDictionary<Guid, Subscription> subscriptions, DateTime day, int graceDays)
        {
            var codes = LicensedCodes(plan);
            var duplicates = held.Where(l => l.LicenseModel == LicenseModel.Msp && Holds(l, SubscriptionOf(l, subscriptions), day, graceDays) && codes.Contains(l.Product)).ToList();
            if (duplicates.Count == 0) return;
            string list = string.Join(", ", duplicates.Select(l =>
                $"{l.Product} (from '{(subscriptions.TryGetValue(l.SubscriptionId, out var s) ? s.ServicePlan : "another plan")}', {l.ActivationCode})"));
            throw MspException.ForRule(Rules.R40, "CrossgradeRequired", ErrorKind.InvalidOperation,
                $"Service plan '{plan.Name}' duplicates products customer '{customer.Name}' already holds: {list}. Assigning it needs a crossgrade: Invoke-MspCrossgrade -Customer '{customer.Name}' -ServicePlan '{plan.Name}'.",
                customer);
        }

        public static Subscription Resolve(IStoreSession session, SubscriptionRef target)
        {
            if (!target.Id.HasValue) return ResolveForCustomer(session, target.Customer, target.ServicePlan, target.TrialsOnly);
            var s = session.Subscriptions.Get(target.Id.Value);
            if (s == null)
                throw new MspException("SubscriptionNotFound", ErrorKind.ObjectNotFound,
                    $"No subscription has the id '{target.Id}'. Get-MspSubscription -Customer <name> lists a customer's subscriptions.", target.Id.Value);
            if (target.ReadRevision.HasValue && target.ReadRevision.Value != s.Revision)
                throw MspException.StaleObject(TargetType, s.ServicePlan, target.ReadRevision.Value, s.Revision, "Get-MspSubscription");
            return s;
        }

        /// <summary>The one subscription of a customer (from a plan, if given) that has not been cancelled or deactivated.</summary>
        private static Subscription ResolveForCustomer(IStoreSession session, CustomerRef customerRef, ServicePlanRef planRef, bool trialsOnly)
        {
            var customer = CustomerOperations.Resolve(session, customerRef);
            var plan = planRef == null ? null : ServicePlanOperations.Resolve(session, planRef);
            var live = session.SubscriptionsOfCustomer(customer.CustomerId)
                .Where(s => !Lifecycle.HasEnded(s) && (plan == null || s.ServicePlanId == plan.ServicePlanId) && (!trialsOnly || s.IsTrial)).ToList();
            string kind = trialsOnly ? "trial subscription" : "subscription";
            string from = plan == null ? string.Empty : $" from service plan '{plan.Name}'";
            if (live.Count == 0)
                throw new MspException("SubscriptionNotFound", ErrorKind.ObjectNotFound,
                    $"Customer '{customer.Name}' has no running {kind}{from}. Get-MspSubscription -Customer '{customer.Name}' lists its subscriptions.", customerRef.Display);
            if (live.Count > 1)
                throw new MspException("SubscriptionAmbiguous", ErrorKind.InvalidArgument,
                    $"Customer '{customer.Name}' has {live.Count} running {kind}s{from} ({string.Join(", ", live.Select(s => $"'{s.ServicePlan}' {s.SubscriptionId}"))}); name one by -SubscriptionId or pipe it from Get-MspSubscription.", customerRef.Display);
            return live[0];
        }

        /// <summary>R34: seats and expiration change independently; R36: not while suspended; R37: never for a trial.</summary>
        public static Subscription Change(IStoreSession session, SubscriptionRef target, SubscriptionChanges changes, DateTime nowUtc, DateTime today)
        {
            AccountRules.RequireLmp(session.GetAccount(), "Subscriptions");
            var s = Resolve(session, target);
            var customer = session.Customers.Get(s.CustomerId);
            RequireChangeable(s, customer, "changed");
            if (s.IsTrial)
                throw MspException.ForRule(Rules.R37, "TrialNotModifiable", ErrorKind.InvalidOperation,
                    $"The trial subscription '{s.ServicePlan}' of '{customer?.Name}' cannot be changed; convert it to a Full plan with Convert-MspSubscription.", s);
            if (s.SuspendedOn.HasValue)
                throw MspException.ForRule(Rules.R36, "SubscriptionSuspended", ErrorKind.InvalidOperation,
                    $"Subscription '{s.ServicePlan}' of '{customer?.Name}' is suspended since {Dates.Format(s.SuspendedOn.Value)} and cannot be changed; resume it first with Resume-MspSubscription.", s);

            var date = Dates.Day("Date", changes.Date);
            var licenses = Lifecycle.Live(session.LicensesOfSubscription(s.SubscriptionId)).ToList();
            var summary = new List<string>();
            if ((changes.AutoRenewal == false && s.AutoRenewal) || (changes.AutoRenewalMonths.HasValue && changes.AutoRenewalMonths != s.AutoRenewalMonths))
            {
                var caughtUp = RecordRenewalsDue(s, licenses, date);
                if (caughtUp != null) summary.Add(caughtUp);
            }

            if (changes.Seats.HasValue || (changes.ProductSeats != null && changes.ProductSeats.Count > 0))
            {
                if (date < s.StartDate)
                    throw MspException.InvalidValue("Date", Dates.Format(date), $"a seat change takes effect on or after the subscription's start, {Dates.Format(s.StartDate)}");
                var bySuiteOrProduct = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
                if (changes.ProductSeats != null)
                {
                    foreach (var pair in changes.ProductSeats)
                    {
                        var product = Catalog.Get("ProductSeats", pair.Key);
                        if (!licenses.Any(l => string.Equals(l.Suite ?? l.Product, product.Code, StringComparison.OrdinalIgnoreCase)))
                            throw MspException.InvalidValue("ProductSeats", pair.Key,
                                $"name products of this subscription: {string.Join(", ", licenses.Select(l => l.Suite ?? l.Product).Distinct())}");
                        bySuiteOrProduct[product.Code] = ValidateSeats("ProductSeats." + product.Code, pair.Value, false);
                    }
                }
                int? all = changes.Seats.HasValue ? ValidateSeats("Seats", changes.Seats.Value, false) : (int?)null;
                // A suite's components change together: the summary names the suite once.
                var named = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
                foreach (var license in licenses)
                {
                    int? seats = bySuiteOrProduct.TryGetValue(license.Suite ?? license.Product, out var n) ? n : all;
                    if (!seats.HasValue) continue;
                    int before = license.SeatsOn(date);
                    SetSeats(license, date, seats.Value);
                    if (before != seats.Value && named.Add(license.Suite ?? license.Product))
                        summary.Add($"{license.Suite ?? license.Product} seats from {Dates.Format(date)}: {before} -> {seats.Value}");
                }
            }
            if (changes.ExpirationDate.HasValue)
            {
                var expiration = Dates.Day("ExpirationDate", changes.ExpirationDate.Value);
                if (expiration <= s.StartDate)
                    throw MspException.InvalidValue("ExpirationDate", Dates.Format(expiration), $"the expiration date comes after the start date, {Dates.Format(s.StartDate)}");
                if (expiration != s.ExpirationDate)
                {
                    summary.Add($"ExpirationDate: {Dates.Format(s.ExpirationDate)} -> {Dates.Format(expiration)}");
                    SetExpiration(s, licenses, expiration);
                    s.RenewalDay = expiration.Day;
                }
            }
            if (changes.AutoRenewalMonths.HasValue)
            {
                int months = changes.AutoRenewalMonths.Value;
                if (months < 1 || months > ServicePlanOperations.MaxPeriodMonths)
                    throw MspException.InvalidValue("AutoRenewalMonths", months, $"give 1 to {ServicePlanOperations.MaxPeriodMonths} months; turn renewal off with -AutoRenewal $false");
                if (months != s.AutoRenewalMonths)
                {
                    summary.Add($"AutoRenewalMonths: {s.AutoRenewalMonths?.ToString(CultureInfo.InvariantCulture) ?? "none"} -> {months}");
                    s.AutoRenewalMonths = months;
                }
            }
            if (changes.AutoRenewal.HasValue && changes.AutoRenewal.Value != s.AutoRenewal)
            {
                if (changes.AutoRenewal.Value && !s.AutoRenewalMonths.HasValue)
                    throw MspException.InvalidValue("AutoRenewal", true, "this subscription's plan has no renewal period: give -AutoRenewalMonths as well");
                summary.Add($"AutoRenewal: {s.AutoRenewal} -> {changes.AutoRenewal.Value}");
                s.AutoRenewal = changes.AutoRenewal.Value;
            }
            if (summary.Count == 0) return Decorate(s, customer, today);
            foreach (var license in licenses) session.Licenses.Update(license);
            s.ModifiedUtc = nowUtc;
            session.Subscriptions.Update(s);
            session.Audit("Update", TargetType, s.SubscriptionId.ToString(), customer?.Name + " / " + s.ServicePlan, string.Join("; ", summary), s.CustomerId);
            return Decorate(s, customer, today);
        }

        /// <summary>
        /// R56: records the renewals due on <paramref name="day"/> before a change that stops or alters the renewal, so
        /// what the subscription renewed through stays billed. The audit words, or null when none were due. The live
        /// licenses follow the subscription's date when read, so only the subscription needs writing.
        /// </summary>
        private static string RecordRenewalsDue(Subscription s, IEnumerable<License> licenses, DateTime day)
        {
            var recorded = s.ExpirationDate;
            return Lifecycle.CatchUp(s, licenses, day) > 0
                ? $"renewals due recorded: ExpirationDate {Dates.Format(recorded)} -> {Dates.Format(s.ExpirationDate)}"
                : null;
        }

        /// <summary>R34: the seat count from <paramref name="date"/> on; a change on the same day replaces the earlier one.</summary>
        public static void SetSeats(License license, DateTime date, int seats)
        {
            license.SeatHistory.RemoveAll(c => c.Date == date);
            license.SeatHistory.Add(new SeatChange { Date = date, Seats = seats });
            license.SeatHistory.Sort((a, b) => a.Date.CompareTo(b.Date));
        }

        private static void SetExpiration(Subscription s, IEnumerable<License> licenses, DateTime expiration)
        {
            s.ExpirationDate = expiration;
            foreach (var l in licenses) l.ExpirationDate = expiration;
        }

        private static void RequireChangeable(Subscription s, Customer customer, string verb)
        {
            if (s.CancelledOn.HasValue)
                throw new MspException("SubscriptionEnded", ErrorKind.InvalidOperation,
                    $"Subscription '{s.ServicePlan}' of '{customer?.Name}' was cancelled on {Dates.Format(s.CancelledOn.Value)} and cannot be {verb}; assign the plan again with New-MspSubscription.", s);
            if (s.DeactivatedOn.HasValue)
                throw new MspException("SubscriptionEnded", ErrorKind.InvalidOperation,
                    $"Subscription '{s.ServicePlan}' of '{customer?.Name}' was deactivated by a license transfer on {Dates.Format(s.DeactivatedOn.Value)} and cannot be {verb}.", s);
        }

        /// <summary>R36: suspending turns auto-renewal off; the licenses run to their expiration date or an earlier one.</summary>
        public static Subscription Suspend(IStoreSession session, SubscriptionRef target, DateTime date, DateTime? until, DateTime nowUtc)
        {
            AccountRules.RequireLmp(session.GetAccount(), "Subscriptions");
            var s = Resolve(session, target);
            var customer = session.Customers.Get(s.CustomerId);
            RequireChangeable(s, customer, "suspended");
            if (s.SuspendedOn.HasValue)
                throw MspException.ForRule(Rules.R36, "SubscriptionSuspended", ErrorKind.InvalidOperation,
                    $"Subscription '{s.ServicePlan}' of '{customer?.Name}' is suspended already, since {Dates.Format(s.SuspendedOn.Value)}.", s);
            if (!s.AutoRenewalMonths.HasValue || s.IsTrial)
                throw MspException.ForRule(Rules.R36, "SuspendNeedsAutoRenewal", ErrorKind.InvalidOperation,
                    $"Subscription '{s.ServicePlan}' of '{customer?.Name}' has no auto-renewal and cannot be suspended; it runs to {Dates.Format(s.ExpirationDate)} by itself, or cancel it with Stop-MspSubscription.", s);
            var day = Dates.Day("Date", date);
            if (day < s.StartDate)
                throw MspException.InvalidValue("Date", Dates.Format(day), $"a subscription is suspended on or after its start, {Dates.Format(s.StartDate)}");
            var summary = $"Suspended on {Dates.Format(day)}; AutoRenewal: {s.AutoRenewal} -> False";
            var licenses = Lifecycle.Live(session.LicensesOfSubscription(s.SubscriptionId)).ToList();
            var caughtUp = RecordRenewalsDue(s, licenses, day);
            if (caughtUp != null) summary += "; " + caughtUp;
            if (until.HasValue)
            {
                var end = Dates.Day("ExpirationDate", until.Value);
                if (end <= day || end > s.ExpirationDate)
                    throw MspException.InvalidValue("ExpirationDate", Dates.Format(end), $"a suspended subscription runs to a day after {Dates.Format(day)} and no later than its expiration, {Dates.Format(s.ExpirationDate)}");
                summary += $"; ExpirationDate: {Dates.Format(s.ExpirationDate)} -> {Dates.Format(end)}";
                SetExpiration(s, licenses, end);
                foreach (var l in licenses) session.Licenses.Update(l);
            }
            s.SuspendedOn = day;
            s.AutoRenewal = false;
            s.ModifiedUtc = nowUtc;
            session.Subscriptions.Update(s);
            session.Audit("Suspend", TargetType, s.SubscriptionId.ToString(), customer?.Name + " / " + s.ServicePlan, summary, s.CustomerId);
            return Decorate(s, customer, day);
        }

        /// <summary>R36: resuming is allowed until the grace period after expiration ends, and turns auto-renewal on again.</summary>
        public static Subscription Resume(IStoreSession session, SubscriptionRef target, DateTime date, DateTime nowUtc)
        {
            var account = session.GetAccount();
            AccountRules.RequireLmp(account, "Subscriptions");
            var s = Resolve(session, target);
            var customer = session.Customers.Get(s.CustomerId);
            RequireChangeable(s, customer, "resumed");
            if (!s.SuspendedOn.HasValue)
                throw new MspException("SubscriptionNotSuspended", ErrorKind.InvalidOperation,
                    $"Subscription '{s.ServicePlan}' of '{customer?.Name}' is not suspended.", s);
            var day = Dates.Day("Date", date);
            var graceEnd = s.ExpirationDate.AddDays(account.GracePeriodDays);
            if (day >= graceEnd)
                throw MspException.ForRule(Rules.R36, "GracePeriodOver", ErrorKind.InvalidOperation,
                    $"Subscription '{s.ServicePlan}' of '{customer?.Name}' expired on {Dates.Format(s.ExpirationDate)} and its grace period of {account.GracePeriodDays} days ended on {Dates.Format(graceEnd)}; it can no longer be resumed. Assign the plan again with New-MspSubscription.", s);
            s.SuspendedOn = null;
            s.AutoRenewal = true;
            s.ModifiedUtc = nowUtc;
            session.Subscriptions.Update(s);
            session.Audit("Resume", TargetType, s.SubscriptionId.ToString(), customer?.Name + " / " + s.ServicePlan, $"Resumed on {Dates.Format(day)}; AutoRenewal: False -> True", s.CustomerId);
            return Decorate(s, customer, day);
        }

        /// <summary>R35: cancelling takes effect at once; the licenses end that day.</summary>
        public static Subscription Cancel(IStoreSession session, SubscriptionRef target, DateTime date, DateTime nowUtc)
        {
            AccountRules.RequireLmp(session.GetAccount(), "Subscriptions");
            var s = Resolve(session, target);
            var customer = session.Customers.Get(s.CustomerId);
            RequireChangeable(s, customer, "cancelled");
            var day = Dates.Day("Date", date);
            if (day < s.StartDate)
                throw MspException.InvalidValue("Date", Dates.Format(day), $"a subscription is cancelled on or after its start, {Dates.Format(s.StartDate)}");
            var licenses = Lifecycle.Live(session.LicensesOfSubscription(s.SubscriptionId)).ToList();
            // R56: what the subscription had renewed through by the day of the cancellation stays billed.
            Lifecycle.CatchUp(s, licenses, day);
            s.CancelledOn = day;
            s.AutoRenewal = false;
            s.ModifiedUtc = nowUtc;
            foreach (var l in licenses)
            {
                l.EndState = LicenseStatus.Cancelled;
                l.EndDate = day;
                session.Licenses.Update(l);
            }
            session.Subscriptions.Update(s);
            session.Audit("Cancel", TargetType, s.SubscriptionId.ToString(), customer?.Name + " / " + s.ServicePlan,
                $"Cancelled on {Dates.Format(day)}; licenses: {string.Join(", ", licenses.Select(l => l.Product + " " + l.ActivationCode))}", s.CustomerId);
            return Decorate(s, customer, day);
        }

        /// <summary>R37: a trial becomes a Full subscription of <paramref name="fullPlan"/>, keeping its activation codes.</summary>
        public static Subscription Convert(IStoreSession session, SubscriptionRef target, ServicePlanRef fullPlan, int? seats, DateTime date, DateTime nowUtc)
        {
            AccountRules.RequireLmp(session.GetAccount(), "Subscriptions");
            var s = Resolve(session, target);
            var customer = session.Customers.Get(s.CustomerId);
            RequireChangeable(s, customer, "converted");
            if (!s.IsTrial)
                throw MspException.ForRule(Rules.R37, "NotATrial", ErrorKind.InvalidOperation,
                    $"Subscription '{s.ServicePlan}' of '{customer?.Name}' is not a trial; only trials are converted. Move a Full subscription to another plan with Invoke-MspCrossgrade.", s);
            var plan = ServicePlanOperations.Resolve(session, fullPlan);
            if (plan.Version != PlanVersion.Full)
                throw MspException.ForRule(Rules.R37, "ConvertNeedsFullPlan", ErrorKind.InvalidArgument,
                    $"Service plan '{plan.Name}' is a Trial plan; a trial converts to a Full plan.", plan);
            if (!plan.Enabled)
                throw MspException.ServicePlanDisabled(plan);
            var day = Dates.Day("Date", date);
            if (day < s.StartDate)
                throw MspException.InvalidValue("Date", Dates.Format(day), $"a trial is converted on or after its start, {Dates.Format(s.StartDate)}");
            var licenses = Lifecycle.Live(session.LicensesOfSubscription(s.SubscriptionId)).ToList();
            var codes = LicensedCodes(plan);
            var missing = licenses.Where(l => !codes.Contains(l.Product)).Select(l => l.Product).ToList();
            if (missing.Count > 0)
                throw MspException.InvalidValue("ServicePlan", plan.Name,
                    $"the Full plan must contain every product of the trial; it lacks {string.Join(", ", missing)}");
            int? newSeats = seats.HasValue ? ValidateSeats("Seats", seats.Value, false) : (int?)null;

            s.ServicePlanId = plan.ServicePlanId;
            s.ServicePlan = plan.Name;
            s.PlanVersion = PlanVersion.Full;
            s.ConvertedOn = day;
            s.ExpirationDate = Dates.AddMonths(day, plan.InitialPeriodMonths, day.Day);
            s.RenewalDay = day.Day;
            s.InitialPeriodMonths = plan.InitialPeriodMonths;
            s.AutoRenewalMonths = plan.AutoRenewalMonths;
            s.AutoRenewal = plan.AutoRenewalMonths.HasValue;
            s.ExpirationNoticeDays = plan.ExpirationNoticeDays;
            s.ModifiedUtc = nowUtc;

            var kept = new HashSet<string>(licenses.Select(l => l.Product), StringComparer.OrdinalIgnoreCase);
            foreach (var l in licenses)
            {
                var planProduct = plan.Products.First(p => string.Equals(p.Code, l.Product, StringComparison.OrdinalIgnoreCase) || p.Product.Components.Contains(l.Product, StringComparer.OrdinalIgnoreCase));
                l.MoveTo(day, s.SubscriptionId, planProduct.Product.Kind == ProductKind.Suite ? planProduct.Code : null, "Full");
                l.ExpirationDate = s.ExpirationDate;
                SetSeats(l, day, newSeats ?? l.SeatsOn(day));
                session.Licenses.Update(l);
            }
            var added = new List<License>();
            int seatsForNew = newSeats ?? (licenses.Count > 0 ? licenses.Max(l => l.SeatsOn(day)) : plan.Seats);
            foreach (var planProduct in plan.Products)
                added.AddRange(NewLicenses(session, s, planProduct, seatsForNew, day, "Full", nowUtc, kept));
            session.Subscriptions.Update(s);
            session.Audit("Convert", TargetType, s.SubscriptionId.ToString(), customer?.Name + " / " + plan.Name,
                $"Trial converted to '{plan.Name}' on {Dates.Format(day)}, expires {Dates.Format(s.ExpirationDate)}; kept codes: {string.Join(", ", licenses.Select(l => l.Product + " " + l.ActivationCode))}"
                + (added.Count > 0 ? "; new: " + string.Join(", ", added.Select(l => l.Product + " " + l.ActivationCode)) : string.Empty), s.CustomerId);
            return Decorate(s, customer, day);
        }

        public static IReadOnlyList<Subscription> Find(IStoreSession session, SubscriptionQuery q)
        {
            IEnumerable<Subscription> candidates;
            Customer customer = null;
            if (q.SubscriptionId != null && q.SubscriptionId.Count > 0)
                candidates = q.SubscriptionId.Select(id => session.Subscriptions.Get(id)).Where(x => x != null);
            else if (q.Customer != null)
            {
                customer = CustomerOperations.Resolve(session, q.Customer);
                candidates = session.SubscriptionsOfCustomer(customer.CustomerId);
            }
            else candidates = session.Subscriptions.All();

            ServicePlan plan = q.ServicePlan == null ? null : ServicePlanOperations.Resolve(session, q.ServicePlan);
            var names = CustomerOperations.Names(session, customer, everyone: customer == null && (q.SubscriptionId == null || q.SubscriptionId.Count == 0));
            return candidates
                .Where(s => (customer == null || s.CustomerId == customer.CustomerId) && (plan == null || s.ServicePlanId == plan.ServicePlanId))
                .Select(s => Decorate(s, names, q.AsOf))
                .Where(s => !q.Status.HasValue || s.Status == q.Status.Value)
                .InListOrder(s => s.Customer, s => s)
                .ToList();
        }

        /// <summary>
        /// The order Get-MspSubscription lists subscriptions in: by customer name, start date and plan (and, for two of
        /// one plan that start on the same day, by id, which is the order they were made in).
        /// </summary>
        internal static IOrderedEnumerable<T> InListOrder<T>(this IEnumerable<T> items, Func<T, string> customer, Func<T, Subscription> subscription) =>
            items.OrderBy(customer, StringComparer.OrdinalIgnoreCase).ThenBy(x => subscription(x).StartDate)
                .ThenBy(x => subscription(x).ServicePlan, StringComparer.OrdinalIgnoreCase).ThenBy(x => subscription(x).SubscriptionId);

        private static Subscription Decorate(Subscription s, Customer customer, DateTime asOf) =>
            Decorate(s, id => customer?.Name, asOf);

        private static Subscription Decorate(Subscription s, Func<Guid, string> nameOf, DateTime asOf)
        {
            s.Customer = nameOf(s.CustomerId);
            s.Status = Lifecycle.StatusOf(s, asOf);
            // R56: shown as renewed through the day it is read for, whether or not a renewal run has recorded it.
            s.ExpirationDate = Lifecycle.ExpirationOn(s, asOf);
            return s;
        }
    }
}
