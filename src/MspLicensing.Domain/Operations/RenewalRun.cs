using System;
using System.Collections.Generic;
using MspLicensing.Store;

namespace MspLicensing
{
    /// <summary>What a renewal run works on: the day, the account's grace period and what is due, worked out from one read.</summary>
    public sealed class RenewalRun
    {
        public RenewalRun(DateTime asOf, int graceDays, IReadOnlyList<PlannedRenewal> due)
        {
            AsOf = asOf;
            GraceDays = graceDays;
            Due = due;
        }

        public DateTime AsOf { get; }
        public int GraceDays { get; }
        public IReadOnlyList<PlannedRenewal> Due { get; }
    }
}
