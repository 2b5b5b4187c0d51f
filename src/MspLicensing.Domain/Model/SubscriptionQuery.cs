using System;
using System.Collections.Generic;

namespace MspLicensing
{
    public sealed class SubscriptionQuery
    {
        public IList<Guid> SubscriptionId { get; set; }
        public CustomerRef Customer { get; set; }
        public ServicePlanRef ServicePlan { get; set; }
        public SubscriptionStatus? Status { get; set; }
        /// <summary>The day statuses are computed for.</summary>
        public DateTime AsOf { get; set; }
    }
}
