using System;
using System.Collections.Generic;
using LiteDB;

namespace MspLicensing.Store
{
    /// <summary>
    /// Hand-written readers for the documents read by the tens of thousands (renewal runs, usage reports, customers):
    /// several times faster than the reflection-based mapper. They read what the mapper writes (Mapping.cs); a test
    /// round-trips every field through both.
    /// </summary>
    internal static class Readers
    {
        internal static License License(BsonDocument d)
        {
            var l = new License
            {
                LicenseId = d["_id"].AsGuid,
                CustomerId = d["CustomerId"].AsGuid,
                SubscriptionId = Guid(d, "SubscriptionId"),
                Product = Text(d, "Product"),
                Suite = Text(d, "Suite"),
                ActivationCode = Text(d, "ActivationCode"),
                Description = Text(d, "Description"),
                AuthorizationKey = Text(d, "AuthorizationKey"),
                DataCenter = Enum<DataCenter>(d, "DataCenter"),
                StartDate = Date(d, "StartDate") ?? default,
                ExpirationDate = Date(d, "ExpirationDate") ?? default,
                LicenseModel = Enum<LicenseModel>(d, "LicenseModel") ?? LicenseModel.Msp,
                LicenseType = Text(d, "LicenseType"),
                EndState = Enum<LicenseStatus>(d, "EndState"),
                EndDate = Date(d, "EndDate"),
                RecordedStatus = Enum<LicenseStatus>(d, "RecordedStatus"),
                Revision = d["Revision"].AsInt32,
                SeatHistory = DatedCounts.Read(d["SeatHistory"], (day, n) => new SeatChange { Date = day, Seats = n }, "Seats"),
                UsedHistory = DatedCounts.Read(d["UsedHistory"], (day, n) => new UsedCount { Date = day, Used = n }, "Used"),
                Placements = List(d, "Placements", x => new LicensePlacement
                {
                    From = Date(x, "From") ?? default,
                    SubscriptionId = Guid(x, "SubscriptionId"),
                    Suite = Text(x, "Suite"),
                    LicenseType = Text(x, "LicenseType"),
                }),
            };
            return l;
        }

        internal static Customer Customer(BsonDocument d)
        {
            var c = new Customer
            {
                CustomerId = d["_id"].AsGuid,
                Name = Text(d, "Name"),
                Country = Text(d, "Country"),
                City = Text(d, "City"),
                State = Text(d, "State"),
                ContactFirstName = Text(d, "ContactFirstName"),
                ContactLastName = Text(d, "ContactLastName"),
                Email = Text(d, "Email"),
                Address = Text(d, "Address"),
                PostalCode = Text(d, "PostalCode"),
                Phone = Text(d, "Phone"),
                TimeZone = Text(d, "TimeZone"),
                Language = Text(d, "Language"),
                Notes = Text(d, "Notes"),
                Enabled = Bool(d, "Enabled") ?? true,
                Origin = Enum<CustomerOrigin>(d, "Origin") ?? default,
                InLicensingManagementPlatform = Bool(d, "InLicensingManagementPlatform") ?? true,
                InRemoteManager = Bool(d, "InRemoteManager") ?? true,
                Templates = Strings(d, "Templates"),
                CreatedUtc = Date(d, "CreatedUtc") ?? default,
                ModifiedUtc = Date(d, "ModifiedUtc") ?? default,
                Revision = d["Revision"].AsInt32,
            };
            if (d.TryGetValue("ExternalId", out var ids) && ids.IsDocument)
                foreach (var pair in ids.AsDocument)
                    if (pair.Value.IsString) c.ExternalId[pair.Key] = pair.Value.AsString;
            return c;
        }

        internal static Subscription Subscription(BsonDocument d) => new Subscription
        {
            SubscriptionId = d["_id"].AsGuid,
            CustomerId = d["CustomerId"].AsGuid,
            ServicePlanId = d["ServicePlanId"].AsGuid,
            ServicePlan = Text(d, "ServicePlan"),
            PlanVersion = Enum<PlanVersion>(d, "PlanVersion") ?? PlanVersion.Full,
            StartDate = Date(d, "StartDate") ?? default,
            ExpirationDate = Date(d, "ExpirationDate") ?? default,
            RenewalDay = Int(d, "RenewalDay") ?? 0,
            InitialPeriodMonths = Int(d, "InitialPeriodMonths") ?? 0,
            AutoRenewalMonths = Int(d, "AutoRenewalMonths"),
            AutoRenewal = d["AutoRenewal"].IsBoolean && d["AutoRenewal"].AsBoolean,
            ExpirationNoticeDays = Int(d, "ExpirationNoticeDays") ?? 0,
            Renewals = Int(d, "Renewals") ?? 0,
            SuspendedOn = Date(d, "SuspendedOn"),
            CancelledOn = Date(d, "CancelledOn"),
            DeactivatedOn = Date(d, "DeactivatedOn"),
            ConvertedOn = Date(d, "ConvertedOn"),
            RecordedStatus = Enum<SubscriptionStatus>(d, "RecordedStatus"),
            CreatedUtc = Date(d, "CreatedUtc") ?? default,
            ModifiedUtc = Date(d, "ModifiedUtc") ?? default,
            Revision = d["Revision"].AsInt32,
        };

        // A field that is missing or null reads as its default; one of another type than the mapper writes is refused,
        // as the mapper refuses it, so that the store check finds a document that does not read as its object.
        private static string Text(BsonDocument d, string field) => Field(d, field, BsonType.String)?.AsString;

        private static bool? Bool(BsonDocument d, string field) => Field(d, field, BsonType.Boolean)?.AsBoolean;

        private static int? Int(BsonDocument d, string field) => Field(d, field, BsonType.Int32, BsonType.Int64)?.AsInt32;

        private static Guid Guid(BsonDocument d, string field) => Field(d, field, BsonType.Guid)?.AsGuid ?? System.Guid.Empty;

        private static DateTime? Date(BsonDocument d, string field)
        {
            var v = Field(d, field, BsonType.Int64, BsonType.Int32);
            return v == null ? (DateTime?)null : new DateTime(v.AsInt64, DateTimeKind.Unspecified);
        }

        private static T? Enum<T>(BsonDocument d, string field) where T : struct
        {
            var v = Field(d, field, BsonType.String);
            return v != null && System.Enum.TryParse(v.AsString, out T e) ? e : (T?)null;
        }

        private static BsonValue Field(BsonDocument d, string field, BsonType type) => Field(d, field, type, type);

        /// <remarks>Two types, not a params array: every field of every document read comes through here.</remarks>
        private static BsonValue Field(BsonDocument d, string field, BsonType type, BsonType other)
        {
            if (!d.TryGetValue(field, out var v) || v.IsNull) return null;
            if (v.Type != type && v.Type != other)
                throw new FormatException($"its field {field} holds a {v.Type} where a {type}{(other == type ? string.Empty : " or " + other)} belongs");
            return v;
        }

        private static TextList<string> Strings(BsonDocument d, string field)
        {
            var list = new TextList<string>();
            if (d.TryGetValue(field, out var v) && v.IsArray)
                foreach (var item in v.AsArray)
                    if (item.IsString) list.Add(item.AsString);
            return list;
        }

        private static TextList<T> List<T>(BsonDocument d, string field, Func<BsonDocument, T> read)
        {
            var list = new TextList<T>();
            if (d.TryGetValue(field, out var v) && v.IsArray)
                foreach (var item in v.AsArray)
                    if (item.IsDocument) list.Add(read(item.AsDocument));
            return list;
        }
    }
}
