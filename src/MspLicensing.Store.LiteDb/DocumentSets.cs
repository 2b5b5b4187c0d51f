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
            Subscriptions = factory.Create(DocumentKinds.Subscriptions, Read, Written, () => _readAllSubscriptions = true);
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

        // The customers whose licenses, or subscriptions as their lines see them, this transaction changed: their ledgers are settled before it commits.
        private readonly HashSet<Guid> _changed = new HashSet<Guid>();
        // What each subscription read or written meant to its licenses' lines (UsageLedgers.KeyOf).
        private readonly Dictionary<Guid, string> _billedAs = new Dictionary<Guid, string>();

        private void Read(Subscription subscription)
        {
            _expirations[subscription.SubscriptionId] = subscription.ExpirationDate;
            _billedAs[subscription.SubscriptionId] = UsageLedgers.KeyOf(subscription);
        }

        /// <summary>A subscription written (or deleted): its customer's ledger is settled when its lines may have changed; a renewal changes none.</summary>
        private void Written(Subscription subscription)
        {
            _expirations[subscription.SubscriptionId] = subscription.ExpirationDate;
            string key = UsageLedgers.KeyOf(subscription);
            if (!_billedAs.TryGetValue(subscription.SubscriptionId, out var before) || before != key) _changed.Add(subscription.CustomerId);
            _billedAs[subscription.SubscriptionId] = key;
        }

        /// <summary>The customers whose ledgers wait to be settled; they wait no more.</summary>
        internal IReadOnlyCollection<Guid> TakeChangedCustomers()
        {
            var customers = _changed.ToList();
            _changed.Clear();
            return customers;
        }

        /// <summary>Forgets the expiration dates read or written so far (a batch item rolled back to its savepoint).</summary>
        internal void ForgetDates()
        {
            _expirations.Clear();
            _readAllSubscriptions = false;
            _billedAs.Clear();
        }
    }
}
