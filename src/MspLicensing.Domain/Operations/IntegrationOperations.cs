using System;
using System.Collections.Generic;
using System.Linq;
using MspLicensing.Store;

namespace MspLicensing
{
    /// <summary>Turning Remote Manager's PSA/RMM plug-ins on and off (R73).</summary>
    public static class IntegrationOperations
    {
        public const string TargetType = "Integration";

        public static IntegrationKind Find(string name) =>
            Integrations.All.FirstOrDefault(i => string.Equals(i.Name, name?.Replace(" ", string.Empty), StringComparison.OrdinalIgnoreCase))
            ?? throw MspException.InvalidValue("Name", name, "use " + string.Join(", ", Integrations.All.Select(i => i.Name)));

        public static IReadOnlyList<IntegrationState> List(IStoreSession session)
        {
            var account = session.GetAccount();
            var customers = session.Customers.All().ToList();
            return Integrations.All.Select(i => new IntegrationState
            {
                Name = i.Name,
                DisplayName = i.DisplayName,
                Enabled = account.EnabledIntegrations.Contains(i.Name, StringComparer.OrdinalIgnoreCase),
                Supported = i.AccountTypes.Contains(account.AccountType),
                AccountTypes = string.Join(", ", i.AccountTypes),
                Customers = customers.Count(c => c.ExternalId.ContainsKey(i.Name)),
            }).ToList();
        }

        /// <summary>R73: the account type changes only to one that supports every enabled plug-in.</summary>
        public static void CheckAccountType(Account account, AccountType accountType)
        {
            var unsupported = account.EnabledIntegrations.Where(n => !Integrations.All.First(i => i.Name == n).AccountTypes.Contains(accountType)).ToList();
            if (unsupported.Count > 0)
                throw MspException.ForRule(Rules.R73, "IntegrationNotSupported", ErrorKind.InvalidOperation,
                    $"The account cannot become a {accountType} account while {string.Join(", ", unsupported)} {(unsupported.Count == 1 ? "is" : "are")} enabled; disable {(unsupported.Count == 1 ? "it" : "them")} first with Disable-MspIntegration.",
                    accountType);
        }

        /// <summary>R73: a plug-in turns on only where the account type supports it.</summary>
        public static IntegrationState Set(IStoreSession session, string name, bool enabled)
        {
            var kind = Find(name);
            var account = session.GetAccount();
            if (enabled && !kind.AccountTypes.Contains(account.AccountType))
                throw MspException.ForRule(Rules.R73, "IntegrationNotSupported", ErrorKind.PermissionDenied,
                    $"{kind.DisplayName} is not available in a {account.AccountType} account; it is supported in {string.Join(" and ", kind.AccountTypes)} accounts.", kind.Name);
            bool was = account.EnabledIntegrations.Contains(kind.Name, StringComparer.OrdinalIgnoreCase);
            if (was != enabled)
            {
                account.EnabledIntegrations.RemoveAll(n => string.Equals(n, kind.Name, StringComparison.OrdinalIgnoreCase));
                if (enabled) account.EnabledIntegrations.Add(kind.Name);
                account.EnabledIntegrations.Sort(StringComparer.OrdinalIgnoreCase);
                session.SaveAccount(account);
                session.Audit(enabled ? "Enable" : "Disable", TargetType, kind.Name, kind.DisplayName, $"Enabled: {was} -> {enabled}");
            }
            return List(session).First(i => i.Name == kind.Name);
        }
    }
}
