using System.Collections.Generic;
using System.Linq;

namespace MspLicensing.Store
{
    /// <summary>
    /// Every document of a store by collection, as the mapper writes it (LiteDB's extended JSON, the same for both
    /// store kinds): what Copy-MspStore carries from one store to another, audit entries with their ids.
    /// </summary>
    public sealed class StoreContent : Dictionary<string, List<string>>
    {
        /// <summary>The collections a copy carries: every one but the schema record, which each store keeps itself.</summary>
        public static readonly IReadOnlyList<string> Collections = new[]
        {
            Schema.AccountCollection, Schema.CustomerCollection, Schema.ServicePlanCollection, Schema.SubscriptionCollection,
            Schema.LicenseCollection, Schema.UsageReportCollection, Schema.MigrationCollection, Schema.TemplateCollection,
            Schema.OutboxCollection, Schema.AuditCollection,
        };

        /// <summary>How many documents of <paramref name="collection"/> the copy holds.</summary>
        public int CountOf(string collection) => TryGetValue(collection, out var list) ? list.Count : 0;

        /// <summary>How many documents the copy holds in all.</summary>
        public int Total => Values.Sum(v => v.Count);
    }

    /// <summary>A store whose documents can be read out whole and written into another store (Copy-MspStore).</summary>
    public interface ITransferableStore : IMspStore
    {
        /// <summary>Every document of the store, read in one consistent view.</summary>
        StoreContent Export();

        /// <summary>
        /// Writes every document into this store in one transaction. The store must hold no customers, plans,
        /// subscriptions, licenses or audit entries unless <paramref name="replace"/>: then what it holds is replaced.
        /// </summary>
        void Import(StoreContent documents, bool replace);
    }
}

namespace MspLicensing.Store
{
    /// <summary>What Copy-MspStore copied: from where to where, and how many documents of each kind the copy holds.</summary>
    public sealed class StoreCopy
    {
        public string Source { get; set; }
        public string Destination { get; set; }
        /// <summary>LiteDB or PostgreSQL (see <see cref="StoreKinds"/>).</summary>
        public string DestinationKind { get; set; }
        public int Customers { get; set; }
        public int ServicePlans { get; set; }
        public int Subscriptions { get; set; }
        public int Licenses { get; set; }
        public int AuditEntries { get; set; }
        /// <summary>Every document copied: the account, customers, plans, subscriptions, licenses, usage reports, migrations, templates, the outbox and the audit log.</summary>
        public int Documents { get; set; }

        /// <summary>
        /// Copies every document of <paramref name="source"/> into <paramref name="destination"/> (one transaction), then
        /// reads the destination back and compares the number of documents of every kind: a copy that differs is
        /// reported as StoreCopyIncomplete.
        /// </summary>
        public static StoreCopy Run(ITransferableStore source, ITransferableStore destination, bool replace)
        {
            var documents = source.Export();
            destination.Import(documents, replace);
            var copied = destination.Export();
            foreach (string collection in StoreContent.Collections)
            {
                if (copied.CountOf(collection) != documents.CountOf(collection))
                    throw new MspException("StoreCopyIncomplete", ErrorKind.InvalidData,
                        $"The copy in '{destination.Path}' holds {copied.CountOf(collection)} documents of '{collection}' where '{source.Path}' holds {documents.CountOf(collection)}; do not use the copy. Run Copy-MspStore -Force again.", destination.Path);
            }
            return new StoreCopy
            {
                Source = source.Path,
                Destination = destination.Path,
                DestinationKind = destination is LiteDbStore ? StoreKinds.LiteDb : StoreKinds.PostgreSql,
                Customers = copied.CountOf(Schema.CustomerCollection),
                ServicePlans = copied.CountOf(Schema.ServicePlanCollection),
                Subscriptions = copied.CountOf(Schema.SubscriptionCollection),
                Licenses = copied.CountOf(Schema.LicenseCollection),
                AuditEntries = copied.CountOf(Schema.AuditCollection),
                Documents = copied.Total,
            };
        }
    }
}
