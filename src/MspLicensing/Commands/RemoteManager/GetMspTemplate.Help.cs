using MspLicensing.Commands.Help;

namespace MspLicensing.Commands
{
    public sealed partial class GetMspTemplateCommand
    {
        public static CommandHelp Help => new CommandHelp
        {
            Synopsis = "Lists Remote Manager policy templates and how many customers have each.",
            Description = "Get-MspTemplate lists the templates with their product, settings and the number of customers they are assigned to.",
            Rules = new[] { Rules.R72 },
            Parameters = { ["Name"] = "Only templates whose name matches; wildcards allowed." },
            Examples = new[]
            {
                new HelpExample("Every template", "Get-MspTemplate", "One row per template.", "New-MspTemplate -Name 'WF baseline' -Product WFBSS"),
                new HelpExample("A template's settings", "(Get-MspTemplate 'WF baseline').Settings", "The settings as name and value.", "New-MspTemplate -Name 'WF baseline' -Product WFBSS -Setting @{ RealTimeScan = 'On' }"),
            },
            Outputs = "Templates.",
            Related = new[] { "New-MspTemplate", "Set-MspTemplate", "Remove-MspTemplate" },
        };
    }
}
