using System;

namespace MspLicensing.Commands
{
    /// <summary>
    /// The one place the cmdlets decide "today": the defaults of -Date, -StartDate, -AsOf and -Month. Those
    /// parameters carry [PSDefaultValue(Help = ...)] with the words below, so the generated help says "Today" rather
    /// than the day it was generated on.
    /// </summary>
    public static class Clock
    {
        public const string TodayHelp = "Today";
        public const string CurrentMonthHelp = "The current month";

        /// <summary>The local date when the command runs.</summary>
        public static DateTime Today => DateTime.Today;

        /// <summary>The month of <see cref="Today"/>, yyyy-MM.</summary>
        public static string CurrentMonth => UsageOperations.MonthText(Today);
    }
}
