using MspLicensing.Commands.Help;

namespace MspLicensing.Commands
{
    public sealed partial class GetMspSubscriptionCommand
    {
        public static CommandHelp Help => new CommandHelp
        {
            Synopsis = "Lists subscriptions by customer, plan, id or status.",
            Description = "Get-MspSubscription lists subscriptions with their customer, plan, status, start and expiration dates and auto-renewal. The status is computed as of today, or as of -AsOf: Active, Trial, Suspended, Cancelled, Expired or Deactivated. Customers from the pipeline list their subscriptions, and so do plans from the pipeline.",
            Rules = new[] { Rules.R38 },
            Parameters =
            {
                ["Customer"] = "Only this customer's subscriptions: a name, a CustomerId or the object. Binds from the pipeline.",
                ["ServicePlan"] = "Only subscriptions of this plan: a name, a ServicePlanId or the object. Binds from plans in the pipeline (their ServicePlanId).",
                ["SubscriptionId"] = "Subscription ids.",
                ["Status"] = "Only subscriptions in this status as of the -AsOf day.",
                ["AsOf"] = "The day statuses are computed for; default today.",
            },
            Examples = new[]
            {
                new HelpExample("A customer's subscriptions", "Get-MspSubscription -Customer Contoso", "One row per subscription.", ExampleSetup.ContosoOnMonthly),
                new HelpExample("Subscriptions of every disabled customer",
                    "Get-MspCustomer -Enabled $false | Get-MspSubscription",
                    "Customers in the pipeline list their subscriptions.",
                    ExampleSetup.ContosoOnMonthly + "\nSet-MspCustomer -Name Contoso -Enabled $false"),
                new HelpExample("Who is on a plan",
                    "Get-MspServicePlan -Name 'WF Services Monthly Rolling' | Get-MspSubscription",
                    "Plans in the pipeline list their subscriptions, of every customer.",
                    ExampleSetup.UsageMarch),
                new HelpExample("What will have expired by the end of next year",
                    "Get-MspSubscription -Status Expired -AsOf 2027-12-31",
                    "Statuses are computed for the day given.",
                    ExampleSetup.ContosoOnMonthly + "\nSuspend-MspSubscription -Customer Contoso -Date 2026-06-01"),
            },
            Inputs = "Customers, service plans, or objects with a Customer, CustomerId, ServicePlan, ServicePlanId or SubscriptionId property.",
            Outputs = "Subscriptions.",
            Related = new[] { "New-MspSubscription", "Set-MspSubscription", "Get-MspLicense" },
        };
    }
}
