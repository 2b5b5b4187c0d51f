using System;
using System.Collections;
using System.Management.Automation;

namespace MspLicensing.Commands
{
    [Cmdlet(VerbsCommon.Set, "MspServicePlan", DefaultParameterSetName = Identity.ByName, SupportsShouldProcess = true)]
    [OutputType(typeof(ServicePlan))]
    public sealed partial class SetMspServicePlanCommand : MspCmdlet
    {
        [Parameter(ParameterSetName = Identity.ByName, Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [ArgumentCompleter(typeof(ServicePlanNameCompleter))]
        [ValidateNotNullOrEmpty]
        public string Name { get; set; }

        [Parameter(ParameterSetName = Identity.ById, Mandatory = true, ValueFromPipelineByPropertyName = true)]
        public Guid ServicePlanId { get; set; }

        [Parameter(ParameterSetName = Identity.ByObject, Mandatory = true, ValueFromPipeline = true)]
        public ServicePlan InputObject { get; set; }

        [Parameter]
        [ValidateNotNullOrEmpty]
        public string NewName { get; set; }

        [Parameter]
        [ArgumentCompleter(typeof(ProductCompleter))]
        [ValidateNotNullOrEmpty]
        public string[] Product { get; set; }

        [Parameter]
        [DataCenterTransformation]
        [ArgumentCompleter(typeof(DataCenterCompleter))]
        public Hashtable DataCenter { get; set; }

        [Parameter]
        public int InitialPeriodMonths { get; set; }

        [Parameter]
        public int AutoRenewalMonths { get; set; }

        [Parameter]
        public int ExpirationNoticeDays { get; set; }

        [Parameter]
        [Alias("Units")]
        public int Seats { get; set; }

        [Parameter]
        [AllowEmptyString]
        public string Description { get; set; }

        [Parameter]
        [BooleanTransformation]
        public bool Enabled { get; set; }

        [Parameter]
        public SwitchParameter PassThru { get; set; }

        protected override void ProcessRecord()
        {
            var target = ServicePlanIdentity.Reference(ParameterSetName, Name, ServicePlanId, InputObject);
            ServicePlanFields Fields() => new ServicePlanFields
            {
                Name = NewName,
                Products = Product,
                DataCenters = Tables.Strings(DataCenter, nameof(DataCenter)),
                InitialPeriodMonths = Bound(nameof(InitialPeriodMonths)) ? InitialPeriodMonths : (int?)null,
                AutoRenewalMonths = Bound(nameof(AutoRenewalMonths)) ? AutoRenewalMonths : (int?)null,
                ExpirationNoticeDays = Bound(nameof(ExpirationNoticeDays)) ? ExpirationNoticeDays : (int?)null,
                Seats = Bound(nameof(Seats)) ? Seats : (int?)null,
                Description = Description,
                Enabled = Bound(nameof(Enabled)) ? Enabled : (bool?)null,
            };
            // The fields are read inside the change, so a malformed data center table is the item's error.
            if (TryChange("Change service plan " + target.Display, Named("Service plan", target.Display), target.Display,
                    s => ServicePlanOperations.Update(s, target, Fields(), Clock.UtcNow), out var plan) && PassThru)
                WriteObject(plan);
        }
    }
}
