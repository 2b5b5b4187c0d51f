using System;
using System.Collections.Generic;
using System.Linq;
using MspLicensing.Store;

namespace MspLicensing
{
    /// <summary>Synchronization with Remote Manager, the products it manages, and its policy templates (R70-R72).</summary>
    public static class RemoteManagerOperations
    {
        public const string TemplateTargetType = "Template";
        public const int MaxTemplateNameLength = 100;
        public const int MaxTemplateDescriptionLength = 1000;
        public const int MaxSettingNameLength = 100;
        public const int MaxSettingValueLength = 500;

        /// <summary>R70: queues a customer change for the side that does not have it yet.</summary>
        public static void Queue(IStoreSession session, Customer customer, string change, SyncSide to, string summary, DateTime nowUtc)
        {
            session.Outbox.Insert(new OutboxItem
            {
                OutboxItemId = RecordId.New(nowUtc),
                CustomerId = customer.CustomerId,
                Change = change,
                To = to,
                Summary = summary,
                CreatedUtc = nowUtc,
            });
        }

        /// <summary>R70: applies every pending change, oldest first, and says what it did.</summary>
        public static IReadOnlyList<SyncResult> Sync(IStoreSession session, DateTime nowUtc)
        {
            var results = new List<SyncResult>();
            foreach (var item in session.Outbox.All().OrderBy(o => o.CreatedUtc))
            {
                var customer = session.Customers.Get(item.CustomerId);
                if (customer != null)
                {
                    if (item.To == SyncSide.RemoteManager && !customer.InRemoteManager) customer.InRemoteManager = true;
                    else if (item.To == SyncSide.LicensingManagementPlatform && !customer.InLicensingManagementPlatform) customer.InLicensingManagementPlatform = true;
                    customer.ModifiedUtc = nowUtc;
                    session.Customers.Update(customer);
                }
                session.Outbox.Delete(item);
                results.Add(new SyncResult { Customer = customer?.Name, Change = item.Change, To = item.To, Summary = item.Summary, QueuedUtc = item.CreatedUtc });
            }
            if (results.Count > 0)
                session.Audit("Sync", "RemoteManager", "RemoteManager", "Remote Manager",
                    $"{results.Count} change(s) applied: " + string.Join("; ", results.Select(r => $"{r.Change} {r.Customer} -> {r.To}")));
            return results;
        }

        /// <summary>R71: the products Remote Manager manages for a customer, with their status and where their console opens.</summary>
        public static IReadOnlyList<ManagedProduct> ManagedProducts(IStoreSession session, CustomerRef customerRef, DateTime asOf)
        {
            var customer = CustomerOperations.Resolve(session, customerRef);
            if (!customer.InRemoteManager)
                throw MspException.ForRule(Rules.R70, "NotInRemoteManager", ErrorKind.InvalidOperation,
                    $"Customer '{customer.Name}' has not reached Remote Manager yet; Sync-MspRemoteManager applies the pending changes.", customer);
            int grace = session.GetAccount().GracePeriodDays;
            var subscriptions = session.SubscriptionsOfCustomer(customer.CustomerId).ToDictionary(s => s.SubscriptionId);
            return session.LicensesOfCustomer(customer.CustomerId)
                .Where(l => Catalog.Find(l.Product)?.ManagedByRemoteManager == true
                            && l.EndState != LicenseStatus.Cancelled && l.EndState != LicenseStatus.Deactivated
                            && !(l.EndState == LicenseStatus.Removed && asOf.Date >= l.EndDate)
                            && l.StartDate <= asOf.Date)
                .Select(l =>
                {
                    var product = Catalog.Find(l.Product);
                    var status = Lifecycle.StatusOf(l, SubscriptionOperations.SubscriptionOf(l, subscriptions), asOf, grace);
                    int seats = l.SeatsOn(asOf.Date);
                    var used = l.UsedHistory.Where(u => u.Date <= asOf.Date).OrderBy(u => u.Date).LastOrDefault()?.Used;
                    return new ManagedProduct
                    {
                        Customer = customer.Name,
                        Product = l.Product,
                        ProductName = product.Name,
                        ActivationCode = l.ActivationCode,
                        LicenseModel = l.LicenseModel,
                        LicenseType = l.LicenseType,
                        Seats = seats,
                        Used = used,
                        ExpirationDate = l.ExpirationDate,
                        Status = used > seats ? ManagedStatus.ExceededAllocation
                            : status == LicenseStatus.Expired || status == LicenseStatus.InGrace ? ManagedStatus.Expired
                            : status == LicenseStatus.ExpiringSoon ? ManagedStatus.ExpiringSoon
                            : ManagedStatus.Normal,
                        OpenConsole = $"Remote Manager > Customers > {customer.Name} > Products > {product.Name} > Open Console",
                    };
                })
                .OrderBy(p => p.Product, StringComparer.OrdinalIgnoreCase)
                .ToList();
        }

