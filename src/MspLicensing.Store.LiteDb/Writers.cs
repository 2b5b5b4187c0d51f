using System;
using LiteDB;

namespace MspLicensing.Store
{
    /// <summary>
    /// Hand-written writers for the documents written by the hundreds of thousands (every seat change writes a license,
    /// its subscription and an audit entry): about two thirds of the reflection-based mapper's time a document, and the
    /// first write of a process builds no mapper for them (tens of milliseconds each where it is compiled). Each writes
    /// the document the mapper writes (Mapping.cs), field for field and in the same order; a test holds every field of
    /// each type, set and unset, against the mapper's document, and fails for a property the writer does not know.
    /// </summary>
    internal static class Writers
    {
        /// <summary>The writer of a type (a Func of it to its document), or null for a type the mapper writes.</summary>
        internal static Delegate For(Type type) =>
            type == typeof(License) ? new Func<License, BsonDocument>(License)
            : type == typeof(Subscription) ? new Func<Subscription, BsonDocument>(Subscription)
            : type == typeof(AuditEntry) ? new Func<AuditEntry, BsonDocument>(AuditEntry)
            : (Delegate)null;

        internal static BsonDocument License(License l)
        {
            var d = new BsonDocument();
            d["_id"] = l.LicenseId;
            d["CustomerId"] = l.CustomerId;
            d["SubscriptionId"] = l.SubscriptionId;
            Text(d, "Product", l.Product);
            Text(d, "Suite", l.Suite);
            Text(d, "ActivationCode", l.ActivationCode);
            Text(d, "Description", l.Description);
            Text(d, "AuthorizationKey", l.AuthorizationKey);
            if (l.DataCenter.HasValue) d["DataCenter"] = l.DataCenter.Value.ToString();
            d["StartDate"] = Date(l.StartDate);
            d["ExpirationDate"] = Date(l.ExpirationDate);
            if (l.SeatHistory != null) d["SeatHistory"] = DatedCounts.Write(l.SeatHistory, c => c.Date, c => c.Seats);
            if (l.UsedHistory != null) d["UsedHistory"] = DatedCounts.Write(l.UsedHistory, c => c.Date, c => c.Used);
            if (l.Placements != null)
            {
                var placements = new BsonArray();
                foreach (var p in l.Placements) placements.Add(p == null ? BsonValue.Null : Placement(p));
                d["Placements"] = placements;
            }
            d["LicenseModel"] = l.LicenseModel.ToString();
            Text(d, "LicenseType", l.LicenseType);
            if (l.EndState.HasValue) d["EndState"] = l.EndState.Value.ToString();
            if (l.EndDate.HasValue) d["EndDate"] = Date(l.EndDate.Value);
            if (l.RecordedStatus.HasValue) d["RecordedStatus"] = l.RecordedStatus.Value.ToString();
            d["Revision"] = l.Revision;
            return d;
        }

        private static BsonDocument Placement(LicensePlacement p)
        {
            var d = new BsonDocument();
            d["From"] = Date(p.From);
            d["SubscriptionId"] = p.SubscriptionId;
            Text(d, "Suite", p.Suite);
            Text(d, "LicenseType", p.LicenseType);
            return d;
        }

        internal static BsonDocument Subscription(Subscription s)
        {
            var d = new BsonDocument();
            d["_id"] = s.SubscriptionId;
            d["CustomerId"] = s.CustomerId;
            d["ServicePlanId"] = s.ServicePlanId;
            Text(d, "ServicePlan", s.ServicePlan);
            d["PlanVersion"] = s.PlanVersion.ToString();
            d["StartDate"] = Date(s.StartDate);
            d["ExpirationDate"] = Date(s.ExpirationDate);
            d["RenewalDay"] = s.RenewalDay;
            d["InitialPeriodMonths"] = s.InitialPeriodMonths;
            if (s.AutoRenewalMonths.HasValue) d["AutoRenewalMonths"] = s.AutoRenewalMonths.Value;
            d["AutoRenewal"] = s.AutoRenewal;
            d["ExpirationNoticeDays"] = s.ExpirationNoticeDays;
            d["Renewals"] = s.Renewals;
            if (s.SuspendedOn.HasValue) d["SuspendedOn"] = Date(s.SuspendedOn.Value);
            if (s.CancelledOn.HasValue) d["CancelledOn"] = Date(s.CancelledOn.Value);
            if (s.DeactivatedOn.HasValue) d["DeactivatedOn"] = Date(s.DeactivatedOn.Value);
            if (s.ConvertedOn.HasValue) d["ConvertedOn"] = Date(s.ConvertedOn.Value);
            if (s.RecordedStatus.HasValue) d["RecordedStatus"] = s.RecordedStatus.Value.ToString();
            d["CreatedUtc"] = Date(s.CreatedUtc);
            d["ModifiedUtc"] = Date(s.ModifiedUtc);
            d["Revision"] = s.Revision;
            return d;
        }

        internal static BsonDocument AuditEntry(AuditEntry e)
        {
            var d = new BsonDocument();
            d["_id"] = e.Id;
            d["TimeUtc"] = Date(e.TimeUtc);
            Text(d, "User", e.User);
            Text(d, "Command", e.Command);
            Text(d, "Action", e.Action);
            Text(d, "TargetType", e.TargetType);
            Text(d, "TargetId", e.TargetId);
            Text(d, "Target", e.Target);
            if (e.CustomerId.HasValue) d["CustomerId"] = e.CustomerId.Value;
            Text(d, "Summary", e.Summary);
            return d;
        }

        /// <summary>A date as the mapper keeps it: its ticks, with no time-zone conversion (Mapping.Configured).</summary>
        private static BsonValue Date(DateTime date) => new BsonValue(date.Ticks);

        /// <summary>Text as the mapper writes it: as it is (not trimmed, an empty text kept), and no field for null.</summary>
        private static void Text(BsonDocument d, string field, string value)
        {
            if (value != null) d[field] = value;
        }
    }
}
