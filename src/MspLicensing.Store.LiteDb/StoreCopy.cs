using System.Collections.Generic;
using System.Linq;

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
