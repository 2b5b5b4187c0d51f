using System;
using MspLicensing.Store;

namespace MspLicensing
{
    /// <summary>One thing a renewal run did (or, with -WhatIf, would do).</summary>
    public sealed class RenewalAction
    {
        public DateTime AsOf { get; set; }
        public string Customer { get; set; }
        public Guid SubscriptionId { get; set; }
        public string ServicePlan { get; set; }
        /// <summary>The product of a license action; null for the subscription itself.</summary>
        public string Product { get; set; }
        public string ActivationCode { get; set; }
        /// <summary>Renewed, or StatusChanged.</summary>
        public string Action { get; set; }
        public string From { get; set; }
        public string To { get; set; }

        public override string ToString() => $"{Customer} {ServicePlan} {Product}: {Action} {From} -> {To}";
    }
}
