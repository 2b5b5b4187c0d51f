using System;
using System.Collections.Generic;
using System.Linq;
using LiteDB;
using MspLicensing.Store;
using Xunit;

namespace MspLicensing.Domain.Tests
{
    /// <summary>The audit log as a customer's history: every change that concerns the customer, whatever object it changed.</summary>
    public class AuditHistoryTests
    {
        private static readonly DateTime Now = SubscriptionFixture.Now;
        private static readonly DateTime Jan15 = new DateTime(2026, 1, 15);
        private static readonly DateTime Feb1 = new DateTime(2026, 2, 1);
        private static readonly DateTime Mar1 = new DateTime(2026, 3, 1);

        /// <summary>
        /// Contoso and Fabrikam, each with a subscription; Contoso also with a seat change, a used count, a crossgrade, a
        /// migrated license, a lowered usage report line and a template.
        /// </summary>
        private static (Guid Contoso, Guid Fabrikam) Seed(IMspStore store)
        {
            var contoso = store.Write("New-MspCustomer", s => CustomerOperations.Create(s, TestStore.Fields("Contoso"), Now));
            var fabrikam = store.Write("New-MspCustomer", s => CustomerOperations.Create(s, TestStore.Fields("Fabrikam"), Now));
            var germany = new Dictionary<string, string> { ["*"] = "Germany" };
            var xdr = new Dictionary<string, string> { ["*"] = "Germany", ["CAS"] = "Europe" };
            foreach (var (name, product, dataCenters) in new[] { ("Rolling", "WFBSS", germany), ("XDR", "WFXDR", xdr), ("Standard", "WFBS-STD", null) })
                store.Write("New-MspServicePlan", s => ServicePlanOperations.Create(s, new ServicePlanFields
                {
                    Name = name,
                    Products = new List<string> { product },
                    InitialPeriodMonths = 12,
                    AutoRenewalMonths = 1,
                    Seats = 10,
                    DataCenters = dataCenters,
                }, Now));
            foreach (var customer in new[] { "Contoso", "Fabrikam" })
                store.Write("New-MspSubscription", s => SubscriptionOperations.Assign(s, new Assignment
                {
                    Customer = CustomerRef.ByName(customer),
                    ServicePlan = ServicePlanRef.ByName("Rolling"),
                    Seats = 20,
                    StartDate = Jan15,
                }, Now, SubscriptionFixture.Today));
            var rolling = store.Read(s => s.SubscriptionsOfCustomer(contoso.CustomerId)).Single();
            store.Write("Set-MspSubscription", s => SubscriptionOperations.Change(s, SubscriptionRef.ById(rolling.SubscriptionId), new SubscriptionChanges { Seats = 25, Date = Feb1 }, Now, SubscriptionFixture.Today));
            var fabrikamRolling = store.Read(s => s.SubscriptionsOfCustomer(fabrikam.CustomerId)).Single();
            store.Write("Set-MspSubscription", s => SubscriptionOperations.Change(s, SubscriptionRef.ById(fabrikamRolling.SubscriptionId), new SubscriptionChanges { Seats = 30, Date = Feb1 }, Now, SubscriptionFixture.Today));
            var wfbss = store.Read(s => s.LicensesOfSubscription(rolling.SubscriptionId)).Single();
            store.Write("Set-MspLicense", s => LicenseOperations.SetUsed(s, wfbss.LicenseId, 18, Feb1, Now, SubscriptionFixture.Today));
            store.Write("Set-MspUsageReport", s => UsageOperations.Adjust(s, BillingMonth.Of(Feb1), CustomerRef.ByName("Contoso"), "WFBSS", 20, "Raised by mistake"));
            store.Write("Invoke-MspCrossgrade", s => CrossgradeOperations.Invoke(s, new CrossgradeRequest
            {
                Customer = CustomerRef.ByName("Contoso"),
                ServicePlan = ServicePlanRef.ByName("XDR"),
                Date = Mar1,
            }, Now));
            var standard = store.Write("Register-MspProduct", s => MigrationOperations.Register(s, new ProductRegistration
            {
                Customer = CustomerRef.ByName("Contoso"),
                Product = "WFBS-STD",
                LicenseType = NonMspLicenseType.Standard,
                Seats = 10,
                StartDate = new DateTime(2025, 6, 1),
                ExpirationDate = new DateTime(2027, 6, 1),
                ActivationCode = "WF-AAAA-BBBBB-CCCCC-DDDDD-EEEEE-FFFFF",
            }, Now, SubscriptionFixture.Today));
            store.Write("Start-MspLicenseMigration", s => MigrationOperations.Start(s, new MigrationRequest { LicenseId = standard.LicenseId, ServicePlan = ServicePlanRef.ByName("Standard"), Date = Mar1 }, Now));
            store.Write("New-MspTemplate", s => RemoteManagerOperations.CreateTemplate(s, "WF baseline", "WFBSS", new Dictionary<string, string> { ["RealTimeScan"] = "On" }, null, Now));
            store.Write("Set-MspCustomer", s => CustomerOperations.Update(s, CustomerRef.ByName("Contoso"), new CustomerFields { Templates = new[] { "WF baseline" } }, Now));
            return (contoso.CustomerId, fabrikam.CustomerId);
        }

