using System;
using Newtonsoft.Json;
using Newtonsoft.Json.Converters;

namespace MspLicensing
{
    /// <summary>R41: what the partner decides for a duplicate Software license.</summary>
    [JsonConverter(typeof(StringEnumConverter))]
    public enum SoftwareChoice
    {
        /// <summary>Move the license to the new plan, keeping its activation code.</summary>
        Transfer,
        /// <summary>Issue a new license with a new activation code; the old license is deactivated.</summary>
        New,
    }
}
