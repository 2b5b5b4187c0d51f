using System;
using System.Management.Automation;

namespace MspLicensing.Commands
{
    [Cmdlet(VerbsLifecycle.Resume, "MspSubscription", DefaultParameterSetName = Identity.ByCustomer, SupportsShouldProcess = true)]
    [OutputType(typeof(Subscription))]
    public sealed partial class ResumeMspSubscriptionCommand : SubscriptionChangeCmdlet
    {
        protected override string Action => "Resume subscription";

        protected override string Done => "subscriptions resumed";

        protected override Subscription Apply(MspLicensing.Store.IStoreSession session, SubscriptionRef target) =>
            SubscriptionOperations.Resume(session, target, Date, Clock.UtcNow);
    }
}
