using MspLicensing.Commands.Help;

namespace MspLicensing.Commands
{
    public sealed partial class StartMspLicenseMigrationCommand
    {
        public static CommandHelp Help => new CommandHelp
        {
            Synopsis = "Migrates non-MSP licenses into a service plan of LMP.",
            Description = "Start-MspLicenseMigration moves a non-MSP license (Register-MspProduct) into a Full service plan that includes its product. An on-premises license migrates at once: LMP issues a new activation code, and the result says where to enter it; the agents are not affected. A cloud license waits for Trend Micro (AwaitingVendor) and joins the plan with its activation code when Complete-MspLicenseMigration marks it done. An upfront license is refused with an error (MspLicensing.UpfrontLicenseNotMigrated) that changes nothing, and stays in Remote Manager; so is an NFR license (MspLicensing.NfrLicenseNotMigrated), which is never billed. Licenses from Get-MspLicense in the pipeline migrate one by one with progress; each migration is whole or not at all, and a failure does not stop the rest.",
            Rules = new[] { Rules.R39, Rules.R51, Rules.R61, Rules.R62, Rules.R63, Rules.R64 },
            Parameters =
            {
                ["ActivationCode"] = "The activation code of the non-MSP license. Binds from licenses in the pipeline.",
                ["Customer"] = "With -Product and -LicenseType: the customer of a license that is not registered yet; it is registered and migrated in one step.",
                ["Product"] = "With -Customer: the product of the license to register and migrate.",
                ["LicenseType"] = "With -Customer: Standard, PayAsYouGo, Upfront or NFR; an Upfront (R63) or NFR (R51) license is refused.",
                ["ExpirationDate"] = "With -Customer: the license's expiration date as Remote Manager knows it; default a year after -Date.",
                ["LicenseId"] = "The id of the non-MSP license.",
                ["ServicePlan"] = "The Full service plan the license moves into. Binds from the pipeline by property name, so rows of a CSV file (ActivationCode, ServicePlan) can each name their own plan.",
                ["Seats"] = "Seats in LMP; default the license's seats.",
                ["Date"] = "The day of the migration; default today.",
            },
            Examples = new[]
            {
                new HelpExample("Migrate an on-premises Worry-Free license",
                    "Start-MspLicenseMigration -ActivationCode WF-AAAA-BBBBB-CCCCC-DDDDD-EEEEE-FFFFF -ServicePlan 'WF Advanced'",
                    "Status Completed; Instructions name the new activation code to enter in the Worry-Free console.",
                    ExampleSetup.NonMspLicenses),
                new HelpExample("Register and migrate a license Remote Manager knows in one step",
                    "Start-MspLicenseMigration -Customer Contoso -Product WFBS-STD -ActivationCode WF-DDDD-BBBBB-CCCCC-DDDDD-EEEEE-FFFFF -LicenseType Standard -Seats 15 -ServicePlan 'WF Standard'",
                    "The license is registered as non-MSP and migrated in the same transaction.",
                    ExampleSetup.Contoso + "\nNew-MspServicePlan -Name 'WF Standard' -Product WFBS-STD"),
                new HelpExample("Migrate every non-MSP Worry-Free Services license of a customer",
                    "Get-MspLicense -Customer Contoso -Product WFBSS | Where-Object LicenseModel -eq NonMsp | Start-MspLicenseMigration -ServicePlan 'WF Services Monthly Rolling'",
                    "Cloud licenses wait for Trend Micro (AwaitingVendor).",
                    ExampleSetup.NonMspLicenses),
            },
            Inputs = "Licenses from Get-MspLicense, or objects with an ActivationCode or LicenseId property.",
            Outputs = "The migrations: Completed or AwaitingVendor, with instructions. An upfront (R63) or NFR (R51) license is refused with an error and writes nothing.",
            Related = new[] { "Complete-MspLicenseMigration", "Get-MspLicenseMigration", "Register-MspProduct" },
        };
    }
}
