using System;
using System.Management.Automation;

namespace MspLicensing.Commands
{
    [Cmdlet(VerbsCommon.Get, "MspSubscription", SupportsPaging = true)]
    [OutputType(typeof(Subscription))]
    public sealed partial class GetMspSubscriptionCommand : MspCmdlet
    {
        [Parameter(Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [ArgumentCompleter(typeof(CustomerNameCompleter))]
        public CustomerPipeBind Customer { get; set; }

        [Parameter(Position = 1, ValueFromPipelineByPropertyName = true)]
        [Alias("ServicePlanId")]
        [ArgumentCompleter(typeof(ServicePlanNameCompleter))]
        public ServicePlanPipeBind ServicePlan { get; set; }

        [Parameter(ValueFromPipelineByPropertyName = true)]
        public Guid[] SubscriptionId { get; set; }

        [Parameter]
        public SubscriptionStatus Status { get; set; }

        [Parameter]
        [PSDefaultValue(Help = Clock.TodayHelp)]
        [DateTransformation]
        public DateTime AsOf { get; set; } = Clock.Today;

        protected override void ProcessRecord()
        {
            var query = new SubscriptionQuery
            {
                Customer = Customer?.Reference,
                ServicePlan = ServicePlan?.Reference,
                SubscriptionId = SubscriptionId,
                Status = Bound(nameof(Status)) ? Status : (SubscriptionStatus?)null,
                AsOf = AsOf,
            };
            if (!TryRead(s => SubscriptionOperations.Find(s, query), Customer?.Display ?? ServicePlan?.Display, out var found)) return;
            WritePage(found);
        }
    }
}
