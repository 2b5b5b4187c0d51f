using System;
using Newtonsoft.Json;
using Newtonsoft.Json.Converters;

namespace MspLicensing
{
    /// <summary>R11: where a customer was created.</summary>
    [JsonConverter(typeof(StringEnumConverter))]
    public enum CustomerOrigin
    {
        LicensingManagementPlatform,
        RemoteManager,
    }
}
