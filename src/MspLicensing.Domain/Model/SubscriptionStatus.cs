using System;
using Newtonsoft.Json;
using Newtonsoft.Json.Converters;

namespace MspLicensing
{
    /// <summary>Where a subscription stands (PRODUCT.md 4: Active, Trial, Suspended, Cancelled, Expired, Deactivated).</summary>
    [JsonConverter(typeof(StringEnumConverter))]
    public enum SubscriptionStatus
    {
        Active,
        Trial,
        Suspended,
        Cancelled,
        Expired,
        Deactivated,
    }
}
