using System;

namespace MspLicensing.Commands
{
    /// <summary>
    /// The one place the cmdlets read the clock: "today" (the defaults of -Date, -StartDate, -AsOf and -Month, and the
    /// day a result shows its status on) and the time a change is stamped with. The domain never reads the clock; it is
    /// given both, so every rule can be tested at any date. The date
    /// parameters carry [PSDefaultValue(Help = ...)] with the words below, so the generated help says "Today" rather
    /// than the day it was generated on.
    /// </summary>
    public static class Clock
    {
        public const string TodayHelp = "Today";
        public const string CurrentMonthHelp = "The current month";

        /// <summary>The local date when the command runs.</summary>
        public static DateTime Today => DateTime.Today;

        /// <summary>The time a change is recorded at (audit log, ModifiedUtc), in UTC.</summary>
        public static DateTime UtcNow => DateTime.UtcNow;

        /// <summary>The month of <see cref="Today"/>, yyyy-MM.</summary>
        public static string CurrentMonth => BillingMonth.Of(Today).ToString();
    }
}
