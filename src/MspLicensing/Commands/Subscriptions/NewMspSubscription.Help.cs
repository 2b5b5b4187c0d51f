using MspLicensing.Commands.Help;

namespace MspLicensing.Commands
{
    public sealed partial class NewMspSubscriptionCommand
    {
        public static CommandHelp Help => new CommandHelp
        {
            Synopsis = "Assigns service plans to customers: one license per product, with seats, dates and activation codes.",
            Description = "New-MspSubscription assigns a service plan to a customer. Each product of the plan gets a license (a suite gets one per component) with the seats given, the start date (today unless -StartDate) and an expiration date of start plus the plan's initial period, and a new activation code. Customers come from the pipeline, so Import-Csv customers.csv | New-MspCustomer | New-MspSubscription -ServicePlan 'Basic' -Seats 10 onboards a list at once; a customer that fails is reported and the others are assigned. A plan whose products the customer already holds needs a crossgrade instead. With -SkipExisting, a customer that has a subscription of the plan already is passed over without an error, so an onboarding that stopped half-way can simply run again.",
            Rules = new[] { Rules.R2, Rules.R13, Rules.R30, Rules.R31, Rules.R32, Rules.R33, Rules.R37, Rules.R39, Rules.R40 },
            Parameters =
            {
                ["Customer"] = "The customer: a name, a CustomerId or the object from Get-MspCustomer. Binds from the pipeline.",
                ["ServicePlan"] = "The service plan: a name, a ServicePlanId or the object from Get-MspServicePlan.",
                ["Seats"] = $"Seats of every license, {SubscriptionOperations.MinSeats} to {SubscriptionOperations.MaxSeats} (trial: at most {SubscriptionOperations.MaxTrialSeats}); default: the plan's units.",
                ["ProductSeats"] = "Seats by product code of the plan, e.g. @{ WFBSS = 50; TMEMS = 30 }; a suite's code sets all its components.",
                ["StartDate"] = "The day the licenses start; default today. Earlier days back-fill history.",
                ["SkipExisting"] = "Assigns the plan only to the customers that do not hold it yet (R13). A customer with a subscription of this plan whose licenses it still holds on the start day (not cancelled, deactivated or past the grace period) gets no new one: that subscription is passed down the pipeline as it is, and a verbose line says so. Its seats and dates are not changed, even when -Seats or -ProductSeats differ: a warning names the seats that differ, and Set-MspSubscription changes them. Seats given must still be valid. A customer that holds the plan's products through another plan is still refused: that needs a crossgrade (R40). Skipped customers are not errors; the progress counts them apart.",
            },
            Examples = new[]
            {
                new HelpExample("Assign a plan with 25 seats",
                    "New-MspSubscription -Customer Contoso -ServicePlan 'WF Services Monthly Rolling' -Seats 25",
                    "Returns the subscription; Get-MspLicense -Customer Contoso shows the license and its activation code.",
                    ExampleSetup.Contoso + "\n" + ExampleSetup.MonthlyPlan),
                new HelpExample("Onboard new customers from a CSV file",
                    "Import-Csv ./customers.csv | New-MspCustomer | New-MspSubscription -ServicePlan 'WF Services Monthly Rolling' -Seats 10",
                    "Each created customer is assigned the plan.",
                    ExampleSetup.MonthlyPlan + "\n[IO.File]::WriteAllText(\"$PWD/customers.csv\", \"Name,Country,City,ContactFirstName,ContactLastName,Email`nFabrikam,DE,Berlin,Jonas,Weber,jonas@fabrikam.de`nTailspin Toys,GB,London,Amy,Clark,amy@tailspintoys.co.uk`n\")"),
                new HelpExample("Re-run an interrupted onboarding",
                    "Import-Csv ./customers.csv | New-MspCustomer -SkipExisting -Verbose | New-MspSubscription -ServicePlan 'WF Services Monthly Rolling' -Seats 10 -SkipExisting -Verbose",
                    "Fabrikam was created and subscribed, and Tailspin Toys created, before the first run stopped. Verbose lines say that customer 'Fabrikam' and its subscription and customer 'Tailspin Toys' exist and were skipped; Tailspin Toys and the new customer Northwind get the plan. The output holds the subscriptions of all three customers, and no errors.",
                    ExampleSetup.InterruptedOnboarding),
                new HelpExample("Different seats per product, starting on the first of the month",
                    "New-MspServicePlan -Name 'Endpoint and Mail' -Product WFBSS, TMEMS -DataCenter Germany\nNew-MspSubscription -Customer Contoso -ServicePlan 'Endpoint and Mail' -Seats 50 -ProductSeats @{ TMEMS = 30 } -StartDate 2026-11-01",
                    "Worry-Free gets 50 seats and Email Security 30.",
                    ExampleSetup.Contoso),
            },
            Inputs = "Customers from Get-MspCustomer or New-MspCustomer, or objects with a Customer, CustomerId or Name property.",
            Outputs = "The new subscriptions; with -SkipExisting also the existing subscriptions that were skipped.",
            Related = new[] { "Get-MspSubscription", "Get-MspLicense", "Set-MspSubscription", "New-MspServicePlan" },
        };
    }
}
