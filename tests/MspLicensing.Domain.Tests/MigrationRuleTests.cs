using System;
using System.Collections.Generic;
using System.Linq;
using Xunit;

namespace MspLicensing.Domain.Tests
{
    public class MigrationRuleTests
    {
        private static readonly DateTime Now = SubscriptionFixture.Now;
        private static readonly DateTime Mar1 = new DateTime(2026, 3, 1);

        private static License Register(SubscriptionFixture f, string product, NonMspLicenseType type, string code = null, string key = null, int seats = 10) =>
            f.Store.Write("Register-MspProduct", s => MigrationOperations.Register(s, new ProductRegistration
            {
                Customer = CustomerRef.ByName("Contoso"),
                Product = product,
                LicenseType = type,
                Seats = seats,
                StartDate = new DateTime(2025, 6, 1),
                ExpirationDate = new DateTime(2027, 6, 1),
                ActivationCode = code,
                AuthorizationKey = key,
            }, Now, SubscriptionFixture.Today));

        private static LicenseMigration Migrate(SubscriptionFixture f, License l, string plan) =>
            f.Store.Write("Start-MspLicenseMigration", s => MigrationOperations.Start(s, new MigrationRequest { LicenseId = l.LicenseId, ServicePlan = ServicePlanRef.ByName(plan), Date = Mar1 }, Now));

        private static List<License> All(SubscriptionFixture f) =>
            f.Store.Read(s => LicenseOperations.Find(s, new LicenseQuery { Customer = CustomerRef.ByName("Contoso"), AsOf = Mar1 })).ToList();

        [Fact]
        public void Non_MSP_licenses_register_by_activation_code_or_authorization_key_R60()
        {
            using var f = new SubscriptionFixture();
            var byCode = Register(f, "WFBS-ADV", NonMspLicenseType.Standard, code: "wf-aaaa-bbbbb-ccccc-ddddd-eeeee-fffff");
            Assert.Equal("WF-AAAA-BBBBB-CCCCC-DDDDD-EEEEE-FFFFF", byCode.ActivationCode);
            Assert.Equal(LicenseModel.NonMsp, byCode.LicenseModel);
            Assert.Equal("Standard", byCode.LicenseType);
            var byKey = Register(f, "HES", NonMspLicenseType.PayAsYouGo, key: "6rny5-rxthf-4kprc-ysnak-ss4jn");
            Assert.Equal("6RNY5-RXTHF-4KPRC-YSNAK-SS4JN", byKey.AuthorizationKey);
            Assert.StartsWith("HE-", byKey.ActivationCode);
            Assert.Equal("RegistrationKeyRequired", Assert.Throws<MspException>(() => Register(f, "CAS", NonMspLicenseType.Standard)).ErrorId);
            Assert.Equal("ActivationCodeInUse", Assert.Throws<MspException>(() => Register(f, "WFBS-STD", NonMspLicenseType.Standard, code: "WF-AAAA-BBBBB-CCCCC-DDDDD-EEEEE-FFFFF")).ErrorId);
            Assert.Equal("ProductNotRegistrable", Assert.Throws<MspException>(() => Register(f, "SMEX", NonMspLicenseType.Standard, key: "6RNY5-RXTHF-4KPRC-YSNAK-SS4JN")).ErrorId);
        }

        [Fact]
        public void A_CLP_account_registers_only_by_authorization_key_and_only_the_products_its_Remote_Manager_supports_R60_R2()
        {
            using var f = new SubscriptionFixture();
            f.Store.Write("Set-MspAccount", s => AccountOperations.Update(s, new AccountChanges { AccountType = AccountType.CustomerLicensingPortal }, null));
            Assert.Equal("AuthorizationKeyRequired", Assert.Throws<MspException>(() => Register(f, "WFBSS", NonMspLicenseType.Standard, code: "WF-AAAA-BBBBB-CCCCC-DDDDD-EEEEE-FFFFF")).ErrorId);
            var ex = Assert.Throws<MspException>(() => Register(f, "CAS", NonMspLicenseType.Standard, key: "6RNY5-RXTHF-4KPRC-YSNAK-SS4JN"));
            Assert.Equal("ProductNotRegistrable", ex.ErrorId);
            Assert.Contains("WFBS-STD, WFBS-ADV, WFBSS, HES", ex.Message);
            Assert.Equal(LicenseModel.NonMsp, Register(f, "WFBSS", NonMspLicenseType.Standard, key: "6RNY5-RXTHF-4KPRC-YSNAK-SS4JN").LicenseModel);
        }

        [Fact]
        public void A_customer_with_an_MSP_license_cannot_register_a_non_MSP_one_of_the_product_R39()
        {
            using var f = new SubscriptionFixture();
            f.Plan("Endpoint", "WFBSS", renewal: 1);
            f.Assign("Endpoint", new DateTime(2026, 1, 15));
            var ex = Assert.Throws<MspException>(() => Register(f, "WFBSS", NonMspLicenseType.Standard, key: "6RNY5-RXTHF-4KPRC-YSNAK-SS4JN"));
            Assert.Equal("MspLicenseHeld", ex.ErrorId);
            Assert.Contains("R39", ex.Message);
        }

