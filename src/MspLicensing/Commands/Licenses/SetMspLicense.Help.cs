using MspLicensing.Commands.Help;

namespace MspLicensing.Commands
{
    public sealed partial class SetMspLicenseCommand
    {
        public static CommandHelp Help => new CommandHelp
        {
            Synopsis = "Records the used count a product console or RMM reports for a license, or edits its description.",
            Description = "Set-MspLicense -Used records how many seats of a license are in use on a day (default today). The usage report shows the peak used count of each month beside the provisioned seats, and Remote Manager shows a license whose used count exceeds its seats as ExceededAllocation. A count for the same day replaces the earlier one. Rows from an RMM export with ActivationCode, Used and Date columns bind from the pipeline.",
            Rules = new[] { Rules.R2, Rules.R34 },
            Parameters =
            {
                ["ActivationCode"] = "The license's activation code.",
                ["LicenseId"] = "The license's id.",
                ["InputObject"] = "The license from Get-MspLicense.",
                ["Used"] = "The number of seats in use, 0 or more.",
                ["Description"] = $"The product description Remote Manager shows (Customer Licensing Portal accounts only), up to {LicenseOperations.MaxDescriptionLength} characters; an empty string clears it.",
                ["Date"] = "The day of the count; default today.",
                ["PassThru"] = "Writes the changed licenses.",
            },
            Examples = new[]
            {
                new HelpExample("Record today's used count",
                    "Get-MspLicense -Customer Contoso -Product WFBSS | Set-MspLicense -Used 23 -PassThru",
                    "The license shows Used 23.",
                    ExampleSetup.ContosoOnMonthly),
                new HelpExample("Import used counts from an RMM export",
                    "Import-Csv ./usage.csv | Set-MspLicense",
                    "Each row (ActivationCode, Used, Date) records a count; a row with an unknown code is reported and the others are recorded.",
                    ExampleSetup.ContosoOnMonthly + "\n$code = (Get-MspLicense -Customer Contoso).ActivationCode\n[IO.File]::WriteAllText(\"$PWD/usage.csv\", \"ActivationCode,Used,Date`n$code,20,2026-02-01`n$code,24,2026-02-15`n\")"),
            },
            Inputs = "Licenses from Get-MspLicense, or objects with ActivationCode (or LicenseId), Used and Date properties.",
            Outputs = "With -PassThru, the changed licenses.",
            Related = new[] { "Get-MspLicense" },
        };
    }
}
