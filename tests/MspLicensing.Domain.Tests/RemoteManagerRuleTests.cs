using System;
using System.Collections.Generic;
using System.Linq;
using Xunit;

namespace MspLicensing.Domain.Tests
{
    public class RemoteManagerRuleTests
    {
        private static readonly DateTime Now = SubscriptionFixture.Now;

        private static Customer NewCustomer(SubscriptionFixture f, string name, CustomerOrigin origin, params string[] templates)
        {
            var fields = TestStore.Fields(name);
            fields.Origin = origin;
            fields.Templates = templates;
            return f.Store.Write("New-MspCustomer", s => CustomerOperations.Create(s, fields, Now));
        }

        private static IReadOnlyList<SyncResult> Sync(SubscriptionFixture f) => f.Store.Write("Sync-MspRemoteManager", s => RemoteManagerOperations.Sync(s, Now));

        private static void Clp(SubscriptionFixture f) =>
            f.Store.Write("Set-MspAccount", s => AccountOperations.Update(s, new AccountChanges { AccountType = AccountType.CustomerLicensingPortal }, null));

        [Fact]
        public void Customers_reach_the_other_side_by_synchronization_R70_R11()
        {
            using var f = new SubscriptionFixture();
            f.Plan("Endpoint", "WFBSS", renewal: 1);
            var fromRm = NewCustomer(f, "Fabrikam", CustomerOrigin.RemoteManager);
            Assert.True(fromRm.InRemoteManager);
            Assert.False(fromRm.InLicensingManagementPlatform);
            Assert.False(f.Customer.InRemoteManager);
            Assert.Equal(2, f.Store.GetInfo().PendingSync);
            var refused = Assert.Throws<MspException>(() => f.Assign("Endpoint", new DateTime(2026, 1, 1), customer: "Fabrikam"));
            Assert.Equal("CustomerNotSynchronized", refused.ErrorId);

            var applied = Sync(f);
            Assert.Equal(new[] { ("Contoso", SyncSide.RemoteManager), ("Fabrikam", SyncSide.LicensingManagementPlatform) }, applied.Select(r => (r.Customer, r.To)).OrderBy(r => r.Customer));
            Assert.Empty(Sync(f));
            Assert.Equal(0, f.Store.GetInfo().PendingSync);
            Assert.True(f.Store.Read(s => s.FindCustomerByName("Fabrikam")).InLicensingManagementPlatform);
            f.Assign("Endpoint", new DateTime(2026, 1, 1), customer: "Fabrikam");

            f.Store.Write("Set-MspCustomer", s => CustomerOperations.Update(s, CustomerRef.ByName("Contoso"), new CustomerFields { City = "Redmond" }, Now));
            Assert.Equal("City: 'Seattle' -> 'Redmond'", Sync(f).Single().Summary);
        }

        [Fact]
        public void Remote_Manager_shows_managed_products_with_their_status_R71()
        {
            using var f = new SubscriptionFixture();
            f.Plan("Fixed year", "WFBSS, SMEX, CAS", initial: 12, notice: 30);
            var sub = f.Assign("Fixed year", new DateTime(2026, 1, 15), seats: 10);
            var none = Assert.Throws<MspException>(() => f.Store.Read(s => RemoteManagerOperations.ManagedProducts(s, CustomerRef.ByName("Contoso"), new DateTime(2026, 6, 1))));
            Assert.Equal("NotInRemoteManager", none.ErrorId);
            Sync(f);
            var cas = f.Licenses(sub).Single(l => l.Product == "CAS").LicenseId;
            f.Store.Write("Set-MspLicense", s => LicenseOperations.SetUsed(s, cas, 12, new DateTime(2026, 5, 1), Now, SubscriptionFixture.Today));
            IReadOnlyList<ManagedProduct> On(DateTime d) => f.Store.Read(s => RemoteManagerOperations.ManagedProducts(s, CustomerRef.ByName("Contoso"), d));
            var june = On(new DateTime(2026, 6, 1));
            Assert.Equal(new[] { "CAS", "WFBSS" }, june.Select(p => p.Product));
            Assert.Equal(ManagedStatus.ExceededAllocation, june.Single(p => p.Product == "CAS").Status);
            Assert.Equal(ManagedStatus.Normal, june.Single(p => p.Product == "WFBSS").Status);
            Assert.Equal("Remote Manager > Customers > Contoso > Products > Worry-Free Business Security Services > Open Console", june.Single(p => p.Product == "WFBSS").OpenConsole);
            Assert.Equal(ManagedStatus.ExpiringSoon, On(new DateTime(2027, 1, 1)).Single(p => p.Product == "WFBSS").Status);
            Assert.Equal(ManagedStatus.Expired, On(new DateTime(2027, 3, 1)).Single(p => p.Product == "WFBSS").Status);
        }

