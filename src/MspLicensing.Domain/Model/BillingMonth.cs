using System;
using System.Globalization;

namespace MspLicensing
{
    /// <summary>
    /// A billing month (PRODUCT.md §5): read once from yyyy-MM text with the invariant culture and Gregorian calendar,
    /// or taken from a date, and written once as yyyy-MM. The usage operations take months as this type, so a month is
    /// never text on one side and a date on the other.
    /// </summary>
    public readonly struct BillingMonth : IEquatable<BillingMonth>, IComparable<BillingMonth>
    {
        private const string Form = "yyyy-MM";

        private BillingMonth(DateTime firstDay) => FirstDay = firstDay;

        /// <summary>The first day of the month.</summary>
        public DateTime FirstDay { get; }

        /// <summary>The earliest and latest months a store holds (those of <see cref="Dates.Earliest"/> and <see cref="Dates.Latest"/>).</summary>
        public static BillingMonth Earliest => Of(Dates.Earliest);
        public static BillingMonth Latest => Of(Dates.Latest);

        /// <summary>The month of a day.</summary>
        public static BillingMonth Of(DateTime date) => new BillingMonth(new DateTime(date.Year, date.Month, 1));

        /// <summary>A month given as yyyy-MM (surrounding spaces aside); anything else is refused naming <paramref name="field"/>.</summary>
        public static BillingMonth Parse(string field, string text)
        {
            if (!TryParse(text, out var month))
                throw MspException.InvalidValue(field, text, "give a month as yyyy-MM, e.g. 2026-03");
            if (month < Earliest || month > Latest)
                throw MspException.InvalidValue(field, month.ToString(), $"give a month from {Earliest} to {Latest}");
            return month;
        }

        /// <summary>Whether <paramref name="text"/> is a month as yyyy-MM.</summary>
        public static bool TryParse(string text, out BillingMonth month)
        {
            month = default;
            if (text == null || !DateTime.TryParseExact(text.Trim(), Form, CultureInfo.InvariantCulture, DateTimeStyles.None, out var day)) return false;
            month = Of(day);
            return true;
        }

        public BillingMonth AddMonths(int months) => new BillingMonth(FirstDay.AddMonths(months));

        /// <summary>How many months from <paramref name="from"/> to this one: 0 for the same month.</summary>
        public int MonthsSince(BillingMonth from) => (FirstDay.Year - from.FirstDay.Year) * 12 + FirstDay.Month - from.FirstDay.Month;

        /// <summary>yyyy-MM, the same in every culture.</summary>
        public override string ToString() => FirstDay.ToString(Form, CultureInfo.InvariantCulture);

        public bool Equals(BillingMonth other) => FirstDay == other.FirstDay;
        public override bool Equals(object obj) => obj is BillingMonth other && Equals(other);
        public override int GetHashCode() => FirstDay.GetHashCode();
        public int CompareTo(BillingMonth other) => FirstDay.CompareTo(other.FirstDay);

        public static bool operator ==(BillingMonth a, BillingMonth b) => a.Equals(b);
        public static bool operator !=(BillingMonth a, BillingMonth b) => !a.Equals(b);
        public static bool operator <(BillingMonth a, BillingMonth b) => a.FirstDay < b.FirstDay;
        public static bool operator >(BillingMonth a, BillingMonth b) => a.FirstDay > b.FirstDay;
        public static bool operator <=(BillingMonth a, BillingMonth b) => a.FirstDay <= b.FirstDay;
        public static bool operator >=(BillingMonth a, BillingMonth b) => a.FirstDay >= b.FirstDay;
    }
}
