using System;
using System.Collections.Generic;

namespace MspLicensing
{
    /// <summary>What Get-MspCrossgradePlan and Invoke-MspCrossgrade are asked for.</summary>
    public sealed class CrossgradeRequest
    {
        public CustomerRef Customer { get; set; }
        public ServicePlanRef ServicePlan { get; set; }
        /// <summary>Seats of every license of the new plan; null keeps transferred seats and gives new licenses the plan's units.</summary>
        public int? Seats { get; set; }
        public IDictionary<string, int> ProductSeats { get; set; }
        /// <summary>Transfer or New for each duplicate Software product, by product code.</summary>
        public IDictionary<string, SoftwareChoice> SoftwareAction { get; set; }
        public DateTime Date { get; set; }
    }
}
