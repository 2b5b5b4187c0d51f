using System;
using Newtonsoft.Json;
using Newtonsoft.Json.Converters;

namespace MspLicensing
{
    /// <summary>R38 (and the crossgrade states of R43, R44): where a license stands on a given day.</summary>
    [JsonConverter(typeof(StringEnumConverter))]
    public enum LicenseStatus
    {
        Active,
        ExpiringSoon,
        Expired,
        InGrace,
        Cancelled,
        Suspended,
        Trial,
        Unbundled,
        Deactivated,
        /// <summary>R43: an Unbundled license removed with Remove-MspLicense; it stays in the history with its activation code.</summary>
        Removed,
    }
}
