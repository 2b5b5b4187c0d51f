using System.Collections.Generic;
using System.Linq;

namespace MspLicensing
{
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
