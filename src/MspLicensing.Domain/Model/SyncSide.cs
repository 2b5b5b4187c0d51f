using System;
using Newtonsoft.Json;
using Newtonsoft.Json.Converters;

namespace MspLicensing
{
    [JsonConverter(typeof(StringEnumConverter))]
    public enum SyncSide
    {
        LicensingManagementPlatform,
        RemoteManager,
    }
}
