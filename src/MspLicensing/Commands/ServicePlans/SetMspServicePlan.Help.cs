using MspLicensing.Commands.Help;

namespace MspLicensing.Commands
{
    public sealed partial class SetMspServicePlanCommand
    {
        public static CommandHelp Help => new CommandHelp
        {
            Synopsis = "Changes service plans: name, products, data centers, terms, enabled flag.",
            Description = "Set-MspServicePlan changes the given fields of a plan and leaves the others. Subscriptions keep the terms they were assigned with: a change applies to later assignments (a renamed plan is renamed on its subscriptions too). Disabling a plan stops new assignments and affects no customer already on it. The version (Trial or Full) cannot change, and the products of a bundle cannot change.",
            Rules = new[] { Rules.R20, Rules.R21 },
            Parameters =
            {
                ["Name"] = "The name of the plan to change (case is ignored).",
                ["ServicePlanId"] = "The id of the plan to change.",
                ["InputObject"] = "The plan from Get-MspServicePlan; the change is refused when the plan changed since it was read.",
                ["NewName"] = "A new name, unique in the account ignoring case.",
                ["Product"] = "The plan's products, replacing the current list (not for bundles).",
                ["DataCenter"] = "Data centers for the plan's services: one for all, or a hashtable by product code.",
                ["InitialPeriodMonths"] = $"The initial license period, {ServicePlanOperations.MinPeriodMonths} to {ServicePlanOperations.MaxPeriodMonths} months.",
                ["AutoRenewalMonths"] = $"The renewal period, 1 to {ServicePlanOperations.MaxPeriodMonths} months; 0 turns auto-renewal off.",
                ["ExpirationNoticeDays"] = $"The expiration notice, 0 to {ServicePlanOperations.MaxNoticeDays} days.",
                ["Seats"] = "Units per license when an assignment names none.",
                ["Description"] = $"Free text, up to {ServicePlanOperations.MaxDescriptionLength} characters (line breaks and tabs allowed); an empty string clears it.",
                ["Enabled"] = "Enables ($true) or disables ($false) the plan for new assignments.",
                ["PassThru"] = "Writes the changed plans.",
            },
            Examples = new[]
            {
                new HelpExample("Stop assigning a plan",
                    "Set-MspServicePlan -Name 'WF Services Monthly Rolling' -Enabled $false",
                    "Customers already on the plan keep it.",
                    ExampleSetup.MonthlyPlan),
                new HelpExample("Add Email Security to a plan, with its own data center",
                    "Set-MspServicePlan -Name 'WF Services Monthly Rolling' -Product WFBSS, TMEMS -DataCenter @{ TMEMS = 'Germany' } -PassThru",
                    "Later assignments of the plan license both products.",
                    ExampleSetup.MonthlyPlan),
                new HelpExample("Renew every three months",
                    "Get-MspServicePlan 'WF Services*' | Set-MspServicePlan -AutoRenewalMonths 3 -WhatIf",
                    "-WhatIf shows which plans would change.",
                    ExampleSetup.MonthlyPlan),
            },
            Inputs = "Service plans from Get-MspServicePlan, or objects with a Name or ServicePlanId property.",
            Outputs = "With -PassThru, the changed plans.",
            Related = new[] { "Get-MspServicePlan", "New-MspServicePlan", "Remove-MspServicePlan" },
        };
    }
}
