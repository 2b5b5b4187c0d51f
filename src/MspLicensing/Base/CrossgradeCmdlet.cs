using System;
using System.Collections;
using System.Management.Automation;

namespace MspLicensing.Commands
{
    /// <summary>The base of Get-MspCrossgradePlan and Invoke-MspCrossgrade: the customer, the plan it moves to and the choices.</summary>
    public abstract class CrossgradeCmdlet : MspCmdlet
    {
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [ArgumentCompleter(typeof(CustomerNameCompleter))]
        public CustomerPipeBind Customer { get; set; }

        [Parameter(Mandatory = true, Position = 1)]
        [ArgumentCompleter(typeof(ServicePlanNameCompleter))]
        public ServicePlanPipeBind ServicePlan { get; set; }

        [Parameter]
        [Alias("Units")]
        public int Seats { get; set; }

        [Parameter]
        public Hashtable SoftwareAction { get; set; }

        [Parameter]
        [PSDefaultValue(Help = Clock.TodayHelp)]
        [DateTransformation]
        public DateTime Date { get; set; } = Clock.Today;

        /// <summary>The request the parameters describe; a malformed choice or seat table stops the command.</summary>
        protected CrossgradeRequest Request(IDictionary productSeats)
        {
            try
            {
                return new CrossgradeRequest
                {
                    Customer = Customer.Reference,
                    ServicePlan = ServicePlan.Reference,
                    Seats = Bound(nameof(Seats)) ? Seats : (int?)null,
                    ProductSeats = Tables.Seats(productSeats, "ProductSeats"),
                    SoftwareAction = Tables.SoftwareChoices(SoftwareAction),
                    Date = Date,
                };
            }
            catch (MspException ex)
            {
                ThrowMspError(ex, ex.Target);
                throw;
            }
        }
    }
}
