using MspLicensing.Commands.Help;

namespace MspLicensing.Commands
{
    public sealed partial class NewMspTemplateCommand
    {
        public static CommandHelp Help => new CommandHelp
        {
            Synopsis = "Creates a Remote Manager policy template for Worry-Free Business Security Services or Cloud Edge.",
            Description = "New-MspTemplate keeps a set of policy settings under a name, for Worry-Free Business Security Services (WFBSS) or Cloud Edge (CE), in a Licensing Management Platform account. Assign it to new customers with New-MspCustomer -Template and to existing ones with Set-MspCustomer -Template.",
            Rules = new[] { Rules.R72 },
            Parameters =
            {
                ["Name"] = $"The template's name, 1 to {RemoteManagerOperations.MaxTemplateNameLength} characters, unique ignoring case.",
                ["Product"] = "WFBSS or CE.",
                ["Setting"] = $"The policy settings as a hashtable, e.g. @{{ RealTimeScan = 'On'; WebReputation = 'High' }}: each value is text or a number of up to {RemoteManagerOperations.MaxSettingValueLength} characters on one line, and each setting appears once (names ignore case).",
                ["Description"] = $"Free text, up to {RemoteManagerOperations.MaxTemplateDescriptionLength} characters; line breaks and tabs are allowed.",
            },
            Examples = new[]
            {
                new HelpExample("A Worry-Free Services baseline", "New-MspTemplate -Name 'WF baseline' -Product WFBSS -Setting @{ RealTimeScan = 'On'; WebReputation = 'High' }", "Returns the template."),
                new HelpExample("A Cloud Edge template, assigned to a new customer",
                    "New-MspTemplate -Name 'Edge standard' -Product CE -Setting @{ Firewall = 'Strict' }\nNew-MspCustomer -Name Fabrikam -Country DE -City Berlin -ContactFirstName Jonas -ContactLastName Weber -Email jonas@fabrikam.de -Template 'Edge standard'",
                    "Once assigned, a Cloud Edge template cannot change."),
            },
            Inputs = "Objects with Name, Product and Description properties.",
            Outputs = "The created template.",
            Related = new[] { "Get-MspTemplate", "Set-MspTemplate", "Set-MspCustomer" },
        };
    }
}
