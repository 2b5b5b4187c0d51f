using MspLicensing.Commands.Help;

namespace MspLicensing.Commands
{
    public sealed partial class SetMspUsageReportCommand
    {
        public static CommandHelp Help => new CommandHelp
        {
            Synopsis = "Lowers the chargeable seats of a customer's product in a month's report, with a comment.",
            Description = "Set-MspUsageReport sets the chargeable seats of one report line below the provisioned seats, for example when a customer was onboarded late in the month. A lower value needs a comment saying why; setting it back to the provisioned seats removes the adjustment. Only a Preparing or Rejected report can change.",
            Rules = new[] { Rules.R51, Rules.R54 },
            Parameters =
            {
                ["Month"] = "The month, yyyy-MM; default the current month.",
                ["Customer"] = "The customer of the line: a name, a CustomerId or the object.",
                ["Product"] = "The billed product of the line (a suite's code for a suite).",
                ["Chargeable"] = "The chargeable seats, from 0 to the provisioned seats.",
                ["Comment"] = $"Why the chargeable seats are lower, up to {UsageOperations.MaxCommentLength} characters; required below the provisioned seats.",
            },
            Examples = new[]
            {
                new HelpExample("Bill fewer seats with a reason",
                    "Set-MspUsageReport -Month 2026-03 -Customer Contoso -Product WFBSS -Chargeable 30 -Comment 'Seats raised by mistake on 10 March, corrected on 20 March'",
                    "The line shows Chargeable 30 and the comment; the product total and band follow.",
                    ExampleSetup.UsageMarch),
                new HelpExample("Take an adjustment back",
                    "Set-MspUsageReport -Month 2026-03 -Customer Contoso -Product WFBSS -Chargeable 40",
                    "Chargeable equal to provisioned needs no comment and removes the adjustment.",
                    ExampleSetup.UsageMarch + "\nSet-MspUsageReport -Month 2026-03 -Customer Contoso -Product WFBSS -Chargeable 30 -Comment 'Trial period'"),
            },
            Inputs = "Report lines from Get-MspUsageReport -ByCustomer, or objects with Customer, Product, Chargeable and Comment properties.",
            Outputs = "The changed report line.",
            Related = new[] { "Get-MspUsageReport", "Submit-MspUsageReport" },
        };
    }
}
