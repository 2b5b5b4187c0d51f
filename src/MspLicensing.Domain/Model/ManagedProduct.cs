using System;

namespace MspLicensing
{
    public sealed class ManagedProduct
    {
        public string Customer { get; set; }
        public string Product { get; set; }
        public string ProductName { get; set; }
        public string ActivationCode { get; set; }
        public LicenseModel LicenseModel { get; set; }
        public string LicenseType { get; set; }
        public int Seats { get; set; }
        public int? Used { get; set; }
        public DateTime ExpirationDate { get; set; }
        public ManagedStatus Status { get; set; }
        /// <summary>Where the product's console opens from in Remote Manager.</summary>
        public string OpenConsole { get; set; }

        public override string ToString() => $"{Product} {Status}";
    }
}
