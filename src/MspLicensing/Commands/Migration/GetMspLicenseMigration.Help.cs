using MspLicensing.Commands.Help;

namespace MspLicensing.Commands
{
    public sealed partial class GetMspLicenseMigrationCommand
    {
        public static CommandHelp Help => new CommandHelp
        {
            Synopsis = "Lists license migrations and their status.",
            Description = "Get-MspLicenseMigration lists the migrations of non-MSP licenses into LMP, oldest first: the customer, the product, the activation code before and after, the status (Completed or AwaitingVendor; Refused only for upfront licenses refused by earlier versions, which now refuse them with an error and record nothing, R63) and the instructions.",
            Rules = new[] { Rules.R61, Rules.R62, Rules.R63 },
            Parameters =
            {
                ["Customer"] = "Only this customer's migrations.",
                ["Status"] = "Only migrations in this status.",
                ["Product"] = "Only migrations of this product.",
                ["MigrationId"] = "Migration ids.",
            },
            Examples = new[]
            {
                new HelpExample("What waits for Trend Micro", "Get-MspLicenseMigration -Status AwaitingVendor", "Cloud licenses to follow up.",
                    ExampleSetup.NonMspLicenses + "\nStart-MspLicenseMigration -ActivationCode WF-CCCC-BBBBB-CCCCC-DDDDD-EEEEE-FFFFF -ServicePlan 'WF Services Monthly Rolling'"),
                new HelpExample("A customer's migrations", "Get-MspLicenseMigration -Customer Contoso", "Every migration of the customer.",
                    ExampleSetup.NonMspLicenses + "\nStart-MspLicenseMigration -ActivationCode WF-AAAA-BBBBB-CCCCC-DDDDD-EEEEE-FFFFF -ServicePlan 'WF Advanced'"),
            },
            Inputs = "Customers, or objects with a MigrationId property.",
            Outputs = "License migrations.",
            Related = new[] { "Start-MspLicenseMigration", "Complete-MspLicenseMigration" },
        };
    }
}
