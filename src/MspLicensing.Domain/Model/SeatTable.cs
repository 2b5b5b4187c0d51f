using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;

namespace MspLicensing
{
    /// <summary>Seats per product, as -ProductSeats takes them; its text (what Export-Csv writes) is "CODE=n".</summary>
    public sealed class SeatTable : Hashtable
    {
        public SeatTable() : base(StringComparer.OrdinalIgnoreCase) { }

        public override string ToString() =>
            FlatText.Pairs(Keys.Cast<object>().Select(k => new KeyValuePair<string, object>(k.ToString(), this[k])));
    }
}
