using System;
using System.Collections.Generic;

namespace MspLicensing.Store
{
    /// <summary>
    /// One kind of document as every store keeps it: its collection (a LiteDB collection; the PostgreSQL table has the
    /// same name), the type name its errors give it, its id, the name an error names it by (and another the rules'
    /// errors use), the unique name the store keys it by (NameKey), and how it is read back.
    /// </summary>
    internal sealed class DocumentKind<T>
    {
        internal DocumentKind(string collection, string typeName, Func<T, Guid> id, Func<T, string> name,
            Func<T, string> uniqueName = null, Func<LiteDB.BsonDocument, T> read = null, Func<T, string> alias = null)
        {
            Collection = collection;
            TypeName = typeName;
            Id = id;
            Name = name;
            Read = read;
            Alias = alias;
            if (uniqueName != null) Decorate = (item, doc) => doc["NameKey"] = LiteDbSession.NameKey(uniqueName(item));
        }

        public string Collection { get; }
        public string TypeName { get; }
        public Func<T, Guid> Id { get; }
        public Func<T, string> Name { get; }
        /// <summary>How a document is read back; null for the mapper.</summary>
        public Func<LiteDB.BsonDocument, T> Read { get; }
        /// <summary>Another name the rules give a document in their errors; null when they use <see cref="Name"/>.</summary>
        public Func<T, string> Alias { get; }
        /// <summary>Adds the name key to the document of a kind whose names are unique; null for other kinds.</summary>
        public Action<T, LiteDB.BsonDocument> Decorate { get; }
    }

    /// <summary>The kinds of document every store keeps, described once for both.</summary>
    internal static class DocumentKinds
    {
        internal static readonly DocumentKind<Customer> Customers = new DocumentKind<Customer>(
            Schema.CustomerCollection, "Customer", c => c.CustomerId, c => c.Name, uniqueName: c => c.Name);

        internal static readonly DocumentKind<ServicePlan> ServicePlans = new DocumentKind<ServicePlan>(
            Schema.ServicePlanCollection, "ServicePlan", p => p.ServicePlanId, p => p.Name, uniqueName: p => p.Name);

        // The rules name a stale subscription by its plan.
        internal static readonly DocumentKind<Subscription> Subscriptions = new DocumentKind<Subscription>(
            Schema.SubscriptionCollection, "Subscription", x => x.SubscriptionId, x => x.ServicePlan + " " + x.SubscriptionId,
            read: Readers.Subscription, alias: x => x.ServicePlan);

        internal static readonly DocumentKind<License> Licenses = new DocumentKind<License>(
            Schema.LicenseCollection, "License", l => l.LicenseId, l => l.Product + " " + l.ActivationCode, read: Readers.License);

        internal static readonly DocumentKind<Template> Templates = new DocumentKind<Template>(
            Schema.TemplateCollection, "Template", t => t.TemplateId, t => t.Name, uniqueName: t => t.Name);

        internal static readonly DocumentKind<OutboxItem> Outbox = new DocumentKind<OutboxItem>(
            Schema.OutboxCollection, "OutboxItem", o => o.OutboxItemId, o => o.Change + " " + o.CustomerId);

        internal static readonly DocumentKind<LicenseMigration> Migrations = new DocumentKind<LicenseMigration>(
            Schema.MigrationCollection, "LicenseMigration", m => m.MigrationId, m => m.Product + " " + m.SourceActivationCode);
    }

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
            Subscriptions = factory.Create(DocumentKinds.Subscriptions, Remember, Remember, () => _readAllSubscriptions = true);
            Licenses = factory.Create(DocumentKinds.Licenses,
                license => Sessions.FollowSubscription(license, _expirations, id => Subscriptions.Get(id) != null),
                null,
                () =>
                {
                    // Every subscription first, once: then each license finds its subscription's date without a read of its own.
                    if (!_readAllSubscriptions) Subscriptions.All();
                });
            Templates = factory.Create(DocumentKinds.Templates, null, null, null);
            Outbox = factory.Create(DocumentKinds.Outbox, null, null, null);
            Migrations = factory.Create(DocumentKinds.Migrations, null, null, null);
        }

        public IDocumentSet<Customer> Customers { get; }
        public IDocumentSet<ServicePlan> ServicePlans { get; }
        public IDocumentSet<Subscription> Subscriptions { get; }
        public IDocumentSet<License> Licenses { get; }
        public IDocumentSet<LicenseMigration> Migrations { get; }
        public IDocumentSet<Template> Templates { get; }
        public IDocumentSet<OutboxItem> Outbox { get; }

        private void Remember(Subscription subscription) => _expirations[subscription.SubscriptionId] = subscription.ExpirationDate;

        /// <summary>Forgets the expiration dates read or written so far (a batch item rolled back to its savepoint).</summary>
        internal void ForgetDates()
        {
            _expirations.Clear();
            _readAllSubscriptions = false;
        }
    }

    /// <summary>The collections of <see cref="IStoreSession"/>, as every store's session offers them: its <see cref="DocumentSets"/>.</summary>
    internal abstract class DocumentSession
    {
        /// <summary>The session's document sets, made by its store's factory when the session is created.</summary>
        protected DocumentSets Sets { get; set; }

        public IDocumentSet<Customer> Customers => Sets.Customers;
        public IDocumentSet<ServicePlan> ServicePlans => Sets.ServicePlans;
        public IDocumentSet<Subscription> Subscriptions => Sets.Subscriptions;
        public IDocumentSet<License> Licenses => Sets.Licenses;
        public IDocumentSet<LicenseMigration> Migrations => Sets.Migrations;
        public IDocumentSet<Template> Templates => Sets.Templates;
        public IDocumentSet<OutboxItem> Outbox => Sets.Outbox;
    }
}
