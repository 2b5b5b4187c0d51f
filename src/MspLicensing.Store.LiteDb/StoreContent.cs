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
            Schema.OutboxCollection, Schema.AuditCollection, Schema.LedgerCollection, Schema.LedgerMonthCollection,
        };

        /// <summary>How many documents of <paramref name="collection"/> the copy holds.</summary>
        public int CountOf(string collection) => TryGetValue(collection, out var list) ? list.Count : 0;

        /// <summary>How many documents the copy holds in all.</summary>
        public int Total => Values.Sum(v => v.Count);
    }
}
