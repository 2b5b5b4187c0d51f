using MspLicensing.Commands.Help;

namespace MspLicensing.Commands
{
    public sealed partial class GetMspServicePlanCommand
    {
        public static CommandHelp Help => new CommandHelp
        {
            Synopsis = "Lists service plans by name, product, version or enabled state.",
            Description = "Get-MspServicePlan lists the plans of the account, sorted by name. Names take wildcards; an exact name that matches no plan is reported as an error. -Product finds the plans that license a product, directly or as part of a suite.",
            Rules = new[] { Rules.R20 },
            Parameters =
            {
                ["Name"] = "Plan names; wildcards allowed, case is ignored. A backtick makes a wildcard character literal: 'Plan `[EU`]' is the name Plan [EU].",
                ["ServicePlanId"] = "Plan ids.",
                ["Product"] = "Only plans that license this product (code or name), also as a suite component.",
                ["Version"] = "Only Full or only Trial plans.",
                ["Enabled"] = "Only enabled ($true) or disabled ($false) plans.",
            },
            Examples = new[]
            {
                new HelpExample("Every plan", "Get-MspServicePlan", "One row per plan with its products and terms.", ExampleSetup.MonthlyPlan + "\n" + ExampleSetup.TrialPlan),
                new HelpExample("Plans that include Worry-Free Business Security Services",
                    "Get-MspServicePlan -Product WFBSS",
                    "Finds WFBSS on its own and inside Worry-Free Services Advanced or Worry-Free XDR bundles.",
                    ExampleSetup.MonthlyPlan + "\n" + ExampleSetup.XdrPlan),
                new HelpExample("The data centers of a plan's products",
                    "(Get-MspServicePlan 'WF Services XDR').Products.DataCenters",
                    "Each service of the plan, with the data center it runs in.",
                    ExampleSetup.XdrPlan),
            },
            Inputs = "Plan names as strings, or objects with a Name or ServicePlanId property.",
            Outputs = "Service plans.",
            Related = new[] { "New-MspServicePlan", "Set-MspServicePlan", "Remove-MspServicePlan" },
        };
    }
}
