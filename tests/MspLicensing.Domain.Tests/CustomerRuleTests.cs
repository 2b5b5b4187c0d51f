using System;
using System.Collections.Generic;
using System.Linq;
using LiteDB;
using MspLicensing.Store;
using Xunit;

namespace MspLicensing.Domain.Tests
{
    public class CustomerRuleTests
    {
        private static readonly DateTime Now = new DateTime(2026, 11, 23, 10, 0, 0, DateTimeKind.Utc);

        private static Customer Create(IMspStore store, CustomerFields f) =>
            store.Write("New-MspCustomer", s => CustomerOperations.Create(s, f, Now));

        [Fact]
        public void Customer_keeps_every_field_R10()
        {
            using var t = new TestStore();
            using (var store = t.Open())
            {
                var f = TestStore.Fields("Contoso");
                f.Address = "1 Main St";
                f.PostalCode = "98101";
                f.Phone = "+1 (206) 555-0100 x 12";
                f.TimeZone = "UTC-08:00";
                f.Language = "EN-us";
                f.Notes = "Key account\nsince 2019";
                f.ExternalId = new Dictionary<string, string> { ["ConnectWiseManage"] = "4711" };
                Create(store, f);
            }
            using (var again = t.Open())
            {
                var c = again.Read(s => s.FindCustomerByName("contoso"));
                Assert.Equal("Contoso", c.Name);
                Assert.Equal("US", c.Country);
                Assert.Equal("Seattle", c.City);
                Assert.Equal("WA", c.State);
                Assert.Equal("Ann", c.ContactFirstName);
                Assert.Equal("Lee", c.ContactLastName);
                Assert.Equal("ann@example.com", c.Email);
                Assert.Equal("1 Main St", c.Address);
                Assert.Equal("98101", c.PostalCode);
                Assert.Equal("+1 (206) 555-0100 x 12", c.Phone);
                Assert.Equal("UTC-08:00", c.TimeZone);
                Assert.Equal("en-US", c.Language);
                Assert.Equal("Key account\nsince 2019", c.Notes);
                Assert.True(c.Enabled);
                Assert.Equal("4711", c.ExternalId["connectwisemanage"]);
                Assert.Equal(Now, c.CreatedUtc);
                Assert.Equal(1, c.Revision);
            }
        }

        [Fact]
        public void Customer_names_are_unique_ignoring_case_R10()
        {
            using var t = new TestStore();
            using var store = t.Open();
            Create(store, TestStore.Fields("Contoso"));
            var ex = Assert.Throws<MspException>(() => Create(store, TestStore.Fields("CONTOSO ")));
            Assert.Equal("CustomerNameTaken", ex.ErrorId);
            Assert.Equal(ErrorKind.ResourceExists, ex.Kind);
            Assert.Equal(1, store.Read(s => s.Customers.Count()));
        }

        [Fact]
        public void Renaming_to_a_taken_name_is_refused_but_changing_case_is_allowed_R10()
        {
            using var t = new TestStore();
            using var store = t.Open();
            Create(store, TestStore.Fields("Contoso"));
            Create(store, TestStore.Fields("Fabrikam"));
            Assert.Throws<MspException>(() => store.Write("Set-MspCustomer", s =>
                CustomerOperations.Update(s, CustomerRef.ByName("Fabrikam"), new CustomerFields { Name = "contoso" }, Now)));
            var renamed = store.Write("Set-MspCustomer", s =>
                CustomerOperations.Update(s, CustomerRef.ByName("Fabrikam"), new CustomerFields { Name = "FABRIKAM" }, Now));
            Assert.Equal("FABRIKAM", renamed.Name);
            Assert.NotNull(store.Read(s => s.FindCustomerByName("fabrikam")));
        }

