using System;

namespace MspLicensing
{
    /// <summary>How a command names a subscription: by id, or by the object read earlier.</summary>
    public sealed class SubscriptionRef
    {
        private SubscriptionRef() { }

        public Guid? Id { get; private set; }
        public int? ReadRevision { get; private set; }
        /// <summary>
        /// The customer of the subscription read earlier (a subscription stays with its customer): a batch reads the
        /// subscriptions and licenses of its customers in one go, and finds this one among them.
        /// </summary>
        public Guid? CustomerId { get; private set; }
        /// <summary>With <see cref="ServicePlan"/> (optional): the customer's one subscription that has not ended.</summary>
        public CustomerRef Customer { get; private set; }
        public ServicePlanRef ServicePlan { get; private set; }
        /// <summary>With <see cref="Customer"/>: only the customer's trial subscriptions count.</summary>
        public bool TrialsOnly { get; private set; }

        public static SubscriptionRef TrialOf(CustomerRef customer) => new SubscriptionRef { Customer = customer, TrialsOnly = true };
        public static SubscriptionRef ById(Guid id) => new SubscriptionRef { Id = id };
        public static SubscriptionRef ByObject(Subscription s) => new SubscriptionRef { Id = s.SubscriptionId, ReadRevision = s.Revision, CustomerId = s.CustomerId };
        public static SubscriptionRef ByCustomer(CustomerRef customer, ServicePlanRef plan) => new SubscriptionRef { Customer = customer, ServicePlan = plan };

        public override string ToString() => Id?.ToString() ?? (Customer?.Display + (ServicePlan == null ? string.Empty : " / " + ServicePlan.Display));
    }
}
