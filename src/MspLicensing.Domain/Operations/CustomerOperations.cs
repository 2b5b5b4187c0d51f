using System;
using System.Collections.Generic;
using System.Linq;
using MspLicensing.Store;

namespace MspLicensing
{
    /// <summary>Creating, finding, changing and deleting customers (R10-R12).</summary>
    public static class CustomerOperations
    {
        public const string TargetType = "Customer";

        /// <summary>R10: creates a customer; the name must be unique in the account, ignoring case.</summary>
        public static Customer Create(IStoreSession session, CustomerFields fields, DateTime nowUtc) =>
            Create(session, Prepare(fields), nowUtc);

        /// <summary>
        /// New-MspCustomer: stores a customer made by <see cref="Prepare"/> (R10); with <paramref name="skipExisting"/>
        /// (R13) a customer of that name that is there already is passed on as it is, with what <paramref name="given"/> would change in it.
        /// </summary>
        public static Creation<Customer> New(IStoreSession session, Customer prepared, CustomerFields given, bool skipExisting, DateTime nowUtc) =>
            skipExisting ? CreateUnlessExists(session, prepared, given, nowUtc) : Creation<Customer>.Created(Create(session, prepared, nowUtc));

        /// <summary>
        /// What a batch of new customers will look up, read ahead (<see cref="IStoreSession.ReadAhead"/>): a customer of
        /// each name, which R10 (or R13 with <c>-SkipExisting</c>) looks for before the customer is stored.
        /// </summary>
        public static void ReadAhead(IStoreSession session, IReadOnlyList<Customer> prepared)
        {
            var what = new ReadAhead();
            foreach (var customer in prepared) what.Add(CustomerRef.ByName(customer.Name));
            session.ReadAhead(what);
        }

        /// <summary>R10: checks the fields of a new customer without touching the store.</summary>
        public static Customer Prepare(CustomerFields fields) => CustomerValidation.NewCustomer(fields);

        /// <summary>Stores a customer made by <see cref="Prepare"/>; the name must still be free.</summary>
        public static Customer Create(IStoreSession session, Customer prepared, DateTime nowUtc)
        {
            var customer = prepared.Clone();
            EnsureNameFree(session, customer.Name, null);
            // R70: a customer starts on the side it was created on and reaches the other one by synchronization.
            bool fromRemoteManager = customer.Origin == CustomerOrigin.RemoteManager;
            customer.InLicensingManagementPlatform = !fromRemoteManager;
            customer.InRemoteManager = fromRemoteManager;
            if (customer.Templates.Count > 0) customer.Templates = RemoteManagerOperations.AssignTemplates(session, null, customer.Templates);
            customer.CustomerId = RecordId.New(nowUtc);
            customer.CreatedUtc = nowUtc;
            customer.ModifiedUtc = nowUtc;
            session.Customers.Insert(customer);
            string described = Describe(customer);
            RemoteManagerOperations.Queue(session, customer, "Create", fromRemoteManager ? SyncSide.LicensingManagementPlatform : SyncSide.RemoteManager, described, nowUtc);
            session.Audit("Create", TargetType, customer.CustomerId.ToString(), customer.Name, described, customer.CustomerId);
            return customer;
        }

        /// <summary>
        /// R13: stores a customer made by <see cref="Prepare"/> unless the account has one of that name (ignoring case, as
        /// R10 compares names); then the stored customer is returned as it is, with what <paramref name="given"/> (the
        /// fields the input gave) would change in it.
        /// </summary>
        public static Creation<Customer> CreateUnlessExists(IStoreSession session, Customer prepared, CustomerFields given, DateTime nowUtc)
        {
            var existing = session.FindCustomerByName(prepared.Name);
            if (existing == null) return Creation<Customer>.Created(Create(session, prepared, nowUtc));
            return Creation<Customer>.Existing(existing, Difference(existing, AsGiven(existing, given, prepared.Templates)));
        }

        /// <summary>The existing customer with the input's fields applied as Set-MspCustomer would (its name and origin aside), and the input's templates added.</summary>
        private static Customer AsGiven(Customer existing, CustomerFields given, IList<string> templates)
        {
            var fields = new CustomerFields
            {
                Country = given.Country, City = given.City, State = given.State,
                ContactFirstName = given.ContactFirstName, ContactLastName = given.ContactLastName, Email = given.Email,
                Address = given.Address, PostalCode = given.PostalCode, Phone = given.Phone, TimeZone = given.TimeZone,
                Language = given.Language, Notes = given.Notes, Enabled = given.Enabled, ExternalId = given.ExternalId,
            };
            var asGiven = CustomerValidation.Change(existing, fields);
            var missing = (templates ?? new List<string>()).Where(t => !existing.Templates.Contains(t, StringComparer.OrdinalIgnoreCase)).ToList();
            if (missing.Count > 0) asGiven.Templates = new TextList<string>(existing.Templates.Concat(missing));
            return asGiven;
        }

