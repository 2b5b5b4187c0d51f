using System;
using LiteDB;

namespace MspLicensing.Store
{
    /// <summary>How domain objects become documents. A mapper per store instance: nothing is shared between runspaces.</summary>
    internal static class Mapping
    {
        internal static BsonMapper CreateMapper()
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
            mapper.Entity<Customer>().Id(c => c.CustomerId, autoId: false).Ignore(c => c.ContactName);
            mapper.Entity<Account>().Ignore(a => a.SeatBands);
            mapper.Entity<ServicePlan>().Id(p => p.ServicePlanId, autoId: false).Ignore(p => p.IsBundle);
            mapper.Entity<PlanProduct>().Ignore(p => p.Product);
            mapper.Entity<Subscription>().Id(s => s.SubscriptionId, autoId: false).Ignore(s => s.IsTrial).Ignore(s => s.Customer).Ignore(s => s.Status);
            mapper.Entity<License>().Id(l => l.LicenseId, autoId: false).Ignore(l => l.Seats).Ignore(l => l.Used)
                .Ignore(l => l.Customer).Ignore(l => l.Status).Ignore(l => l.ServicePlan);
            mapper.Entity<AuditEntry>().Id(a => a.Id, autoId: true).Ignore(a => a.Time);
            return mapper;
        }
    }
}
