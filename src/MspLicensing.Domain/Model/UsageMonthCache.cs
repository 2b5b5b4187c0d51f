using System;
using System.Collections.Generic;

namespace MspLicensing
{
    /// <summary>The months a command computed so far, kept across its pipeline input (see <see cref="UsageOperations.Report"/>).</summary>
    public sealed class UsageMonthCache
    {
        internal Dictionary<BillingMonth, UsageMonthLines> Months { get; } = new Dictionary<BillingMonth, UsageMonthLines>();
        /// <summary>The months of the request's range, once they are known.</summary>
        internal IReadOnlyList<BillingMonth> Range { get; set; }
    }
}
