using System;

namespace MspLicensing
{
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
}
