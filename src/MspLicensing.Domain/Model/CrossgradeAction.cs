using System;
using Newtonsoft.Json;
using Newtonsoft.Json.Converters;

namespace MspLicensing
{
    /// <summary>What a crossgrade does to one product or license (R41-R44).</summary>
    [JsonConverter(typeof(StringEnumConverter))]
    public enum CrossgradeAction
    {
        /// <summary>A product the customer did not hold: a new license.</summary>
        New,
        /// <summary>A duplicate moved to the new plan with its activation code.</summary>
        Transfer,
        /// <summary>A duplicate Software license whose fate the partner must still choose (-SoftwareAction).</summary>
        Decide,
        /// <summary>A license of a suite the new plan does not cover: it stays, standalone, until its expiration date.</summary>
        Unbundle,
        /// <summary>A license replaced by a new one (Software, -SoftwareAction New).</summary>
        Deactivate,
        /// <summary>A subscription left with no license: it ends.</summary>
        EndSubscription,
        /// <summary>The customer holds the plan already (a rerun): the license stays as it is and nothing changes.</summary>
        Keep,
    }
}
