using Newtonsoft.Json;
using Newtonsoft.Json.Converters;

namespace MspLicensing
{
    [JsonConverter(typeof(StringEnumConverter))]
    public enum ProductKind
    {
        /// <summary>SaaS, runs in a data center.</summary>
        Service,
        /// <summary>On-premises, activated with an activation code.</summary>
        Software,
        /// <summary>A bundle of other products, licensed per component and billed as the suite.</summary>
        Suite,
    }
}