        [Fact]
        public void Templates_exist_for_WFBSS_and_Cloud_Edge_in_LMP_and_an_assigned_Cloud_Edge_template_stays_R72()
        {
            using var f = new SubscriptionFixture();
            Assert.Equal("TemplatesNotSupported", Assert.Throws<MspException>(() => f.Store.Write("T", s => RemoteManagerOperations.CreateTemplate(s, "Mail", "HES", null, null, Now))).ErrorId);
            f.Store.Write("T", s => RemoteManagerOperations.CreateTemplate(s, "WF baseline", "WFBSS", new Dictionary<string, string> { ["RealTimeScan"] = "On" }, null, Now));
            f.Store.Write("T", s => RemoteManagerOperations.CreateTemplate(s, "WF strict", "WFBSS", null, null, Now));
            f.Store.Write("T", s => RemoteManagerOperations.CreateTemplate(s, "Edge", "CE", new Dictionary<string, string> { ["Firewall"] = "Strict" }, null, Now));
            var created = NewCustomer(f, "Fabrikam", CustomerOrigin.LicensingManagementPlatform, "WF baseline", "Edge");
            Assert.Equal(new[] { "WF baseline", "Edge" }, created.Templates);
            var changed = f.Store.Write("Set-MspCustomer", s => CustomerOperations.Update(s, CustomerRef.ByName("Fabrikam"), new CustomerFields { Templates = new[] { "WF strict" } }, Now));
            Assert.Equal(new[] { "Edge", "WF strict" }, changed.Templates.OrderBy(t => t));
            f.Store.Write("T", s => RemoteManagerOperations.ChangeTemplate(s, "WF baseline", new Dictionary<string, string> { ["RealTimeScan"] = "Off" }, null, Now));
            var locked = Assert.Throws<MspException>(() => f.Store.Write("T", s => RemoteManagerOperations.ChangeTemplate(s, "Edge", new Dictionary<string, string> { ["Firewall"] = "Open" }, null, Now)));
            Assert.Equal("TemplateLocked", locked.ErrorId);
            Assert.Contains("R72", locked.Message);
            Assert.Equal("Strict", f.Store.Read(s => s.FindTemplateByName("edge")).Settings["Firewall"]);
            Assert.Equal("TemplateNotFound", Assert.Throws<MspException>(() => NewCustomer(f, "Tailspin", CustomerOrigin.LicensingManagementPlatform, "Nope")).ErrorId);
        }

        [Fact]
        public void An_assigned_template_cannot_be_removed_and_an_empty_list_unassigns_R72()
        {
            using var f = new SubscriptionFixture();
            f.Store.Write("T", s => RemoteManagerOperations.CreateTemplate(s, "WF baseline", "WFBSS", null, null, Now));
            NewCustomer(f, "Fabrikam", CustomerOrigin.LicensingManagementPlatform, "WF baseline");
            var refused = Assert.Throws<MspException>(() => f.Store.Write("T", s => RemoteManagerOperations.RemoveTemplate(s, "WF baseline")));
            Assert.Equal("TemplateAssigned", refused.ErrorId);
            Assert.Contains("'Fabrikam'", refused.Message);
            Assert.NotNull(f.Store.Read(s => s.FindTemplateByName("WF baseline")));

            var cleared = f.Store.Write("Set-MspCustomer", s => CustomerOperations.Update(s, CustomerRef.ByName("Fabrikam"), new CustomerFields { Templates = new string[0] }, Now));
            Assert.Empty(cleared.Templates);
            // Not given (null) leaves the templates as they are.
            f.Store.Write("Set-MspCustomer", s => CustomerOperations.Update(s, CustomerRef.ByName("Fabrikam"), new CustomerFields { Notes = "x" }, Now));
            f.Store.Write("T", s => RemoteManagerOperations.RemoveTemplate(s, "wf BASELINE"));
            Assert.Null(f.Store.Read(s => s.FindTemplateByName("WF baseline")));
            Assert.Single(f.Store.Read(s => s.AuditLog(new AuditQuery { TargetType = "Template" }).Where(e => e.Action == "Delete").ToList()));
        }

