using System;
using System.Collections.Generic;
using Newtonsoft.Json;
using Newtonsoft.Json.Converters;

namespace MspLicensing
{
    /// <summary>R41: what the partner decides for a duplicate Software license.</summary>
    [JsonConverter(typeof(StringEnumConverter))]
    public enum SoftwareChoice
    {
        /// <summary>Move the license to the new plan, keeping its activation code.</summary>
        Transfer,
        /// <summary>Issue a new license with a new activation code; the old license is deactivated.</summary>
        New,
    }

    /// <summary>What a crossgrade does to one product or license (R41-R44).</summary>
    [JsonConverter(typeof(StringEnumConverter))]
    public enum CrossgradeAction
    {
        /// <summary>A product the customer did not hold: a new license.</summary>
        New,
        /// <summary>A duplicate moved to the new plan with its activation code.</summary>
        Transfer,
        /// <summary>A duplicate Software license whose fate the partner must still choose (-SoftwareAction).</summary>
        Decide,
        /// <summary>A license of a suite the new plan does not cover: it stays, standalone, until its expiration date.</summary>
        Unbundle,
        /// <summary>A license replaced by a new one (Software, -SoftwareAction New).</summary>
        Deactivate,
        /// <summary>A subscription left with no license: it ends.</summary>
        EndSubscription,
        /// <summary>The customer holds the plan already (a rerun): the license stays as it is and nothing changes.</summary>
        Keep,
    }

    /// <summary>One row of a crossgrade plan (R45): the information of the seed's crossgrade screens.</summary>
    public sealed class CrossgradeStep
    {
        public string Customer { get; set; }
        /// <summary>The plan the customer moves to.</summary>
        public string ServicePlan { get; set; }
        public string Product { get; set; }
        public string ProductName { get; set; }
        /// <summary>The suite of the new plan the product belongs to, or null.</summary>
        public string Suite { get; set; }
        public CrossgradeAction Action { get; set; }
        /// <summary>The plan a transferred, unbundled or ended license or subscription comes from.</summary>
        public string FromServicePlan { get; set; }
        public Guid? FromSubscriptionId { get; set; }
        /// <summary>The activation code the license keeps (Transfer, Unbundle) or loses (Deactivate).</summary>
        public string ActivationCode { get; set; }
        /// <summary>The license status as the crossgrade screen words it, e.g. "License transfer from WF Services Monthly Rolling".</summary>
        public string LicenseStatus { get; set; }

        public override string ToString() => $"{Product}: {LicenseStatus}";
    }

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