        [Fact]
        public void An_on_premises_license_migrates_at_once_with_a_new_key_R61()
        {
            using var f = new SubscriptionFixture();
            f.Plan("On-premises", "WFBS-ADV", renewal: 1);
            var old = Register(f, "WFBS-ADV", NonMspLicenseType.Standard, code: "WF-AAAA-BBBBB-CCCCC-DDDDD-EEEEE-FFFFF", seats: 40);
            var m = Migrate(f, old, "On-premises");
            Assert.Equal(MigrationStatus.Completed, m.Status);
            Assert.Equal("WF-AAAA-BBBBB-CCCCC-DDDDD-EEEEE-FFFFF", m.SourceActivationCode);
            Assert.NotEqual(m.SourceActivationCode, m.NewActivationCode);
            Assert.Contains("Enter the new activation code " + m.NewActivationCode, m.Instructions);
            Assert.Contains("agents are not affected", m.Instructions);
            var licenses = All(f);
            Assert.Equal(LicenseStatus.Deactivated, licenses.Single(l => l.LicenseId == old.LicenseId).Status);
            var fresh = licenses.Single(l => l.ActivationCode == m.NewActivationCode);
            Assert.Equal(LicenseModel.Msp, fresh.LicenseModel);
            Assert.Equal(40, fresh.Seats);
            Assert.Equal("On-premises", fresh.ServicePlan);
        }

        [Fact]
        public void A_cloud_license_waits_for_the_vendor_then_joins_the_plan_with_its_code_R62()
        {
            using var f = new SubscriptionFixture();
            f.Plan("Endpoint", "WFBSS", renewal: 1);
            var cloud = Register(f, "WFBSS", NonMspLicenseType.PayAsYouGo, code: "WF-CCCC-BBBBB-CCCCC-DDDDD-EEEEE-FFFFF", seats: 12);
            var m = Migrate(f, cloud, "Endpoint");
            Assert.Equal(MigrationStatus.AwaitingVendor, m.Status);
            Assert.Null(m.NewActivationCode);
            Assert.Equal(0, f.Store.Read(s => s.Subscriptions.Count()));
            Assert.Equal("MigrationPending", Assert.Throws<MspException>(() => Migrate(f, cloud, "Endpoint")).ErrorId);
            var done = f.Store.Write("Complete-MspLicenseMigration", s => MigrationOperations.Complete(s, m.MigrationId, new DateTime(2026, 3, 10), Now));
            Assert.Equal(MigrationStatus.Completed, done.Status);
            Assert.Equal(cloud.ActivationCode, done.NewActivationCode);
            var license = All(f).Single();
            Assert.Equal(cloud.LicenseId, license.LicenseId);
            Assert.Equal(LicenseModel.Msp, license.LicenseModel);
            Assert.Equal("Endpoint", license.ServicePlan);
            Assert.Equal(12, license.Seats);
            Assert.Equal("MigrationNotAwaitingVendor", Assert.Throws<MspException>(() => f.Store.Write("C", s => MigrationOperations.Complete(s, m.MigrationId, Mar1, Now))).ErrorId);
            // The months before the migration were not MSP months and do not bill; March does.
            Assert.Empty(f.Store.Read(s => UsageOperations.Lines(s, BillingMonth.Of(new DateTime(2026, 2, 1)), false)));
            Assert.Equal(12, f.Store.Read(s => UsageOperations.Lines(s, BillingMonth.Of(Mar1), false)).Single().Chargeable);
        }

        [Fact]
        public void An_upfront_license_is_refused_with_an_error_changes_nothing_and_stays_in_Remote_Manager_R63()
        {
            using var f = new SubscriptionFixture();
            f.Plan("Endpoint", "WFBSS", renewal: 1);
            var upfront = Register(f, "WFBSS", NonMspLicenseType.Upfront, code: "WF-UUUU-BBBBB-CCCCC-DDDDD-EEEEE-FFFFF");
            for (int attempt = 0; attempt < 3; attempt++)
            {
                var ex = Assert.Throws<MspException>(() => Migrate(f, upfront, "Endpoint"));
                Assert.Equal("UpfrontLicenseNotMigrated", ex.ErrorId);
                Assert.Equal(ErrorKind.InvalidOperation, ex.Kind);
                Assert.Equal("R63", ex.Rule);
                Assert.Contains("WF-UUUU-BBBBB-CCCCC-DDDDD-EEEEE-FFFFF", ex.Message);
                Assert.Contains("stays in Remote Manager", ex.Message);
            }
            var license = All(f).Single();
            Assert.Equal(LicenseModel.NonMsp, license.LicenseModel);
            Assert.Equal(LicenseStatus.Active, license.Status);
            Assert.Equal(0, f.Store.Read(s => s.Migrations.Count()));
            Assert.Empty(f.Store.Read(s => s.Subscriptions.All()));
        }

