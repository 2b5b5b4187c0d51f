using System;
using System.Globalization;

namespace MspLicensing
{
    /// <summary>A seat count that takes effect on a date (R34): the history the usage report bills from (R50, R52).</summary>
    public sealed class SeatChange
    {
        public DateTime Date { get; set; }
        public int Seats { get; set; }
        public override string ToString() => Dates.Format(Date) + ": " + Seats.ToString(CultureInfo.InvariantCulture);
    }
}
