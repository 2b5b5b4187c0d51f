using System;
using Newtonsoft.Json;
using Newtonsoft.Json.Converters;

namespace MspLicensing
{
    /// <summary>Where a service (SaaS) product runs.</summary>
    [JsonConverter(typeof(StringEnumConverter))]
    public enum DataCenter
    {
        UnitedStates,
        Europe,
        Germany,
        Japan,
        Singapore,
        Australia,
        India,
    }
}
