using MspLicensing.Commands.Help;

namespace MspLicensing.Commands
{
    public sealed partial class GetMspIntegrationCommand
    {
        public static CommandHelp Help => new CommandHelp
        {
            Synopsis = "Lists Remote Manager's PSA and RMM plug-ins: supported, enabled, and how many customers carry an id for each.",
            Description = "Get-MspIntegration shows every third-party plug-in of Remote Manager, whether the account type supports it, whether it is enabled, and how many customers have an external id for that tool (New-MspCustomer -ExternalId @{ ConnectWiseManage = '4711' }).",
            Rules = new[] { Rules.R73 },
            Parameters = { ["Name"] = "Only plug-ins whose name matches; wildcards allowed." },
            Examples = new[]
            {
                new HelpExample("The plug-ins of the account", "Get-MspIntegration", "Supported and enabled state of each."),
                new HelpExample("Is ConnectWise Manage on, and for how many customers", "Get-MspIntegration -Name ConnectWiseManage",
                    "Customers counts those with a ConnectWiseManage external id.",
                    ExampleSetup.Contoso + "\nSet-MspCustomer -Name Contoso -ExternalId @{ ConnectWiseManage = '4711' }\nEnable-MspIntegration -Name ConnectWiseManage"),
            },
            Outputs = "Plug-ins.",
            Related = new[] { "Enable-MspIntegration", "Disable-MspIntegration", "Get-MspFeature" },
        };
    }
}