        public static IEnumerable<object[]> BadFields()
        {
            yield return new object[] { (Action<CustomerFields>)(f => f.Name = ""), "Name", "required" };
            yield return new object[] { (Action<CustomerFields>)(f => f.Name = new string('x', 101)), "Name", "at most 100" };
            yield return new object[] { (Action<CustomerFields>)(f => f.Name = "Bad\u0001Name"), "Name", "control characters" };
            yield return new object[] { (Action<CustomerFields>)(f => f.Country = "XX"), "Country 'XX'", "ISO 3166-1 alpha-2" };
            yield return new object[] { (Action<CustomerFields>)(f => f.Country = "USA1"), "Country 'USA1'", "ISO 3166-1 alpha-2" };
            yield return new object[] { (Action<CustomerFields>)(f => f.Country = null), "Country", "required" };
            yield return new object[] { (Action<CustomerFields>)(f => f.City = " "), "City", "required" };
            yield return new object[] { (Action<CustomerFields>)(f => f.City = new string('c', 65)), "City", "at most 64" };
            yield return new object[] { (Action<CustomerFields>)(f => f.ContactFirstName = null), "ContactFirstName", "required" };
            yield return new object[] { (Action<CustomerFields>)(f => f.ContactLastName = ""), "ContactLastName", "required" };
            yield return new object[] { (Action<CustomerFields>)(f => f.Email = "ann@"), "Email 'ann@'", "email address" };
            yield return new object[] { (Action<CustomerFields>)(f => f.Email = "ann example.com"), "Email 'ann example.com'", "email address" };
            yield return new object[] { (Action<CustomerFields>)(f => f.Phone = "call me"), "Phone 'call me'", "digits" };
            yield return new object[] { (Action<CustomerFields>)(f => f.PostalCode = "12#45"), "PostalCode '12#45'", "letters, digits" };
            yield return new object[] { (Action<CustomerFields>)(f => f.TimeZone = "Mars/Olympus"), "TimeZone 'Mars/Olympus'", "time zone" };
            yield return new object[] { (Action<CustomerFields>)(f => f.Language = "english"), "Language 'english'", "en-US" };
            yield return new object[] { (Action<CustomerFields>)(f => f.Notes = new string('n', 2001)), "Notes", "at most 2000" };
            yield return new object[] { (Action<CustomerFields>)(f => f.ExternalId = new Dictionary<string, string> { ["Connect Wise"] = "1" }), "ExternalId 'Connect Wise'", "PSA or RMM tool" };
            yield return new object[] { (Action<CustomerFields>)(f => f.ExternalId = new Dictionary<string, string> { ["Autotask"] = new string('1', 101) }), "ExternalId.Autotask", "at most 100" };
        }

        [Theory]
        [MemberData(nameof(BadFields))]
        public void Invalid_field_is_refused_naming_field_and_value_and_nothing_is_stored_R10(Action<CustomerFields> spoil, string named, string allowed)
        {
            using var t = new TestStore();
            using var store = t.Open();
            var f = TestStore.Fields("Contoso");
            spoil(f);
            var ex = Assert.Throws<MspException>(() => Create(store, f));
            Assert.Contains(named, ex.Message);
            Assert.Contains(allowed, ex.Message);
            Assert.Equal(ErrorKind.InvalidArgument, ex.Kind);
            Assert.Equal(0, store.Read(s => s.Customers.Count()));
            Assert.Empty(store.Read(s => s.AuditLog(new AuditQuery()).ToList()));
        }

        [Theory]
        [InlineData("de", "DE")]
        [InlineData("Germany", "DE")]
        [InlineData(" jp ", "JP")]
        [InlineData("United Kingdom", "GB")]
        public void Country_is_stored_as_its_ISO_code_R10(string given, string stored)
        {
            var f = TestStore.Fields("Contoso", given);
            Assert.Equal(stored, CustomerOperations.Prepare(f).Country);
        }

        [Fact]
        public void Every_ISO_3166_alpha_2_code_is_known_R10()
        {
            Assert.Equal(249, Countries.All.Count);
            Assert.All(Countries.All, c => Assert.Matches("^[A-Z]{2}$", c.Code));
        }

        [Fact]
        public void Customers_come_from_LMP_unless_told_otherwise_R11()
        {
            Assert.Equal(CustomerOrigin.LicensingManagementPlatform, CustomerOperations.Prepare(TestStore.Fields("A")).Origin);
            var f = TestStore.Fields("B");
            f.Origin = CustomerOrigin.RemoteManager;
            Assert.Equal(CustomerOrigin.RemoteManager, CustomerOperations.Prepare(f).Origin);
        }

        [Fact]
        public void LMP_account_cannot_delete_customers_R12()
        {
            using var t = new TestStore();
            using var store = t.Open();
            Create(store, TestStore.Fields("Contoso"));
            var ex = Assert.Throws<MspException>(() => store.Write("Remove-MspCustomer", s => CustomerOperations.Remove(s, CustomerRef.ByName("Contoso"))));
            Assert.Equal("CustomerDeletionNotAllowed", ex.ErrorId);
            Assert.Equal(ErrorKind.PermissionDenied, ex.Kind);
            Assert.Contains("R12", ex.Message);
            Assert.Contains("Stop-MspSubscription", ex.Message);
            Assert.Equal(1, store.Read(s => s.Customers.Count()));
        }

        [Fact]
        public void CLP_account_deletes_a_customer_without_products_R12()
        {
            using var t = new TestStore();
            using var store = t.Open();
            store.Write("Set-MspAccount", s => AccountOperations.Update(s, new AccountChanges { AccountType = AccountType.CustomerLicensingPortal }, null));
            Create(store, TestStore.Fields("Contoso"));
            store.Write("Remove-MspCustomer", s => CustomerOperations.Remove(s, CustomerRef.ByName("Contoso")));
            Assert.Equal(0, store.Read(s => s.Customers.Count()));
            Assert.Equal("Delete", store.Read(s => s.AuditLog(new AuditQuery { TargetType = "Customer" }).First().Action));
        }

