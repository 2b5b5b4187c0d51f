using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using MspLicensing.Store;

namespace MspLicensing
{
    /// <summary>Creating, changing, finding and removing service plans (R20-R22).</summary>
    public static class ServicePlanOperations
    {
        public const string TargetType = "ServicePlan";
        public const int MaxNameLength = 100;
        public const int MaxDescriptionLength = 1000;
        public const int MinPeriodMonths = 1;
        public const int MaxPeriodMonths = 36;
        public const int MaxNoticeDays = 365;
        public const int DefaultInitialPeriodMonths = 12;
        public const int DefaultNoticeDays = 30;
        public const int DefaultSeats = 1;

        /// <summary>R20: creates a plan; a CLP account has none (R2).</summary>
        public static ServicePlan Create(IStoreSession session, ServicePlanFields f, DateTime nowUtc)
        {
            var account = session.GetAccount();
            AccountRules.RequireLmp(account, "Service plans");
            var version = f.Version ?? PlanVersion.Full;
            var plan = new ServicePlan
            {
                ServicePlanId = RecordId.New(nowUtc),
                Name = Name(f.Name),
                Description = Description(f.Description),
                Enabled = f.Enabled ?? true,
                Version = version,
                CreatedUtc = nowUtc,
                ModifiedUtc = nowUtc,
            };
            if (f.Products == null || f.Products.Count == 0)
                throw MspException.RequiredFieldMissing("Product", " (R20: a plan has one or more products): give product codes or names, e.g. -Product WFBSS, CAS.", null);
            plan.Products = Products(f.Products, f.DataCenters, account.DefaultDataCenter);
            ApplyTerms(plan, f, isNew: true);
            EnsureNameFree(session, plan.Name, null);
            session.ServicePlans.Insert(plan);
            session.Audit("Create", TargetType, plan.ServicePlanId.ToString(), plan.Name, Describe(plan));
            return plan;
        }

        /// <summary>Changes a plan. The version is fixed (R20); a bundle keeps its products (R21). Subscriptions keep the terms they were assigned with.</summary>
        public static ServicePlan Update(IStoreSession session, ServicePlanRef target, ServicePlanFields f, DateTime nowUtc)
        {
            var account = session.GetAccount();
            AccountRules.RequireLmp(account, "Service plans");
            var current = Resolve(session, target);
            var plan = Clone(current);
            if (f.Version.HasValue && f.Version.Value != plan.Version)
                throw MspException.ForRule(Rules.R20, "PlanVersionFixed", ErrorKind.InvalidOperation,
                    $"Service plan '{plan.Name}' is a {plan.Version} plan; the version is fixed when a plan is created. Create a new {f.Version.Value} plan instead.", plan);
            if (f.Name != null) plan.Name = Name(f.Name);
            if (f.Description != null) plan.Description = Description(f.Description);
            if (f.Enabled.HasValue) plan.Enabled = f.Enabled.Value;
            if (f.Products != null)
            {
                var products = Products(f.Products, f.DataCenters, account.DefaultDataCenter);
                bool sameCodes = products.Select(p => p.Code).OrderBy(c => c).SequenceEqual(plan.Products.Select(p => p.Code).OrderBy(c => c), StringComparer.OrdinalIgnoreCase);
                if (!sameCodes && (plan.IsBundle || products.Any(p => p.Product.Kind == ProductKind.Suite)))
                    throw MspException.ForRule(Rules.R21, "BundleProductsFixed", ErrorKind.InvalidOperation,
                        $"Service plan '{plan.Name}' {(plan.IsBundle ? "is a bundle" : "would become a bundle")}: its products cannot change (from {string.Join(", ", plan.Products.Select(p => p.Code))} to {string.Join(", ", products.Select(p => p.Code))}).", plan);
                plan.Products = products;
            }
            else if (f.DataCenters != null)
            {
                plan.Products = Products(plan.Products.Select(p => p.Code).ToList(), Merge(plan.Products, f.DataCenters), account.DefaultDataCenter);
            }
            ApplyTerms(plan, f, isNew: false);
            if (!string.Equals(plan.Name, current.Name, StringComparison.Ordinal))
                EnsureNameFree(session, plan.Name, plan.ServicePlanId);

            string summary = Difference(current, plan);
            if (summary.Length == 0) return current;
            plan.ModifiedUtc = nowUtc;
            session.ServicePlans.Update(plan);
            if (!string.Equals(plan.Name, current.Name, StringComparison.Ordinal))
            {
                foreach (var subscription in session.Subscriptions.All().Where(s => s.ServicePlanId == plan.ServicePlanId))
                {
                    subscription.ServicePlan = plan.Name;
                    session.Subscriptions.Update(subscription);
                }
            }
            session.Audit("Update", TargetType, plan.ServicePlanId.ToString(), plan.Name, summary);
            return plan;
        }

