using MspLicensing.Commands.Help;

namespace MspLicensing.Commands
{
    public sealed partial class EnableMspIntegrationCommand
    {
        public static CommandHelp Help => new CommandHelp
        {
            Synopsis = "Turns a Remote Manager PSA or RMM plug-in on.",
            Description = "Enable-MspIntegration turns a plug-in on, where the account type supports it: Autotask, ConnectWise Automate, ConnectWise Manage and Kaseya VSA in a Licensing Management Platform account; Autotask and ConnectWise Manage in a Customer Licensing Portal account. The change is audited.",
            Rules = new[] { Rules.R73 },
            Parameters =
            {
                ["Name"] = "The plug-in: Autotask, ConnectWiseAutomate, ConnectWiseManage or KaseyaVSA.",
                ["PassThru"] = "Writes the plug-in's state.",
            },
            Examples = new[]
            {
                new HelpExample("Turn ConnectWise Manage on", "Enable-MspIntegration -Name ConnectWiseManage -PassThru", "Enabled True."),
                new HelpExample("Turn every supported plug-in on", "Get-MspIntegration | Where-Object Supported | Enable-MspIntegration", "Plug-ins the account type does not support are left out."),
            },
            Inputs = "Plug-in names, or plug-ins from Get-MspIntegration.",
            Outputs = "With -PassThru, the plug-in.",
            Related = new[] { "Disable-MspIntegration", "Get-MspIntegration" },
        };
    }
}
