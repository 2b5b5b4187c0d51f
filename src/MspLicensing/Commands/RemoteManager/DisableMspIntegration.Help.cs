using MspLicensing.Commands.Help;

namespace MspLicensing.Commands
{
    public sealed partial class DisableMspIntegrationCommand
    {
        public static CommandHelp Help => new CommandHelp
        {
            Synopsis = "Turns a Remote Manager PSA or RMM plug-in off.",
            Description = "Disable-MspIntegration turns a plug-in off. Customers keep their external ids for the tool.",
            Rules = new[] { Rules.R73 },
            Parameters =
            {
                ["Name"] = "The plug-in: Autotask, ConnectWiseAutomate, ConnectWiseManage or KaseyaVSA.",
                ["PassThru"] = "Writes the plug-in's state.",
            },
            Examples = new[]
            {
                new HelpExample("Turn Kaseya VSA off", "Disable-MspIntegration -Name KaseyaVSA -PassThru", "Enabled False.", "Enable-MspIntegration -Name KaseyaVSA"),
                new HelpExample("Turn every plug-in off", "Get-MspIntegration | Where-Object Enabled | Disable-MspIntegration", "Before switching the account to Customer Licensing Portal, for example.", "Enable-MspIntegration -Name ConnectWiseAutomate"),
            },
            Inputs = "Plug-in names, or plug-ins from Get-MspIntegration.",
            Outputs = "With -PassThru, the plug-in.",
            Related = new[] { "Enable-MspIntegration", "Get-MspIntegration" },
        };
    }
}
