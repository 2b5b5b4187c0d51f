using MspLicensing.Commands.Help;

namespace MspLicensing.Commands
{
    public sealed partial class CompleteMspLicenseMigrationCommand
    {
        public static CommandHelp Help => new CommandHelp
        {
            Synopsis = "Marks a cloud license migration done by Trend Micro as complete.",
            Description = "Complete-MspLicenseMigration finishes a migration that waits for the vendor (AwaitingVendor): the license joins a new subscription of the service plan, keeping its activation code, and becomes an MSP license billed from that day.",
            Rules = new[] { Rules.R62 },
            Parameters =
            {
                ["MigrationId"] = "The migration to complete. Binds from migrations in the pipeline.",
                ["Date"] = "The day the vendor completed it; default today.",
            },
            Examples = new[]
            {
                new HelpExample("Complete every migration Trend Micro confirmed",
                    "Get-MspLicenseMigration -Status AwaitingVendor | Complete-MspLicenseMigration",
                    "Each license joins its plan.",
                    ExampleSetup.NonMspLicenses + "\nStart-MspLicenseMigration -ActivationCode WF-CCCC-BBBBB-CCCCC-DDDDD-EEEEE-FFFFF -ServicePlan 'WF Services Monthly Rolling'"),
                new HelpExample("Complete one migration as of the vendor's date",
                    "$m = Get-MspLicenseMigration -Customer Contoso -Status AwaitingVendor\nComplete-MspLicenseMigration -MigrationId $m.MigrationId -Date ([datetime]::Today)",
                    "Status Completed.",
                    ExampleSetup.NonMspLicenses + "\nStart-MspLicenseMigration -ActivationCode WF-CCCC-BBBBB-CCCCC-DDDDD-EEEEE-FFFFF -ServicePlan 'WF Services Monthly Rolling'"),
            },
            Inputs = "Migrations from Get-MspLicenseMigration.",
            Outputs = "The completed migrations.",
            Related = new[] { "Get-MspLicenseMigration", "Start-MspLicenseMigration" },
        };
    }
}
