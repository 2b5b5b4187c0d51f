using System;
using System.Collections;
using System.Management.Automation;

namespace MspLicensing.Commands
{
    [Cmdlet(VerbsCommon.New, "MspSubscription", SupportsShouldProcess = true)]
    [OutputType(typeof(Subscription))]
    public sealed partial class NewMspSubscriptionCommand : MspCmdlet
    {
        private PipelineBatch<Assignment, Creation<Subscription>> _batch;

        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [ArgumentCompleter(typeof(CustomerNameCompleter))]
        public CustomerPipeBind Customer { get; set; }

        [Parameter(Mandatory = true, Position = 1, ValueFromPipelineByPropertyName = true)]
        [ArgumentCompleter(typeof(ServicePlanNameCompleter))]
        public ServicePlanPipeBind ServicePlan { get; set; }

        [Parameter(ValueFromPipelineByPropertyName = true)]
        [Alias("Units")]
        public int Seats { get; set; }

        [Parameter]
        public Hashtable ProductSeats { get; set; }

        [Parameter(ValueFromPipelineByPropertyName = true)]
        [PSDefaultValue(Help = Clock.TodayHelp)]
        [DateTransformation]
        public DateTime StartDate { get; set; } = Clock.Today;

        [Parameter]
        public SwitchParameter SkipExisting { get; set; }

        protected override void BeginProcessing()
        {
            _batch = new PipelineBatch<Assignment, Creation<Subscription>>(this,
                (session, a) => SubscriptionOperations.New(session, a, SkipExisting, Clock.UtcNow, Clock.Today),
                a => a.Customer.Display, "subscriptions created",
                emit: created => WriteCreation(created, Named("Subscription of customer", created.Value.Customer) + " to " + Named("service plan", created.Value.ServicePlan), "Set-MspSubscription"),
                readAhead: (session, assignments) => SubscriptionOperations.ReadAhead(session, assignments, SkipExisting));
        }

        protected override void ProcessRecord()
        {
            Assignment assignment;
            try
            {
                assignment = new Assignment
                {
                    Customer = Customer.Reference,
                    ServicePlan = ServicePlan.Reference,
                    Seats = Bound(nameof(Seats)) ? Seats : (int?)null,
                    ProductSeats = Tables.Seats(ProductSeats, nameof(ProductSeats)),
                    StartDate = StartDate,
                };
            }
            catch (MspException ex)
            {
                _batch.Fail(ex, ItemName, Customer?.Display);
                return;
            }
            _batch.AddConfirmed(assignment, ItemName, $"Assign service plan '{ServicePlan.Display}' to {Customer.Display}");
        }

        protected override void EndProcessing() => _batch.Complete();

        /// <summary>The words that name the current item in its errors: the customer and the plan.</summary>
        private string ItemName => Named("Customer", Customer?.Display, "service plan", ServicePlan?.Display);
    }
}
