using System;

namespace MspLicensing
{
    /// <summary>What Set-MspLicense changes: a used count on a day, a description, or both (null: unchanged).</summary>
    public sealed class LicenseChanges
    {
        public int? Used { get; set; }
        public DateTime Date { get; set; }
        /// <summary>The new description; an empty string clears it.</summary>
        public string Description { get; set; }
    }
}
