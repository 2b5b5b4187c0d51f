using System;
using System.Management.Automation;

namespace MspLicensing.Commands
{
    [Cmdlet(VerbsData.Convert, "MspSubscription", DefaultParameterSetName = Identity.ByCustomer, SupportsShouldProcess = true)]
    [OutputType(typeof(Subscription))]
    public sealed partial class ConvertMspSubscriptionCommand : SubscriptionCmdlet
    {
        private PipelineBatch<SubscriptionRef, Subscription> _batch;

        [Parameter(Mandatory = true, Position = 1)]
        [ArgumentCompleter(typeof(ServicePlanNameCompleter))]
        public ServicePlanPipeBind ServicePlan { get; set; }

        [Parameter]
        [Alias("Units")]
        public int Seats { get; set; }

        [Parameter]
        [PSDefaultValue(Help = Clock.TodayHelp)]
        [DateTransformation]
        public DateTime Date { get; set; } = Clock.Today;

        protected override void BeginProcessing()
        {
            int? seats = Bound(nameof(Seats)) ? Seats : (int?)null;
            _batch = new PipelineBatch<SubscriptionRef, Subscription>(this,
                (session, target) => SubscriptionOperations.Convert(session, target, ServicePlan.Reference, seats, Date, Clock.UtcNow),
                Describe, "trials converted");
        }

        protected override void ProcessRecord()
        {
            var target = ParameterSetName == Identity.ByCustomer ? SubscriptionRef.TrialOf(Customer.Reference) : Target(null);
            _batch.AddConfirmed(target, ItemName(target), $"Convert trial {Describe(target)} to service plan '{ServicePlan.Display}'");
        }

        protected override void EndProcessing() => _batch.Complete();
    }
}
