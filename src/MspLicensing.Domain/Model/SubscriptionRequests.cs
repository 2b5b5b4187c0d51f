using System;
using System.Collections.Generic;

namespace MspLicensing
{
    /// <summary>What New-MspSubscription asks for.</summary>
    public sealed class Assignment
    {
        public CustomerRef Customer { get; set; }
        public ServicePlanRef ServicePlan { get; set; }
        /// <summary>Seats for every license; null takes the plan's units.</summary>
        public int? Seats { get; set; }
        /// <summary>Seats by product code of the plan (a suite's code for all its components).</summary>
        public IDictionary<string, int> ProductSeats { get; set; }
        public DateTime StartDate { get; set; }
    }

    /// <summary>What Set-MspSubscription changes; null means "leave as it is".</summary>
    public sealed class SubscriptionChanges
    {
        public int? Seats { get; set; }
        public IDictionary<string, int> ProductSeats { get; set; }
        public DateTime? ExpirationDate { get; set; }
        public bool? AutoRenewal { get; set; }
        public int? AutoRenewalMonths { get; set; }
        /// <summary>The day the seat change takes effect (back-filling history).</summary>
        public DateTime Date { get; set; }
    }

    /// <summary>How a command names a subscription: by id, or by the object read earlier.</summary>
    public sealed class SubscriptionRef
    {
        private SubscriptionRef() { }

        public Guid? Id { get; private set; }
        public int? ReadRevision { get; private set; }
        /// <summary>With <see cref="ServicePlan"/> (optional): the customer's one subscription that has not ended.</summary>
        public CustomerRef Customer { get; private set; }
        public ServicePlanRef ServicePlan { get; private set; }
        /// <summary>With <see cref="Customer"/>: only the customer's trial subscriptions count.</summary>
        public bool TrialsOnly { get; private set; }

        public static SubscriptionRef TrialOf(CustomerRef customer) => new SubscriptionRef { Customer = customer, TrialsOnly = true };
        public static SubscriptionRef ById(Guid id) => new SubscriptionRef { Id = id };
        public static SubscriptionRef ByObject(Subscription s) => new SubscriptionRef { Id = s.SubscriptionId, ReadRevision = s.Revision };
        public static SubscriptionRef ByCustomer(CustomerRef customer, ServicePlanRef plan) => new SubscriptionRef { Customer = customer, ServicePlan = plan };

        public override string ToString() => Id?.ToString() ?? (Customer?.Display + (ServicePlan == null ? string.Empty : " / " + ServicePlan.Display));
    }

    public sealed class SubscriptionQuery
    {
        public IList<Guid> SubscriptionId { get; set; }
        public CustomerRef Customer { get; set; }
        public ServicePlanRef ServicePlan { get; set; }
        public SubscriptionStatus? Status { get; set; }
        /// <summary>The day statuses are computed for.</summary>
        public DateTime AsOf { get; set; }
    }

    public sealed class LicenseQuery
    {
        public IList<Guid> LicenseId { get; set; }
        public CustomerRef Customer { get; set; }
        public Guid? SubscriptionId { get; set; }
        /// <summary>Product code or name; a suite matches its components.</summary>
        public string Product { get; set; }
        public LicenseStatus? Status { get; set; }
        public string ActivationCode { get; set; }
        public DateTime AsOf { get; set; }
    }

    /// <summary>What Set-MspLicense changes: a used count on a day, a description, or both (null: unchanged).</summary>
    public sealed class LicenseChanges
    {
        public int? Used { get; set; }
        public DateTime Date { get; set; }
        /// <summary>The new description; an empty string clears it.</summary>
        public string Description { get; set; }
    }
}
