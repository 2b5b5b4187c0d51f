using System;
using System.Collections.Generic;
using System.Linq;
using LiteDB;

namespace MspLicensing.Store
{
    /// <summary>The store layout, version by version. Add a step (never change an old one) when the layout changes.</summary>
    public static class Schema
    {
        public const string Application = "MspLicensing";

        internal const string Meta = "meta";
        internal const string AccountCollection = "account";
        internal const string CustomerCollection = "customers";
        internal const string AuditCollection = "audit";
        internal const string LicenseCollection = "licenses";
        internal const string ServicePlanCollection = "plans";
        internal const string SubscriptionCollection = "subscriptions";
        internal const string UsageReportCollection = "reports";
        internal const string MigrationCollection = "migrations";
        internal const string TemplateCollection = "templates";
        internal const string OutboxCollection = "outbox";
        internal const string LedgerCollection = "ledgers";
        internal const string LedgerMonthCollection = "ledgermonths";

        public static IReadOnlyList<SchemaStep> Steps { get; } = new[]
        {
            new SchemaStep(1, "Account, customers with a unique case-insensitive name key, audit log", db =>
            {
                db.GetCollection(CustomerCollection).EnsureIndex("NameKey", "$.NameKey", unique: true);
                db.GetCollection(AuditCollection).EnsureIndex("TargetId", "$.TargetId");
            }),
            new SchemaStep(2, "Service plans with a unique name key, subscriptions, licenses with unique activation codes", db =>
            {
                db.GetCollection(ServicePlanCollection).EnsureIndex("NameKey", "$.NameKey", unique: true);
                db.GetCollection(SubscriptionCollection).EnsureIndex("CustomerId", "$.CustomerId");
                db.GetCollection(SubscriptionCollection).EnsureIndex("ServicePlanId", "$.ServicePlanId");
                db.GetCollection(LicenseCollection).EnsureIndex("CustomerId", "$.CustomerId");
                db.GetCollection(LicenseCollection).EnsureIndex("SubscriptionId", "$.SubscriptionId");
                db.GetCollection(LicenseCollection).EnsureIndex("ActivationCode", "$.ActivationCode", unique: true);
            }),
            new SchemaStep(3, "Monthly usage reports, keyed by month", db => db.GetCollection(UsageReportCollection).EnsureIndex("Status", "$.Status")),
            new SchemaStep(4, "License migrations", db => db.GetCollection(MigrationCollection).EnsureIndex("LicenseId", "$.LicenseId")),
            new SchemaStep(5, "Remote Manager templates with a unique name key, synchronization outbox", db =>
            {
                db.GetCollection(TemplateCollection).EnsureIndex("NameKey", "$.NameKey", unique: true);
                db.GetCollection(OutboxCollection).EnsureIndex("CustomerId", "$.CustomerId");
            }),
            // No layout change: licenses may now end as Removed (R43) and be of type NFR (R51). An older module would
            // read a removed license as live and bill it, so it must refuse a store that may hold one.
            new SchemaStep(6, "Licenses that end as Removed (Remove-MspLicense) and NFR licenses", db => { }),
            // An older module would write entries without their customer, which a customer's history would miss.
            new SchemaStep(7, "Audit entries name the customer they concern", db =>
            {
                db.GetCollection(AuditCollection).EnsureIndex("CustomerId", "$.CustomerId");
                NameCustomersOfOlderEntries(db);
            }),
            // An older module would change a customer's external ids without its keys, and the index would miss them.
            new SchemaStep(8, "Customers are found by their external ids through an index", db =>
            {
                var customers = db.GetCollection(CustomerCollection);
                foreach (var doc in customers.FindAll().ToList())
                {
                    if (!doc["ExternalId"].IsDocument || doc["ExternalId"].AsDocument.Count == 0) continue;
                    doc["ExternalIdKeys"] = new BsonArray(doc["ExternalId"].AsDocument.Where(p => p.Value.IsString)
                        .Select(p => new BsonValue(LiteDbSession.ExternalIdKey(p.Key, p.Value.AsString))));
                    customers.Update(doc);
                }
                customers.EnsureIndex("ExternalIdKeys", "$.ExternalIdKeys[*]");
            }),
            // No layout change: a license's seat history and used counts are written as one text each (DatedCounts);
            // licenses written before keep the array form until they change. An older module cannot read the text.
            new SchemaStep(9, "A license's seat history and used counts are kept as one text each", db => { }),
            // An older module would change licenses without their customer's ledger, and the reports would miss the change.
            new SchemaStep(LedgerVersion, "Usage ledgers: what each customer bills month by month, kept with every change", db =>
            {
                db.GetCollection(LedgerCollection).EnsureIndex("OpenFrom", "$.OpenFrom");
                db.GetCollection(LedgerCollection).EnsureIndex("FirstMonth", "$.FirstMonth");
                db.GetCollection(LedgerMonthCollection).EnsureIndex("Month", "$.Month");
                var session = new LiteDbSession(db, "Upgrade", null, () => DateTime.UtcNow);
                UsageLedgers.Rebuild(session);
            }),
            // Every entry paid for an index node of its 36-character target id, a third of an entry's write; nothing looks
            // entries up by target but a customer's history, which finds them by the customer once step 7 and this step
            // named it in the entries written before.
            new SchemaStep(11, "The audit log is not indexed by target: a customer's history finds its entries by the customer", db =>
            {
                NameCustomersByTarget(db);
                db.GetCollection(AuditCollection).DropIndex("TargetId");
            }),
        };

