using System.Collections.Generic;
using System.Linq;

namespace MspLicensing
{
    /// <summary>A third-party PSA/RMM plug-in of Remote Manager.</summary>
    public sealed class IntegrationKind
    {
        internal IntegrationKind(string name, string displayName, params AccountType[] accountTypes)
        {
            Name = name;
            DisplayName = displayName;
            AccountTypes = new ReadOnlyTextList<AccountType>(accountTypes);
        }

        public string Name { get; }
        public string DisplayName { get; }
        /// <summary>The account types whose Remote Manager supports the plug-in.</summary>
        public IReadOnlyList<AccountType> AccountTypes { get; }

        public override string ToString() => Name;
    }

    /// <summary>The plug-ins Remote Manager supports, per account type (seed 000 table).</summary>
    public static class Integrations
    {
        public static IReadOnlyList<IntegrationKind> All { get; } = new[]
        {
            new IntegrationKind("Autotask", "Autotask", AccountType.LicensingManagementPlatform, AccountType.CustomerLicensingPortal),
            new IntegrationKind("ConnectWiseAutomate", "ConnectWise Automate", AccountType.LicensingManagementPlatform),
            new IntegrationKind("ConnectWiseManage", "ConnectWise Manage", AccountType.LicensingManagementPlatform, AccountType.CustomerLicensingPortal),
            new IntegrationKind("KaseyaVSA", "Kaseya VSA", AccountType.LicensingManagementPlatform),
        };

        public static IEnumerable<IntegrationKind> For(AccountType type) => All.Where(i => i.AccountTypes.Contains(type));
    }
}
