using System;
using System.Collections.Generic;

namespace MspLicensing.Store
{
    /// <summary>
    /// What the items of a batch will look up one by one, for <see cref="IStoreSession.ReadAhead"/> to read in a few
    /// queries before the first item runs: documents by id or by name, and what belongs to them.
    /// </summary>
    public sealed class ReadAhead
    {
        /// <summary>Customers by id.</summary>
        public HashSet<Guid> CustomerIds { get; } = new HashSet<Guid>();

        /// <summary>Customers by name (ignoring case).</summary>
        public HashSet<string> CustomerNames { get; } = new HashSet<string>(StringComparer.OrdinalIgnoreCase);

        /// <summary>Subscriptions by id; the customer of each is read ahead too, and with <see cref="SubscriptionsOfCustomers"/> its other subscriptions.</summary>
        public HashSet<Guid> SubscriptionIds { get; } = new HashSet<Guid>();

        /// <summary>Service plans by id.</summary>
        public HashSet<Guid> ServicePlanIds { get; } = new HashSet<Guid>();

        /// <summary>Service plans by name (ignoring case).</summary>
        public HashSet<string> ServicePlanNames { get; } = new HashSet<string>(StringComparer.OrdinalIgnoreCase);

        /// <summary>Each customer's subscriptions (<see cref="IStoreSession.SubscriptionsOfCustomer"/>).</summary>
        public bool SubscriptionsOfCustomers { get; set; }

        /// <summary>Each customer's licenses (<see cref="IStoreSession.LicensesOfCustomer"/>).</summary>
        public bool LicensesOfCustomers { get; set; }

        /// <summary>
        /// The licenses of each subscription read ahead, by id or of a customer (<see cref="IStoreSession.LicensesOfSubscription"/>).
        /// With <see cref="LicensesOfCustomers"/> they are found among the licenses of the subscription's customer: a
        /// license belongs to the customer of its subscription (it is made for that customer, and moves only between
        /// subscriptions of the same customer).
        /// </summary>
        public bool LicensesOfSubscriptions { get; set; }

        /// <summary>Adds the customer a reference names.</summary>
        public void Add(CustomerRef customer)
        {
            if (customer == null) return;
            if (customer.Id.HasValue) CustomerIds.Add(customer.Id.Value);
            else if (!string.IsNullOrWhiteSpace(customer.Name)) CustomerNames.Add(customer.Name);
        }

        /// <summary>Adds the service plan a reference names.</summary>
        public void Add(ServicePlanRef plan)
        {
            if (plan == null) return;
            if (plan.Id.HasValue) ServicePlanIds.Add(plan.Id.Value);
            else if (!string.IsNullOrWhiteSpace(plan.Name)) ServicePlanNames.Add(plan.Name);
        }

        /// <summary>
        /// Adds the subscription a reference names: by its id (and its customer, when the reference knows it), or the
        /// customer (and plan) it is looked up by.
        /// </summary>
        public void Add(SubscriptionRef subscription)
        {
            if (subscription == null) return;
            if (subscription.Id.HasValue)
            {
                SubscriptionIds.Add(subscription.Id.Value);
                if (subscription.CustomerId.HasValue) CustomerIds.Add(subscription.CustomerId.Value);
                return;
            }
            Add(subscription.Customer);
            Add(subscription.ServicePlan);
        }
    }
}
