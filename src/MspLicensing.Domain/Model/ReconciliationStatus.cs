using System;
using Newtonsoft.Json;
using Newtonsoft.Json.Converters;

namespace MspLicensing
{
    /// <summary>R80: how the seats the vendor bills the MSP compare with the seats the MSP bills its customer.</summary>
    [JsonConverter(typeof(StringEnumConverter))]
    public enum ReconciliationStatus
    {
        /// <summary>Chargeable and billed seats are equal.</summary>
        Match,
        /// <summary>The PSA bills fewer seats than the vendor charges: seats lost every month.</summary>
        UnderBilled,
        /// <summary>The PSA bills more seats than the vendor charges.</summary>
        OverBilled,
        /// <summary>The report has the line; the PSA bills nothing for it.</summary>
        NotInPsa,
        /// <summary>The PSA bills a customer and product the report has no line for (or no customer matches the row).</summary>
        NotLicensed,
    }
}
