using MspLicensing.Commands.Help;

namespace MspLicensing.Commands
{
    public sealed partial class RemoveMspServicePlanCommand
    {
        public static CommandHelp Help => new CommandHelp
        {
            Synopsis = "Removes service plans that no subscription uses.",
            Description = "Remove-MspServicePlan deletes a plan that was never assigned, or whose subscriptions are gone. A plan any subscription uses (in any state) stays, so its history and reports stay whole: disable it instead with Set-MspServicePlan -Enabled $false. It asks for confirmation unless -Confirm:$false is given.",
            Rules = new[] { Rules.R22 },
            Parameters =
            {
                ["Name"] = "The name of the plan to remove (case is ignored).",
                ["ServicePlanId"] = "The id of the plan to remove.",
                ["InputObject"] = "The plan from Get-MspServicePlan; refused when the plan changed since it was read.",
            },
            Examples = new[]
            {
                new HelpExample("Remove a plan created by mistake",
                    "Remove-MspServicePlan -Name 'WF Services Trial' -Confirm:$false",
                    "Deletes the plan without asking.",
                    ExampleSetup.TrialPlan),
                new HelpExample("Remove every disabled plan no one uses",
                    "Get-MspServicePlan -Enabled $false | Remove-MspServicePlan -Confirm:$false -ErrorAction SilentlyContinue",
                    "Plans in use are refused one by one (R22) and stay; the others are removed.",
                    ExampleSetup.MonthlyPlan + "\nSet-MspServicePlan -Name 'WF Services Monthly Rolling' -Enabled $false"),
            },
            Inputs = "Service plans from Get-MspServicePlan, or objects with a Name or ServicePlanId property.",
            Outputs = "None.",
            Related = new[] { "Get-MspServicePlan", "Set-MspServicePlan" },
        };
    }
}
