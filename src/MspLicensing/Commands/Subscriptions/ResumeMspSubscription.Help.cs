using MspLicensing.Commands.Help;

namespace MspLicensing.Commands
{
    public sealed partial class ResumeMspSubscriptionCommand
    {
        public static CommandHelp Help => new CommandHelp
        {
            Synopsis = "Resumes suspended subscriptions and turns auto-renewal on again.",
            Description = "Resume-MspSubscription ends a suspension. It is allowed until the grace period after the expiration date ends (Get-MspAccount shows GracePeriodDays); a subscription resumed after its expiration date is renewed by the next Invoke-MspRenewal from where it left off.",
            Rules = new[] { Rules.R36 },
            Parameters =
            {
                ["SubscriptionId"] = "The subscription's id. Binds from subscriptions and licenses in the pipeline.",
                ["InputObject"] = "The subscription from Get-MspSubscription.",
                ["Customer"] = "The customer whose suspended subscription to resume (with -ServicePlan when it has several).",
                ["ServicePlan"] = "With -Customer: the plan of the subscription to resume.",
                ["Date"] = "The day of the resumption; default today. It must come before the grace period ends.",
                ["PassThru"] = "Writes the resumed subscriptions.",
            },
            Examples = new[]
            {
                new HelpExample("Resume a customer's subscription",
                    "Resume-MspSubscription -Customer Contoso -Date 2026-07-01 -PassThru",
                    "Auto-renewal is on again.",
                    ExampleSetup.ContosoOnMonthly + "\nSuspend-MspSubscription -Customer Contoso -Date 2026-06-01"),
                new HelpExample("Resume every suspended subscription",
                    "Get-MspSubscription -Status Suspended | Resume-MspSubscription",
                    "Subscriptions whose grace period is over are reported one by one and stay suspended.",
                    ExampleSetup.ContosoOnMonthly + "\nSuspend-MspSubscription -Customer Contoso"),
            },
            Inputs = "Subscriptions from Get-MspSubscription, or objects with a SubscriptionId property.",
            Outputs = "With -PassThru, the resumed subscriptions.",
            Related = new[] { "Suspend-MspSubscription", "Invoke-MspRenewal", "Get-MspSubscription" },
        };
    }
}
