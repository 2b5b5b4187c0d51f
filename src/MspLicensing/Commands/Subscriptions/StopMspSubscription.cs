using System;
using System.Management.Automation;

namespace MspLicensing.Commands
{
    [Cmdlet(VerbsLifecycle.Stop, "MspSubscription", DefaultParameterSetName = Identity.ByCustomer, SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High)]
    [OutputType(typeof(Subscription))]
    public sealed partial class StopMspSubscriptionCommand : SubscriptionChangeCmdlet
    {
        protected override string Action => "Cancel subscription";

        protected override string Done => "subscriptions cancelled";

        protected override Subscription Apply(MspLicensing.Store.IStoreSession session, SubscriptionRef target) =>
            SubscriptionOperations.Cancel(session, target, Date, Clock.UtcNow);
    }
}
