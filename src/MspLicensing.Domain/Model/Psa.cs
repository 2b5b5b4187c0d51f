using System;
using Newtonsoft.Json;
using Newtonsoft.Json.Converters;

namespace MspLicensing
{
    /// <summary>R81: the PSA whose company ids (a customer's external id under its name) match the PSA's rows to customers.</summary>
    [JsonConverter(typeof(StringEnumConverter))]
    public enum Psa
    {
        ConnectWiseManage,
        Autotask,
    }
}
