using System;
using System.Collections.Generic;
using MspLicensing.Store;

namespace MspLicensing
{
    public sealed class ServicePlanQuery
    {
        /// <summary>Wildcard patterns on the name; any may match.</summary>
        public IList<string> Name { get; set; }
        /// <summary>The plans with these ids, whatever the other filters say.</summary>
        public IList<Guid> ServicePlanId { get; set; }
        public bool? Enabled { get; set; }
        public PlanVersion? Version { get; set; }
        /// <summary>Only plans with this product (code or name), directly or as a suite component.</summary>
        public string Product { get; set; }
    }
}
