using MspLicensing.Commands.Help;

namespace MspLicensing.Commands
{
    public sealed partial class RemoveMspTemplateCommand
    {
        public static CommandHelp Help => new CommandHelp
        {
            Synopsis = "Removes a Remote Manager policy template that no customer has.",
            Description = "Remove-MspTemplate deletes a template. A template assigned to customers is refused with an error that names them: assign them another template of the product, or none with Set-MspCustomer -Template @(), first. The removal is in the audit log.",
            Rules = new[] { Rules.R72 },
            Parameters =
            {
                ["Name"] = "The template's exact name.",
                ["PassThru"] = "Writes the removed template.",
            },
            Examples = new[]
            {
                new HelpExample("Remove a template nobody uses", "Remove-MspTemplate -Name 'WF baseline' -Confirm:$false", "Get-MspTemplate no longer lists it.",
                    "New-MspTemplate -Name 'WF baseline' -Product WFBSS -Setting @{ RealTimeScan = 'On' }"),
                new HelpExample("Take a template off its customers, then remove it",
                    "Set-MspCustomer -Name Contoso -Template @()\nRemove-MspTemplate -Name 'Edge standard' -Confirm:$false",
                    "Without the first line the removal is refused, naming Contoso.",
                    "New-MspTemplate -Name 'Edge standard' -Product CE -Setting @{ Firewall = 'Strict' }\n" + ExampleSetup.Contoso + "\nSet-MspCustomer -Name Contoso -Template 'Edge standard'"),
            },
            Inputs = "Templates from Get-MspTemplate.",
            Outputs = "With -PassThru, the removed template.",
            Related = new[] { "Get-MspTemplate", "New-MspTemplate", "Set-MspCustomer" },
        };
    }
}
