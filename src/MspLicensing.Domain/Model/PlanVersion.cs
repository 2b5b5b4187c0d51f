using System;
using Newtonsoft.Json;
using Newtonsoft.Json.Converters;

namespace MspLicensing
{
    /// <summary>R20: a plan is a Trial or a Full version, fixed when it is created.</summary>
    [JsonConverter(typeof(StringEnumConverter))]
    public enum PlanVersion
    {
        Full,
        Trial,
    }
}
