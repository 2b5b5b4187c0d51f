using MspLicensing.Commands.Help;

namespace MspLicensing.Commands
{
    public sealed partial class ApproveMspUsageReportCommand
    {
        public static CommandHelp Help => new CommandHelp
        {
            Synopsis = "Approves a submitted usage report.",
            Description = "Approve-MspUsageReport moves a Submitted report to Approved. Its figures stay frozen.",
            Rules = new[] { Rules.R54 },
            Parameters = { ["Month"] = "The month to approve, yyyy-MM; default the current month." },
            Examples = new[]
            {
                new HelpExample("Approve March", "Approve-MspUsageReport -Month 2026-03", "Status Approved.", ExampleSetup.UsageMarch + "\nSubmit-MspUsageReport -Month 2026-03"),
                new HelpExample("Approve and look at the totals", "Approve-MspUsageReport -Month 2026-03\nGet-MspUsageReport -Month 2026-03", "The rows show Status Approved.", ExampleSetup.UsageMarch + "\nSubmit-MspUsageReport -Month 2026-03"),
            },
            Outputs = "The report: month, status, dates and its frozen lines (Lines).",
            Related = new[] { "Submit-MspUsageReport", "Deny-MspUsageReport", "Get-MspUsageReport" },
        };
    }
}
