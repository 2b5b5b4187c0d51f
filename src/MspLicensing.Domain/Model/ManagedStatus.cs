using System;
using Newtonsoft.Json;
using Newtonsoft.Json.Converters;

namespace MspLicensing
{
    /// <summary>R71: a product Remote Manager manages for a customer.</summary>
    [JsonConverter(typeof(StringEnumConverter))]
    public enum ManagedStatus
    {
        Normal,
        ExpiringSoon,
        Expired,
        ExceededAllocation,
    }
}
