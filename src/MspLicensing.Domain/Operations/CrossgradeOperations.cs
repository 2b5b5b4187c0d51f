using System;
using System.Collections.Generic;
using System.Linq;
using MspLicensing.Store;

namespace MspLicensing
{
    /// <summary>Moving a customer to a plan whose products it partly holds already (R40-R45).</summary>
    public static class CrossgradeOperations
    {
        /// <summary>R45: what a crossgrade would do, without changing anything.</summary>
        public static IReadOnlyList<CrossgradeStep> Plan(IStoreSession session, CrossgradeRequest request) =>
            Work.Prepare(session, request).Steps;

        /// <summary>
        /// R41-R44: carries the crossgrade out inside the caller's transaction and returns the new subscription. A
        /// Software duplicate without a choice in <see cref="CrossgradeRequest.SoftwareAction"/> stops it before anything is written.
        /// </summary>
        /// <remarks>
        /// A customer who holds the plan already, with a license for each of its products, is left as it is: the
        /// result is that subscription and Changed is false (a rerun of an interrupted bulk crossgrade).
        /// </remarks>
        public static (Subscription Subscription, bool Changed) Invoke(IStoreSession session, CrossgradeRequest request, DateTime nowUtc)
        {
            var work = Work.Prepare(session, request);
            if (work.Existing != null) return (work.Existing, false);
            var undecided = work.Steps.Where(s => s.Action == CrossgradeAction.Decide).ToList();
            if (undecided.Count > 0)
                throw MspException.ForRule(Rules.R41, "SoftwareActionRequired", ErrorKind.InvalidArgument,
                    $"The crossgrade of '{work.Customer.Name}' to '{work.Plan.Name}' needs a decision for the Software licenses it holds already: "
                    + string.Join(", ", undecided.Select(s => $"{s.Product} ({s.ActivationCode}, from '{s.FromServicePlan}')"))
                    + $". Give -SoftwareAction @{{ {string.Join("; ", undecided.Select(s => $"'{s.Product}' = 'Transfer'"))} }} to keep the activation codes, or 'New' for new ones.",
                    work.Customer);
            return (work.Execute(session, nowUtc), true);
        }

        /// <summary>The crossgrade worked out from one read of the customer's subscriptions and licenses.</summary>
        private sealed class Work
        {
            private readonly List<(License License, PlanProduct Into)> _transfers = new List<(License, PlanProduct)>();
            private readonly List<(License License, PlanProduct Into)> _replaced = new List<(License, PlanProduct)>();
            private readonly List<License> _unbundled = new List<License>();
            private readonly List<Subscription> _ended = new List<Subscription>();
            private List<License> _held;
            private readonly Dictionary<string, ISet<string>> _transferredParts = new Dictionary<string, ISet<string>>(StringComparer.OrdinalIgnoreCase);
            private Dictionary<string, int> _seats;
            private DateTime _date;

            public Customer Customer { get; private set; }
            public ServicePlan Plan { get; private set; }
            /// <summary>The customer's subscription of the plan when it holds it already; then nothing changes.</summary>
            public Subscription Existing { get; private set; }
            public List<CrossgradeStep> Steps { get; } = new List<CrossgradeStep>();

