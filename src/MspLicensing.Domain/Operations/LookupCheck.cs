using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using MspLicensing.Store;

namespace MspLicensing
{
    /// <summary>
    /// Checks that what a store keeps is found the way commands look it up (Test-MspStore): every customer by its name
    /// and by each of its external ids, every service plan and template by its name, and every license in a
    /// subscription that is in the store and belongs to the license's customer (a customer's licenses are read by the
    /// subscriptions they sit in). A store that only MspLicensing wrote passes; a document another program changed (a
    /// name without its key) may not, and would then not be found by the commands that look for it.
    /// </summary>
    public static class LookupCheck
    {
        /// <summary>How many problems of one kind are named; the rest are counted.</summary>
        private const int Named = 3;

        /// <summary>
        /// The problems found through <paramref name="session"/>, one sentence each; none for a sound store.
        /// <paramref name="read"/> is how many documents it read: the customers, plans, templates, subscriptions and licenses.
        /// </summary>
        public static IReadOnlyList<string> Find(IStoreSession session, out int read)
        {
            var problems = new List<string>();
            var customers = session.Customers.All().ToList();
            var plans = session.ServicePlans.All().ToList();
            var templates = session.Templates.All().ToList();
            var subscriptions = session.Subscriptions.All().ToDictionary(s => s.SubscriptionId, s => s.CustomerId);
            var placed = new List<(Guid License, Guid Customer, Guid Subscription)>();
            int licenses = 0;
            foreach (var l in session.Licenses.All())
            {
                licenses++;
                if (l.SubscriptionId != Guid.Empty) placed.Add((l.LicenseId, l.CustomerId, l.SubscriptionId));
            }
            read = customers.Count + plans.Count + templates.Count + subscriptions.Count + licenses;

            var found = new HashSet<Guid>(session.FindCustomersByName(customers.Select(c => c.Name)).Select(c => c.CustomerId));
            Report(problems, customers.Where(c => !found.Contains(c.CustomerId)).Select(c => $"customer '{c.Name}' ({c.CustomerId}) is not found by its name"),
                "customers not found by their names");
            var externalIds = customers.SelectMany(c => (c.ExternalId ?? new ExternalIdMap()).Select(id => (Customer: c, Id: id))).ToList();
            var finds = session.CustomerIdsByExternalIds(externalIds.Select(e => e.Id).ToList());
            Report(problems, externalIds.Where((e, i) => !finds[i].Contains(e.Customer.CustomerId))
                    .Select(e => $"customer '{e.Customer.Name}' ({e.Customer.CustomerId}) is not found by its external id {e.Id.Key}={e.Id.Value}"),
                "external ids that do not find their customers");
            Report(problems, plans.Where(p => session.FindServicePlanByName(p.Name)?.ServicePlanId != p.ServicePlanId)
                .Select(p => $"service plan '{p.Name}' ({p.ServicePlanId}) is not found by its name"), "service plans not found by their names");
            Report(problems, templates.Where(t => session.FindTemplateByName(t.Name)?.TemplateId != t.TemplateId)
                .Select(t => $"template '{t.Name}' ({t.TemplateId}) is not found by its name"), "templates not found by their names");
            problems.AddRange(Placements(subscriptions, placed));
            return problems;
        }

        /// <summary>
        /// Each license that sits in a subscription sits in one that is in the store (subscriptions are never deleted)
        /// and belongs to the license's customer. <paramref name="subscriptions"/>: each subscription's customer.
        /// </summary>
        public static IReadOnlyList<string> Placements(IReadOnlyDictionary<Guid, Guid> subscriptions, IEnumerable<(Guid License, Guid Customer, Guid Subscription)> licenses)
        {
            var problems = new List<string>();
            Report(problems, licenses.Select(l =>
                    !subscriptions.TryGetValue(l.Subscription, out var customer)
                        ? $"license {l.License} sits in subscription {l.Subscription}, which is not in the store"
                        : customer != l.Customer
                            ? $"license {l.License} of customer {l.Customer} sits in subscription {l.Subscription} of customer {customer}"
                            : null)
                .Where(p => p != null),
                "licenses that sit in a subscription of another customer or in none that is in the store");
            return problems;
        }

        private static void Report(List<string> problems, IEnumerable<string> found, string more)
        {
            int count = 0;
            foreach (string problem in found)
                if (++count <= Named) problems.Add(problem);
            if (count > Named) problems.Add($"and {(count - Named).ToString(CultureInfo.InvariantCulture)} more {more}");
        }
    }
}
