using MspLicensing.Commands.Help;

namespace MspLicensing.Commands
{
    public sealed partial class SetMspTemplateCommand
    {
        public static CommandHelp Help => new CommandHelp
        {
            Synopsis = "Changes the settings of a Remote Manager policy template.",
            Description = "Set-MspTemplate adds or replaces the given settings of a template and leaves the others. A Cloud Edge template that is assigned to a customer cannot be changed: create a new one instead.",
            Rules = new[] { Rules.R72 },
            Parameters =
            {
                ["Name"] = "The template's name.",
                ["Setting"] = "Settings to add or replace, as a hashtable of text or numbers; each setting appears once (names ignore case).",
                ["Description"] = $"Free text, up to {RemoteManagerOperations.MaxTemplateDescriptionLength} characters (line breaks and tabs allowed); an empty string clears it.",
                ["PassThru"] = "Writes the changed template.",
            },
            Examples = new[]
            {
                new HelpExample("Turn on behavior monitoring", "Set-MspTemplate -Name 'WF baseline' -Setting @{ BehaviorMonitoring = 'On' } -PassThru", "Other settings stay.", "New-MspTemplate -Name 'WF baseline' -Product WFBSS -Setting @{ RealTimeScan = 'On' }"),
                new HelpExample("See that an assigned Cloud Edge template stays",
                    "Set-MspTemplate -Name 'Edge standard' -Setting @{ Firewall = 'Open' } -ErrorAction SilentlyContinue\n(Get-MspTemplate 'Edge standard').Settings.Firewall",
                    "Still Strict: the change was refused (R72).",
                    "New-MspTemplate -Name 'Edge standard' -Product CE -Setting @{ Firewall = 'Strict' }\n" + ExampleSetup.Contoso + "\nSet-MspCustomer -Name Contoso -Template 'Edge standard'"),
            },
            Inputs = "Templates from Get-MspTemplate.",
            Outputs = "With -PassThru, the changed template.",
            Related = new[] { "Get-MspTemplate", "New-MspTemplate" },
        };
    }
}
