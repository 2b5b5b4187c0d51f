using System;
using System.Collections;
using System.Collections.Generic;
using System.Management.Automation;

namespace MspLicensing.Commands
{
    [Cmdlet(VerbsCommon.Set, "MspSubscription", DefaultParameterSetName = Identity.ByCustomer, SupportsShouldProcess = true)]
    [OutputType(typeof(Subscription))]
    public sealed partial class SetMspSubscriptionCommand : SubscriptionChangeCmdlet
    {
        private SubscriptionChanges _changes;

        /// <summary>The changes of the pipeline items that bring their own -ProductSeats (such as Get-MspRightSizing's candidates).</summary>
        private readonly Dictionary<SubscriptionRef, SubscriptionChanges> _itemChanges = new Dictionary<SubscriptionRef, SubscriptionChanges>();

        [Parameter]
        [Alias("Units")]
        public int Seats { get; set; }

        // From the pipeline only with a SubscriptionId beside it (Get-MspRightSizing's rows): were it bound from the
        // pipeline in the default set (by customer), the binder would take it there and never reach SubscriptionId.
        [Parameter(ParameterSetName = Identity.ById, ValueFromPipelineByPropertyName = true)]
        [Parameter(ParameterSetName = Identity.ByObject)]
        [Parameter(ParameterSetName = Identity.ByCustomer)]
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

        protected override MspException Prepare(SubscriptionRef target)
        {
            if (_changes == null || !Bound(nameof(ProductSeats))) return null;
            try
            {
                _itemChanges[target] = new SubscriptionChanges
                {
                    Seats = _changes.Seats,
                    ProductSeats = Tables.Seats(ProductSeats, nameof(ProductSeats)),
                    ExpirationDate = _changes.ExpirationDate,
                    AutoRenewal = _changes.AutoRenewal,
                    AutoRenewalMonths = _changes.AutoRenewalMonths,
                    Date = _changes.Date,
                };
                return null;
            }
            catch (MspException ex)
            {
                return ex;
            }
        }

        protected override string Action => "Change subscription";

        protected override string Done => "subscriptions changed";

        protected override Subscription Apply(MspLicensing.Store.IStoreSession session, SubscriptionRef target) =>
            SubscriptionOperations.Change(session, target, _itemChanges.TryGetValue(target, out var changes) ? changes : _changes, Clock.UtcNow, Clock.Today);
    }
}
