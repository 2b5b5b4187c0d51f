using System.Collections;
using System.Management.Automation;

namespace MspLicensing.Commands
{
    [Cmdlet(VerbsCommon.New, "MspServicePlan", SupportsShouldProcess = true)]
    [OutputType(typeof(ServicePlan))]
    public sealed partial class NewMspServicePlanCommand : MspCmdlet
    {
        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        public string Name { get; set; }

        [Parameter(Mandatory = true, Position = 1, ValueFromPipelineByPropertyName = true)]
        [ArgumentCompleter(typeof(ProductCompleter))]
        [Alias("Products")]
        public string[] Product { get; set; }

        [Parameter(ValueFromPipelineByPropertyName = true)]
        [DataCenterTransformation]
        [ArgumentCompleter(typeof(DataCenterCompleter))]
        public Hashtable DataCenter { get; set; }

        [Parameter(ValueFromPipelineByPropertyName = true)]
        public PlanVersion Version { get; set; } = PlanVersion.Full;

        [Parameter(ValueFromPipelineByPropertyName = true)]
        public int InitialPeriodMonths { get; set; }

        [Parameter(ValueFromPipelineByPropertyName = true)]
        public int AutoRenewalMonths { get; set; }

        [Parameter(ValueFromPipelineByPropertyName = true)]
        public int ExpirationNoticeDays { get; set; }

        [Parameter(ValueFromPipelineByPropertyName = true)]
        [Alias("Units")]
        public int Seats { get; set; }

        [Parameter(ValueFromPipelineByPropertyName = true)]
        public string Description { get; set; }

        [Parameter(ValueFromPipelineByPropertyName = true)]
        [BooleanTransformation]
        public bool? Enabled { get; set; }

        protected override void ProcessRecord()
        {
            ServicePlanFields Fields() => new ServicePlanFields
            {
                Name = Name,
                Products = Product,
                DataCenters = Tables.Strings(DataCenter, nameof(DataCenter)),
                Version = Version,
                InitialPeriodMonths = Bound(nameof(InitialPeriodMonths)) ? InitialPeriodMonths : (int?)null,
                AutoRenewalMonths = Bound(nameof(AutoRenewalMonths)) ? AutoRenewalMonths : (int?)null,
                ExpirationNoticeDays = Bound(nameof(ExpirationNoticeDays)) ? ExpirationNoticeDays : (int?)null,
                Seats = Bound(nameof(Seats)) ? Seats : (int?)null,
                Description = Description,
                Enabled = Enabled,
            };
            // The fields are read inside the change, so a malformed data center table is the item's error.
            if (TryChange("Create service plan " + Name, Named("Service plan", Name), Name, s => ServicePlanOperations.Create(s, Fields(), Clock.UtcNow), out var plan))
                WriteObject(plan);
        }
    }
}
