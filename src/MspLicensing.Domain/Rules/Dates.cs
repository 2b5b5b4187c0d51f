using System;
using System.Globalization;
using System.Text.RegularExpressions;

namespace MspLicensing
{
    /// <summary>
    /// Business dates: calendar days without a time, within the years the store accepts; read and written the same in
    /// every culture (PRODUCT.md §5): ISO yyyy-MM-dd, the invariant culture and the Gregorian calendar.
    /// </summary>
    public static class Dates
    {
        public static readonly DateTime Earliest = new DateTime(2000, 1, 1);
        public static readonly DateTime Latest = new DateTime(2099, 12, 31);

        /// <summary>The form dates are given and shown in.</summary>
        public const string IsoForm = "yyyy-MM-dd";

        /// <summary>What a date parameter takes, in the words of errors and help.</summary>
        public const string Accepted = "give an ISO date, yyyy-MM-dd, such as 2026-02-03";

        /// <summary>The convention, in the words of the help (about_MspLicensing).</summary>
        public const string Convention =
            "Dates and months mean the same in every culture. Every date parameter (-Date, -StartDate, -ExpirationDate, -AsOf and the others) reads text with the invariant culture and the Gregorian calendar, as PowerShell's [datetime] cast does, whatever the session's culture (de-DE, en-GB, th-TH ...): give dates as ISO yyyy-MM-dd (2026-02-03; a time may follow, 2026-02-03T10:30), months as yyyy-MM (2026-02). A DateTime object (Get-Date) is taken as it is. This holds for command lines and for columns bound from the pipeline, such as Import-Csv files.";

        /// <summary>The convention for text that is not ISO, in the words of the help.</summary>
        public const string OtherForms =
            "Text in another form is read the invariant way too, month before day (02/03/2026 is 3 February), and refused where the session's culture would read it as another day (03.02.2026 under de-DE), rather than guessed. The module shows dates as ISO yyyy-MM-dd too: in its views (Format-Table and Format-List), in Export-MspUsageReport, in messages and in the audit log.";

        // Year first, then month (yyyy-MM-dd, yyyy/MM/dd, yyyy-MM, with or without a time): the order no culture reads
        // another way; a culture's own calendar (th-TH counts 2026 as a Buddhist year) must not change it.
        private static readonly Regex YearFirst = new Regex(@"^\d{4}[-/.]\d{1,2}(?!\d)", RegexOptions.CultureInvariant);

        /// <summary>The calendar day of <paramref name="value"/>, refused outside 2000-01-01..2099-12-31.</summary>
        public static DateTime Day(string field, DateTime value)
        {
            var day = value.Date;
            if (day < Earliest || day > Latest)
                throw MspException.InvalidValue(field, Format(day), $"give a date from {Format(Earliest)} to {Format(Latest)}");
            return DateTime.SpecifyKind(day, DateTimeKind.Unspecified);
        }

        /// <summary>
        /// Reads a date the way PowerShell's [datetime] cast does, with the invariant culture and the Gregorian calendar,
        /// so a text means the same day in every culture. A text that is not year-first ISO and that
        /// <paramref name="sessionCulture"/> reads as another day (03.02.2026 under de-DE) is refused rather than guessed.
        /// </summary>
        /// <param name="text">The text as given (a command line argument, a CSV cell).</param>
        /// <param name="sessionCulture">The culture of the session, or null to skip the check for other readings.</param>
        /// <param name="field">The parameter or field named in the error, or null.</param>
        /// <exception cref="MspException">InvalidValue when the text is no date or is read differently in the session's culture.</exception>
        public static DateTime Read(string text, CultureInfo sessionCulture, string field = null)
        {
            string trimmed = text?.Trim() ?? string.Empty;
            if (!DateTime.TryParse(trimmed, CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
                throw Refused(field, text, $"is not a date: {Accepted} (read the same in every culture)");
            if (sessionCulture != null && !YearFirst.IsMatch(trimmed)
                && DateTime.TryParse(trimmed, sessionCulture, DateTimeStyles.None, out var local) && local.Date != date.Date)
            {
                throw Refused(field, text,
                    $"is {Format(date)} as PowerShell's [datetime] reads it in every culture, but {Format(local)} in {sessionCulture.Name}: give the day as ISO yyyy-MM-dd, which reads the same everywhere");
            }
            return date;
        }

        private static MspException Refused(string field, string text, string why) => MspException.InvalidValueBecause(field, text, why);

        /// <summary>Adds months keeping the day of the month (clamped to short months): Jan 31 + 1 = Feb 28, + 2 = Mar 31.</summary>
        public static DateTime AddMonths(DateTime date, int months, int anchorDay)
        {
            var first = new DateTime(date.Year, date.Month, 1).AddMonths(months);
            int day = Math.Min(anchorDay, DateTime.DaysInMonth(first.Year, first.Month));
            return new DateTime(first.Year, first.Month, day);
        }

        /// <summary>A day as ISO yyyy-MM-dd, Gregorian, whatever the culture.</summary>
        public static string Format(DateTime date) => date.ToString(IsoForm, CultureInfo.InvariantCulture);
    }
}
