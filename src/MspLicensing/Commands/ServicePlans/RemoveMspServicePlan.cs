using System;
using System.Management.Automation;

namespace MspLicensing.Commands
{
    [Cmdlet(VerbsCommon.Remove, "MspServicePlan", DefaultParameterSetName = Identity.ByName, SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High)]
    [OutputType(typeof(void))]
    public sealed partial class RemoveMspServicePlanCommand : MspCmdlet
    {
        [Parameter(ParameterSetName = Identity.ByName, Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [ArgumentCompleter(typeof(ServicePlanNameCompleter))]
        [ValidateNotNullOrEmpty]
        public string Name { get; set; }

        [Parameter(ParameterSetName = Identity.ById, Mandatory = true, ValueFromPipelineByPropertyName = true)]
        public Guid ServicePlanId { get; set; }

        [Parameter(ParameterSetName = Identity.ByObject, Mandatory = true, ValueFromPipeline = true)]
        public ServicePlan InputObject { get; set; }

        protected override void ProcessRecord()
        {
            var target = ServicePlanIdentity.Reference(ParameterSetName, Name, ServicePlanId, InputObject);
            TryChange("Remove service plan " + target.Display, Named("Service plan", target.Display), target.Display, s => ServicePlanOperations.Remove(s, target), out _);
        }
    }
}
