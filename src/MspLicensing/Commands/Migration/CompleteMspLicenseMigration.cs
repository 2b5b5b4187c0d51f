using System;
using System.Management.Automation;

namespace MspLicensing.Commands
{
    [Cmdlet(VerbsLifecycle.Complete, "MspLicenseMigration", SupportsShouldProcess = true)]
    [OutputType(typeof(LicenseMigration))]
    public sealed partial class CompleteMspLicenseMigrationCommand : MspCmdlet
    {
        private PipelineBatch<Guid, LicenseMigration> _batch;

        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        public Guid MigrationId { get; set; }

        [Parameter]
        [PSDefaultValue(Help = Clock.TodayHelp)]
        [DateTransformation]
        public DateTime Date { get; set; } = Clock.Today;

        protected override void BeginProcessing()
        {
            _batch = new PipelineBatch<Guid, LicenseMigration>(this,
                (session, id) => MigrationOperations.Complete(session, id, Date, Clock.UtcNow),
                id => id, "migrations completed");
        }

        protected override void ProcessRecord()
        {
            _batch.AddConfirmed(MigrationId, Named("Migration", MigrationId), "Complete license migration " + MigrationId);
        }

        protected override void EndProcessing() => _batch.Complete();
    }
}
