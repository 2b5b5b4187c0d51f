using System;
using Newtonsoft.Json;
using Newtonsoft.Json.Converters;

namespace MspLicensing
{
    [JsonConverter(typeof(StringEnumConverter))]
    public enum MigrationStatus
    {
        Completed,
        AwaitingVendor,
        Refused,
    }
}
