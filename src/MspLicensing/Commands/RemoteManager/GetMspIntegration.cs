using System.Linq;
using System.Management.Automation;
using MspLicensing.Commands.Help;

namespace MspLicensing.Commands
{
    [Cmdlet(VerbsCommon.Get, "MspIntegration")]
    [OutputType(typeof(IntegrationState))]
    public sealed class GetMspIntegrationCommand : MspCmdlet
    {
        [Parameter(Position = 0)]
        [SupportsWildcards]
        [ArgumentCompleter(typeof(IntegrationCompleter))]
        public string Name { get; set; }

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

        protected override void EndProcessing()
        {
            var pattern = Pattern(nameof(Name), Name);
            foreach (var i in Read(IntegrationOperations.List).Where(i => pattern == null || pattern.IsMatch(i.Name) || pattern.IsMatch(i.DisplayName)))
                WriteObject(i);
        }
    }
}
