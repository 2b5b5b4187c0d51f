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
            mapper.Entity<AuditEntry>().Id(a => a.Id, autoId: true).Ignore(a => a.Time);
            return mapper;
        }
    }
}