        /// <summary>R72: a template for Worry-Free Business Security Services or Cloud Edge, in an LMP account.</summary>
        public static Template CreateTemplate(IStoreSession session, string name, string product, IDictionary<string, string> settings, string description, DateTime nowUtc)
        {
            AccountRules.RequireLmp(session.GetAccount(), "Templates");
            var p = TemplateProduct(product);
            if (string.IsNullOrWhiteSpace(name))
                throw MspException.InvalidValue("Name", name, $"a template name has 1 to {MaxTemplateNameLength} characters");
            string n = TextInput.Check("Name", name, MaxTemplateNameLength);
            if (session.FindTemplateByName(n) != null)
                throw new MspException("TemplateNameTaken", ErrorKind.ResourceExists, $"Name '{n}' is already used by a template.", n);
            var template = new Template
            {
                TemplateId = RecordId.New(nowUtc),
                Name = n,
                Product = p.Code,
                Description = TextInput.Optional("Description", description, MaxTemplateDescriptionLength, prose: true),
                Settings = Settings(settings),
                CreatedUtc = nowUtc,
                ModifiedUtc = nowUtc,
            };
            session.Templates.Insert(template);
            session.Audit("Create", TemplateTargetType, template.TemplateId.ToString(), template.Name, $"{p.Code} template with {template.Settings.Count} setting(s)");
            return template;
        }

        /// <summary>R72: changes a template's settings; a Cloud Edge template assigned to a customer stays as it is.</summary>
        public static Template ChangeTemplate(IStoreSession session, string name, IDictionary<string, string> settings, string description, DateTime nowUtc)
        {
            AccountRules.RequireLmp(session.GetAccount(), "Templates");
            var template = ResolveTemplate(session, name);
            int assigned = session.Customers.All().Count(c => c.Templates.Contains(template.Name, StringComparer.OrdinalIgnoreCase));
            if (string.Equals(template.Product, "CE", StringComparison.OrdinalIgnoreCase) && assigned > 0)
                throw MspException.ForRule(Rules.R72, "TemplateLocked", ErrorKind.InvalidOperation,
                    $"Cloud Edge template '{template.Name}' is assigned to {assigned} customer(s) and cannot be changed; create a new template instead.", template);
            var before = string.Join(";", template.Settings.OrderBy(k => k.Key).Select(k => k.Key + "=" + k.Value));
            if (settings != null) foreach (var pair in Settings(settings)) template.Settings[pair.Key] = pair.Value;
            if (description != null) template.Description = TextInput.Optional("Description", description, MaxTemplateDescriptionLength, prose: true);
            template.ModifiedUtc = nowUtc;
            session.Templates.Update(template);
            session.Audit("Update", TemplateTargetType, template.TemplateId.ToString(), template.Name,
                $"Settings: '{before}' -> '{string.Join(";", template.Settings.OrderBy(k => k.Key).Select(k => k.Key + "=" + k.Value))}'");
            template.Customers = assigned;
            return template;
        }

