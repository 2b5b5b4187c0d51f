using MspLicensing.Commands.Help;

namespace MspLicensing.Commands
{
    public sealed partial class RepairMspStoreCommand
    {
        public static CommandHelp Help => new CommandHelp
        {
            Synopsis = "Rewrites the usage ledgers that bill otherwise than the licenses and subscriptions they follow.",
            Description = "A month's report reads each customer's usage ledger, which every change to the customer's licenses and subscriptions rewrites in its own transaction (about_MspLicensing_MonthEnd, \"How a month's report is kept\"). Repair-MspStore checks every ledger of the session's store as Test-MspStore does and rewrites each that disagrees from the customer's licenses and subscriptions, checked again in the transaction that rewrites it: its months' documents are written anew and any left over is deleted. Licenses, subscriptions, reports and everything else stay as they are. Each rewrite is an entry in the audit log that names the months the ledger billed otherwise (Get-MspAuditLog -TargetType UsageLedger). A Submitted or Approved month keeps its frozen lines (R54): where the repair names such a month, compare what was billed with Get-MspUsageReport. With nothing to repair it writes nothing (with -Verbose it says so). -WhatIf lists what it would rewrite; -Confirm asks for each customer.",
            Examples = new[]
            {
                new HelpExample("Check the store and repair what the check finds",
                    "if (-not (Test-MspStore -Quiet)) { (Test-MspStore).Problems; Repair-MspStore }",
                    "Shows the problems, then the customers whose ledgers were rewritten and the months each billed otherwise."),
                new HelpExample("See what would be rewritten",
                    "Repair-MspStore -WhatIf",
                    "One line per customer whose ledger disagrees; nothing is written."),
                new HelpExample("Review earlier repairs",
                    "Get-MspAuditLog -TargetType UsageLedger | Format-Table TimeUtc, Target, Summary -Wrap",
                    "Each rewrite with the customer and the months its ledger billed otherwise."),
            },
            Outputs = "For each ledger rewritten: the customer (Customer, CustomerId) and the months (yyyy-MM) its ledger billed otherwise (Months; empty when only its record differed).",
            Related = new[] { "Test-MspStore", "Get-MspUsageReport", "Get-MspAuditLog", "about_MspLicensing_MonthEnd" },
        };
    }
}