        /// <summary>Changes the given fields of a customer; a customer read earlier that was changed since is refused.</summary>
        public static Customer Update(IStoreSession session, CustomerRef target, CustomerFields fields, DateTime nowUtc)
        {
            var current = Resolve(session, target);
            var changed = CustomerValidation.Change(current, fields);
            // An empty list clears the customer's templates; names assign (each replaces the template of its product).
            if (fields.Templates != null)
                changed.Templates = fields.Templates.Count == 0 ? new TextList<string>() : RemoteManagerOperations.AssignTemplates(session, changed.Templates, fields.Templates);
            if (!string.Equals(changed.Name, current.Name, StringComparison.Ordinal))
                EnsureNameFree(session, changed.Name, current.CustomerId);
            string summary = Difference(current, changed);
            if (summary.Length == 0) return current;
            changed.ModifiedUtc = nowUtc;
            session.Customers.Update(changed);
            RemoteManagerOperations.Queue(session, changed, "Update", SyncSide.RemoteManager, summary, nowUtc);
            session.Audit("Update", TargetType, changed.CustomerId.ToString(), changed.Name, summary, changed.CustomerId);
            return changed;
        }

        /// <summary>R12: only a CLP account deletes customers, and only customers without products.</summary>
        public static Customer Remove(IStoreSession session, CustomerRef target)
        {
            var customer = Resolve(session, target);
            var account = session.GetAccount();
            if (account.AccountType != AccountType.CustomerLicensingPortal)
                throw MspException.ForRule(Rules.R12, "CustomerDeletionNotAllowed", ErrorKind.PermissionDenied,
                    $"Customer '{customer.Name}' cannot be deleted: this is a Licensing Management Platform account, and only Customer Licensing Portal accounts delete customers. Cancel its subscriptions (Stop-MspSubscription) or disable it (Set-MspCustomer -Enabled $false).",
                    customer);
            if (session.CustomerHoldsProducts(customer.CustomerId))
                throw MspException.ForRule(Rules.R12, "CustomerHoldsProducts", ErrorKind.InvalidOperation,
                    $"Customer '{customer.Name}' still holds {Products(session.LicensesOfCustomer(customer.CustomerId))}; remove them first with Unregister-MspProduct: Get-MspLicense -Customer '{customer.Name.Replace("'", "''")}' | Unregister-MspProduct.", customer);
            session.Customers.Delete(customer);
            session.Audit("Delete", TargetType, customer.CustomerId.ToString(), customer.Name, Describe(customer), customer.CustomerId);
            return customer;
        }

        /// <summary>"2 products: HES (HE-...), WFBSS (WF-...)": the products of licenses, for a message; at most five named.</summary>
        private static string Products(IReadOnlyList<License> licenses)
        {
            const int Named = 5;
            var names = licenses.OrderBy(l => l.Product, StringComparer.OrdinalIgnoreCase).ThenBy(l => l.ActivationCode, StringComparer.Ordinal)
                .Select(l => string.IsNullOrEmpty(l.ActivationCode) ? l.Product : $"{l.Product} ({l.ActivationCode})").ToList();
            string count = names.Count == 1 ? "1 product" : $"{names.Count} products";
            return count + ": " + string.Join(", ", names.Take(Named)) + (names.Count > Named ? $" and {names.Count - Named} more" : string.Empty);
        }

        /// <summary>Customer names looked up as needed (once each), so a few results never read every customer.</summary>
        internal static Func<Guid, string> Names(IStoreSession session, Customer only, bool everyone)
        {
            var names = everyone ? session.CustomerNames() : new Dictionary<Guid, string>();
            if (only != null) names[only.CustomerId] = only.Name;
            return id =>
            {
                if (!names.TryGetValue(id, out var name)) names[id] = name = session.Customers.Get(id)?.Name;
                return name;
            };
        }

        /// <summary>The customer a reference names, read inside the session; a stale read revision is refused.</summary>
        public static Customer Resolve(IStoreSession session, CustomerRef target) =>
            Resolved(target, target.Id.HasValue ? session.Customers.Get(target.Id.Value) : session.FindCustomerByName(target.Name));

        /// <summary>
        /// The customers many references name, found in a few reads (by id, and by name ignoring case); a reference that
        /// finds none is left out. Each found one still goes through <see cref="Resolved"/>.
        /// </summary>
        internal static (Dictionary<Guid, Customer> ById, Dictionary<string, Customer> ByName) ResolveMany(IStoreSession session, IEnumerable<CustomerRef> targets)
        {
            var list = targets.ToList();
            var byId = session.CustomersByIds(list.Where(t => t.Id.HasValue).Select(t => t.Id.Value).Distinct().ToList()).ToDictionary(c => c.CustomerId);
            var byName = new Dictionary<string, Customer>(StringComparer.OrdinalIgnoreCase);
            foreach (var c in session.FindCustomersByName(list.Where(t => !t.Id.HasValue && t.Name != null).Select(t => t.Name)))
                byName[c.Name.Trim()] = c;
            return (byId, byName);
        }

        /// <summary>The customer <paramref name="target"/> names, as found (null: none), or the error that it names none or was changed since it was read.</summary>
        internal static Customer Resolved(CustomerRef target, Customer found)
        {
            if (found == null)
            {
                throw target.Id.HasValue
                    ? MspException.CustomerNotFound($"has the id '{target.Id.Value}'", target.Display,
                        $"{(target.ReadRevision.HasValue ? $" (customer '{target.Name}' was deleted after it was read)" : string.Empty)}. Get-MspCustomer lists the customers.")
                    : MspException.CustomerNotFound($"is named {MspException.Quote(target.Name)}", target.Display, Wildcard.ContainsWildcard(target.Name)
                        ? $": a customer is named here by its exact name or id, not by a wildcard. Get-MspCustomer -Name '{target.Name.Replace("'", "''")}' lists the customers it matches."
                        : ". Get-MspCustomer lists the customers (Get-MspCustomer -Name takes wildcards, such as 'Cont*').");
            }
            if (target.ReadRevision.HasValue && target.ReadRevision.Value != found.Revision)
                throw MspException.StaleObject(TargetType, found.Name, target.ReadRevision.Value, found.Revision, "Get-MspCustomer");
            return found;
        }

        /// <summary>Resolves a name or id given as text (names win; a text that is a Guid and matches no name is taken as an id).</summary>
        public static CustomerRef Reference(string nameOrId)
        {
            if (Guid.TryParse(nameOrId, out var id)) return CustomerRef.ById(id);
            return CustomerRef.ByName(nameOrId);
        }

        /// <summary>Get-MspCustomer: the customers a query selects, and an error for each exact name and each id it gives that none of them has.</summary>
        public static Found<Customer> Get(IStoreSession session, CustomerQuery query)
        {
            var customers = Find(session, query);
            bool filtered = query.Country != null || query.Enabled.HasValue || query.Email != null || query.ExternalId != null;
            const string Instead = ". Get-MspCustomer lists the customers; wildcards such as 'Cont*' find partial names.";
            var notFound = new NameFilter("Name", query.Name).Missing(customers.Select(c => c.Name))
                .Select(name => MspException.CustomerNotFound($"named {MspException.Quote(name)}", name, Instead, filtered))
                // Only ids asked for can be missing: without any, the ids of what was found are not gathered.
                .Concat((query.CustomerId == null || query.CustomerId.Count == 0 ? new Guid[0] : query.CustomerId.Except(customers.Select(c => c.CustomerId)))
                    .Select(id => MspException.CustomerNotFound($"has the id '{id}'", id, Instead, filtered)))
                .ToList();
            return new Found<Customer>(customers, notFound);
        }

        public static IReadOnlyList<Customer> Find(IStoreSession session, CustomerQuery query)
        {
            IEnumerable<Customer> candidates;
            var names = new NameFilter("Name", query.Name);
            var email = query.Email == null ? null : Wildcard.Parse("Email", query.Email);
            var externalIds = query.ExternalId?.Select(pair => new KeyValuePair<string, Wildcard>(pair.Key, Wildcard.Parse("ExternalId." + pair.Key, pair.Value ?? string.Empty))).ToList();
            if (query.CustomerId != null && query.CustomerId.Count > 0)
            {
                candidates = query.CustomerId.Distinct().Select(id => session.Customers.Get(id)).Where(c => c != null);
            }
            else if (names.ExactOnly)
            {
                // Exact names use the name index.
                candidates = session.FindCustomersByName(names.ExactNames);
            }
            else if (externalIds != null && externalIds.Count > 0 && externalIds[0].Value.IsExact)
            {
                // An exact id in one tool uses the external id index; the other filters apply to what it finds.
                candidates = session.FindCustomersByExternalId(externalIds[0].Key, externalIds[0].Value.Literal);
            }
            else
            {
                candidates = session.Customers.All();
            }

            string country = query.Country == null ? null : Countries.Normalize("Country", query.Country);
            // Each candidate comes once: the ids are distinct, and the indexes and the whole collection give each document once.
            var result = candidates.Where(c =>
                    names.Matches(c.Name)
                    && (country == null || string.Equals(c.Country, country, StringComparison.OrdinalIgnoreCase))
                    && (!query.Enabled.HasValue || c.Enabled == query.Enabled.Value)
                    && (email == null || email.IsMatch(c.Email))
                    && MatchesExternalIds(c, externalIds))
                // By name ignoring case, as OrdinalIgnoreCase compares: the names in capitals (the invariant culture's)
                // compared ordinally, which is the same order and, with the capitals made once per customer, faster.
                .OrderBy(c => c.Name.ToUpperInvariant(), StringComparer.Ordinal)
                .ToList();
            return result;
        }

        private static bool MatchesExternalIds(Customer c, IEnumerable<KeyValuePair<string, Wildcard>> wanted)
        {
            if (wanted == null) return true;
            foreach (var pair in wanted)
            {
                if (c.ExternalId == null || !c.ExternalId.TryGetValue(pair.Key, out var value)) return false;
                if (!pair.Value.IsMatch(value)) return false;
            }
            return true;
        }

        private static void EnsureNameFree(IStoreSession session, string name, Guid? self)
        {
            var existing = session.FindCustomerByName(name);
            if (existing != null && existing.CustomerId != self)
                throw new MspException("CustomerNameTaken", ErrorKind.ResourceExists,
                    $"Name '{name}' is already used by customer '{existing.Name}' ({existing.CustomerId}): customer names are unique in the account, ignoring case (R10). Choose another name or change the existing customer with Set-MspCustomer.",
                    name);
        }

        private static readonly string[] AuditedFields =
        {
            nameof(Customer.Name), nameof(Customer.Country), nameof(Customer.City), nameof(Customer.State),
            nameof(Customer.ContactFirstName), nameof(Customer.ContactLastName), nameof(Customer.Email),
            nameof(Customer.Address), nameof(Customer.PostalCode), nameof(Customer.Phone), nameof(Customer.TimeZone),
            nameof(Customer.Language), nameof(Customer.Notes), nameof(Customer.Enabled), nameof(Customer.Origin),
        };

        private static string Value(Customer c, string field)
        {
            object v = typeof(Customer).GetProperty(field).GetValue(c);
            return v == null ? null : Convert.ToString(v, System.Globalization.CultureInfo.InvariantCulture);
        }

        private static string ExternalIds(Customer c) => c.ExternalId?.ToString() ?? string.Empty;

        /// <summary>A short "field: value" summary of a customer for the audit log.</summary>
        public static string Describe(Customer c) =>
            string.Join("; ", AuditedFields.Select(f => (f, v: Value(c, f))).Where(x => x.v != null).Select(x => $"{x.f}: '{x.v}'")
                .Concat(c.ExternalId != null && c.ExternalId.Count > 0 ? new[] { $"ExternalId: '{ExternalIds(c)}'" } : new string[0]));

        /// <summary>"field: 'before' -> 'after'" for every field that differs; empty when nothing changed.</summary>
        public static string Difference(Customer before, Customer after)
        {
            var parts = new List<string>();
            foreach (var f in AuditedFields)
            {
                string a = Value(before, f), b = Value(after, f);
                if (!string.Equals(a, b, StringComparison.Ordinal)) parts.Add($"{f}: '{a}' -> '{b}'");
            }
            string ea = ExternalIds(before), eb = ExternalIds(after);
            if (ea != eb) parts.Add($"ExternalId: '{ea}' -> '{eb}'");
            string ta = string.Join(",", before.Templates ?? new List<string>()), tb = string.Join(",", after.Templates ?? new List<string>());
            if (ta != tb) parts.Add($"Templates: '{ta}' -> '{tb}'");
            return string.Join("; ", parts);
        }
    }
}
