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
}