        /// <summary>
        /// Entries that name no customer but target a stored customer's id (a customer's history found them by that id)
        /// get that customer.
        /// </summary>
        private static void NameCustomersByTarget(LiteDatabase db)
        {
            var customers = new HashSet<string>(db.GetCollection(CustomerCollection).FindAll().Select(d => d["_id"]).Where(v => v.IsGuid)
                .Select(v => v.AsGuid.ToString()), StringComparer.OrdinalIgnoreCase);
            NameCustomers(db, (_, targetId) => customers.Contains(targetId) ? Guid.Parse(targetId) : (Guid?)null);
        }

        /// <summary>
        /// Entries written before step 7 name no customer: those of a customer record, and of a subscription, license or
        /// migration that is still stored, get the customer it belongs to. The others (usage report changes, and
        /// licenses unregistered since) keep none.
        /// </summary>
        private static void NameCustomersOfOlderEntries(LiteDatabase db)
        {
            var owners = new Dictionary<string, Guid>(StringComparer.OrdinalIgnoreCase);
            foreach (var collection in new[] { SubscriptionCollection, LicenseCollection, MigrationCollection })
            {
                foreach (var doc in db.GetCollection(collection).FindAll())
                {
                    if (doc["_id"].IsGuid && doc["CustomerId"].IsGuid) owners[doc["_id"].AsGuid.ToString()] = doc["CustomerId"].AsGuid;
                }
            }
            NameCustomers(db, (targetType, targetId) =>
            {
                bool record = targetType == CustomerOperations.TargetType;
                return (record ? Guid.TryParse(targetId, out var customer) : owners.TryGetValue(targetId, out customer)) ? customer : (Guid?)null;
            });
        }

        /// <summary>
        /// Gives each audit entry that names no customer the one <paramref name="customerOf"/> finds for its target type
        /// and target id (none: it keeps none).
        /// </summary>
        private static void NameCustomers(LiteDatabase db, Func<string, string, Guid?> customerOf)
        {
            var audit = db.GetCollection(AuditCollection);
            foreach (var entry in audit.Find(Query.EQ("CustomerId", BsonValue.Null)).ToList())
            {
                if (!entry["TargetId"].IsString) continue;
                var customer = customerOf(entry["TargetType"].IsString ? entry["TargetType"].AsString : null, entry["TargetId"].AsString);
                if (!customer.HasValue) continue;
                entry["CustomerId"] = customer.Value;
                audit.Update(entry);
            }
        }

        /// <summary>The schema version from which a store keeps usage ledgers (UsageLedgers).</summary>
        internal const int LedgerVersion = 10;

        /// <summary>The schema version this module writes.</summary>
        public static int Current => Steps[Steps.Count - 1].Version;
    }
}
