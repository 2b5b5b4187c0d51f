using System;
using System.Collections.Generic;

namespace MspLicensing
{
    /// <summary>What Set-MspSubscription changes; null means "leave as it is".</summary>
    public sealed class SubscriptionChanges
    {
        public int? Seats { get; set; }
        public IDictionary<string, int> ProductSeats { get; set; }
        public DateTime? ExpirationDate { get; set; }
        public bool? AutoRenewal { get; set; }
        public int? AutoRenewalMonths { get; set; }
        /// <summary>The day the seat change takes effect (back-filling history).</summary>
        public DateTime Date { get; set; }
    }
}
