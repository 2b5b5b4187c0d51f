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
}
