using System;
using System.Globalization;

namespace MspLicensing
{
    /// <summary>A used count a product console or RMM reported on a date.</summary>
    public sealed class UsedCount
    {
        public DateTime Date { get; set; }
        public int Used { get; set; }
        public override string ToString() => Dates.Format(Date) + ": " + Used.ToString(CultureInfo.InvariantCulture);
    }
}