            public static Work Prepare(IStoreSession session, CrossgradeRequest request)
            {
                var account = session.GetAccount();
                AccountRules.RequireLmp(account, "Crossgrades");
                var work = new Work();
                var customer = work.Customer = CustomerOperations.Resolve(session, request.Customer);
                var plan = work.Plan = ServicePlanOperations.Resolve(session, request.ServicePlan);
                if (!plan.Enabled)
                    throw MspException.ServicePlanDisabled(plan);
                if (plan.Version == PlanVersion.Trial)
                    throw MspException.ForRule(Rules.R37, "CrossgradeToTrial", ErrorKind.InvalidArgument,
                        $"Service plan '{plan.Name}' is a Trial plan; a crossgrade moves a customer to a Full plan (assign trials with New-MspSubscription).", plan);
                var date = work._date = Dates.Day("Date", request.Date);
                var subscriptions = session.SubscriptionsOfCustomer(customer.CustomerId).ToDictionary(s => s.SubscriptionId);
                var licenses = session.LicensesOfCustomer(customer.CustomerId);
                var held = work._held = licenses.Where(l => l.LicenseModel == LicenseModel.Msp
                                               && SubscriptionOperations.Holds(l, SubscriptionOperations.SubscriptionOf(l, subscriptions), date, account.GracePeriodDays)).ToList();
                SubscriptionOperations.CheckNoMixing(customer, plan, licenses, subscriptions, date, account.GracePeriodDays);
                string PlanOf(License l) => subscriptions.TryGetValue(l.SubscriptionId, out var s) ? s.ServicePlan : null;

                CrossgradeStep Step(CrossgradeAction action, string product, string suite, License from, string status) => new CrossgradeStep
                {
                    Customer = customer.Name,
                    ServicePlan = plan.Name,
                    Product = product,
                    ProductName = Catalog.Find(product)?.Name,
                    Suite = suite,
                    Action = action,
                    FromServicePlan = from == null ? null : PlanOf(from),
                    FromSubscriptionId = from?.SubscriptionId,
                    ActivationCode = from?.ActivationCode,
                    LicenseStatus = status,
                };

                // A customer on the plan already, with every product of it held there: a rerun, nothing to do.
                var planParts = plan.Products.SelectMany(p => p.Product.Kind == ProductKind.Suite ? p.Product.Components : (IReadOnlyList<string>)new[] { p.Code }).ToList();
                var existing = subscriptions.Values.FirstOrDefault(s => s.ServicePlanId == plan.ServicePlanId
                    && planParts.All(part => held.Any(l => l.SubscriptionId == s.SubscriptionId && string.Equals(l.Product, part, StringComparison.OrdinalIgnoreCase))));
                if (existing != null)
                {
                    work.Existing = existing;
                    foreach (var l in held.Where(l => l.SubscriptionId == existing.SubscriptionId))
                        work.Steps.Add(Step(CrossgradeAction.Keep, l.Product, l.Suite, l, $"Held already in '{plan.Name}': nothing changes"));
                    return work;
                }

                // R41, R42: every part of the new plan (a suite's components) is New, a transfer, or a Software choice.
                var touched = new HashSet<Guid>();
                var choices = new Dictionary<string, SoftwareChoice>(StringComparer.OrdinalIgnoreCase);
                foreach (var pair in request.SoftwareAction ?? new Dictionary<string, SoftwareChoice>())
                {
                    // A choice for a product this customer does not hold twice is simply not needed (bulk runs give one
                    // policy for many customers); a choice for a product that is not Software is a mistake.
                    var product = Catalog.Get("SoftwareAction", pair.Key);
                    if (product.Kind != ProductKind.Software)
                        throw MspException.InvalidValue("SoftwareAction", pair.Key,
                            $"choices apply to Software products ({string.Join(", ", Catalog.Products.Where(p => p.Kind == ProductKind.Software).Select(p => p.Code))}); Service licenses always transfer");
                    choices[product.Code] = pair.Value;
                }
                foreach (var planProduct in plan.Products)
                {
                    string suite = planProduct.Product.Kind == ProductKind.Suite ? planProduct.Code : null;
                    var parts = suite != null ? planProduct.Product.Components : (IReadOnlyList<string>)new[] { planProduct.Code };
                    var transferred = work._transferredParts[planProduct.Code] = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
                    foreach (var part in parts)
                    {
                        var duplicate = held.FirstOrDefault(l => string.Equals(l.Product, part, StringComparison.OrdinalIgnoreCase));
                        if (duplicate == null)
                        {
                            work.Steps.Add(Step(CrossgradeAction.New, part, suite, null, "New"));
                            continue;
                        }
                        touched.Add(duplicate.SubscriptionId);
                        bool software = Catalog.Find(part).Kind == ProductKind.Software;
                        SoftwareChoice? choice = null;
                        if (software && choices.TryGetValue(part, out var c)) choice = c;
                        if (!software || choice == SoftwareChoice.Transfer)
                        {
                            work.Steps.Add(Step(CrossgradeAction.Transfer, part, suite, duplicate, "License transfer from " + PlanOf(duplicate)));
                            work._transfers.Add((duplicate, planProduct));
                            transferred.Add(part);
                        }
                        else if (choice == SoftwareChoice.New)
                        {
                            work.Steps.Add(Step(CrossgradeAction.New, part, suite, null, $"New (replaces {duplicate.ActivationCode})"));
                            work.Steps.Add(Step(CrossgradeAction.Deactivate, part, null, duplicate, "Deactivated: replaced by a new license"));
                            work._replaced.Add((duplicate, planProduct));
                        }
                        else
                        {
                            work.Steps.Add(Step(CrossgradeAction.Decide, part, suite, duplicate,
                                $"Software duplicate from {PlanOf(duplicate)}: choose Transfer or New (-SoftwareAction)"));
                        }
                    }
                }
                // R43: a suite left behind keeps its other licenses as standalone ones; R44: an empty subscription ends.
                var moved = new HashSet<Guid>(work._transfers.Select(t => t.License.LicenseId).Concat(work._replaced.Select(r => r.License.LicenseId)));
                foreach (var id in touched)
                {
                    var remaining = held.Where(l => l.SubscriptionId == id && !moved.Contains(l.LicenseId) && Lifecycle.Follows(l)).ToList();
                    bool bundle = held.Any(l => l.SubscriptionId == id && l.Suite != null);
                    if (bundle)
                    {
                        foreach (var l in remaining)
                        {
                            // R56: as far as the subscription had renewed by the day of the crossgrade.
                            var until = Lifecycle.Follows(l) ? Lifecycle.ExpirationOn(subscriptions[id], date) : l.ExpirationDate;
                            work.Steps.Add(Step(CrossgradeAction.Unbundle, l.Product, null, l, $"Unbundled: usable until {Dates.Format(until)}"));
                            work._unbundled.Add(l);
                        }
                    }
                    if (!bundle && remaining.Count > 0) continue;
                    var s = subscriptions[id];
                    work._ended.Add(s);
                    work.Steps.Add(new CrossgradeStep
                    {
                        Customer = customer.Name,
                        ServicePlan = plan.Name,
                        Action = CrossgradeAction.EndSubscription,
                        FromServicePlan = s.ServicePlan,
                        FromSubscriptionId = s.SubscriptionId,
                        LicenseStatus = "Deactivated by license transfer",
                    });
                }
                work._seats = SeatsFor(plan, request, work._transfers.Concat(work._replaced).ToList(), date);
                return work;
            }

