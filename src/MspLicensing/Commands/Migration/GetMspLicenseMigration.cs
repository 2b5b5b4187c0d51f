using System;
using System.Management.Automation;

namespace MspLicensing.Commands
{
    [Cmdlet(VerbsCommon.Get, "MspLicenseMigration")]
    [OutputType(typeof(LicenseMigration))]
    public sealed partial class GetMspLicenseMigrationCommand : MspCmdlet
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
