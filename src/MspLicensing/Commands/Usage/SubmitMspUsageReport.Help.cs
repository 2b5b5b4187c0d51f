using MspLicensing.Commands.Help;

namespace MspLicensing.Commands
{
    public sealed partial class SubmitMspUsageReportCommand
    {
        public static CommandHelp Help => new CommandHelp
        {
            Synopsis = "Submits a month's usage report and freezes its figures.",
            Description = "Submit-MspUsageReport moves a Preparing or Rejected report to Submitted. Its lines are frozen as they are now: changes made later, even back-dated ones, do not alter the figures of that month. A submitted report is then approved (Approve-MspUsageReport) or rejected (Deny-MspUsageReport) and editable again. A month is submitted once it has ended, so the nightly renewals, seat changes and cancellations of its last day are in it; -Force submits the current month early, on purpose. Months that have not begun cannot be submitted. Submitting a month that is already Submitted or Approved changes nothing and says so in a warning, so a month-end task can run again.",
            Rules = new[] { Rules.R54 },
            Parameters =
            {
                ["Month"] = "The month to submit, yyyy-MM (a date works too); default the current month, which needs -Force until it has ended.",
                ["Force"] = "Submits the current month before it has ended. Changes made later in the month do not reach the submitted figures.",
            },
            Examples = new[]
            {
                new HelpExample("Submit last month at the start of a month", "Submit-MspUsageReport -Month ([datetime]::Today.AddMonths(-1))", "A date names its month. Run again, it changes nothing.", ExampleSetup.ContosoOnMonthly),
                new HelpExample("Submit the current month early", "Submit-MspUsageReport -Force", "Without -Force the current month is refused until it has ended.", ExampleSetup.ContosoOnMonthly),
                new HelpExample("Submit March after checking it", "Get-MspUsageReport -Month 2026-03\nSubmit-MspUsageReport -Month 2026-03", "Get-MspUsageReport shows Status Submitted and the frozen figures afterwards.", ExampleSetup.UsageMarch),
            },
            Outputs = "The report: month, status, dates and its frozen lines (Lines).",
            Related = new[] { "Get-MspUsageReport", "Approve-MspUsageReport", "Deny-MspUsageReport" },
        };
    }
}