        /// <summary>R22: a plan that any subscription uses cannot be removed.</summary>
        public static ServicePlan Remove(IStoreSession session, ServicePlanRef target)
        {
            AccountRules.RequireLmp(session.GetAccount(), "Service plans");
            var plan = Resolve(session, target);
            if (session.ServicePlanInUse(plan.ServicePlanId))
                throw MspException.ForRule(Rules.R22, "ServicePlanInUse", ErrorKind.InvalidOperation,
                    $"Service plan '{plan.Name}' is used by subscriptions and cannot be removed; disable it with Set-MspServicePlan -Name '{plan.Name}' -Enabled $false so it is not assigned again.", plan);
            session.ServicePlans.Delete(plan);
            session.Audit("Delete", TargetType, plan.ServicePlanId.ToString(), plan.Name, Describe(plan));
            return plan;
        }

        public static ServicePlan Resolve(IStoreSession session, ServicePlanRef target)
        {
            var plan = target.Id.HasValue ? session.ServicePlans.Get(target.Id.Value) : session.FindServicePlanByName(target.Name);
            if (plan == null)
                throw MspException.ServicePlanNotFound(target.Display, target.Id.HasValue);
            if (target.ReadRevision.HasValue && target.ReadRevision.Value != plan.Revision)
                throw MspException.StaleObject(TargetType, plan.Name, target.ReadRevision.Value, plan.Revision, "Get-MspServicePlan");
            return plan;
        }

        /// <summary>Get-MspServicePlan: the plans a query selects, and an error for each exact name it gives that none of them has.</summary>
        public static Found<ServicePlan> Get(IStoreSession session, ServicePlanQuery q)
        {
            if (q.ServicePlanId != null)
                return new Found<ServicePlan>(q.ServicePlanId.Select(id => session.ServicePlans.Get(id)).Where(p => p != null).ToList(), new MspException[0]);
            var plans = Find(session, q);
            bool filtered = q.Product != null || q.Version.HasValue || q.Enabled.HasValue;
            return new Found<ServicePlan>(plans, new NameFilter("Name", q.Name).Missing(plans.Select(p => p.Name))
                .Select(name => MspException.ServicePlanNotFound(name, byId: false, filtered: filtered)).ToList());
        }

        public static IReadOnlyList<ServicePlan> Find(IStoreSession session, ServicePlanQuery q)
        {
            var names = new NameFilter("Name", q.Name);
            IEnumerable<ServicePlan> candidates = names.ExactOnly
                ? names.ExactNames.Select(session.FindServicePlanByName).Where(p => p != null)
                : session.ServicePlans.All();
            var product = q.Product == null ? null : Catalog.Get("Product", q.Product);
            return candidates.Where(p =>
                    names.Matches(p.Name)
                    && (!q.Enabled.HasValue || p.Enabled == q.Enabled.Value)
                    && (!q.Version.HasValue || p.Version == q.Version.Value)
                    && (product == null || p.Products.Any(pp => string.Equals(pp.Code, product.Code, StringComparison.OrdinalIgnoreCase)
                                                               || pp.Product.Components.Contains(product.Code, StringComparer.OrdinalIgnoreCase))))
                .GroupBy(p => p.ServicePlanId).Select(g => g.First())
                .OrderBy(p => p.Name, StringComparer.OrdinalIgnoreCase)
                .ToList();
        }

