using MspLicensing.Commands.Help;

namespace MspLicensing.Commands
{
    public sealed partial class DenyMspUsageReportCommand
    {
        public static CommandHelp Help => new CommandHelp
        {
            Synopsis = "Rejects a submitted usage report, making it editable again.",
            Description = "Deny-MspUsageReport moves a Submitted report to Rejected, with the reason. Its figures are no longer frozen: the report shows the month as it is now, can be adjusted with Set-MspUsageReport and submitted again. It returns the report with the reason and its lines as they now stand; the reason stays until the report is submitted again (the audit log keeps it).",
            Rules = new[] { Rules.R54 },
            Parameters =
            {
                ["Month"] = "The month to reject, yyyy-MM; default the current month.",
                ["Reason"] = $"Why the report is rejected, up to {UsageOperations.MaxCommentLength} characters.",
            },
            Examples = new[]
            {
                new HelpExample("Reject March", "Deny-MspUsageReport -Month 2026-03 -Reason 'Contoso was onboarded on 28 March'", "Status Rejected; adjust and submit again.", ExampleSetup.UsageMarch + "\nSubmit-MspUsageReport -Month 2026-03"),
                new HelpExample("Reject, adjust, submit again", "Deny-MspUsageReport -Month 2026-03 -Reason 'Correction'\nSet-MspUsageReport -Month 2026-03 -Customer Contoso -Product WFBSS -Chargeable 30 -Comment 'Corrected peak'\nSubmit-MspUsageReport -Month 2026-03", "The new figures are frozen.", ExampleSetup.UsageMarch + "\nSubmit-MspUsageReport -Month 2026-03"),
            },
            Outputs = "The report: month, status Rejected, the reason, and its lines (Lines) as they stand now, ready to adjust with Set-MspUsageReport.",
            Related = new[] { "Submit-MspUsageReport", "Set-MspUsageReport", "Get-MspUsageReport" },
        };
    }
}
