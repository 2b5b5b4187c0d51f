using System;
using System.Management.Automation;

namespace MspLicensing.Commands
{
    [Cmdlet(VerbsCommon.Remove, "MspCustomer", DefaultParameterSetName = CustomerIdentity.ByName, SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High)]
    [OutputType(typeof(void))]
    public sealed partial class RemoveMspCustomerCommand : MspCmdlet
    {
        private PipelineBatch<CustomerRef, Customer> _batch;

        [Parameter(ParameterSetName = CustomerIdentity.ByName, Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [ArgumentCompleter(typeof(CustomerNameCompleter))]
        [ValidateNotNullOrEmpty]
        public string Name { get; set; }

        [Parameter(ParameterSetName = CustomerIdentity.ById, Mandatory = true, ValueFromPipelineByPropertyName = true)]
        public Guid CustomerId { get; set; }

        [Parameter(ParameterSetName = CustomerIdentity.ByObject, Mandatory = true, ValueFromPipeline = true)]
        public Customer InputObject { get; set; }

        protected override void BeginProcessing()
        {
            _batch = new PipelineBatch<CustomerRef, Customer>(this,
                (session, target) => CustomerOperations.Remove(session, target),
                target => target.Display, "customers deleted", writeResults: false);
        }

        protected override void ProcessRecord()
        {
            var target = CustomerIdentity.Reference(ParameterSetName, Name, CustomerId, InputObject);
            _batch.AddConfirmed(target, Named("Customer", target.Display), "Delete customer " + target.Display);
        }

        protected override void EndProcessing() => _batch.Complete();
    }
}
