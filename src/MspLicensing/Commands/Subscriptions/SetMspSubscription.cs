using System;
using System.Collections;
using System.Management.Automation;

namespace MspLicensing.Commands
{
    [Cmdlet(VerbsCommon.Set, "MspSubscription", DefaultParameterSetName = Identity.ByCustomer, SupportsShouldProcess = true)]
    [OutputType(typeof(Subscription))]
    public sealed partial class SetMspSubscriptionCommand : SubscriptionChangeCmdlet
    {
        private SubscriptionChanges _changes;

        [Parameter]
        [Alias("Units")]
        public int Seats { get; set; }

        [Parameter]
        public Hashtable ProductSeats { get; set; }

        [Parameter]
        [DateTransformation]
        public DateTime ExpirationDate { get; set; }

        [Parameter]
        [BooleanTransformation]
        public bool AutoRenewal { get; set; }

        [Parameter]
        public int AutoRenewalMonths { get; set; }

        protected override void BeginProcessing()
        {
            try
            {
                _changes = new SubscriptionChanges
                {
                    Seats = Bound(nameof(Seats)) ? Seats : (int?)null,
                    ProductSeats = Tables.Seats(ProductSeats, nameof(ProductSeats)),
                    ExpirationDate = Bound(nameof(ExpirationDate)) ? ExpirationDate : (DateTime?)null,
                    AutoRenewal = Bound(nameof(AutoRenewal)) ? AutoRenewal : (bool?)null,
                    AutoRenewalMonths = Bound(nameof(AutoRenewalMonths)) ? AutoRenewalMonths : (int?)null,
                    Date = Date,
                };
            }
            catch (MspException ex)
            {
                ThrowMspError(ex, ex.Target);
            }
            base.BeginProcessing();
        }

        protected override string Action => "Change subscription";

        protected override string Done => "subscriptions changed";

        protected override Subscription Apply(MspLicensing.Store.IStoreSession session, SubscriptionRef target) =>
            SubscriptionOperations.Change(session, target, _changes, Clock.UtcNow, Clock.Today);
    }
}
