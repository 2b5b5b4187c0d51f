using System;
using System.Management.Automation;
using MspLicensing.Commands.Help;

namespace MspLicensing.Commands
{
    [Cmdlet(VerbsLifecycle.Submit, "MspUsageReport", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(UsageReport))]
    public sealed class SubmitMspUsageReportCommand : UsageCmdlet
    {
        public static CommandHelp Help => new CommandHelp
        {
            Synopsis = "Submits a month's usage report and freezes its figures.",
            Description = "Submit-MspUsageReport moves a Preparing or Rejected report to Submitted. Its lines are frozen as they are now: changes made later, even back-dated ones, do not alter the figures of that month. A submitted report is then approved (Approve-MspUsageReport) or rejected (Deny-MspUsageReport) and editable again. Months that have not begun cannot be submitted.",
            Rules = new[] { Rules.R54 },
            Parameters = { ["Month"] = "The month to submit, yyyy-MM; default the current month." },
            Examples = new[]
            {
                new HelpExample("Submit last month at the start of a month", "Submit-MspUsageReport -Month ([datetime]::Today.AddMonths(-1))", "A date names its month.", ExampleSetup.ContosoOnMonthly),
                new HelpExample("Submit March after checking it", "Get-MspUsageReport -Month 2026-03\nSubmit-MspUsageReport -Month 2026-03", "Get-MspUsageReport shows Status Submitted and the frozen figures afterwards.", ExampleSetup.UsageMarch),
            },
            Outputs = "The report: month, status and dates.",
            Related = new[] { "Get-MspUsageReport", "Approve-MspUsageReport", "Deny-MspUsageReport" },
        };

        protected override void ProcessRecord()
        {
            var month = MonthStart();
            if (!ShouldProcess($"Usage report {UsageOperations.MonthText(month)}", "Submit")) return;
            if (TryWrite(s => UsageOperations.Submit(s, month, Clock.Today, DateTime.UtcNow), Month, out var report))
                WriteObject(report);
        }
    }
}
