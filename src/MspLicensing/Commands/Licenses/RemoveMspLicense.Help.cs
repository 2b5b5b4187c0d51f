using MspLicensing.Commands.Help;

namespace MspLicensing.Commands
{
    public sealed partial class RemoveMspLicenseCommand
    {
        public static CommandHelp Help => new CommandHelp
        {
            Synopsis = "Removes Unbundled licenses that a crossgrade out of a suite left behind.",
            Description = "Remove-MspLicense removes an Unbundled license on the day given (default today): the month of the removal is billed in full and later months nothing, and the license stays in the history with its activation code and the status Removed (Get-MspLicense -Status Removed). Only Unbundled licenses are removed; any other license is refused with an error that says what to do instead: cancel the subscription of an MSP license (Stop-MspSubscription), delete a non-MSP license with Unregister-MspProduct. The day must fall on or after the day the license was unbundled and before it expires. Removing a license that is removed already is refused and changes nothing. Licenses from Get-MspLicense in the pipeline are removed one by one. It asks for confirmation unless -Confirm:$false is given; -WhatIf says what each removal would do.",
            Rules = new[] { Rules.R43, Rules.R52 },
            Parameters =
            {
                ["ActivationCode"] = "The activation code of the license to remove.",
                ["LicenseId"] = "The id of the license to remove.",
                ["InputObject"] = "The license from Get-MspLicense.",
                ["Date"] = "The day of the removal; default today. Its month is billed in full.",
            },
            Examples = new[]
            {
                new HelpExample("Remove every Unbundled license after a crossgrade out of Worry-Free XDR",
                    "Get-MspLicense -Status Unbundled -AsOf 2026-07-10 | Remove-MspLicense -Date 2026-07-10 -Confirm:$false",
                    "July is billed in full for the removed licenses and August for none of them; Get-MspLicense -Status Removed lists them.",
                    ExampleSetup.ContosoUnbundled),
                new HelpExample("See what removing one license would do",
                    "Remove-MspLicense -ActivationCode (Get-MspLicense -Customer Contoso -Product CAS).ActivationCode -Date 2026-07-10 -WhatIf",
                    "Nothing changes; the What if line names the license and what the removal bills.",
                    ExampleSetup.ContosoUnbundled),
            },
            Inputs = "Licenses from Get-MspLicense, or objects with an ActivationCode or LicenseId property.",
            Outputs = "None.",
            Related = new[] { "Get-MspLicense", "Invoke-MspCrossgrade", "Stop-MspSubscription", "Unregister-MspProduct" },
        };
    }
}