        /// <summary>R72: removes a template no customer has; an assigned one is refused with the customers that have it.</summary>
        public static Template RemoveTemplate(IStoreSession session, string name)
        {
            AccountRules.RequireLmp(session.GetAccount(), "Templates");
            var template = ResolveTemplate(session, name);
            var holders = session.Customers.All().Where(c => c.Templates.Contains(template.Name, StringComparer.OrdinalIgnoreCase))
                .Select(c => c.Name).OrderBy(n => n, StringComparer.OrdinalIgnoreCase).ToList();
            if (holders.Count > 0)
            {
                string shown = string.Join(", ", holders.Take(5).Select(n => "'" + n + "'")) + (holders.Count > 5 ? $" and {holders.Count - 5} more" : string.Empty);
                throw MspException.ForRule(Rules.R72, "TemplateAssigned", ErrorKind.InvalidOperation,
                    $"Template '{template.Name}' is assigned to {holders.Count} customer(s): {shown}. Assign them another {template.Product} template or none (Set-MspCustomer -Name <customer> -Template @()) first.", template);
            }
            session.Templates.Delete(template);
            session.Audit("Delete", TemplateTargetType, template.TemplateId.ToString(), template.Name, $"{template.Product} template with {template.Settings.Count} setting(s)");
            return template;
        }

        public static IReadOnlyList<Template> Templates(IStoreSession session, string namePattern)
        {
            var pattern = namePattern == null ? null : Wildcard.Parse("Name", namePattern);
            var customers = session.Customers.All().ToList();
            return session.Templates.All()
                .Where(t => pattern == null || pattern.IsMatch(t.Name))
                .Select(t =>
                {
                    t.Customers = customers.Count(c => c.Templates.Contains(t.Name, StringComparer.OrdinalIgnoreCase));
                    return t;
                })
                .OrderBy(t => t.Name, StringComparer.OrdinalIgnoreCase)
                .ToList();
        }

        /// <summary>R72: the template names a customer gets: each must exist; one template per product (a later one replaces an earlier one).</summary>
        public static TextList<string> AssignTemplates(IStoreSession session, IEnumerable<string> current, IEnumerable<string> names)
        {
            AccountRules.RequireLmp(session.GetAccount(), "Templates");
            var result = new TextList<string>(current);
            foreach (var name in names)
            {
                var template = ResolveTemplate(session, name);
                result.RemoveAll(n => string.Equals(session.FindTemplateByName(n)?.Product, template.Product, StringComparison.OrdinalIgnoreCase) || string.Equals(n, template.Name, StringComparison.OrdinalIgnoreCase));
                result.Add(template.Name);
            }
            return result;
        }

        private static Template ResolveTemplate(IStoreSession session, string name) =>
            session.FindTemplateByName(name) ?? throw new MspException("TemplateNotFound", ErrorKind.ObjectNotFound,
                $"No template is named {MspException.Quote(name)}. Get-MspTemplate lists the templates.", name);

        private static Product TemplateProduct(string product)
        {
            var p = Catalog.Get("Product", product);
            if (!p.SupportsTemplates)
                throw MspException.ForRule(Rules.R72, "TemplatesNotSupported", ErrorKind.InvalidArgument,
                    $"{p.Code} ({p.Name}) has no templates; templates exist for {string.Join(" and ", Catalog.Products.Where(x => x.SupportsTemplates).Select(x => x.Code))}.", product);
            return p;
        }

        private static TextMap Settings(IDictionary<string, string> settings)
        {
            var result = new TextMap();
            foreach (var pair in settings ?? new Dictionary<string, string>())
            {
                if (string.IsNullOrWhiteSpace(pair.Key))
                    throw MspException.InvalidValue("Setting", pair.Key, $"a setting has a name of 1 to {MaxSettingNameLength} characters");
                string key = TextInput.Check("Setting", pair.Key, MaxSettingNameLength);
                result[key] = TextInput.Check("Setting." + key, pair.Value ?? string.Empty, MaxSettingValueLength);
            }
            return result;
        }
    }
}
