using System;
using System.Management.Automation;

namespace MspLicensing.Commands
{
    [Cmdlet(VerbsLifecycle.Unregister, "MspProduct", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High, DefaultParameterSetName = ByActivationCode)]
    [OutputType(typeof(void))]
    public sealed partial class UnregisterMspProductCommand : MspCmdlet
    {
        private const string ByActivationCode = "ByActivationCode";
        private PipelineBatch<Guid, License> _batch;

        [Parameter(ParameterSetName = ByActivationCode, Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [ArgumentCompleter(typeof(ActivationCodeCompleter))]
        public string ActivationCode { get; set; }

        [Parameter(ParameterSetName = Identity.ById, Mandatory = true, ValueFromPipelineByPropertyName = true)]
        public Guid LicenseId { get; set; }

        protected override void BeginProcessing()
        {
            _batch = new PipelineBatch<Guid, License>(this, (session, id) => MigrationOperations.Unregister(session, id), id => id, "products deleted", writeResults: false);
        }

        protected override void ProcessRecord()
        {
            Guid id = LicenseId;
            string name = Named("License", ParameterSetName == ByActivationCode ? ActivationCode : id.ToString());
            if (ParameterSetName == ByActivationCode)
            {
                try
                {
                    id = Store.Read(s => LicenseOperations.Resolve(s, null, ActivationCode)).LicenseId;
                }
                catch (MspException ex)
                {
                    _batch.Fail(ex, name, ActivationCode);
                    return;
                }
            }
            _batch.AddConfirmed(id, name, "Delete product " + (ParameterSetName == ByActivationCode ? ActivationCode : id.ToString()) + " from Remote Manager");
        }

        protected override void EndProcessing() => _batch.Complete();
    }
}