            /// <summary>Seats per plan product: -ProductSeats, then -Seats, then the seats of the licenses it takes over, then the plan's units.</summary>
            private static Dictionary<string, int> SeatsFor(ServicePlan plan, CrossgradeRequest request, List<(License License, PlanProduct Into)> takenOver, DateTime date)
            {
                var result = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
                foreach (var p in plan.Products)
                {
                    int? given = null;
                    if (request.ProductSeats != null)
                        foreach (var pair in request.ProductSeats)
                            if (string.Equals(Catalog.Get("ProductSeats", pair.Key).Code, p.Code, StringComparison.OrdinalIgnoreCase))
                                given = SubscriptionOperations.ValidateSeats("ProductSeats." + p.Code, pair.Value, false);
                    if (!given.HasValue && request.Seats.HasValue) given = SubscriptionOperations.ValidateSeats("Seats", request.Seats.Value, false);
                    var mine = takenOver.Where(t => t.Into == p).Select(t => t.License.SeatsOn(date)).ToList();
                    result[p.Code] = given ?? (mine.Count > 0 ? mine.Max() : plan.Seats);
                }
                if (request.ProductSeats != null)
                    foreach (var key in request.ProductSeats.Keys.Where(k => !plan.Products.Any(p => string.Equals(p.Code, Catalog.Get("ProductSeats", k).Code, StringComparison.OrdinalIgnoreCase))))
                        throw MspException.InvalidValue("ProductSeats", key, $"name products of service plan '{plan.Name}': {string.Join(", ", plan.Products.Select(p => p.Code))}");
                return result;
            }

            public Subscription Execute(IStoreSession session, DateTime nowUtc)
            {
                var plan = Plan;
                var date = _date;
                // R56: a subscription the crossgrade ends first records the renewals due by then, so that the licenses it
                // leaves Unbundled or deactivates keep the expiration date it had renewed through.
                var ended = _ended.Select(e => session.Subscriptions.Get(e.SubscriptionId)).ToList();
                foreach (var s in ended)
                    Lifecycle.CatchUp(s, _held.Where(l => l.SubscriptionId == s.SubscriptionId), date);
                var subscription = SubscriptionOperations.NewSubscription(Customer, plan, date, nowUtc);
                session.Subscriptions.Insert(subscription);

                foreach (var (license, into) in _transfers)
                {
                    // R41: the license moves with its id, activation code and seat history (the usage report bills it once).
                    license.MoveTo(date, subscription.SubscriptionId, into.Product.Kind == ProductKind.Suite ? into.Code : null, "Full");
                    license.DataCenter = license.DataCenter ?? into.DataCenterOf(license.Product);
                    license.ExpirationDate = subscription.ExpirationDate;
                    if (license.SeatsOn(date) != _seats[into.Code]) SubscriptionOperations.SetSeats(license, date, _seats[into.Code]);
                    license.RecordedStatus = Lifecycle.StatusOf(license, subscription, date, 0);
                    session.Licenses.Update(license);
                }
                foreach (var planProduct in plan.Products)
                {
                    // R44: what was not transferred starts now with a new activation code.
                    SubscriptionOperations.NewLicenses(session, subscription, planProduct, _seats[planProduct.Code], date, "Full", nowUtc, _transferredParts[planProduct.Code]);
                }
                foreach (var (license, _) in _replaced)
                {
                    license.EndState = LicenseStatus.Deactivated;
                    license.EndDate = date;
                    session.Licenses.Update(license);
                }
                foreach (var license in _unbundled)
                {
                    // R43: standalone from now on, with the expiration date it has.
                    license.MoveTo(date, license.SubscriptionId, null, license.LicenseType);
                    license.EndState = LicenseStatus.Unbundled;
                    license.EndDate = date;
                    session.Licenses.Update(license);
                }
                foreach (var s in ended)
                {
                    s.DeactivatedOn = date;
                    s.AutoRenewal = false;
                    s.ModifiedUtc = nowUtc;
                    session.Subscriptions.Update(s);
                }
                session.Audit("Crossgrade", SubscriptionOperations.TargetType, subscription.SubscriptionId.ToString(), Customer.Name + " / " + plan.Name,
                    $"Crossgrade to '{plan.Name}' on {Dates.Format(date)}: " + string.Join("; ", Steps.Select(s =>
                        (s.Product ?? "subscription '" + s.FromServicePlan + "'") + " " + s.LicenseStatus + (s.ActivationCode == null ? string.Empty : " (" + s.ActivationCode + ")"))), Customer.CustomerId);
                subscription.Customer = Customer.Name;
                subscription.Status = Lifecycle.StatusOf(subscription, date);
                return subscription;
            }
        }
    }
}
