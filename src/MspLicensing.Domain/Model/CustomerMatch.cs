using System;
using Newtonsoft.Json;
using Newtonsoft.Json.Converters;

namespace MspLicensing
{
    /// <summary>R81: how the PSA rows of a line found their customer.</summary>
    [JsonConverter(typeof(StringEnumConverter))]
    public enum CustomerMatch
    {
        /// <summary>No PSA row (NotInPsa), or no customer matched the rows.</summary>
        None,
        /// <summary>By the customer's external id for the PSA (-Psa).</summary>
        ExternalId,
        /// <summary>By the customer's name, ignoring case.</summary>
        Name,
    }
}
