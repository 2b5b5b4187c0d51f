using System;
using Newtonsoft.Json;
using Newtonsoft.Json.Converters;

namespace MspLicensing
{
    /// <summary>What kind of failure a domain error is; the cmdlets map it to an ErrorCategory.</summary>
    [JsonConverter(typeof(StringEnumConverter))]
    public enum ErrorKind
    {
        InvalidArgument,
        ObjectNotFound,
        ResourceExists,
        InvalidOperation,
        PermissionDenied,
        WriteConflict,
        InvalidData,
        ResourceUnavailable,
    }
}
