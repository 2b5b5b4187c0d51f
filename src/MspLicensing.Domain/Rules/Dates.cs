using System;
using System.Globalization;

namespace MspLicensing
{
    /// <summary>Business dates: calendar days without a time, within the years the store accepts.</summary>
    public static class Dates
    {
        public static readonly DateTime Earliest = new DateTime(2000, 1, 1);
        public static readonly DateTime Latest = new DateTime(2099, 12, 31);

        /// <summary>The calendar day of <paramref name="value"/>, refused outside 2000-01-01..2099-12-31.</summary>
        public static DateTime Day(string field, DateTime value)
        {
            var day = value.Date;
            if (day < Earliest || day > Latest)
                throw MspException.InvalidValue(field, day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                    $"give a date from {Format(Earliest)} to {Format(Latest)}");
            return DateTime.SpecifyKind(day, DateTimeKind.Unspecified);
        }

        /// <summary>Adds months keeping the day of the month (clamped to short months): Jan 31 + 1 = Feb 28, + 2 = Mar 31.</summary>
        public static DateTime AddMonths(DateTime date, int months, int anchorDay)
        {
            var first = new DateTime(date.Year, date.Month, 1).AddMonths(months);
            int day = Math.Min(anchorDay, DateTime.DaysInMonth(first.Year, first.Month));
            return new DateTime(first.Year, first.Month, day);
        }

        public static string Format(DateTime date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

        /// <summary>The first day of the month of <paramref name="date"/>.</summary>
        public static DateTime MonthOf(DateTime date) => new DateTime(date.Year, date.Month, 1);
    }
}
