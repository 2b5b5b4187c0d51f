using System;
using Newtonsoft.Json;
using Newtonsoft.Json.Converters;

namespace MspLicensing
{
    /// <summary>R54: where a month's report stands.</summary>
    [JsonConverter(typeof(StringEnumConverter))]
    public enum UsageReportStatus
    {
        Preparing,
        Submitted,
        Approved,
        Rejected,
    }
}
