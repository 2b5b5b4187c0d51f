using System;
using System.Globalization;
using System.Management.Automation;

namespace MspLicensing.Commands
{
    /// <summary>Lets -Month take yyyy-MM text or a date (Get-Date, [datetime]'2026-03-01'): it becomes yyyy-MM.</summary>
    public sealed class MonthTransformationAttribute : ArgumentTransformationAttribute
    {
        public override object Transform(EngineIntrinsics engineIntrinsics, object inputData)
        {
            object value = inputData is PSObject pso ? pso.BaseObject : inputData;
            return value is DateTime date ? date.ToString("yyyy-MM", CultureInfo.InvariantCulture) : inputData;
        }
    }

    /// <summary>The base of the usage report cmdlets: the month, yyyy-MM, default the current one.</summary>
    public abstract class UsageCmdlet : MspCmdlet
    {
        [Parameter(Position = 0, ValueFromPipelineByPropertyName = true)]
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
