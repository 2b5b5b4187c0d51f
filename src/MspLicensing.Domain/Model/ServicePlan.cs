using System;
using System.Linq;

namespace MspLicensing
{
    /// <summary>A service plan (R20-R22): what a customer is assigned, with its products and license terms.</summary>
    public sealed class ServicePlan : IVersioned
    {
        public Guid ServicePlanId { get; set; }
        public string Name { get; set; }
        public string Description { get; set; }
        public bool Enabled { get; set; } = true;
        public PlanVersion Version { get; set; }
        public TextList<PlanProduct> Products { get; set; } = new TextList<PlanProduct>();
        /// <summary>Initial license period in months: 1-36 (R20); exactly 1 for a trial (R37).</summary>
        public int InitialPeriodMonths { get; set; }
        /// <summary>Auto-renewal period in months, or null when licenses do not renew (R33).</summary>
        public int? AutoRenewalMonths { get; set; }
        /// <summary>Days before expiration from which a license is ExpiringSoon (R38).</summary>
        public int ExpirationNoticeDays { get; set; }
        /// <summary>Units (seats) per license when an assignment gives none (R20, R31).</summary>
        public int Seats { get; set; }
        public DateTime CreatedUtc { get; set; }
        public DateTime ModifiedUtc { get; set; }
        public int Revision { get; set; }

        /// <summary>R21: a plan with a suite is a bundle.</summary>
        public bool IsBundle => Products.Any(p => p.Product?.Kind == ProductKind.Suite);

        public override string ToString() => Name;
    }
}
