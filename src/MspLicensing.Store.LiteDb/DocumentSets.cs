using System;
using System.Collections.Generic;
using System.Linq;

namespace MspLicensing.Store
{
    /// <summary>
    /// The document sets of one transaction, whatever the store: one per kind, with the expiration dates of the
    /// subscriptions it read or wrote, so a license that follows its subscription (Lifecycle.Follows) reads its date
    /// and renewing a subscription needs no write to its licenses.
    /// </summary>
    internal sealed class DocumentSets
    {
        /// <summary>Makes a store's document set of one kind, calling the hooks when a document is read or written, and before all are read.</summary>
        internal interface IFactory
        {
            IDocumentSet<T> Create<T>(DocumentKind<T> kind, Action<T> onRead, Action<T> onWrite, Action beforeAll) where T : class, IVersioned;
        }

        private readonly Dictionary<Guid, DateTime> _expirations = new Dictionary<Guid, DateTime>();
        private bool _readAllSubscriptions;

        internal DocumentSets(IFactory factory)
        {
            Customers = factory.Create(DocumentKinds.Customers, null, null, null);
            ServicePlans = factory.Create(DocumentKinds.ServicePlans, null, null, null);
            Subscriptions = factory.Create(DocumentKinds.Subscriptions, Remember, Written, () => _readAllSubscriptions = true);
            Licenses = factory.Create(DocumentKinds.Licenses,
                license => Sessions.FollowSubscription(license, _expirations, id => Subscriptions.Get(id) != null),
                license => _changed.Add(license.CustomerId),
                () =>
                {
                    // Every subscription first, once: then each license finds its subscription's date without a read of its own.
                    if (!_readAllSubscriptions) Subscriptions.All();
                });
            Templates = factory.Create(DocumentKinds.Templates, null, null, null);
            Outbox = factory.Create(DocumentKinds.Outbox, null, null, null);
            Migrations = factory.Create(DocumentKinds.Migrations, null, null, null);
            Ledgers = factory.Create(DocumentKinds.Ledgers, null, null, null);
            LedgerMonths = factory.Create(DocumentKinds.LedgerMonths, null, null, null);
        }

        public IDocumentSet<Customer> Customers { get; }
        public IDocumentSet<ServicePlan> ServicePlans { get; }
        public IDocumentSet<Subscription> Subscriptions { get; }
        public IDocumentSet<License> Licenses { get; }
        public IDocumentSet<LicenseMigration> Migrations { get; }
        public IDocumentSet<Template> Templates { get; }
        public IDocumentSet<OutboxItem> Outbox { get; }
        public IDocumentSet<UsageLedger> Ledgers { get; }
        public IDocumentSet<UsageLedgerMonth> LedgerMonths { get; }

        // What this transaction changed that the usage ledgers follow: the customers whose licenses it wrote, and the
        // subscriptions it wrote, each as its licenses' lines see it (UsageLedgers.KeyOf). Settled before it commits.
        private readonly HashSet<Guid> _changed = new HashSet<Guid>();
        private readonly Dictionary<Guid, (Guid Customer, string Key)> _subscriptionsWritten = new Dictionary<Guid, (Guid, string)>();

        private void Remember(Subscription subscription) => _expirations[subscription.SubscriptionId] = subscription.ExpirationDate;

        private void Written(Subscription subscription)
        {
            Remember(subscription);
            _subscriptionsWritten[subscription.SubscriptionId] = (subscription.CustomerId, UsageLedgers.KeyOf(subscription));
        }

        /// <summary>What waits to be settled in the usage ledgers; it waits no more.</summary>
        internal (IReadOnlyCollection<Guid> Customers, IReadOnlyList<(Guid Customer, Guid Subscription, string Key)> Subscriptions) TakeLedgerChanges()
        {
            var changes = ((IReadOnlyCollection<Guid>)_changed.ToList(), (IReadOnlyList<(Guid, Guid, string)>)_subscriptionsWritten.Select(p => (p.Value.Customer, p.Key, p.Value.Key)).ToList());
            _changed.Clear();
            _subscriptionsWritten.Clear();
            return changes;
        }

        /// <summary>Forgets the expiration dates read or written so far (a batch item rolled back to its savepoint).</summary>
        internal void ForgetDates()
        {
            _expirations.Clear();
            _readAllSubscriptions = false;
        }
    }
}
