using System;
using System.Collections.Generic;
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
