using System;
using System.Linq;
using MspLicensing.Store;

namespace MspLicensing
{
    /// <summary>Single licenses: finding one by id or activation code, NFR licenses (R51), removing Unbundled ones (R43).</summary>
    public static class LicenseOperations
    {
        public const string TargetType = "License";

        /// <summary>The license with the id, or else with the activation code; refused when there is none.</summary>
        public static License Resolve(IStoreSession session, Guid? licenseId, string activationCode) =>
            (licenseId.HasValue ? session.Licenses.Get(licenseId.Value)
                : session.FindLicenseByActivationCode(ActivationCodes.Normalize("ActivationCode", activationCode)))
            ?? throw MspException.LicenseNotFound(licenseId, activationCode);

        /// <summary>R51: whether a license is (or ever was) an NFR license: those never bill and never migrate into LMP.</summary>
        public static bool IsNfr(License license) =>
            IsNfr(license.LicenseType) || license.Placements.Any(p => IsNfr(p.LicenseType));

        private static bool IsNfr(string licenseType) =>
            string.Equals(licenseType, NonMspLicenseType.NFR.ToString(), StringComparison.OrdinalIgnoreCase);

        /// <summary>R43, R52: what removing a license on <paramref name="day"/> means for billing.</summary>
        public static string RemovalBilling(DateTime day) =>
            $"{UsageOperations.MonthText(day)} bills in full, later months nothing";

        /// <summary>
        /// R43: removes an Unbundled license on a day: it is active (and bills its month in full, R52) through that
        /// day and nothing after it; it stays in the history with its activation code and the status Removed.
        /// </summary>
        public static License Remove(IStoreSession session, Guid? licenseId, string activationCode, DateTime date)
        {
            var removal = Removal.Prepare(session, licenseId, activationCode, date);
            var license = removal.License;
            var unbundledOn = license.EndDate;
            license.EndState = LicenseStatus.Removed;
            license.EndDate = removal.Day;
            session.Licenses.Update(license);
            session.Audit("Remove", TargetType, license.LicenseId.ToString(), removal.Customer?.Name + " / " + license.Product + " " + license.ActivationCode,
                $"Unbundled (since {Dates.Format(unbundledOn ?? license.StartDate)}) -> Removed on {Dates.Format(removal.Day)}: {RemovalBilling(removal.Day)}; "
                + $"{license.SeatsOn(removal.Day)} seats, expiring {Dates.Format(license.ExpirationDate)}", license.CustomerId);
            return removal.Decorated();
        }

        /// <summary>A removal worked out and checked from one read.</summary>
        private sealed class Removal
        {
            public License License { get; private set; }
            public Customer Customer { get; private set; }
            public Subscription Subscription { get; private set; }
            public DateTime Day { get; private set; }
            public int GraceDays { get; private set; }

            public License Decorated() => SubscriptionOperations.Decorate(License, Subscription, id => Customer?.Name, Day, GraceDays);

            public static Removal Prepare(IStoreSession session, Guid? licenseId, string activationCode, DateTime date)
            {
                var day = Dates.Day("Date", date);
                var license = Resolve(session, licenseId, activationCode);
                var r = new Removal
                {
                    License = license,
                    Customer = session.Customers.Get(license.CustomerId),
                    Subscription = license.SubscriptionId == Guid.Empty ? null : session.Subscriptions.Get(license.SubscriptionId),
                    Day = day,
                    GraceDays = session.GetAccount().GracePeriodDays,
                };
                string which = $"{license.Product} license {license.ActivationCode} of '{r.Customer?.Name}'";
                if (license.EndState == LicenseStatus.Removed)
                    throw new MspException("LicenseAlreadyRemoved", ErrorKind.InvalidOperation,
                        $"The {which} was removed on {Dates.Format(license.EndDate.Value)} already; nothing was changed. Get-MspLicense -Status Removed lists the removed licenses.", license);
                if (license.EndState != LicenseStatus.Unbundled)
                {
                    var status = Lifecycle.StatusOf(license, r.Subscription, day, r.GraceDays);
                    string instead = license.LicenseModel == LicenseModel.NonMsp
                        ? $"It is a non-MSP {license.LicenseType} license registered in Remote Manager: delete it with Unregister-MspProduct -ActivationCode {license.ActivationCode} instead."
                        : license.EndState.HasValue || r.Subscription == null || Lifecycle.HasEnded(r.Subscription)
                            ? $"It ended already ({license.EndState?.ToString() ?? status.ToString()}); there is nothing to remove."
                            : $"It is an MSP license of subscription '{r.Subscription.ServicePlan}': cancel the subscription instead with Stop-MspSubscription -SubscriptionId {r.Subscription.SubscriptionId}, or lower its seats with Set-MspSubscription.";
                    throw MspException.ForRule(Rules.R43, "LicenseNotUnbundled", ErrorKind.InvalidOperation,
                        $"The {which} is {status}, not Unbundled: Remove-MspLicense removes only the Unbundled licenses that a crossgrade out of a suite leaves. {instead}", license);
                }
                if (day < license.StartDate)
                    throw MspException.InvalidValue("Date", Dates.Format(day), $"the {which} started on {Dates.Format(license.StartDate)}; remove it on or after that day");
                var unbundledOn = license.EndDate ?? license.StartDate;
                if (day < unbundledOn)
                    throw MspException.InvalidValue("Date", Dates.Format(day), $"the {which} was unbundled on {Dates.Format(unbundledOn)}; remove it on or after that day");
                if (day >= license.ExpirationDate)
                    throw MspException.InvalidValue("Date", Dates.Format(day), $"the {which} expires on {Dates.Format(license.ExpirationDate)}; remove it before that day (from then on it bills nothing anyway)");
                return r;
            }
        }
    }
}
