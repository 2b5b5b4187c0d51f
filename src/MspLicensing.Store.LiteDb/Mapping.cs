using System;
using LiteDB;

namespace MspLicensing.Store
{
    /// <summary>How domain objects become documents, and back: <see cref="ToDocument{T}"/> and <see cref="ToObject{T}"/>.</summary>
    /// <remarks>
    /// LiteDB's mapper compiles accessors for each type it maps (tens of milliseconds a type, paid once per process),
    /// and fills its cache of them without a lock that readers take. So each stored type has a mapper of its own, built
    /// the first time the type is mapped in the process (a type initializer: once, and seen whole by every thread),
    /// with every type it holds mapped before anyone can use it: its cache never changes afterwards, and runspaces
    /// share nothing that one of them could alter. A command builds only the mappers of what it reads or writes: the
    /// first command of a scheduled task does not pay for all of them.
    /// </remarks>
    internal static class Mapping
    {
        private static readonly Lazy<BsonMapper> Plain = new Lazy<BsonMapper>(Configured, System.Threading.LazyThreadSafetyMode.ExecutionAndPublication);

        /// <summary>The mapper a LiteDatabase is opened with: it maps documents only; objects go through <see cref="ToDocument{T}"/>.</summary>
        internal static BsonMapper Mapper => Plain.Value;

        /// <summary>The document of an item: by its hand-written writer (<see cref="Writers"/>) where it has one, else by its mapper.</summary>
        internal static BsonDocument ToDocument<T>(T item) => WriterOf<T>.Write != null ? WriterOf<T>.Write(item) : Of<T>.Mapper.ToDocument(item);

        /// <summary>The document the mapper makes of an item, whether or not a hand-written writer makes it instead.</summary>
        internal static BsonDocument MapperDocument<T>(T item) => Of<T>.Mapper.ToDocument(item);

        internal static T ToObject<T>(BsonDocument doc) => Of<T>.Mapper.ToObject<T>(doc);

        /// <summary>The mapper of <typeparamref name="T"/>, built on first use.</summary>
        private static class Of<T>
        {
            internal static readonly BsonMapper Mapper = Build(typeof(T));
        }

        /// <summary>The hand-written writer of <typeparamref name="T"/>, or null; apart from its mapper, which a type written by hand never builds for its writes.</summary>
        private static class WriterOf<T>
        {
            internal static readonly Func<T, BsonDocument> Write = (Func<T, BsonDocument>)Writers.For(typeof(T));
        }

        /// <summary>The conventions every mapper shares.</summary>
        private static BsonMapper Configured()
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
            return mapper;
        }

        /// <summary>A mapper for one stored type: its id and the properties that are not stored, then every type it holds mapped (a round trip of a full sample).</summary>
        private static BsonMapper Build(Type type)
        {
            var mapper = Configured();
            if (type == typeof(Customer))
            {
                mapper.Entity<Customer>().Id(c => c.CustomerId, autoId: false).Ignore(c => c.ContactName);
                Warm(mapper, new Customer { ExternalId = new ExternalIdMap { ["Tool"] = "1" }, Templates = { "T" } });
            }
            else if (type == typeof(Account))
            {
                mapper.Entity<Account>().Ignore(a => a.SeatBands);
                Warm(mapper, new Account());
            }
            else if (type == typeof(AuditEntry))
            {
                mapper.Entity<AuditEntry>().Id(a => a.Id, autoId: true).Ignore(a => a.Time).Ignore(a => a.Customer);
                Warm(mapper, new AuditEntry { CustomerId = Guid.Empty });
            }
            else if (type == typeof(ServicePlan))
            {
                mapper.Entity<ServicePlan>().Id(p => p.ServicePlanId, autoId: false).Ignore(p => p.IsBundle);
                mapper.Entity<PlanProduct>().Ignore(p => p.Product);
                Warm(mapper, new ServicePlan { Products = new TextList<PlanProduct> { new PlanProduct { Code = "WFBSS", DataCenters = { ["WFBSS"] = DataCenter.Germany } } } });
            }
            else if (type == typeof(Subscription))
            {
                mapper.Entity<Subscription>().Id(s => s.SubscriptionId, autoId: false).Ignore(s => s.IsTrial).Ignore(s => s.Customer).Ignore(s => s.Status);
                Warm(mapper, new Subscription { SuspendedOn = DateTime.MinValue, RecordedStatus = SubscriptionStatus.Active });
            }
            else if (type == typeof(UsageReport))
            {
                mapper.Entity<UsageReport>().Id(r => r.Month, autoId: false).Ignore(r => r.Lines);
                Warm(mapper, new UsageReport { Adjustments = { new UsageAdjustment() }, FrozenLines = { new UsageLine { Used = 1, OverProvisionedPercent = 1 } }, FrozenSeatBands = new TextList<int> { 1 } });
            }
            else if (type == typeof(Template))
            {
                mapper.Entity<Template>().Id(t => t.TemplateId, autoId: false).Ignore(t => t.Customers);
                Warm(mapper, new Template { Settings = { ["a"] = "b" } });
            }
            else if (type == typeof(OutboxItem))
            {
                mapper.Entity<OutboxItem>().Id(o => o.OutboxItemId, autoId: false);
                Warm(mapper, new OutboxItem());
            }
            else if (type == typeof(LicenseMigration))
            {
                mapper.Entity<LicenseMigration>().Id(m => m.MigrationId, autoId: false).Ignore(m => m.Customer);
                Warm(mapper, new LicenseMigration { SubscriptionId = Guid.Empty, CompletedUtc = DateTime.MinValue });
            }
            else if (type == typeof(License))
            {
                mapper.Entity<License>().Id(l => l.LicenseId, autoId: false).Ignore(l => l.Seats).Ignore(l => l.Used)
                    .Ignore(l => l.Customer).Ignore(l => l.Status).Ignore(l => l.ServicePlan);
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
            }
            else if (type == typeof(UsageLedger))
            {
                mapper.Entity<UsageLedger>().Id(l => l.CustomerId, autoId: false);
            }
            else if (type == typeof(UsageLedgerMonth))
            {
                mapper.Entity<UsageLedgerMonth>().Id(m => m.Id, autoId: false);
            }
            else
            {
                throw new InvalidOperationException($"The store has no mapping for {type.FullName}.");
            }
            return mapper;
        }

        private static void Warm<T>(BsonMapper mapper, T sample) => mapper.ToObject<T>(mapper.ToDocument(sample));
    }
}
