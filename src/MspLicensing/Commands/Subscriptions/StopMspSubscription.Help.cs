using MspLicensing.Commands.Help;

namespace MspLicensing.Commands
{
    public sealed partial class StopMspSubscriptionCommand
    {
        public static CommandHelp Help => new CommandHelp
        {
            Synopsis = "Cancels subscriptions at once.",
            Description = "Stop-MspSubscription cancels a subscription on the day given (default today): its licenses end that day and it never renews. The month of the cancellation is billed in full. A cancelled subscription cannot be changed or resumed; assign the plan again to start anew. It asks for confirmation unless -Confirm:$false is given; the question, like -WhatIf, names the customer, the plan, the day, the licenses that end and how the month bills.",
            Rules = new[] { Rules.R35 },
            Parameters =
            {
                ["SubscriptionId"] = "The subscription's id. Binds from subscriptions and licenses in the pipeline.",
                ["InputObject"] = "The subscription from Get-MspSubscription.",
                ["Customer"] = "The customer whose running subscription to cancel (with -ServicePlan when it has several).",
                ["ServicePlan"] = "With -Customer: the plan of the subscription to cancel.",
                ["Date"] = "The day of the cancellation; default today.",
                ["PassThru"] = "Writes the cancelled subscriptions.",
            },
            Examples = new[]
            {
                new HelpExample("Cancel a customer's subscription",
                    "Stop-MspSubscription -Customer Contoso -Confirm:$false",
                    "The licenses end today; this month is billed in full.",
                    ExampleSetup.ContosoOnMonthly),
                new HelpExample("See what a cancellation would do",
                    "Stop-MspSubscription -Customer Contoso -Date 2026-06-15 -WhatIf",
                    $"What if: Contoso / WF Services Monthly Rolling: cancelled on 2026-06-15; WFBSS ends that day {Rules.R35.Quote}\nNothing is cancelled.",
                    ExampleSetup.ContosoOnMonthly),
                new HelpExample("Cancel on the 15th and look at the result",
                    "Stop-MspSubscription -Customer Contoso -ServicePlan 'WF Services Monthly Rolling' -Date 2026-06-15 -Confirm:$false -PassThru",
                    "Status Cancelled; Get-MspLicense -Customer Contoso shows the licenses as Cancelled.",
                    ExampleSetup.ContosoOnMonthly),
            },
            Inputs = "Subscriptions from Get-MspSubscription, or objects with a SubscriptionId property.",
            Outputs = "With -PassThru, the cancelled subscriptions.",
            Related = new[] { "Suspend-MspSubscription", "Get-MspSubscription", "New-MspSubscription" },
        };
    }
}