        private static List<AuditEntry> History(IMspStore store, Guid customerId) =>
            store.Read(s => s.AuditLog(new AuditQuery { CustomerId = customerId }).ToList());

        [Fact]
        public void A_customers_history_holds_every_change_that_concerns_it_and_none_of_another_customer()
        {
            using var t = new TestStore();
            using var store = t.Open();
            var (contoso, fabrikam) = Seed(store);

            var history = History(store, contoso);
            Assert.Equal(
                new[] { "New-MspCustomer", "New-MspSubscription", "Set-MspSubscription", "Set-MspLicense", "Set-MspUsageReport", "Invoke-MspCrossgrade", "Register-MspProduct", "Start-MspLicenseMigration", "Start-MspLicenseMigration", "Set-MspCustomer" },
                history.Select(e => e.Command).Reverse());
            // The migration of an on-premises license gives it a subscription of its own (R61).
            Assert.Equal(new[] { "Create", "Migrate" }, history.Where(e => e.Command == "Start-MspLicenseMigration").Select(e => e.Action).Reverse());
            Assert.All(history, e => Assert.Equal(contoso, e.CustomerId));
            Assert.All(history, e => Assert.Equal("Contoso", e.Customer));
            Assert.All(history, e => Assert.DoesNotContain("Fabrikam", e.Target));
            Assert.Contains(history, e => e.TargetType == UsageOperations.TargetType && e.Summary == "Chargeable: 25 -> 20 (Raised by mistake)");
            Assert.Contains(history, e => e.Command == "Set-MspCustomer" && e.Summary.Contains("Templates: '' -> 'WF baseline'"));
            Assert.True(history.Select(e => e.Id).SequenceEqual(history.Select(e => e.Id).OrderByDescending(i => i)), "newest first");

            Assert.Equal(new[] { "New-MspCustomer", "New-MspSubscription", "Set-MspSubscription" }, History(store, fabrikam).Select(e => e.Command).Reverse());
            // Plans and templates concern no one customer: the log holds them, no history does.
            var all = store.Read(s => s.AuditLog(new AuditQuery()).ToList());
            Assert.Equal(all.Count(e => e.CustomerId == null), all.Count - history.Count - History(store, fabrikam).Count);
            Assert.All(all.Where(e => e.CustomerId == null), e => Assert.Contains(e.TargetType, new[] { ServicePlanOperations.TargetType, RemoteManagerOperations.TemplateTargetType }));

            // The other filters narrow the history.
            Assert.Equal(new[] { "Set-MspSubscription" }, store.Read(s => s.AuditLog(new AuditQuery { CustomerId = contoso, Command = "Set-MspSub*" }).Select(e => e.Command).ToList()));
            Assert.Equal(4, store.Read(s => s.AuditLog(new AuditQuery { CustomerId = contoso, TargetType = "subscription" }).Count()));
        }

