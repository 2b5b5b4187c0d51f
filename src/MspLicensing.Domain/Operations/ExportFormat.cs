using System;
using Newtonsoft.Json;
using Newtonsoft.Json.Converters;

namespace MspLicensing
{
    [JsonConverter(typeof(StringEnumConverter))]
    public enum ExportFormat
    {
        Csv,
        Json,
        /// <summary>One self-contained HTML page of the month (R55): product totals, the trend chart and the right-sizing list.</summary>
        Html,
    }
}
