using System.Globalization;
using MspLicensing.Commands.Help;

namespace MspLicensing.Commands
{
    public sealed partial class GetMspRightSizingCommand
    {
        public static CommandHelp Help => new CommandHelp
        {
            Synopsis = "Lists the licenses whose used count stayed well below their seats, with the seats that could be released.",
            Description = "Get-MspRightSizing finds the seats customers pay for and do not use: the licenses whose highest used count of each month stayed at least -Threshold percent below the month's peak seats in every one of the last -Months months up to -Month (a suite counts as one license). Each row names the customer, the subscription and the product, the seats now, the highest used count of the window, the suggested seats (that highest used count) and the seats that could be released, with each month's used/peak in History. A license without a used count in one of the months is no candidate, and neither are trials, NFR and other non-MSP licenses or licenses of a subscription that is not Active. The rows carry SubscriptionId and ProductSeats (@{ Product = SuggestedSeats }), so they pipe straight into Set-MspSubscription."
                + $" -Months takes 1 to {RightSizingRequest.MaxMonths.ToString(CultureInfo.InvariantCulture)}; -Threshold takes a percentage from 1 to 99, as 20 or '20%'.",
            Rules = new[] { Rules.R58, Rules.R51, Rules.R53 },
            Parameters =
            {
                ["Month"] = "The last month of the window, yyyy-MM; default the current month.",
                ["Months"] = $"How many months the window has, ending with -Month; default {RightSizingRequest.DefaultMonths.ToString(CultureInfo.InvariantCulture)}.",
                ["Threshold"] = $"How far the used count stays below the seats, in percent of the seats (1-99, e.g. 20 or '20%'); default {RightSizingRequest.DefaultThreshold.ToString(CultureInfo.InvariantCulture)}.",
                ["Customer"] = "Only this customer's licenses: a name, a CustomerId or the object. Binds from customers in the pipeline.",
                ["Product"] = "Only this product (a code or name; a suite's code for a suite).",
            },
            Examples = new[]
            {
                new HelpExample("What to bring to the customers",
                    "Get-MspRightSizing -Month 2026-04",
                    "Contoso used at most 14 of its 25 WFBSS seats in February to April: 11 seats could be released. Fabrikam used 10 of 10 and is not listed.",
                    ExampleSetup.RightSizing),
                new HelpExample("Lower the seats to the suggestion",
                    "Get-MspRightSizing -Month 2026-04 | Set-MspSubscription -Date 2026-05-01 -PassThru",
                    "Each row gives Set-MspSubscription its SubscriptionId and ProductSeats; -WhatIf shows the changes first.",
                    ExampleSetup.RightSizing),
                new HelpExample("Keep some room",
                    "Get-MspRightSizing -Month 2026-04 -Months 2 -Threshold 30% | Select-Object SubscriptionId, @{ Name = 'ProductSeats'; Expression = { @{ $_.Product = $_.SuggestedSeats + 2 } } } | Set-MspSubscription -Date 2026-05-01 -WhatIf",
                    "A calculated ProductSeats gives each subscription the suggestion plus two seats; Set-MspSubscription binds SubscriptionId and ProductSeats by property name.",
                    ExampleSetup.RightSizing),
            },
            Inputs = "Customers, or objects with a CustomerId or Customer property, to look at their licenses only.",
            Outputs = "One row per license (a suite as one): Customer, SubscriptionId, ServicePlan, Product, Seats, HighestUsed, SuggestedSeats, ReleasableSeats, LowestOverProvisionedPercent, FromMonth, ToMonth, History, ProductSeats.",
            Related = new[] { "Set-MspSubscription", "Set-MspLicense", "Get-MspUsageReport", "Get-MspUsageTrend" },
        };
    }
}