        [Fact]
        public void A_batch_migrates_each_license_whole_and_a_failure_stops_only_itself_R64()
        {
            using var f = new SubscriptionFixture();
            f.Plan("On-premises", "WFBS-ADV", renewal: 1);
            f.Plan("Endpoint", "WFBSS", renewal: 1);
            f.Plan("Mail", "HES", renewal: 1);
            var onPrem = Register(f, "WFBS-ADV", NonMspLicenseType.Standard, code: "WF-AAAA-BBBBB-CCCCC-DDDDD-EEEEE-FFFFF");
            var cloud = Register(f, "WFBSS", NonMspLicenseType.PayAsYouGo, code: "WF-CCCC-BBBBB-CCCCC-DDDDD-EEEEE-FFFFF");
            var upfront = Register(f, "HES", NonMspLicenseType.Upfront, code: "HE-UUUU-BBBBB-CCCCC-DDDDD-EEEEE-FFFFF");
            var requests = new[] { (onPrem.LicenseId, "On-premises"), (Guid.NewGuid(), "Endpoint"), (cloud.LicenseId, "Endpoint"), (upfront.LicenseId, "Mail") };
            var results = f.Store.WriteEach("Start-MspLicenseMigration", requests, (s, r) =>
                MigrationOperations.Start(s, new MigrationRequest { LicenseId = r.Item1, ServicePlan = ServicePlanRef.ByName(r.Item2), Date = Mar1 }, Now));
            Assert.Equal(MigrationStatus.Completed, results[0].Value.Status);
            Assert.Equal("LicenseNotFound", ((MspException)results[1].Error).ErrorId);
            Assert.Equal(MigrationStatus.AwaitingVendor, results[2].Value.Status);
            Assert.Equal("UpfrontLicenseNotMigrated", ((MspException)results[3].Error).ErrorId);
            Assert.Equal(2, f.Store.Read(s => s.Migrations.Count()));
        }

        [Fact]
        public void A_migration_into_a_plan_with_other_non_MSP_products_of_the_customer_waits_for_those_R39()
        {
            using var f = new SubscriptionFixture();
            f.Plan("Mixed", "WFBS-ADV, HES", renewal: 1);
            var onPrem = Register(f, "WFBS-ADV", NonMspLicenseType.Standard, code: "WF-AAAA-BBBBB-CCCCC-DDDDD-EEEEE-FFFFF");
            Register(f, "HES", NonMspLicenseType.PayAsYouGo, code: "HE-UUUU-BBBBB-CCCCC-DDDDD-EEEEE-FFFFF");
            var ex = Assert.Throws<MspException>(() => Migrate(f, onPrem, "Mixed"));
            Assert.Equal("NonMspLicensesHeld", ex.ErrorId);
            Assert.Contains("HE-UUUU-BBBBB-CCCCC-DDDDD-EEEEE-FFFFF", ex.Message);
            Assert.Equal(0, f.Store.Read(s => s.Migrations.Count()));
        }

        [Fact]
        public void A_license_registered_and_migrated_in_one_step_runs_a_year_unless_told_and_is_registered_once_R60_R61()
        {
            using var f = new SubscriptionFixture();
            f.Plan("On-premises", "WFBS-ADV", renewal: 1);
            const string Code = "WF-AAAA-BBBBB-CCCCC-DDDDD-EEEEE-FFFFF";
            var registration = new ProductRegistration
            {
                Customer = CustomerRef.ByName("Contoso"),
                Product = "WFBS-ADV",
                LicenseType = NonMspLicenseType.Standard,
                Seats = 40,
                StartDate = Mar1,
                ActivationCode = Code,
            };
            var request = new MigrationRequest { ActivationCode = Code, ServicePlan = ServicePlanRef.ByName("On-premises"), Date = Mar1 };
            var m = f.Store.Write("Start-MspLicenseMigration", s => MigrationOperations.RegisterAndStart(s, registration, request, Now, SubscriptionFixture.Today));
            Assert.Equal(MigrationStatus.Completed, m.Status);
            var old = All(f).Single(l => l.ActivationCode == Code);
            Assert.Equal(new DateTime(2027, 3, 1), old.ExpirationDate);
            // Run again for the same code: the registration is not repeated, and the license is no longer non-MSP.
            var again = Assert.Throws<MspException>(() => f.Store.Write("Start-MspLicenseMigration", s => MigrationOperations.RegisterAndStart(s, registration, request, Now, SubscriptionFixture.Today)));
            Assert.Equal("NotANonMspLicense", again.ErrorId);
            Assert.Single(All(f), l => l.ActivationCode == Code);
        }
    }
}
