using System;
using System.Collections.Generic;

namespace MspLicensing
{
    public sealed class LicenseQuery
    {
        public IList<Guid> LicenseId { get; set; }
        public CustomerRef Customer { get; set; }
        public Guid? SubscriptionId { get; set; }
        /// <summary>Product code or name; a suite matches its components.</summary>
        public string Product { get; set; }
        public LicenseStatus? Status { get; set; }
        public string ActivationCode { get; set; }
        public DateTime AsOf { get; set; }
    }
}
