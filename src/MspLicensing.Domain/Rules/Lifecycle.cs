using System;
using System.Collections.Generic;
using System.Linq;

namespace MspLicensing
{
    /// <summary>R38: the status of subscriptions and licenses, computed from their dates as of a given day.</summary>
    public static class Lifecycle
    {
        /// <summary>
        /// A license is valid up to the day before its expiration date. From the expiration date it is InGrace for
        /// the account's grace period, then Expired. Before that: Cancelled or Deactivated when it ended early;
        /// Removed from the day an Unbundled license was removed (R43), Unbundled before; Suspended, Trial;
        /// ExpiringSoon within the notice days when it will not renew; else Active.
        /// </summary>
        public static LicenseStatus StatusOf(License license, Subscription subscription, DateTime asOf, int graceDays)
        {
            var day = asOf.Date;
            if (license.EndState == LicenseStatus.Cancelled || license.EndState == LicenseStatus.Deactivated)
                return license.EndState.Value;
            if (license.EndState == LicenseStatus.Removed && day >= license.EndDate)
                return LicenseStatus.Removed;
            // R56: a license that follows an auto-renewing subscription runs as far as the renewals due by then reach.
            var expiration = Follows(license) && subscription != null ? ExpirationOn(subscription, day) : license.ExpirationDate;
            if (day >= expiration)
                return day < expiration.AddDays(graceDays) ? LicenseStatus.InGrace : LicenseStatus.Expired;
            if (license.EndState == LicenseStatus.Unbundled || license.EndState == LicenseStatus.Removed)
                return LicenseStatus.Unbundled;
            if (subscription == null)
                return day >= license.ExpirationDate.AddDays(-30) ? LicenseStatus.ExpiringSoon : LicenseStatus.Active;
            if (subscription.SuspendedOn.HasValue)
                return LicenseStatus.Suspended;
            if (subscription.IsTrial)
                return LicenseStatus.Trial;
            if (!WillRenew(subscription) && day >= expiration.AddDays(-subscription.ExpirationNoticeDays))
                return LicenseStatus.ExpiringSoon;
            return LicenseStatus.Active;
        }

        /// <summary>The status of a subscription as of a day: Cancelled, Deactivated, Expired, Suspended, Trial or Active.</summary>
        public static SubscriptionStatus StatusOf(Subscription subscription, DateTime asOf)
        {
            if (subscription.DeactivatedOn.HasValue) return SubscriptionStatus.Deactivated;
            if (subscription.CancelledOn.HasValue) return SubscriptionStatus.Cancelled;
            if (asOf.Date >= subscription.ExpirationDate && !(WillRenew(subscription))) return SubscriptionStatus.Expired;
            if (subscription.SuspendedOn.HasValue) return SubscriptionStatus.Suspended;
            if (subscription.IsTrial) return SubscriptionStatus.Trial;
            return SubscriptionStatus.Active;
        }

        /// <summary>Whether the subscription renews itself at expiration (R33, R36).</summary>
        public static bool WillRenew(Subscription s) =>
            s.AutoRenewal && s.AutoRenewalMonths.HasValue && !s.SuspendedOn.HasValue && !s.CancelledOn.HasValue && !s.DeactivatedOn.HasValue && !s.IsTrial;

        /// <summary>Whether a subscription has ended for good (no change, renewal or resume applies).</summary>
        public static bool HasEnded(Subscription s) => s.CancelledOn.HasValue || s.DeactivatedOn.HasValue;

        /// <summary>R33: the expiration dates a subscription due on <paramref name="asOf"/> renews through, until the license is valid on that day.</summary>
        public static IReadOnlyList<DateTime> RenewalsDue(Subscription s, DateTime asOf)
        {
            var dates = new List<DateTime>();
            if (!WillRenew(s)) return dates;
            var expiration = s.ExpirationDate;
            while (expiration <= asOf.Date)
            {
                expiration = Dates.AddMonths(expiration, s.AutoRenewalMonths.Value, s.RenewalDay);
                dates.Add(expiration);
            }
            return dates;
        }

        /// <summary>
        /// R56: the expiration date of a subscription as of a day, whether or not a renewal run has recorded the
        /// renewals due by then: an auto-renewing subscription is valid on every day it would have been renewed through.
        /// </summary>
        public static DateTime ExpirationOn(Subscription s, DateTime day)
        {
            // Most subscriptions are recorded through today already: no list to build for them.
            if (s.ExpirationDate > day.Date || !WillRenew(s)) return s.ExpirationDate;
            var due = RenewalsDue(s, day);
            return due.Count == 0 ? s.ExpirationDate : due[due.Count - 1];
        }

        /// <summary>
        /// R56: records the renewals due on <paramref name="day"/> in the subscription and the licenses that follow it,
        /// before a change that stops its renewal (suspend, cancel, auto-renewal off), so that what it had renewed
        /// through stays billed. Returns how many renewals were recorded.
        /// </summary>
        public static int CatchUp(Subscription s, IEnumerable<License> licenses, DateTime day)
        {
            var due = RenewalsDue(s, day);
            if (due.Count == 0) return 0;
            s.ExpirationDate = due[due.Count - 1];
            s.Renewals += due.Count;
            foreach (var l in Live(licenses)) l.ExpirationDate = s.ExpirationDate;
            return due.Count;
        }

        /// <summary>The licenses of a subscription that still follow it (not cancelled, deactivated, unbundled or removed).</summary>
        public static IEnumerable<License> Live(IEnumerable<License> licenses) =>
            licenses.Where(Follows);

        /// <summary>
        /// A live MSP license runs as long as its subscription: its expiration date is the subscription's (R33, R34).
        /// One that ended early, was unbundled or is not an MSP license keeps its own.
        /// </summary>
        public static bool Follows(License license) => !license.EndState.HasValue && license.LicenseModel == LicenseModel.Msp;
    }
}
