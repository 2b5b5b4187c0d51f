using System;
using System.Collections.Generic;
using LiteDB;

namespace MspLicensing.Store
{
    /// <summary>
    /// Hand-written readers for the two documents read by the tens of thousands (renewal runs, usage reports):
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

        private static string Text(BsonDocument d, string field) => d.TryGetValue(field, out var v) && v.IsString ? v.AsString : null;

        private static int? Int(BsonDocument d, string field) => d.TryGetValue(field, out var v) && v.IsNumber ? v.AsInt32 : (int?)null;

        private static Guid Guid(BsonDocument d, string field) => d.TryGetValue(field, out var v) && v.IsGuid ? v.AsGuid : System.Guid.Empty;

        private static DateTime? Date(BsonDocument d, string field) =>
            d.TryGetValue(field, out var v) && v.IsNumber ? new DateTime(v.AsInt64, DateTimeKind.Unspecified) : (DateTime?)null;

        private static T? Enum<T>(BsonDocument d, string field) where T : struct =>
            d.TryGetValue(field, out var v) && v.IsString && System.Enum.TryParse(v.AsString, out T e) ? e : (T?)null;

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
