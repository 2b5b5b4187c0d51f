using System;
using Newtonsoft.Json;
using Newtonsoft.Json.Converters;

namespace MspLicensing
{
    /// <summary>R1: the partner account type.</summary>
    [JsonConverter(typeof(StringEnumConverter))]
    public enum AccountType
    {
        /// <summary>Licensing Management Platform (LMP): service plans, subscriptions, monthly usage reports.</summary>
        LicensingManagementPlatform,
        /// <summary>Customer Licensing Portal (CLP); older Online Registration accounts behave the same.</summary>
        CustomerLicensingPortal,
    }
}