        /// <summary>R20: the products of a plan with their data centers. Each product once; a product is not also part of a suite in the same plan.</summary>
        public static TextList<PlanProduct> Products(IList<string> codes, IDictionary<string, string> dataCenters, DataCenter accountDefault)
        {
            var products = new List<Product>();
            foreach (var code in codes)
            {
                var product = Catalog.Get("Product", code);
                if (products.Contains(product))
                    throw MspException.InvalidValue("Product", code, $"each product appears once in a plan; {product.Code} is given twice");
                products.Add(product);
            }
            foreach (var product in products)
            {
                var suite = products.FirstOrDefault(s => s.Kind == ProductKind.Suite && s != product && (s.Components.Contains(product.Code) || (product.Kind == ProductKind.Suite && product.Components.All(s.Components.Contains))));
                if (suite != null)
                    throw MspException.InvalidValue("Product", product.Code, $"{product.Code} is already part of {suite.Code} ({suite.Name}) in this plan; give the suite or its parts, not both");
            }

            var given = new Dictionary<string, DataCenter>(StringComparer.OrdinalIgnoreCase);
            DataCenter? all = null;
            if (dataCenters != null)
            {
                foreach (var pair in dataCenters)
                {
                    var dc = DataCenters.Parse("DataCenter", pair.Value);
                    if (pair.Key == "*") { all = dc; continue; }
                    var keyProduct = Catalog.Get("DataCenter", pair.Key);
                    bool inPlan = products.Any(p => p == keyProduct || p.Components.Contains(keyProduct.Code));
                    if (!inPlan)
                        throw MspException.InvalidValue("DataCenter", pair.Key, $"name a product of the plan ({string.Join(", ", products.Select(p => p.Code))}) or use a single data center for all");
                    if (keyProduct.Kind == ProductKind.Suite)
                        foreach (var c in keyProduct.Components) given[c] = dc;
                    else
                        given[keyProduct.Code] = dc;
                }
            }

            var result = new TextList<PlanProduct>();
            foreach (var product in products)
            {
                var planProduct = new PlanProduct { Code = product.Code };
                var services = product.Kind == ProductKind.Suite
                    ? product.Components.Select(c => Catalog.Find(c)).Where(c => c.Kind == ProductKind.Service)
                    : product.Kind == ProductKind.Service ? new[] { product } : Enumerable.Empty<Product>();
                foreach (var service in services)
                {
                    var dc = given.TryGetValue(service.Code, out var d) ? d : all ?? accountDefault;
                    if (!service.DataCenters.Contains(dc))
                        throw MspException.InvalidValue("DataCenter", dc.ToString(),
                            $"{service.Code} ({service.Name}) runs in {string.Join(", ", service.DataCenters)}; choose one of those, e.g. -DataCenter @{{ {service.Code} = '{service.DataCenters[0]}' }}");
                    planProduct.DataCenters[service.Code] = dc;
                }
                result.Add(planProduct);
            }
            return result;
        }

        private static Dictionary<string, string> Merge(IEnumerable<PlanProduct> current, IDictionary<string, string> changes)
        {
            var merged = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
            if (changes.TryGetValue("*", out var all))
                merged["*"] = all;
            else
                foreach (var p in current)
                    foreach (var d in p.DataCenters) merged[d.Key] = d.Value.ToString();
            foreach (var c in changes.Where(c => c.Key != "*")) merged[c.Key] = c.Value;
            return merged;
        }

        /// <summary>R20, R37: periods, renewal, notice and seats.</summary>
        private static void ApplyTerms(ServicePlan plan, ServicePlanFields f, bool isNew)
        {
            bool trial = plan.Version == PlanVersion.Trial;
            if (f.InitialPeriodMonths.HasValue || isNew)
            {
                int months = f.InitialPeriodMonths ?? (trial ? 1 : DefaultInitialPeriodMonths);
                if (trial && months != 1)
                    throw MspException.ForRule(Rules.R37, "TrialPeriodFixed", ErrorKind.InvalidArgument,
                        $"InitialPeriodMonths {months} is not valid for a Trial plan: a trial lasts exactly 1 month.", months);
                if (months < MinPeriodMonths || months > MaxPeriodMonths)
                    throw MspException.InvalidValue("InitialPeriodMonths", months, $"give {MinPeriodMonths} to {MaxPeriodMonths} months (R20)");
                plan.InitialPeriodMonths = months;
            }
            if (f.AutoRenewalMonths.HasValue)
            {
                int months = f.AutoRenewalMonths.Value;
                if (months != 0 && trial)
                    throw MspException.ForRule(Rules.R37, "TrialDoesNotRenew", ErrorKind.InvalidArgument,
                        $"AutoRenewalMonths {months} is not valid for a Trial plan: a trial does not renew; convert it to a Full plan instead (Convert-MspSubscription).", months);
                if (months < 0 || months > MaxPeriodMonths)
                    throw MspException.InvalidValue("AutoRenewalMonths", months, $"give 1 to {MaxPeriodMonths} months, or 0 for no auto-renewal (R20)");
                plan.AutoRenewalMonths = months == 0 ? (int?)null : months;
            }
            if (f.ExpirationNoticeDays.HasValue || isNew)
            {
                int days = f.ExpirationNoticeDays ?? DefaultNoticeDays;
                if (days < 0 || days > MaxNoticeDays)
                    throw MspException.InvalidValue("ExpirationNoticeDays", days, $"give 0 to {MaxNoticeDays} days");
                plan.ExpirationNoticeDays = days;
            }
            if (f.Seats.HasValue || isNew)
                plan.Seats = SubscriptionOperations.ValidateSeats("Seats", f.Seats ?? DefaultSeats, trial);
        }

