using MspLicensing.Commands.Help;

namespace MspLicensing.Commands
{
    public sealed partial class GetMspUsageMonthCommand
    {
        public static CommandHelp Help => new CommandHelp
        {
            Synopsis = "Lists the months of the usage report with the status of each month's report.",
            Description = "Get-MspUsageMonth lists, newest first, every month that has a usage report to make or one stored: from the first month a license bills in to the current month (and a later month whose report was already changed). Each row has the month, the status of its report (Preparing, Submitted, Approved or Rejected), when it was submitted, approved or rejected, and its figures: how many lines (one per customer and billed license), how many customers, the chargeable seats of all lines added up and how many lines were set below provisioned. A Submitted or Approved month shows its frozen figures; a month without billed licenses and without a stored report is left out. The rows pipe on to Get-MspUsageReport, Submit-MspUsageReport and Approve-MspUsageReport, which take their Month.",
            Rules = new[] { Rules.R54, Rules.R55 },
            Parameters =
            {
                ["From"] = "Only this month and later ones, yyyy-MM.",
                ["To"] = "Only this month and earlier ones, yyyy-MM.",
                ["Status"] = "Only months whose report has this status (one or more of Preparing, Submitted, Approved, Rejected).",
            },
            Examples = new[]
            {
                new HelpExample("Where each month stands",
                    "Get-MspUsageMonth",
                    "Newest first: every month from January to now, March Submitted and the others still Preparing.",
                    ExampleSetup.UsageMarch + "\nSubmit-MspUsageReport -Month 2026-03 -Confirm:$false"),
                new HelpExample("Submit every ended month that is still open",
                    "Get-MspUsageMonth -Status Preparing, Rejected -To ([datetime]::Today.AddMonths(-1)) | Submit-MspUsageReport -Confirm:$false",
                    "A month-end task: the rows give Submit-MspUsageReport their Month; the current month is left to run.",
                    ExampleSetup.UsageMarch),
                new HelpExample("The last three months",
                    "Get-MspUsageMonth -First 3",
                    "The newest months first; -From and -To choose a range instead.",
                    ExampleSetup.UsageMarch),
            },
            Inputs = "None.",
            Outputs = "One row per month, newest first: Month, Status, Lines, Customers, Chargeable, Adjustments, SubmittedUtc, ApprovedUtc, RejectedUtc, RejectedReason.",
            Related = new[] { "Get-MspUsageReport", "Submit-MspUsageReport", "Approve-MspUsageReport", "Deny-MspUsageReport" },
        };
    }
}
