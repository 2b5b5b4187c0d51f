using System;
using Newtonsoft.Json;
using Newtonsoft.Json.Converters;

namespace MspLicensing
{
    /// <summary>R39: licenses bought through LMP (Msp) or elsewhere and registered in Remote Manager (NonMsp).</summary>
    [JsonConverter(typeof(StringEnumConverter))]
    public enum LicenseModel
    {
        Msp,
        NonMsp,
    }
}