        [Fact]
        public void A_renamed_customer_shows_its_name_of_now_and_the_target_keeps_the_name_of_then()
        {
            using var t = new TestStore();
            using var store = t.Open();
            var (contoso, _) = Seed(store);
            store.Write("Set-MspCustomer", s => CustomerOperations.Update(s, CustomerRef.ByName("Contoso"), new CustomerFields { Name = "Contoso Ltd" }, Now));

            var history = History(store, contoso);
            Assert.All(history, e => Assert.Equal("Contoso Ltd", e.Customer));
            Assert.Contains(history, e => e.Command == "New-MspSubscription" && e.Target == "Contoso / Rolling");
        }

        [Fact]
        public void Older_entries_are_traced_to_their_customer_when_the_store_is_upgraded()
        {
            using var t = new TestStore();
            Guid contoso;
            int before;
            using (var store = t.Open())
            {
                contoso = Seed(store).Contoso;
                before = History(store, contoso).Count;
            }
            // The store as the module before schema 7 left it: no entry names its customer.
            using (var db = new LiteDatabase(new ConnectionString { Filename = t.Path_, Connection = ConnectionType.Shared }))
            {
                var audit = db.GetCollection("audit");
                audit.DropIndex("CustomerId");
                foreach (var entry in audit.FindAll().ToList())
                {
                    entry.Remove("CustomerId");
                    audit.Update(entry);
                }
                var meta = db.GetCollection("meta").FindById("schema");
                meta["Version"] = 6;
                db.GetCollection("meta").Update(meta);
            }

            using (var upgraded = t.Open())
            {
                Assert.Equal(Schema.Current, upgraded.GetInfo().SchemaVersion);
                var history = History(upgraded, contoso);
                // Everything but the usage report line: a report entry names its month, not a customer's object.
                Assert.Equal(before - 1, history.Count);
                Assert.DoesNotContain(history, e => e.TargetType == UsageOperations.TargetType);
                Assert.Contains(history, e => e.TargetType == MigrationOperations.TargetType);
                Assert.Contains(history, e => e.TargetType == LicenseOperations.TargetType);
                Assert.Equal(4, history.Count(e => e.TargetType == SubscriptionOperations.TargetType));
                var report = upgraded.Read(s => s.AuditLog(new AuditQuery { Target = "*Contoso*", TargetType = UsageOperations.TargetType }).Single());
                Assert.Null(report.CustomerId);
            }
        }

        [Fact]
        public void Entries_that_name_no_customer_but_target_one_are_traced_to_it_when_the_store_is_upgraded_and_no_index_holds_targets()
        {
            using var t = new TestStore();
            Guid contoso;
            using (var store = t.Open())
                contoso = store.Write("New-MspCustomer", s => CustomerOperations.Create(s, TestStore.Fields("Contoso"), Now)).CustomerId;
            // The store as schema 10 left it, with its customer's entry naming no customer (found by the record's id then).
            using (var db = new LiteDatabase(new ConnectionString { Filename = t.Path_, Connection = ConnectionType.Shared }))
            {
                var audit = db.GetCollection("audit");
                var entry = audit.FindAll().Single();
                entry.Remove("CustomerId");
                audit.Update(entry);
                audit.EnsureIndex("TargetId", "$.TargetId");
                var meta = db.GetCollection("meta").FindById("schema");
                meta["Version"] = 10;
                db.GetCollection("meta").Update(meta);
            }
            using (var store = t.Open())
            {
                Assert.Equal(Schema.Current, store.GetInfo().SchemaVersion);
                store.Write("Set-MspCustomer", s => CustomerOperations.Update(s, CustomerRef.ByName("Contoso"), new CustomerFields { City = "Redmond" }, Now));
                var history = History(store, contoso);
                Assert.Equal(new[] { "Update", "Create" }, history.Select(e => e.Action));
                Assert.Equal(new Guid?[] { contoso, contoso }, history.Select(e => e.CustomerId));
                // A target's entries are still found, by reading the log through.
                Assert.Equal(2, store.Read(s => s.AuditLog(new AuditQuery { TargetId = contoso.ToString() }).Count()));
            }
            using (var db = new LiteDatabase(new ConnectionString { Filename = t.Path_, Connection = ConnectionType.Shared, ReadOnly = true }))
                Assert.Equal(new[] { "CustomerId", "_id" }, db.GetCollection("$indexes").Find("collection = 'audit'").Select(d => d["name"].AsString).OrderBy(n => n, StringComparer.Ordinal));
        }
    }
}
