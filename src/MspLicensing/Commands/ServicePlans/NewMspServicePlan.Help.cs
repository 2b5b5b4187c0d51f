using MspLicensing.Commands.Help;

namespace MspLicensing.Commands
{
    public sealed partial class NewMspServicePlanCommand
    {
        public static CommandHelp Help => new CommandHelp
        {
            Synopsis = "Creates service plans: the products, data centers and license terms customers are assigned.",
            Description = "New-MspServicePlan creates a plan with one or more products of the catalog. Services run in a data center: one for all (-DataCenter Germany) or one per product or suite component (-DataCenter @{ '*' = 'Germany'; CAS = 'Europe' }); without -DataCenter they run in the account's default data center. A plan with a suite is a bundle. The initial period defaults to 12 months (1 for a Trial plan), the notice period to 30 days, the units to 1 seat per license; without -AutoRenewalMonths the licenses do not renew. Service plans exist only in Licensing Management Platform accounts.",
            Rules = new[] { Rules.R2, Rules.R20, Rules.R21, Rules.R37 },
            Parameters =
            {
                ["Name"] = $"The plan's name, 1 to {ServicePlanOperations.MaxNameLength} characters, unique in the account ignoring case.",
                ["Product"] = "Product codes or names from Get-MspProduct, e.g. WFBSS, CAS or 'Worry-Free XDR'. A suite makes the plan a bundle.",
                ["DataCenter"] = "Where the services run: one data center for all, or a hashtable by product code with '*' for the rest.",
                ["Version"] = "Full (default) or Trial. Fixed once the plan exists.",
                ["InitialPeriodMonths"] = $"The initial license period, {ServicePlanOperations.MinPeriodMonths} to {ServicePlanOperations.MaxPeriodMonths} months; default {ServicePlanOperations.DefaultInitialPeriodMonths} (Trial: exactly 1).",
                ["AutoRenewalMonths"] = $"Renew every this many months after the initial period, 1 to {ServicePlanOperations.MaxPeriodMonths}; 0 or none: no auto-renewal.",
                ["ExpirationNoticeDays"] = $"Days before expiration from which a license that will not renew is ExpiringSoon, 0 to {ServicePlanOperations.MaxNoticeDays}; default {ServicePlanOperations.DefaultNoticeDays}.",
                ["Seats"] = $"Units per license when an assignment names none, {SubscriptionOperations.MinSeats} to {SubscriptionOperations.MaxSeats}; default {ServicePlanOperations.DefaultSeats} (Trial: at most {SubscriptionOperations.MaxTrialSeats}).",
                ["Description"] = $"Free text, up to {ServicePlanOperations.MaxDescriptionLength} characters; line breaks and tabs are allowed.",
                ["Enabled"] = "Whether the plan can be assigned (default True).",
            },
            Examples = new[]
            {
                new HelpExample("A monthly rolling plan after a one-year term",
                    "New-MspServicePlan -Name 'WF Services Monthly Rolling' -Product WFBSS -InitialPeriodMonths 12 -AutoRenewalMonths 1 -DataCenter Germany",
                    "Licenses run 12 months, then renew every month."),
                new HelpExample("A Worry-Free XDR bundle with Cloud App Security in Europe",
                    "New-MspServicePlan -Name 'WF Services XDR' -Product WFXDR -InitialPeriodMonths 12 -AutoRenewalMonths 1 -DataCenter @{ '*' = 'Germany'; CAS = 'Europe' }",
                    "The suite's components get a license each; the bundle's products cannot change later."),
                new HelpExample("A ten-seat trial plan",
                    "New-MspServicePlan -Name 'WF Services Trial' -Product WFBSS -Version Trial -Seats 10",
                    "A trial lasts one month and does not renew; Convert-MspSubscription turns it into a Full plan."),
            },
            Inputs = "Objects with properties named like the parameters, such as rows of Import-Csv.",
            Outputs = "The created service plans.",
            Related = new[] { "Get-MspServicePlan", "Set-MspServicePlan", "New-MspSubscription", "Get-MspProduct" },
        };
    }
}
