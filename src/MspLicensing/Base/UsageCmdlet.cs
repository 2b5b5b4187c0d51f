using System.Management.Automation;

namespace MspLicensing.Commands
{
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
        protected BillingMonth MonthStart() => ParseMonth(nameof(Month), Month);
    }
}