        private static string Name(string name)
        {
            string n = name?.Trim();
            if (string.IsNullOrEmpty(n))
                throw MspException.RequiredFieldMissing("Name", " (R20): give the service plan a name.", name);
            return TextInput.Check("Name", name, MaxNameLength);
        }

        private static string Description(string description) =>
            TextInput.Optional("Description", description, MaxDescriptionLength, prose: true);

        private static void EnsureNameFree(IStoreSession session, string name, Guid? self)
        {
            var existing = session.FindServicePlanByName(name);
            if (existing != null && existing.ServicePlanId != self)
                throw MspException.ForRule(Rules.R20, "ServicePlanNameTaken", ErrorKind.ResourceExists,
                    $"Name '{name}' is already used by service plan '{existing.Name}'.", name);
        }

        private static ServicePlan Clone(ServicePlan p) => new ServicePlan
        {
            ServicePlanId = p.ServicePlanId,
            Name = p.Name,
            Description = p.Description,
            Enabled = p.Enabled,
            Version = p.Version,
            Products = new TextList<PlanProduct>(p.Products.Select(x => new PlanProduct { Code = x.Code, DataCenters = new Dictionary<string, DataCenter>(x.DataCenters, StringComparer.OrdinalIgnoreCase) })),
            InitialPeriodMonths = p.InitialPeriodMonths,
            AutoRenewalMonths = p.AutoRenewalMonths,
            ExpirationNoticeDays = p.ExpirationNoticeDays,
            Seats = p.Seats,
            CreatedUtc = p.CreatedUtc,
            ModifiedUtc = p.ModifiedUtc,
            Revision = p.Revision,
        };

        private static IEnumerable<KeyValuePair<string, string>> Fields(ServicePlan p) => new[]
        {
            new KeyValuePair<string, string>("Name", p.Name),
            new KeyValuePair<string, string>("Description", p.Description),
            new KeyValuePair<string, string>("Enabled", p.Enabled.ToString()),
            new KeyValuePair<string, string>("Version", p.Version.ToString()),
            new KeyValuePair<string, string>("Products", string.Join(", ", p.Products.Select(x => x.ToString()))),
            new KeyValuePair<string, string>("InitialPeriodMonths", p.InitialPeriodMonths.ToString(CultureInfo.InvariantCulture)),
            new KeyValuePair<string, string>("AutoRenewalMonths", p.AutoRenewalMonths?.ToString(CultureInfo.InvariantCulture) ?? "none"),
            new KeyValuePair<string, string>("ExpirationNoticeDays", p.ExpirationNoticeDays.ToString(CultureInfo.InvariantCulture)),
            new KeyValuePair<string, string>("Seats", p.Seats.ToString(CultureInfo.InvariantCulture)),
        };

        public static string Describe(ServicePlan p) =>
            string.Join("; ", Fields(p).Where(x => x.Value != null).Select(x => $"{x.Key}: '{x.Value}'"));

        public static string Difference(ServicePlan before, ServicePlan after) =>
            string.Join("; ", Fields(before).Zip(Fields(after), (b, a) => (b, a))
                .Where(x => !string.Equals(x.b.Value, x.a.Value, StringComparison.Ordinal))
                .Select(x => $"{x.b.Key}: '{x.b.Value}' -> '{x.a.Value}'"));
    }
}
