using System;
using System.Collections;

namespace MspLicensing
{
    /// <summary>
    /// R58: a license whose used count stayed well below its seats: the subscription and product to change, and the seats
    /// that could be released. <see cref="SubscriptionId"/> and <see cref="ProductSeats"/> bind Set-MspSubscription.
    /// </summary>
    public sealed class RightSizingCandidate
    {
        public Guid CustomerId { get; set; }
        public string Customer { get; set; }
        public Guid SubscriptionId { get; set; }
        public string ServicePlan { get; set; }
        /// <summary>The product as it bills: the license's product, or its suite (R53).</summary>
        public string Product { get; set; }
        public string ProductName { get; set; }
        /// <summary>The seats the license holds now (its latest seat change).</summary>
        public int Seats { get; set; }
        /// <summary>The highest used count reported in the window.</summary>
        public int HighestUsed { get; set; }
        /// <summary>The seats to keep: the highest used count of the window, at least 1.</summary>
        public int SuggestedSeats { get; set; }
        /// <summary>Seats minus SuggestedSeats.</summary>
        public int ReleasableSeats { get; set; }
        /// <summary>The least over-provisioned month of the window, in percent of its peak seats.</summary>
        public double LowestOverProvisionedPercent { get; set; }
        /// <summary>The first and the last month of the window, yyyy-MM.</summary>
        public string FromMonth { get; set; }
        public string ToMonth { get; set; }
        /// <summary>The highest used count and the peak seats of each month of the window, e.g. "2026-09: 12/40".</summary>
        public TextList<string> History { get; set; } = new TextList<string>();
        /// <summary>The suggestion as Set-MspSubscription -ProductSeats takes it: @{ Product = SuggestedSeats }.</summary>
        public SeatTable ProductSeats { get; set; }

        public override string ToString() => $"{Customer} {Product}: {Seats} -> {SuggestedSeats}";
    }
}
