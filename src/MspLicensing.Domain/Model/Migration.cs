using System;
using Newtonsoft.Json;
using Newtonsoft.Json.Converters;

namespace MspLicensing
{
    /// <summary>R60: how a non-MSP license was bought (or, for NFR, given: R51).</summary>
    [JsonConverter(typeof(StringEnumConverter))]
    public enum NonMspLicenseType
    {
        Standard,
        PayAsYouGo,
        Upfront,
        /// <summary>Not for resale: the partner's own license from the Partner Portal; never billed, never migrated (R51).</summary>
        NFR,
    }

    /// <summary>What Register-MspProduct registers: a non-MSP license managed in Remote Manager (R60).</summary>
    public sealed class ProductRegistration
    {
        public CustomerRef Customer { get; set; }
        public string Product { get; set; }
        public NonMspLicenseType LicenseType { get; set; }
        public int Seats { get; set; }
        public DateTime StartDate { get; set; }
        /// <summary>The day the license expires; null: a year after the start.</summary>
        public DateTime? ExpirationDate { get; set; }
        public string ActivationCode { get; set; }
        public string AuthorizationKey { get; set; }
    }

    [JsonConverter(typeof(StringEnumConverter))]
    public enum MigrationStatus
    {
        Completed,
        AwaitingVendor,
        Refused,
    }

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

    /// <summary>What Start-MspLicenseMigration is asked for: a non-MSP license and the plan it moves to.</summary>
    public sealed class MigrationRequest
    {
        /// <summary>The license by id; or by <see cref="ActivationCode"/>.</summary>
        public Guid? LicenseId { get; set; }
        public string ActivationCode { get; set; }
        public ServicePlanRef ServicePlan { get; set; }
        /// <summary>Seats in LMP; null keeps the license's seats.</summary>
        public int? Seats { get; set; }
        public DateTime Date { get; set; }
    }
}
