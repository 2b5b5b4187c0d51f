using System;
using System.Collections;
using System.Globalization;
using System.Management.Automation;

namespace MspLicensing.Commands
{
    /// <summary>
    /// Lets -Month take yyyy-MM text, or a date (Get-Date, [datetime]'2026-03-01', or date text read as
    /// <see cref="DateTransformationAttribute"/> reads it): it becomes yyyy-MM, the same in every culture. Other text
    /// (and numbers) goes on as it is, for <see cref="BillingMonth.Parse"/> to accept or refuse; a list is read
    /// item by item. Any other object (a customer, a plan) is not a month: it is refused as a value that does not
    /// convert, so that from the pipeline it binds to another parameter instead (Get-MspCustomer | Get-MspUsageReport
    /// gives customers, '2026-01','2026-02' | Get-MspUsageReport gives months).
    /// </summary>
    public sealed class MonthTransformationAttribute : ArgumentTransformationAttribute
    {
        /// <summary>What the help of the parameter adds to its description.</summary>
        public const string HelpText = "Text is read as yyyy-MM or an ISO date, yyyy-MM-dd, the same in every culture.";

        public override object Transform(EngineIntrinsics engineIntrinsics, object inputData)
        {
            object value = inputData is PSObject pso ? pso.BaseObject : inputData;
            if (value is IList list && !(value is string))
            {
                var months = new object[list.Count];
                for (int i = 0; i < list.Count; i++) months[i] = One(list[i]);
                return months;
            }
            return One(inputData);
        }

        private static object One(object inputData)
        {
            object value = inputData is PSObject pso ? pso.BaseObject : inputData;
            switch (value)
            {
                case null:
                    return inputData;
                case DateTime date:
                    return BillingMonth.Of(date).ToString();
                case string text when !BillingMonth.TryParse(text, out _):
                    try
                    {
                        return BillingMonth.Of(Dates.Read(text, CultureInfo.CurrentCulture)).ToString();
                    }
                    catch (MspException)
                    {
                        return inputData;
                    }
                case string _:
                    return inputData;
                case IConvertible _:
                    return inputData;
                default:
                    string message = $"{MspException.Quote(value)} ({value.GetType().Name}) is not a month: give a month as yyyy-MM, e.g. 2026-03, or a date.";
                    throw new ArgumentTransformationMetadataException(message, new PSInvalidCastException(message));
            }
        }
    }

    /// <summary>The base of the usage report cmdlets: the month, yyyy-MM, default the current one.</summary>
    public abstract class UsageCmdlet : MspCmdlet
    {
        [Parameter(Position = 0, ValueFromPipelineByPropertyName = true)]
        [ArgumentCompleter(typeof(MonthCompleter))]
        [MonthTransformation]
        [ValidateNotNullOrEmpty]
        [PSDefaultValue(Help = Clock.CurrentMonthHelp)]
        public string Month { get; set; } = Clock.CurrentMonth;

        /// <summary>-Month; a month that is not yyyy-MM stops the command.</summary>
        protected BillingMonth MonthStart()
        {
            try
            {
                return BillingMonth.Parse(nameof(Month), Month);
            }
            catch (MspException ex)
            {
                ThrowMspError(ex, Month);
                throw;
            }
        }
    }

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

        /// <summary>A month parameter's value; one that is not yyyy-MM stops the command.</summary>
        protected BillingMonth ParseMonth(string parameter, string text)
        {
            try
            {
                return BillingMonth.Parse(parameter, text);
            }
            catch (MspException ex)
            {
                ThrowMspError(ex, text);
                throw;
            }
        }
    }
}