        [Fact]
        public void CLP_account_cannot_delete_a_customer_that_holds_products_R12()
        {
            using var t = new TestStore();
            Customer c;
            using (var store = t.Open())
            {
                store.Write("Set-MspAccount", s => AccountOperations.Update(s, new AccountChanges { AccountType = AccountType.CustomerLicensingPortal }, null));
                c = Create(store, TestStore.Fields("Contoso"));
            }
            // A license document of the customer, as the license collection holds them.
            using (var db = new LiteDatabase(new ConnectionString { Filename = t.Path_, Connection = ConnectionType.Shared }))
                db.GetCollection("licenses").Insert(new BsonDocument { ["_id"] = Guid.NewGuid(), ["CustomerId"] = c.CustomerId });
            using (var store = t.Open())
            {
                var ex = Assert.Throws<MspException>(() => store.Write("Remove-MspCustomer", s => CustomerOperations.Remove(s, CustomerRef.ByName("Contoso"))));
                Assert.Equal("CustomerHoldsProducts", ex.ErrorId);
                Assert.Contains("R12", ex.Message);
                Assert.Equal(1, store.Read(s => s.Customers.Count()));
            }
        }

        [Fact]
        public void Changing_a_customer_keeps_other_fields_and_audits_before_and_after()
        {
            using var t = new TestStore();
            using var store = t.Open();
            var f = TestStore.Fields("Contoso");
            f.Phone = "+1 206 555 0100";
            Create(store, f);
            var changed = store.Write("Set-MspCustomer", s => CustomerOperations.Update(s, CustomerRef.ByName("contoso"),
                new CustomerFields { City = "Redmond", Phone = "", Enabled = false, ExternalId = new Dictionary<string, string> { ["Autotask"] = "0815" } }, Now));
            Assert.Equal("Redmond", changed.City);
            Assert.Null(changed.Phone);
            Assert.False(changed.Enabled);
            Assert.Equal("WA", changed.State);
            Assert.Equal(2, changed.Revision);
            var entry = store.Read(s => s.AuditLog(new AuditQuery { TargetId = changed.CustomerId.ToString() }).First());
            Assert.Equal("Update", entry.Action);
            Assert.Equal("Set-MspCustomer", entry.Command);
            Assert.Equal(Environment.UserName, entry.User);
            Assert.Contains("City: 'Seattle' -> 'Redmond'", entry.Summary);
            Assert.Contains("Enabled: 'True' -> 'False'", entry.Summary);
            Assert.Contains("ExternalId: '' -> 'Autotask=0815'", entry.Summary);
        }

        [Fact]
        public void Empty_external_id_value_removes_it()
        {
            var merged = CustomerValidation.MergeExternalIds(new Dictionary<string, string> { ["Autotask"] = "1", ["KaseyaVSA"] = "2" },
                new Dictionary<string, string> { ["autotask"] = "", ["ConnectWiseManage"] = "3" });
            Assert.Equal("ConnectWiseManage=3;KaseyaVSA=2", new ExternalIdMap(merged).ToString());
            Assert.Equal("ConnectWiseManage=3;KaseyaVSA=2", ExternalIdMap.Parse("ConnectWiseManage=3; KaseyaVSA=2").ToString());
        }

        [Fact]
        public void A_change_from_a_stale_read_is_refused_and_nothing_is_written()
        {
            using var t = new TestStore();
            using var store = t.Open();
            var read = Create(store, TestStore.Fields("Contoso"));
            store.Write("Set-MspCustomer", s => CustomerOperations.Update(s, CustomerRef.ByObject(read), new CustomerFields { City = "Redmond" }, Now));
            var ex = Assert.Throws<MspException>(() => store.Write("Set-MspCustomer", s =>
                CustomerOperations.Update(s, CustomerRef.ByObject(read), new CustomerFields { City = "Tacoma" }, Now)));
            Assert.Equal("StaleObject", ex.ErrorId);
            Assert.Equal(ErrorKind.WriteConflict, ex.Kind);
            Assert.Equal("Redmond", store.Read(s => s.FindCustomerByName("Contoso")).City);
        }

