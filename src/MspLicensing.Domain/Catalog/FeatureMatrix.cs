using System;
using System.Collections.Generic;
using System.Linq;

namespace MspLicensing
{
    /// <summary>
    /// The feature matrix of Remote Manager by account type (seed 000). Rows that list products or plug-ins
    /// are derived from the catalog and the integration list, so the matrix and the rules cannot disagree.
    /// </summary>
    public static class FeatureMatrix
    {
        private const string Supported = "Supported";
        private const string NotSupported = "Not supported";

        public static IReadOnlyList<Feature> All { get; } = Build();

        public static Feature Get(string id) =>
            All.First(f => string.Equals(f.Id, id, StringComparison.OrdinalIgnoreCase));

        private static IReadOnlyList<Feature> Build()
        {
            string Products(AccountType t) => string.Join(", ",
                Catalog.Products.Where(p => p.RemoteManagerAccountTypes.Contains(t)).Select(p => p.Name));
            string Plugins(AccountType t) => string.Join(", ", Integrations.For(t).Select(i => i.DisplayName));
            string templates = "Supported for: " + string.Join(", ", Catalog.Products.Where(p => p.SupportsTemplates).Select(p => p.Name));

            return new[]
            {
                Row("DeleteCustomers", "Customer management", "Deleting customers", NotSupported, Supported),
                Row("DeleteProducts", "Product management", "Deleting products", NotSupported, Supported),
                Row("EditProductDescription", "Product description", "Editing product descriptions", NotSupported, Supported),
                new Feature("SupportedProducts", "Products", "Supported products",
                    Products(AccountType.LicensingManagementPlatform), Products(AccountType.CustomerLicensingPortal), true, true),
                new Feature("ThirdPartyPlugins", "Integrations", "Third-party plug-in support",
                    Plugins(AccountType.LicensingManagementPlatform), Plugins(AccountType.CustomerLicensingPortal), true, true),
                new Feature("TemplateManagement", "Templates", "Template management", templates, NotSupported, true, false),
                new Feature("TemplateAssignmentNewCustomers", "Templates", "Template assignment to new customers", templates, NotSupported, true, false),
                new Feature("TemplateAssignmentExistingCustomers", "Templates", "Template assignment to existing customers", templates, NotSupported, true, false),
                Row("MyAccountInformation", "Account", "My Account information", NotSupported, Supported),
                new Feature("ProductRegistration", "Products", "Product registration to Remote Manager",
                    "Automatic registration through service plan assignment", "Authorization Key required", true, true),
                new Feature("MergeOlrAccounts", "Account", "Merging OLR accounts", Supported, "Not applicable", true, false),
                Row("LmpAccess", "Licensing", "Licensing Management Platform access", Supported, NotSupported),
                Row("LongBetaVersion", "Products", "Long beta version", Supported, NotSupported),
                Row("RenewalAndSeatAllocation", "Licensing", "License renewal and seat allocation", Supported, NotSupported),
            };
        }

        private static Feature Row(string id, string area, string name, string lmp, string clp) =>
            new Feature(id, area, name, lmp, clp, lmp == Supported, clp == Supported);
    }
}
