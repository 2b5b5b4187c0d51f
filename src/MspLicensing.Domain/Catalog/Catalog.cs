using System;
using System.Collections.Generic;
using System.Linq;

namespace MspLicensing
{
    /// <summary>The built-in product catalog: the one source of truth for products (PRODUCT.md 3.2).</summary>
    public static class Catalog
    {
        public const string RemoteManagerConsole = "Trend Micro Remote Manager";

        private static readonly AccountType[] LmpAndClp = { AccountType.LicensingManagementPlatform, AccountType.CustomerLicensingPortal };
        private static readonly AccountType[] LmpOnly = { AccountType.LicensingManagementPlatform };
        private static readonly DataCenter[] WorldWide =
        {
            DataCenter.UnitedStates, DataCenter.Germany, DataCenter.Japan, DataCenter.Singapore, DataCenter.Australia, DataCenter.India,
        };
        private static readonly DataCenter[] EuropeAndWorld =
        {
            DataCenter.UnitedStates, DataCenter.Europe, DataCenter.Japan, DataCenter.Singapore, DataCenter.Australia, DataCenter.India,
        };

        /// <summary>Every product, in catalog order.</summary>
        public static IReadOnlyList<Product> Products { get; } = new[]
        {
            new Product("WFBS-STD", "Worry-Free Business Security Standard", ProductKind.Software, "WF", RemoteManagerConsole,
                remoteManagerAccountTypes: LmpAndClp,
                description: "Endpoint protection with on-premises management."),
            new Product("WFBS-ADV", "Worry-Free Business Security Advanced", ProductKind.Software, "WF", RemoteManagerConsole,
                remoteManagerAccountTypes: LmpAndClp,
                description: "Endpoint and Exchange protection with on-premises management."),
            new Product("WFBSS", "Worry-Free Business Security Services", ProductKind.Service, "WF", RemoteManagerConsole,
                dataCenters: WorldWide, remoteManagerAccountTypes: LmpAndClp, supportsTemplates: true,
                description: "Endpoint protection managed from the cloud (Worry-Free Security Services)."),
            new Product("WFBSS-EDR", "Worry-Free Services Endpoint Detection & Response", ProductKind.Service, "WF", RemoteManagerConsole,
                addOnOf: "WFBSS", dataCenters: WorldWide, remoteManagerAccountTypes: LmpOnly,
                description: "Endpoint Detection & Response add-on of Worry-Free Business Security Services."),
            new Product("WFBSS-ADV", "Worry-Free Services Advanced", ProductKind.Suite, "WF", RemoteManagerConsole,
                components: new[] { "CAS", "TMEMS", "HES", "WFBSS" },
                description: "Bundle of Cloud App Security, Email Security Standard, Hosted Email Security 2.0 and Worry-Free Business Security Services."),
            new Product("WFXDR", "Worry-Free XDR", ProductKind.Suite, "WF", RemoteManagerConsole,
                components: new[] { "CAS", "TMEMS", "HES", "WFBSS", "WFBSS-EDR" },
                description: "Bundle of Worry-Free Services Advanced and the Endpoint Detection & Response add-on."),
            new Product("CAS", "Cloud App Security", ProductKind.Service, "CA", RemoteManagerConsole,
                dataCenters: EuropeAndWorld, remoteManagerAccountTypes: LmpOnly,
                description: "Protection for cloud mail and file sharing (Microsoft 365, Google Workspace)."),
            new Product("CE", "Cloud Edge", ProductKind.Service, "CE", RemoteManagerConsole,
                dataCenters: WorldWide, remoteManagerAccountTypes: LmpOnly, supportsTemplates: true,
                description: "Network security gateway managed from the cloud."),
            new Product("HES", "Hosted Email Security 2.0", ProductKind.Service, "HE", RemoteManagerConsole,
                dataCenters: new[] { DataCenter.UnitedStates, DataCenter.Germany, DataCenter.Japan }, remoteManagerAccountTypes: LmpAndClp,
                description: "Hosted email filtering."),
            new Product("TMEMS", "Trend Micro Email Security Standard", ProductKind.Service, "ES", RemoteManagerConsole,
                dataCenters: WorldWide, remoteManagerAccountTypes: LmpOnly,
                description: "Cloud email security."),
            new Product("TMWS", "Trend Micro Web Security", ProductKind.Service, "WS", RemoteManagerConsole,
                dataCenters: WorldWide, remoteManagerAccountTypes: LmpOnly,
                description: "Secure web gateway as a service."),
            new Product("SMEX", "ScanMail for Exchange Suite with DLP 12", ProductKind.Software, "SM", "ScanMail for Exchange management console",
                description: "Exchange server protection with data loss prevention; managed from its own console, not from Remote Manager."),
        };

        private static readonly Dictionary<string, Product> ByCode =
            Products.ToDictionary(p => p.Code, StringComparer.OrdinalIgnoreCase);

        private static readonly Dictionary<string, Product> ByName =
            Products.ToDictionary(p => p.Name, StringComparer.OrdinalIgnoreCase);

        /// <summary>Finds a product by code or by name, ignoring case; null when there is none.</summary>
        public static Product Find(string codeOrName)
        {
            if (string.IsNullOrWhiteSpace(codeOrName)) return null;
            string key = codeOrName.Trim();
            return ByCode.TryGetValue(key, out var p) ? p : ByName.TryGetValue(key, out p) ? p : null;
        }

        /// <summary>Finds a product by code or name; an unknown one is an error that lists the codes.</summary>
        public static Product Get(string field, string codeOrName)
        {
            return Find(codeOrName) ?? throw new MspException("ProductNotFound", ErrorKind.ObjectNotFound,
                $"{field} {MspException.Quote(codeOrName)} is not a product of the catalog: use a code or name from Get-MspProduct ({string.Join(", ", Products.Select(p => p.Code))}).",
                codeOrName);
        }

        /// <summary>Products whose code or name matches the wildcard pattern (a value of <paramref name="field"/>).</summary>
        public static IEnumerable<Product> Match(string field, string pattern)
        {
            var wildcard = Wildcard.Parse(field, pattern);
            return Products.Where(p => wildcard.IsMatch(p.Code) || wildcard.IsMatch(p.Name));
        }

        /// <summary>The suites a product is a component of.</summary>
        public static IEnumerable<Product> SuitesContaining(string code) =>
            Products.Where(p => p.Kind == ProductKind.Suite && p.Components.Contains(code, StringComparer.OrdinalIgnoreCase));
    }
}
