using System;
using System.Management.Automation;

namespace MspLicensing.Commands
{
    [Cmdlet(VerbsCommon.Get, "MspServicePlan", DefaultParameterSetName = Identity.ByName)]
    [OutputType(typeof(ServicePlan))]
    public sealed partial class GetMspServicePlanCommand : MspCmdlet
    {
        [Parameter(ParameterSetName = Identity.ByName, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [SupportsWildcards]
        [ArgumentCompleter(typeof(ServicePlanNameCompleter))]
        public string[] Name { get; set; }

        [Parameter(ParameterSetName = Identity.ById, Mandatory = true, ValueFromPipelineByPropertyName = true)]
        public Guid[] ServicePlanId { get; set; }

        [Parameter]
        [ArgumentCompleter(typeof(ProductCompleter))]
        public string Product { get; set; }

        [Parameter]
        public PlanVersion Version { get; set; }

        [Parameter]
        [BooleanTransformation]
        public bool Enabled { get; set; }

        protected override void ProcessRecord()
        {
            if (!TryNames(nameof(Name), Name, out _)) return;
            var query = new ServicePlanQuery
            {
                Name = Name,
                ServicePlanId = ServicePlanId,
                Product = Product,
                Version = Bound(nameof(Version)) ? Version : (PlanVersion?)null,
                Enabled = Bound(nameof(Enabled)) ? Enabled : (bool?)null,
            };
            Found<ServicePlan> found;
            try
            {
                found = Read(s => ServicePlanOperations.Get(s, query));
            }
            catch (MspException ex)
            {
                ThrowMspError(ex, Product);
                return;
            }
            foreach (var missing in found.NotFound) WriteMspError(missing, missing.Target);
            foreach (var plan in found.Items) WriteObject(plan);
        }
    }
}
