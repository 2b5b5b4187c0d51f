using System;
using System.Management.Automation;
using MspLicensing.Commands.Help;

namespace MspLicensing.Commands
{
    [Cmdlet(VerbsCommon.Get, "MspLicenseMigration")]
    [OutputType(typeof(LicenseMigration))]
    public sealed class GetMspLicenseMigrationCommand : MspCmdlet
    {
        [Parameter(Position = 0, ValueFromPipeline = true)]
        [ArgumentCompleter(typeof(CustomerNameCompleter))]
        public CustomerPipeBind Customer { get; set; }

        [Parameter]
        public MigrationStatus Status { get; set; }

        [Parameter]
        [ArgumentCompleter(typeof(ProductCompleter))]
        public string Product { get; set; }

        [Parameter(ValueFromPipelineByPropertyName = true)]
        public Guid[] MigrationId { get; set; }

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

        protected override void ProcessRecord()
        {
            var query = new MigrationQuery
            {
                Customer = Customer?.Reference,
                Status = Bound(nameof(Status)) ? Status : (MigrationStatus?)null,
                Product = Product,
                MigrationId = MigrationId,
            };
            if (TryRead(s => MigrationOperations.Find(s, query), Customer?.Display ?? Product, out var found))
                WriteObject(found, enumerateCollection: true);
        }
    }
}
