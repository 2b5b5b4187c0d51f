using MspLicensing.Commands.Help;

namespace MspLicensing.Commands
{
    public sealed partial class ConvertMspSubscriptionCommand
    {
        public static CommandHelp Help => new CommandHelp
        {
            Synopsis = "Converts trials to a Full service plan, keeping their activation codes.",
            Description = "Convert-MspSubscription turns a trial into a Full subscription of the plan given (a license conversion). The licenses keep their activation codes, so nothing changes on the customer's side; their new term starts on the day of the conversion (default today) and runs for the Full plan's initial period. The Full plan must contain every product of the trial; products it adds get new licenses. Seats stay as they were unless -Seats is given.",
            Rules = new[] { Rules.R37 },
            Parameters =
            {
                ["SubscriptionId"] = "The trial's id. Binds from subscriptions and licenses in the pipeline.",
                ["InputObject"] = "The trial subscription from Get-MspSubscription.",
                ["Customer"] = "The customer whose running trial to convert.",
                ["ServicePlan"] = "The Full service plan to convert to.",
                ["Seats"] = $"Seats of every license after the conversion, {SubscriptionOperations.MinSeats} to {SubscriptionOperations.MaxSeats}; default: the trial's seats.",
                ["Date"] = "The day of the conversion; default today.",
            },
            Examples = new[]
            {
                new HelpExample("Convert a customer's trial",
                    "Convert-MspSubscription -Customer Contoso -ServicePlan 'WF Services Monthly Rolling' -Seats 25",
                    "The Worry-Free license keeps its activation code.",
                    ExampleSetup.ContosoOnTrial + "\n" + ExampleSetup.MonthlyPlan),
                new HelpExample("Convert every trial that is still running",
                    "Get-MspSubscription -Status Trial | Convert-MspSubscription -ServicePlan 'WF Services Monthly Rolling'",
                    "Each trial becomes a Full subscription; one that cannot convert is reported and the others go on.",
                    ExampleSetup.ContosoOnTrial + "\n" + ExampleSetup.MonthlyPlan),
            },
            Inputs = "Trial subscriptions from Get-MspSubscription, or objects with a SubscriptionId property.",
            Outputs = "The converted subscriptions.",
            Related = new[] { "New-MspSubscription", "Get-MspSubscription", "New-MspServicePlan" },
        };
    }
}
