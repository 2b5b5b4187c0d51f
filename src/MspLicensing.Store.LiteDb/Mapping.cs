using System;
using LiteDB;

namespace MspLicensing.Store
{
    /// <summary>How domain objects become documents.</summary>
    internal static class Mapping
    {
        // Building a mapper compiles accessors for every entity type (tens of milliseconds), which would be paid by
        // every cmdlet call. So one mapper serves the process. It holds configuration only, and every type it maps is
        // mapped once here, before anyone can use it: its cache never changes afterwards, so runspaces share nothing
        // that one of them could alter.
        private static readonly Lazy<BsonMapper> Shared = new Lazy<BsonMapper>(Build, System.Threading.LazyThreadSafetyMode.ExecutionAndPublication);

        internal static BsonMapper Mapper => Shared.Value;

        private static BsonMapper Build()
        {
            var mapper = new BsonMapper
            {
                EnumAsInteger = false,
                SerializeNullValues = false,
                TrimWhitespace = false,
                EmptyStringToNull = false,
            };
            // Dates are kept as ticks with no time-zone conversion: business dates stay the calendar day they were
            // given on, and UTC timestamps (properties named ...Utc) stay UTC, whatever the reader's time zone.
            mapper.RegisterType<DateTime>(d => new BsonValue(d.Ticks), b => new DateTime(b.AsInt64, DateTimeKind.Unspecified));
            // A license's histories as one text each (DatedCounts).
            mapper.RegisterType<TextList<SeatChange>>(l => DatedCounts.Write(l, c => c.Date, c => c.Seats), b => DatedCounts.Read(b, (d, n) => new SeatChange { Date = d, Seats = n }, "Seats"));
            mapper.RegisterType<TextList<UsedCount>>(l => DatedCounts.Write(l, c => c.Date, c => c.Used), b => DatedCounts.Read(b, (d, n) => new UsedCount { Date = d, Used = n }, "Used"));
            mapper.Entity<Customer>().Id(c => c.CustomerId, autoId: false).Ignore(c => c.ContactName);
            mapper.Entity<Account>().Ignore(a => a.SeatBands);
            mapper.Entity<AuditEntry>().Id(a => a.Id, autoId: true).Ignore(a => a.Time).Ignore(a => a.Customer);
            mapper.Entity<ServicePlan>().Id(p => p.ServicePlanId, autoId: false).Ignore(p => p.IsBundle);
            mapper.Entity<PlanProduct>().Ignore(p => p.Product);
            mapper.Entity<Subscription>().Id(s => s.SubscriptionId, autoId: false).Ignore(s => s.IsTrial).Ignore(s => s.Customer).Ignore(s => s.Status);
            mapper.Entity<UsageReport>().Id(r => r.Month, autoId: false).Ignore(r => r.Lines);
            mapper.Entity<Template>().Id(t => t.TemplateId, autoId: false).Ignore(t => t.Customers);
            mapper.Entity<OutboxItem>().Id(o => o.OutboxItemId, autoId: false);
            mapper.Entity<LicenseMigration>().Id(m => m.MigrationId, autoId: false).Ignore(m => m.Customer);
            mapper.Entity<License>().Id(l => l.LicenseId, autoId: false).Ignore(l => l.Seats).Ignore(l => l.Used)
                .Ignore(l => l.Customer).Ignore(l => l.Status).Ignore(l => l.ServicePlan);

            // Map every stored type now (round trip, so readers and writers are both built).
            Warm(mapper, new Account());
            Warm(mapper, new Customer { ExternalId = new ExternalIdMap { ["Tool"] = "1" }, Templates = { "T" } });
            Warm(mapper, new Template { Settings = { ["a"] = "b" } });
            Warm(mapper, new OutboxItem());
            Warm(mapper, new AuditEntry { CustomerId = Guid.Empty });
            Warm(mapper, new ServicePlan { Products = new TextList<PlanProduct> { new PlanProduct { Code = "WFBSS", DataCenters = { ["WFBSS"] = DataCenter.Germany } } } });
            Warm(mapper, new Subscription { SuspendedOn = DateTime.MinValue, RecordedStatus = SubscriptionStatus.Active });
            Warm(mapper, new License
            {
                DataCenter = DataCenter.Germany,
                EndState = LicenseStatus.Cancelled,
                EndDate = DateTime.MinValue,
                RecordedStatus = LicenseStatus.Active,
                SeatHistory = { new SeatChange() },
                UsedHistory = { new UsedCount() },
                Placements = { new LicensePlacement() },
            });
            Warm(mapper, new LicenseMigration { SubscriptionId = Guid.Empty, CompletedUtc = DateTime.MinValue });
            Warm(mapper, new UsageReport { Adjustments = { new UsageAdjustment() }, FrozenLines = { new UsageLine { Used = 1, OverProvisionedPercent = 1 } }, FrozenSeatBands = new TextList<int> { 1 } });
            return mapper;
        }

        private static void Warm<T>(BsonMapper mapper, T sample) => mapper.ToObject<T>(mapper.ToDocument(sample));
    }
}