        [Fact]
        public void Find_filters_by_wildcard_country_enabled_and_external_id()
        {
            using var t = new TestStore();
            using var store = t.Open();
            Create(store, TestStore.Fields("Contoso"));
            Create(store, TestStore.Fields("Fabrikam", "DE"));
            var f = TestStore.Fields("Fabrikam Two", "DE");
            f.Enabled = false;
            f.ExternalId = new Dictionary<string, string> { ["ConnectWiseManage"] = "4711" };
            Create(store, f);
            List<string> Names(CustomerQuery q) => store.Read(s => CustomerOperations.Find(s, q)).Select(c => c.Name).ToList();
            Assert.Equal(new[] { "Fabrikam", "Fabrikam Two" }, Names(new CustomerQuery { Name = new[] { "fab*" } }));
            Assert.Equal(new[] { "Fabrikam", "Fabrikam Two" }, Names(new CustomerQuery { Country = "Germany" }));
            Assert.Equal(new[] { "Fabrikam Two" }, Names(new CustomerQuery { Enabled = false }));
            Assert.Equal(new[] { "Fabrikam Two" }, Names(new CustomerQuery { ExternalId = new Dictionary<string, string> { ["connectwisemanage"] = "47*" } }));
            Assert.Equal(new[] { "Contoso" }, Names(new CustomerQuery { Name = new[] { "CONTOSO" } }));
            Assert.Empty(Names(new CustomerQuery { Name = new[] { "Nobody" } }));
        }
    
        [Fact]
        public void Customers_are_listed_by_name_ignoring_case_as_ordinal_comparison_orders_them_in_any_culture()
        {
            var previous = System.Globalization.CultureInfo.CurrentCulture;
            System.Globalization.CultureInfo.CurrentCulture = new System.Globalization.CultureInfo("tr-TR");
            try
            {
                using var t = new TestStore();
                using var store = t.Open();
                var names = new[] { "zeta", "Ärzte Berlin", "alpha", "ALPHA 2", "_Intern", "Îles", "idris", "Beta-1", "beta 2", "Zürich", "Émile" };
                foreach (string name in names) Create(store, TestStore.Fields(name));
                var listed = store.Read(s => CustomerOperations.Find(s, new CustomerQuery())).Select(c => c.Name).ToList();
                Assert.Equal(names.OrderBy(n => n, StringComparer.OrdinalIgnoreCase), listed);
            }
            finally
            {
                System.Globalization.CultureInfo.CurrentCulture = previous;
            }
        }

        [Fact]
        public void CLP_refusal_to_delete_a_customer_with_products_names_them_and_the_cmdlet_that_removes_them_R12()
        {
            using var t = new TestStore();
            using var store = t.Open();
            store.Write("Set-MspAccount", s => AccountOperations.Update(s, new AccountChanges { AccountType = AccountType.CustomerLicensingPortal }, null));
            Create(store, TestStore.Fields("O'Neil Ltd"));
            store.Write("Register-MspProduct", s => MigrationOperations.Register(s, new ProductRegistration
            {
                Customer = CustomerRef.ByName("O'Neil Ltd"), Product = "HES", LicenseType = NonMspLicenseType.PayAsYouGo, Seats = 10,
                StartDate = new DateTime(2026, 1, 1), ExpirationDate = new DateTime(2027, 1, 1), AuthorizationKey = "6RNY5-RXTHF-4KPRC-YSNAK-SS4JN",
            }, DateTime.UtcNow, SubscriptionFixture.Today));
            var ex = Assert.Throws<MspException>(() => store.Write("Remove-MspCustomer", s => CustomerOperations.Remove(s, CustomerRef.ByName("O'Neil Ltd"))));
            var code = store.Read(s => s.LicensesOfCustomer(s.FindCustomerByName("O'Neil Ltd").CustomerId).Single().ActivationCode);
            Assert.StartsWith($"Customer 'O'Neil Ltd' still holds 1 product: HES ({code}); remove them first with Unregister-MspProduct: Get-MspLicense -Customer 'O''Neil Ltd' | Unregister-MspProduct.", ex.Message);
            Assert.EndsWith("(R12: Deleting customers; see about_MspLicensing_Rules)", ex.Message);
        }

        [Fact]
        public void A_customer_given_as_a_wildcard_where_one_is_expected_is_refused_without_suggesting_wildcards_there_R10()
        {
            using var t = new TestStore();
            using var store = t.Open();
            Create(store, TestStore.Fields("Contoso"));
            var ex = Assert.Throws<MspException>(() => store.Read(s => CustomerOperations.Resolve(s, CustomerRef.ByName("Cont*"))));
            Assert.Equal("No customer is named 'Cont*': a customer is named here by its exact name or id, not by a wildcard. Get-MspCustomer -Name 'Cont*' lists the customers it matches.", ex.Message);
            var exact = Assert.Throws<MspException>(() => store.Read(s => CustomerOperations.Resolve(s, CustomerRef.ByName("Fabrikam"))));
            Assert.Equal("No customer is named 'Fabrikam'. Get-MspCustomer lists the customers (Get-MspCustomer -Name takes wildcards, such as 'Cont*').", exact.Message);
        }
    }
}
