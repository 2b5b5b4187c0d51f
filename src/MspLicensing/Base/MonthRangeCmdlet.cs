using System.Management.Automation;

namespace MspLicensing.Commands
{
    /// <summary>
    /// The base of the commands that cover a range of months: -From and -To, yyyy-MM, both included (R50: each month is
    /// reported on its own).
    /// </summary>
    public abstract class MonthRangeCmdlet : MspCmdlet
    {
        [Parameter]
        [ArgumentCompleter(typeof(MonthCompleter))]
        [MonthTransformation]
        [ValidateNotNullOrEmpty]
        public string From { get; set; }

        [Parameter]
        [ArgumentCompleter(typeof(MonthCompleter))]
        [MonthTransformation]
        [ValidateNotNullOrEmpty]
        public string To { get; set; }

        /// <summary>Whether -From or -To was given.</summary>
        protected bool RangeGiven => From != null || To != null;

        /// <summary>-From; null when it was not given. A month that is not yyyy-MM stops the command.</summary>
        protected BillingMonth? FromMonth => From == null ? (BillingMonth?)null : ParseMonth(nameof(From), From);

        /// <summary>-To; null when it was not given. A month that is not yyyy-MM stops the command.</summary>
        protected BillingMonth? ToMonth => To == null ? (BillingMonth?)null : ParseMonth(nameof(To), To);

        private bool _progressShown;

        /// <summary>Shows which month is being computed, when there are several (a report over many customers takes a while).</summary>
        protected void MonthProgress(string activity, BillingMonth month, int index, int count)
        {
            if (count < 2) return;
            _progressShown = true;
            WriteProgress(new ProgressRecord(1, activity, $"{month} ({index + 1} of {count})")
            {
                PercentComplete = index * 100 / count,
            });
        }

        /// <summary>Ends the progress <see cref="MonthProgress"/> showed, if it showed any.</summary>
        protected void EndMonthProgress(string activity)
        {
            if (!_progressShown) return;
            _progressShown = false;
            WriteProgress(new ProgressRecord(1, activity, "Done") { RecordType = ProgressRecordType.Completed });
        }
    }
}
