using System;

namespace MspLicensing
{
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
