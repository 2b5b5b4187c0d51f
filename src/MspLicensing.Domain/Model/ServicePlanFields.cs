using System;
using System.Collections.Generic;

namespace MspLicensing
{
    /// <summary>The fields of a service plan as a user gives them: null means "not given".</summary>
    public sealed class ServicePlanFields
    {
        public string Name { get; set; }
        public string Description { get; set; }
        public bool? Enabled { get; set; }
        public PlanVersion? Version { get; set; }
        /// <summary>Product codes or names.</summary>
        public IList<string> Products { get; set; }
        /// <summary>Data centers: key "*" for every service, or a product code for one service or suite component.</summary>
        public IDictionary<string, string> DataCenters { get; set; }
        public int? InitialPeriodMonths { get; set; }
        /// <summary>0 means "no auto-renewal".</summary>
        public int? AutoRenewalMonths { get; set; }
        public int? ExpirationNoticeDays { get; set; }
        public int? Seats { get; set; }
    }
}
