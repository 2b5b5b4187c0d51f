using System;

namespace MspLicensing
{
    /// <summary>The migration of a non-MSP license into LMP (R61-R64).</summary>
    public sealed class LicenseMigration : IVersioned
    {
        public Guid MigrationId { get; set; }
        public Guid CustomerId { get; set; }
        /// <summary>The non-MSP license being migrated.</summary>
        public Guid LicenseId { get; set; }
        public string Product { get; set; }
        public string SourceActivationCode { get; set; }
        /// <summary>The activation code in LMP: new for on-premises products, the same for cloud ones.</summary>
        public string NewActivationCode { get; set; }
        public Guid ServicePlanId { get; set; }
        public string ServicePlan { get; set; }
        public int Seats { get; set; }
        public DateTime Date { get; set; }
        public MigrationStatus Status { get; set; }
        public string Instructions { get; set; }
        public Guid? SubscriptionId { get; set; }
        public DateTime CreatedUtc { get; set; }
        public DateTime? CompletedUtc { get; set; }
        public int Revision { get; set; }

        /// <summary>The customer's name, filled in when read for output.</summary>
        public string Customer { get; set; }

        public override string ToString() => $"{Product} {SourceActivationCode}: {Status}";
    }
}
