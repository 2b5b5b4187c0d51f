using System;
using System.Management.Automation;

namespace MspLicensing.Commands
{
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

        /// <summary>Reads what the current pipeline item gives besides the subscription; the error that refuses the item, or null.</summary>
        protected virtual MspException Prepare(SubscriptionRef target) => null;

        protected override void BeginProcessing() =>
            _batch = new PipelineBatch<SubscriptionRef, Subscription>(this, Apply, Describe, Done, writeResults: PassThru, readAhead: SubscriptionOperations.ReadAhead);

        protected override void ProcessRecord()
        {
            var target = Target(ServicePlan);
            var refused = Prepare(target);
            if (refused != null)
            {
                _batch.Fail(refused, ItemName(target), Describe(target));
                return;
            }
            _batch.AddConfirmed(target, ItemName(target), Action + " " + Describe(target));
        }

        protected override void EndProcessing() => _batch.Complete();
    }
}
