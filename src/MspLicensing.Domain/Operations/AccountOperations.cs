using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using MspLicensing.Store;

namespace MspLicensing
{
    /// <summary>Reading and changing the partner account (R1-R3).</summary>
    public static class AccountOperations
    {
        public const string TargetType = "Account";

        public static Account Update(IStoreSession session, AccountChanges changes, int? readRevision)
        {
            var account = session.GetAccount();
            if (readRevision.HasValue && readRevision.Value != account.Revision)
                throw MspException.StaleObject(TargetType, account.Name, readRevision.Value, account.Revision, "Get-MspAccount");

            var before = Describe(account);
            if (changes.Name != null) account.Name = Account.ValidateName(changes.Name);
            if (changes.AccountType == AccountType.CustomerLicensingPortal && account.AccountType != AccountType.CustomerLicensingPortal
                && (session.ServicePlans.Count() > 0 || session.Subscriptions.Count() > 0))
                throw MspException.ForRule(Rules.R2, "AccountHasServicePlans", ErrorKind.InvalidOperation,
                    $"The account cannot become a Customer Licensing Portal account: it has {session.ServicePlans.Count()} service plan(s) and {session.Subscriptions.Count()} subscription(s), which only a Licensing Management Platform account has.",
                    changes.AccountType);
            if (changes.AccountType.HasValue)
            {
                IntegrationOperations.CheckAccountType(account, changes.AccountType.Value);
                account.AccountType = changes.AccountType.Value;
            }
            if (changes.SeatBandMinimums != null) account.SeatBandMinimums = Account.ValidateSeatBands(changes.SeatBandMinimums);
            if (changes.DefaultDataCenter.HasValue) account.DefaultDataCenter = changes.DefaultDataCenter.Value;
            if (changes.GracePeriodDays.HasValue) account.GracePeriodDays = Account.ValidateGracePeriod(changes.GracePeriodDays.Value);
            var after = Describe(account);

            var diff = before.Zip(after, (b, a) => (b, a)).Where(x => x.b.Value != x.a.Value)
                .Select(x => $"{x.b.Key}: '{x.b.Value}' -> '{x.a.Value}'").ToList();
            if (diff.Count == 0) return account;
            session.SaveAccount(account);
            session.Audit("Update", TargetType, TargetType, account.Name, string.Join("; ", diff));
            return session.GetAccount();
        }

        private static List<KeyValuePair<string, string>> Describe(Account a) => new List<KeyValuePair<string, string>>
        {
            new KeyValuePair<string, string>("Name", a.Name),
            new KeyValuePair<string, string>("AccountType", a.AccountType.ToString()),
            new KeyValuePair<string, string>("SeatBands", string.Join(",", a.SeatBandMinimums.Select(m => m.ToString(CultureInfo.InvariantCulture)))),
            new KeyValuePair<string, string>("DefaultDataCenter", a.DefaultDataCenter.ToString()),
            new KeyValuePair<string, string>("GracePeriodDays", a.GracePeriodDays.ToString(CultureInfo.InvariantCulture)),
        };
    }
}
