using System;
using System.Management.Automation;

namespace MspLicensing.Commands
{
    [Cmdlet(VerbsLifecycle.Suspend, "MspSubscription", DefaultParameterSetName = Identity.ByCustomer, SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(Subscription))]
    public sealed partial class SuspendMspSubscriptionCommand : SubscriptionChangeCmdlet
    {
        [Parameter]
        [DateTransformation]
        public DateTime ExpirationDate { get; set; }

        protected override string Action => "Suspend subscription";

        protected override string Done => "subscriptions suspended";

        protected override Subscription Apply(MspLicensing.Store.IStoreSession session, SubscriptionRef target) =>
            SubscriptionOperations.Suspend(session, target, Date, Bound(nameof(ExpirationDate)) ? ExpirationDate : (DateTime?)null, Clock.UtcNow);
    }
}
