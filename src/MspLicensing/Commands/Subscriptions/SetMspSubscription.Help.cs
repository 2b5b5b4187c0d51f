using MspLicensing.Commands.Help;

namespace MspLicensing.Commands
{
    public sealed partial class SetMspSubscriptionCommand
    {
        public static CommandHelp Help => new CommandHelp
        {
            Synopsis = "Changes subscriptions: seats, expiration date, auto-renewal.",
            Description = "Set-MspSubscription raises or lowers seats without touching the dates, changes the expiration date on its own, and turns auto-renewal on or off or changes its period. Every seat change is kept with the day it takes effect (-Date, default today), because the monthly usage report bills the peak seats of each month; an earlier -Date back-fills the history. Trials, suspended, cancelled and deactivated subscriptions cannot be changed.",
            Rules = new[] { Rules.R31, Rules.R34, Rules.R36, Rules.R37, Rules.R52 },
            Parameters =
            {
                ["SubscriptionId"] = "The subscription's id. Binds from subscriptions and licenses in the pipeline.",
                ["InputObject"] = "The subscription from Get-MspSubscription; refused when it changed since it was read.",
                ["Customer"] = "The customer whose running subscription to change (with -ServicePlan when it has several).",
                ["ServicePlan"] = "With -Customer: the plan of the subscription to change.",
                ["Seats"] = $"New seats for every license, {SubscriptionOperations.MinSeats} to {SubscriptionOperations.MaxSeats}.",
                ["ProductSeats"] = "New seats by product code, e.g. @{ TMEMS = 40 }; a suite's code sets all its components. Binds from the pipeline by property name together with SubscriptionId (the rows of Get-MspRightSizing carry both; Select-Object @{ Name = 'ProductSeats'; Expression = { @{ $_.Product = $_.SuggestedSeats + 2 } } } changes them on the way).",
                ["ExpirationDate"] = "A new expiration date for every license; later renewals fall on its day of the month.",
                ["AutoRenewal"] = "Turns auto-renewal on ($true) or off ($false).",
                ["AutoRenewalMonths"] = $"A new renewal period, 1 to {ServicePlanOperations.MaxPeriodMonths} months.",
                ["Date"] = "The day a seat change takes effect; default today.",
                ["PassThru"] = "Writes the changed subscriptions.",
            },
            Examples = new[]
            {
                new HelpExample("Raise a customer's seats from today",
                    "Set-MspSubscription -Customer Contoso -Seats 40 -PassThru",
                    "The dates stay as they are.",
                    ExampleSetup.ContosoOnMonthly),
                new HelpExample("Record a seat change that happened earlier",
                    "Set-MspSubscription -Customer Contoso -Seats 30 -Date 2026-03-01\n(Get-MspLicense -Customer Contoso).SeatHistory",
                    "The history keeps every change with its day.",
                    ExampleSetup.ContosoOnMonthly),
                new HelpExample("See what lowering seats in the middle of a month bills",
                    "Set-MspSubscription -Customer Contoso -Seats 20 -Date 2026-06-10 -WhatIf",
                    $"What if: Contoso / WF Services Monthly Rolling: WFBSS seats from 2026-06-10: 25 -> 20; 2026-06 bills 25 seats {Rules.R52.Quote}\nThe month bills its peak; nothing is changed.",
                    ExampleSetup.ContosoOnMonthly),
                new HelpExample("Move the expiration date and stop renewing",
                    "Get-MspSubscription -Customer Contoso | Set-MspSubscription -ExpirationDate 2026-12-31 -AutoRenewal $false",
                    "The licenses then expire on 2026-12-31 and show ExpiringSoon within the plan's notice days.",
                    ExampleSetup.ContosoOnMonthly),
            },
            Inputs = "Subscriptions from Get-MspSubscription, or objects with a SubscriptionId property (such as licenses), and with it a ProductSeats property (such as the rows of Get-MspRightSizing).",
            Outputs = "With -PassThru, the changed subscriptions.",
            Related = new[] { "Get-MspSubscription", "Suspend-MspSubscription", "Stop-MspSubscription", "Get-MspLicense" },
        };
    }
}
