using System;
using System.Collections.Generic;
using MspLicensing.Store;

namespace MspLicensing
{
    /// <summary>One subscription of a run: its renewed state, the licenses that change, and what that means.</summary>
    public sealed class PlannedRenewal
    {
        internal PlannedRenewal(Subscription subscription, IReadOnlyList<License> changed, IReadOnlyList<RenewalAction> actions, string customer)
        {
            Subscription = subscription;
            ChangedLicenses = changed;
            Actions = actions;
            Customer = customer;
        }

        public Subscription Subscription { get; }
        public IReadOnlyList<License> ChangedLicenses { get; }
        public IReadOnlyList<RenewalAction> Actions { get; }
        public string Customer { get; }

        /// <summary>The same renewal with the name of its customer (a run works out what is due before it reads the names).</summary>
        internal PlannedRenewal Named(string customer)
        {
            foreach (var action in Actions) action.Customer = customer;
            return new PlannedRenewal(Subscription, ChangedLicenses, Actions, customer);
        }
    }
}
