using System;

namespace MspLicensing
{
    /// <summary>Where a license sat from a day on: its subscription, suite and type (the usage report bills by it).</summary>
    public sealed class LicensePlacement
    {
        public DateTime From { get; set; }
        public Guid SubscriptionId { get; set; }
        public string Suite { get; set; }
        public string LicenseType { get; set; }
        public override string ToString() => Dates.Format(From) + ": " + (Suite ?? "-") + " " + LicenseType;
    }
}
