using System.Linq;
using MspLicensing.Store;
using Xunit;

namespace MspLicensing.Domain.Tests
{
    public class AccountRuleTests
    {
        [Fact]
        public void New_store_belongs_to_an_LMP_account_R1()
        {
            using var t = new TestStore();
            using var store = t.Open();
            var account = store.Read(s => s.GetAccount());
            Assert.Equal(AccountType.LicensingManagementPlatform, account.AccountType);
            Assert.Equal(1, account.Revision);
        }

        [Fact]
        public void Account_type_changes_and_is_audited_R1()
        {
            using var t = new TestStore();
            using var store = t.Open();
            store.Write("Set-MspAccount", s => AccountOperations.Update(s, new AccountChanges { AccountType = AccountType.CustomerLicensingPortal }, null));
            Assert.Equal(AccountType.CustomerLicensingPortal, store.Read(s => s.GetAccount()).AccountType);
            var entry = store.Read(s => s.AuditLog(new AuditQuery()).First());
            Assert.Equal("Account", entry.TargetType);
            Assert.Contains("AccountType: 'LicensingManagementPlatform' -> 'CustomerLicensingPortal'", entry.Summary);
        }

        [Fact]
        public void Feature_matrix_has_every_row_of_seed_000_for_both_account_types_R2()
        {
            var names = FeatureMatrix.All.Select(f => f.Name).ToList();
            Assert.Equal(14, names.Count);
            foreach (var expected in new[]
                     {
                         "Deleting customers", "Deleting products", "Editing product descriptions", "Supported products",
                         "Third-party plug-in support", "Template management", "Template assignment to new customers",
                         "Template assignment to existing customers", "My Account information", "Product registration to Remote Manager",
                         "Merging OLR accounts", "Licensing Management Platform access", "Long beta version", "License renewal and seat allocation",
                     })
                Assert.Contains(expected, names);
            Assert.All(FeatureMatrix.All, f =>
            {
                Assert.False(string.IsNullOrEmpty(f.LicensingManagementPlatform));
                Assert.False(string.IsNullOrEmpty(f.CustomerLicensingPortal));
            });
        }

        [Fact]
        public void Account_types_differ_as_in_seed_000_R2()
        {
            Assert.False(FeatureMatrix.Get("DeleteCustomers").IsSupported(AccountType.LicensingManagementPlatform));
            Assert.True(FeatureMatrix.Get("DeleteCustomers").IsSupported(AccountType.CustomerLicensingPortal));
            Assert.True(FeatureMatrix.Get("RenewalAndSeatAllocation").IsSupported(AccountType.LicensingManagementPlatform));
            Assert.False(FeatureMatrix.Get("RenewalAndSeatAllocation").IsSupported(AccountType.CustomerLicensingPortal));
            Assert.Equal("Authorization Key required", FeatureMatrix.Get("ProductRegistration").CustomerLicensingPortal);
            Assert.Equal("Not supported", FeatureMatrix.Get("TemplateManagement").CustomerLicensingPortal);
            Assert.Equal("Supported for: Worry-Free Business Security Services, Cloud Edge", FeatureMatrix.Get("TemplateManagement").LicensingManagementPlatform);
        }

        [Fact]
        public void Supported_products_and_plugins_come_from_the_catalog_R2()
        {
            string clp = FeatureMatrix.Get("SupportedProducts").CustomerLicensingPortal;
            Assert.Equal("Worry-Free Business Security Standard, Worry-Free Business Security Advanced, Worry-Free Business Security Services, Hosted Email Security 2.0", clp);
            string lmp = FeatureMatrix.Get("SupportedProducts").LicensingManagementPlatform;
            foreach (var name in new[] { "Cloud App Security", "Cloud Edge", "Hosted Email Security 2.0", "Trend Micro Web Security", "Worry-Free Business Security Standard", "Worry-Free Business Security Advanced", "Worry-Free Business Security Services" })
                Assert.Contains(name, lmp);
            Assert.DoesNotContain("ScanMail", lmp);
            Assert.Equal("Autotask, ConnectWise Automate, ConnectWise Manage, Kaseya VSA", FeatureMatrix.Get("ThirdPartyPlugins").LicensingManagementPlatform);
            Assert.Equal("Autotask, ConnectWise Manage", FeatureMatrix.Get("ThirdPartyPlugins").CustomerLicensingPortal);
        }

        [Fact]
        public void Default_seat_bands_are_those_of_the_product_contract_R3()
        {
            var bands = new Account().SeatBands.Select(b => b.Name).ToArray();
            Assert.Equal(new[] { "1-25", "26-50", "51-100", "101-250", "251-500", "501-1000", "1001-2000", "2001-5000", "5001+" }, bands);
        }

        [Theory]
        [InlineData(1, "1-25")]
        [InlineData(25, "1-25")]
        [InlineData(26, "26-50")]
        [InlineData(325, "251-500")]
        [InlineData(5000, "2001-5000")]
        [InlineData(5001, "5001+")]
        [InlineData(1000000, "5001+")]
        public void Seat_count_falls_in_its_band_R3(int seats, string band)
        {
            Assert.Equal(band, new Account().BandFor(seats).Name);
        }

        [Theory]
        [InlineData(new int[0], "empty")]
        [InlineData(new[] { 2, 10 }, "must start at 1")]
        [InlineData(new[] { 1, 50, 50 }, "greater than the one before")]
        [InlineData(new[] { 1, 100, 20 }, "greater than the one before")]
        public void Invalid_seat_bands_are_refused_and_nothing_changes_R3(int[] minimums, string message)
        {
            using var t = new TestStore();
            using var store = t.Open();
            var ex = Assert.Throws<MspException>(() =>
                store.Write("Set-MspAccount", s => AccountOperations.Update(s, new AccountChanges { SeatBandMinimums = minimums }, null)));
            Assert.Contains(message, ex.Message);
            Assert.Contains("R3", ex.Message);
            Assert.Equal(Account.DefaultSeatBandMinimums, store.Read(s => s.GetAccount()).SeatBandMinimums);
        }

        [Fact]
        public void Custom_seat_bands_are_kept_R3()
        {
            using var t = new TestStore();
            using (var store = t.Open())
                store.Write("Set-MspAccount", s => AccountOperations.Update(s, new AccountChanges { SeatBandMinimums = new[] { 1, 51, 251 } }, null));
            using (var again = t.Open())
                Assert.Equal(new[] { "1-50", "51-250", "251+" }, again.Read(s => s.GetAccount()).SeatBands.Select(b => b.Name).ToArray());
        }

        [Fact]
        public void Account_change_from_a_stale_read_is_refused()
        {
            using var t = new TestStore();
            using var store = t.Open();
            var read = store.Read(s => s.GetAccount());
            store.Write("Set-MspAccount", s => AccountOperations.Update(s, new AccountChanges { Name = "First" }, read.Revision));
            var ex = Assert.Throws<MspException>(() =>
                store.Write("Set-MspAccount", s => AccountOperations.Update(s, new AccountChanges { Name = "Second" }, read.Revision)));
            Assert.Equal("StaleObject", ex.ErrorId);
            Assert.Equal("First", store.Read(s => s.GetAccount()).Name);
        }
    }
}
