using System;
using System.Management.Automation;

namespace MspLicensing.Commands
{
    /// <summary>
    /// The base of the cmdlets that act on one subscription: it is named by -SubscriptionId (also from licenses and
    /// subscriptions in the pipeline), by the object from Get-MspSubscription, or by -Customer (with -ServicePlan where
    /// the customer has several).
    /// </summary>
    public abstract class SubscriptionCmdlet : MspCmdlet
    {
        [Parameter(ParameterSetName = Identity.ById, Mandatory = true, ValueFromPipelineByPropertyName = true)]
        public Guid SubscriptionId { get; set; }

        [Parameter(ParameterSetName = Identity.ByObject, Mandatory = true, ValueFromPipeline = true)]
        public Subscription InputObject { get; set; }

        [Parameter(ParameterSetName = Identity.ByCustomer, Mandatory = true, Position = 0)]
        [ArgumentCompleter(typeof(CustomerNameCompleter))]
        public CustomerPipeBind Customer { get; set; }

        /// <summary>The subscription the parameters name; <paramref name="plan"/> narrows a customer's subscriptions.</summary>
        protected SubscriptionRef Target(ServicePlanPipeBind plan)
        {
            switch (ParameterSetName)
            {
                case Identity.ById: return SubscriptionRef.ById(SubscriptionId);
                case Identity.ByObject: return SubscriptionRef.ByObject(InputObject);
                default: return SubscriptionRef.ByCustomer(Customer.Reference, plan?.Reference);
            }
        }

        /// <summary>Text that names the subscription in -WhatIf and errors.</summary>
        protected string Describe(SubscriptionRef target) =>
            InputObject != null && ParameterSetName == Identity.ByObject
                ? $"{InputObject.ServicePlan} of {InputObject.Customer} ({InputObject.SubscriptionId})"
                : target.ToString();

        /// <summary>
        /// The words that name the subscription of the current item in its errors: the customer and the plan where
        /// they are known, else its id.
        /// </summary>
        protected string ItemName(SubscriptionRef target)
        {
            if (InputObject != null && ParameterSetName == Identity.ByObject)
                return Named("Customer", InputObject.Customer, "service plan", InputObject.ServicePlan);
            if (target.Customer != null)
                return Named("Customer", target.Customer.Display) + (target.ServicePlan == null ? string.Empty : ", " + Named("service plan", target.ServicePlan.Display));
            return Named("Subscription", target.Id);
        }
    }

    /// <summary>
    /// The base of the cmdlets that change subscriptions one pipeline item at a time (Set, Suspend, Resume, Stop):
    /// -ServicePlan narrows -Customer, -Date is the day of the change, -PassThru writes the changed subscriptions.
    /// </summary>
    public abstract class SubscriptionChangeCmdlet : SubscriptionCmdlet
    {
        private PipelineBatch<SubscriptionRef, Subscription> _batch;

        [Parameter(ParameterSetName = Identity.ByCustomer, Position = 1)]
        [ArgumentCompleter(typeof(ServicePlanNameCompleter))]
        public ServicePlanPipeBind ServicePlan { get; set; }

        [Parameter]
        [PSDefaultValue(Help = Clock.TodayHelp)]
        [DateTransformation]
        public DateTime Date { get; set; } = Clock.Today;

        [Parameter]
        public SwitchParameter PassThru { get; set; }

        /// <summary>What the command does, e.g. "Suspend subscription": it names the change where -WhatIf and -Confirm do not work it out.</summary>
        protected abstract string Action { get; }

        /// <summary>What the progress counts, e.g. "subscriptions suspended".</summary>
        protected abstract string Done { get; }

        /// <summary>The one domain operation, inside the transaction of the item's batch.</summary>
        protected abstract Subscription Apply(MspLicensing.Store.IStoreSession session, SubscriptionRef target);

        protected override void BeginProcessing() =>
            _batch = new PipelineBatch<SubscriptionRef, Subscription>(this, Apply, Describe, Done, writeResults: PassThru);

        protected override void ProcessRecord()
        {
            var target = Target(ServicePlan);
            _batch.AddConfirmed(target, ItemName(target), Action + " " + Describe(target));
        }

        protected override void EndProcessing() => _batch.Complete();
    }
}
