using System;

namespace MspLicensing
{
    /// <summary>
    /// A service plan assigned to a customer (R30). The plan's terms are copied at assignment, so later changes to
    /// the plan affect only new assignments.
    /// </summary>
    public sealed class Subscription : IVersioned
    {
        public Guid SubscriptionId { get; set; }
        public Guid CustomerId { get; set; }
        public Guid ServicePlanId { get; set; }
        /// <summary>The service plan's name (kept in step when the plan is renamed).</summary>
        public string ServicePlan { get; set; }
        public PlanVersion PlanVersion { get; set; }
        public DateTime StartDate { get; set; }
        public DateTime ExpirationDate { get; set; }
        /// <summary>The day of the month renewals fall on (clamped in short months), so Jan 31 renews on Feb 28 and Mar 31.</summary>
        public int RenewalDay { get; set; }
        public int InitialPeriodMonths { get; set; }
        /// <summary>The renewal period; null when the plan has no auto-renewal.</summary>
        public int? AutoRenewalMonths { get; set; }
        /// <summary>Whether the subscription renews itself at expiration (R33, R36).</summary>
        public bool AutoRenewal { get; set; }
        public int ExpirationNoticeDays { get; set; }
        public int Renewals { get; set; }
        public DateTime? SuspendedOn { get; set; }
        public DateTime? CancelledOn { get; set; }
        public DateTime? DeactivatedOn { get; set; }
        /// <summary>When a trial became a Full subscription (R37); the months before are not billed.</summary>
        public DateTime? ConvertedOn { get; set; }
        /// <summary>The status Invoke-MspRenewal last recorded, so that a repeated run reports no change.</summary>
        public SubscriptionStatus? RecordedStatus { get; set; }
        public DateTime CreatedUtc { get; set; }
        public DateTime ModifiedUtc { get; set; }
        public int Revision { get; set; }

        public bool IsTrial => PlanVersion == PlanVersion.Trial;

        /// <summary>The customer's name, filled in when the subscription is read for output.</summary>
        public string Customer { get; set; }

        /// <summary>The status as of the day it was read for (R38), filled in when the subscription is read for output.</summary>
        public SubscriptionStatus Status { get; set; }

        public override string ToString() => ServicePlan + " (" + Customer + ")";

        /// <summary>A copy that can be stored (and its revision bumped) without touching this one.</summary>
        public Subscription Clone() => (Subscription)MemberwiseClone();
    }
}
