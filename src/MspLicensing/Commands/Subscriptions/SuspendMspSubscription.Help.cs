using MspLicensing.Commands.Help;

namespace MspLicensing.Commands
{
    public sealed partial class SuspendMspSubscriptionCommand
    {
        public static CommandHelp Help => new CommandHelp
        {
            Synopsis = "Suspends subscriptions: auto-renewal stops and the licenses run to their expiration date.",
            Description = "Suspend-MspSubscription turns auto-renewal off. The licenses stay usable until their expiration date, or until -ExpirationDate if that is earlier. A suspended subscription cannot be changed; Resume-MspSubscription turns auto-renewal on again until the grace period after expiration ends. A subscription without auto-renewal cannot be suspended.",
            Rules = new[] { Rules.R36 },
            Parameters =
            {
                ["SubscriptionId"] = "The subscription's id. Binds from subscriptions and licenses in the pipeline.",
                ["InputObject"] = "The subscription from Get-MspSubscription.",
                ["Customer"] = "The customer whose running subscription to suspend (with -ServicePlan when it has several).",
                ["ServicePlan"] = "With -Customer: the plan of the subscription to suspend.",
                ["Date"] = "The day of the suspension; default today.",
                ["ExpirationDate"] = "End the licenses on this day instead of their expiration date (not later than it).",
                ["PassThru"] = "Writes the suspended subscriptions.",
            },
            Examples = new[]
            {
                new HelpExample("Suspend a customer's subscription",
                    "Suspend-MspSubscription -Customer Contoso -PassThru",
                    "The subscription's status becomes Suspended; it expires on its expiration date unless resumed.",
                    ExampleSetup.ContosoOnMonthly),
                new HelpExample("Suspend and end the licenses at the end of the month",
                    "Suspend-MspSubscription -Customer Contoso -Date 2026-06-10 -ExpirationDate 2026-06-30",
                    "The licenses expire on 2026-06-30.",
                    ExampleSetup.ContosoOnMonthly),
            },
            Inputs = "Subscriptions from Get-MspSubscription, or objects with a SubscriptionId property.",
            Outputs = "With -PassThru, the suspended subscriptions.",
            Related = new[] { "Resume-MspSubscription", "Stop-MspSubscription", "Get-MspSubscription" },
        };
    }
}
