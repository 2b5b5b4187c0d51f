using System;
using System.Globalization;
using System.Management.Automation;

namespace MspLicensing.Commands
{
    /// <summary>
    /// Lets -Month take yyyy-MM text, or a date (Get-Date, [datetime]'2026-03-01', or date text read as
    /// <see cref="DateTransformationAttribute"/> reads it): it becomes yyyy-MM, the same in every culture. Other text goes
    /// on as it is, for <see cref="UsageOperations.ParseMonth"/> to accept or refuse.
    /// </summary>
    public sealed class MonthTransformationAttribute : ArgumentTransformationAttribute
    {
        /// <summary>What the help of the parameter adds to its description.</summary>
        public const string HelpText = "Text is read as yyyy-MM or an ISO date, yyyy-MM-dd, the same in every culture.";

        public override object Transform(EngineIntrinsics engineIntrinsics, object inputData)
        {
            object value = inputData is PSObject pso ? pso.BaseObject : inputData;
            switch (value)
            {
                case DateTime date:
                    return UsageOperations.MonthText(date);
                case string text when !UsageOperations.IsMonthText(text):
                    try
                    {
                        return UsageOperations.MonthText(Dates.Read(text, CultureInfo.CurrentCulture));
                    }
                    catch (MspException)
                    {
                        return inputData;
                    }
                default:
                    return inputData;
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

        /// <summary>The first day of -Month; a month that is not yyyy-MM stops the command.</summary>
        protected DateTime MonthStart()
        {
            try
            {
                return UsageOperations.ParseMonth(nameof(Month), Month);
            }
            catch (MspException ex)
            {
                ThrowMspError(ex, Month);
                throw;
            }
        }
    }
}
