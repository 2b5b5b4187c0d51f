using System;
using System.Globalization;

namespace MspLicensing
{
    /// <summary>A seat band (price tier) of the account, R3.</summary>
    public sealed class SeatBand
    {
        public SeatBand(int minimum, int? maximum)
        {
            Minimum = minimum;
            Maximum = maximum;
        }

        public int Minimum { get; }
        /// <summary>The last seat count in the band; null for the open-ended last band.</summary>
        public int? Maximum { get; }
        public string Name => Maximum.HasValue
            ? Minimum.ToString(CultureInfo.InvariantCulture) + "-" + Maximum.Value.ToString(CultureInfo.InvariantCulture)
            : Minimum.ToString(CultureInfo.InvariantCulture) + "+";

        public bool Contains(int seats) => seats >= Minimum && (!Maximum.HasValue || seats <= Maximum.Value);

        public override string ToString() => Name;
    }
}
