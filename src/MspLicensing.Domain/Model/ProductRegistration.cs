using System;

namespace MspLicensing
{
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
}