        [Fact]
        public void A_CLP_account_has_no_templates_R72()
        {
            using var f = new SubscriptionFixture();
            Clp(f);
            Assert.Equal("NotAvailableForAccountType", Assert.Throws<MspException>(() => f.Store.Write("T", s => RemoteManagerOperations.CreateTemplate(s, "WF", "WFBSS", null, null, Now))).ErrorId);
        }

        [Fact]
        public void Plug_ins_follow_the_account_type_R73()
        {
            using var f = new SubscriptionFixture();
            f.Store.Write("Set-MspCustomer", s => CustomerOperations.Update(s, CustomerRef.ByName("Contoso"), new CustomerFields { ExternalId = new Dictionary<string, string> { ["KaseyaVSA"] = "7" } }, Now));
            var kaseya = f.Store.Write("Enable", s => IntegrationOperations.Set(s, "Kaseya VSA", true));
            Assert.True(kaseya.Enabled);
            Assert.Equal(1, kaseya.Customers);
            var blocked = Assert.Throws<MspException>(() => Clp(f));
            Assert.Equal("IntegrationNotSupported", blocked.ErrorId);
            f.Store.Write("Disable", s => IntegrationOperations.Set(s, "KaseyaVSA", false));
            Clp(f);
            var refused = Assert.Throws<MspException>(() => f.Store.Write("Enable", s => IntegrationOperations.Set(s, "ConnectWiseAutomate", true)));
            Assert.Equal("IntegrationNotSupported", refused.ErrorId);
            Assert.Contains("LicensingManagementPlatform", refused.Message);
            Assert.True(f.Store.Write("Enable", s => IntegrationOperations.Set(s, "Autotask", true)).Enabled);
            Assert.Equal(new[] { "Autotask", "ConnectWiseManage" }, f.Store.Read(IntegrationOperations.List).Where(i => i.Supported).Select(i => i.Name));
        }

        [Fact]
        public void Only_a_CLP_account_deletes_products_and_edits_their_descriptions_R2()
        {
            using var f = new SubscriptionFixture();
            var license = f.Store.Write("Register-MspProduct", s => MigrationOperations.Register(s, new ProductRegistration
            {
                Customer = CustomerRef.ByName("Contoso"), Product = "HES", LicenseType = NonMspLicenseType.PayAsYouGo, Seats = 5,
                StartDate = new DateTime(2026, 1, 1), ExpirationDate = new DateTime(2027, 1, 1), AuthorizationKey = "6RNY5-RXTHF-4KPRC-YSNAK-SS4JN",
            }, Now, SubscriptionFixture.Today));
            var delete = Assert.Throws<MspException>(() => f.Store.Write("U", s => MigrationOperations.Unregister(s, license.LicenseId)));
            Assert.Equal("NotAvailableForAccountType", delete.ErrorId);
            Assert.Contains("Customer Licensing Portal", delete.Message);
            Assert.Contains("Stop-MspSubscription", delete.Message);
            Assert.Throws<MspException>(() => f.Store.Write("D", s => LicenseOperations.Describe(s, license.LicenseId, "Mail filter")));
            Clp(f);
            Assert.Equal("Mail filter", f.Store.Write("D", s => LicenseOperations.Describe(s, license.LicenseId, "Mail filter")).Description);
            f.Store.Write("U", s => MigrationOperations.Unregister(s, license.LicenseId));
            Assert.Equal(0, f.Store.Read(s => s.Licenses.Count()));
            // And a CLP account has no renewals, seat allocation or usage reports.
            Assert.Equal("NotAvailableForAccountType", Assert.Throws<MspException>(() => f.Store.Read(s => RenewalOperations.Due(s, Now))).ErrorId);
            Assert.Equal("NotAvailableForAccountType", Assert.Throws<MspException>(() => f.Store.Read(s => UsageOperations.Lines(s, BillingMonth.Of(new DateTime(2026, 3, 1)), false))).ErrorId);
        }
    }
}
