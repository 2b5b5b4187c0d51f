using System;
using System.Collections.Generic;
using System.Linq;
using Xunit;

namespace MspLicensing.Domain.Tests
{
    public class ServicePlanRuleTests
    {
        private static readonly DateTime Now = SubscriptionFixture.Now;

        [Fact]
        public void Plan_keeps_name_version_products_data_centers_and_terms_R20()
        {
            using var f = new SubscriptionFixture();
            var plan = f.Plan("WF Services Monthly Rolling", "WFBSS, SMEX", initial: 12, renewal: 1, notice: 14, seats: 25,
                dataCenters: new Dictionary<string, string> { ["*"] = "Germany" });
            var read = f.Store.Read(s => s.FindServicePlanByName("wf services monthly rolling"));
            Assert.Equal(plan.ServicePlanId, read.ServicePlanId);
            Assert.Equal(PlanVersion.Full, read.Version);
            Assert.True(read.Enabled);
            Assert.Equal(new[] { "WFBSS", "SMEX" }, read.Products.Select(p => p.Code));
            Assert.Equal(DataCenter.Germany, read.Products[0].DataCenterOf("WFBSS"));
            Assert.Null(read.Products[1].DataCenterOf("SMEX"));
            Assert.Equal(12, read.InitialPeriodMonths);
            Assert.Equal(1, read.AutoRenewalMonths);
            Assert.Equal(14, read.ExpirationNoticeDays);
            Assert.Equal(25, read.Seats);
        }

        [Fact]
        public void Services_take_the_account_default_data_center_unless_told_R20()
        {
            using var f = new SubscriptionFixture();
            var plan = f.Plan("XDR", "WFXDR", dataCenters: new Dictionary<string, string> { ["*"] = "Germany", ["CAS"] = "Europe" });
            var dcs = plan.Products.Single().DataCenters;
            Assert.Equal(DataCenter.Europe, dcs["CAS"]);
            Assert.Equal(DataCenter.Germany, dcs["TMEMS"]);
            Assert.Equal(DataCenter.Germany, dcs["HES"]);
            Assert.Equal(DataCenter.Germany, dcs["WFBSS"]);
            Assert.Equal(DataCenter.Germany, dcs["WFBSS-EDR"]);
            Assert.Equal(DataCenter.UnitedStates, f.Plan("Plain", "CAS").Products.Single().DataCenterOf("CAS"));
        }

        [Fact]
        public void A_data_center_the_service_does_not_offer_is_refused_R20()
        {
            using var f = new SubscriptionFixture();
            var ex = Assert.Throws<MspException>(() => f.Plan("CAS DE", "CAS", dataCenters: new Dictionary<string, string> { ["*"] = "Germany" }));
            Assert.Contains("DataCenter 'Germany'", ex.Message);
            Assert.Contains("CAS (Cloud App Security) runs in", ex.Message);
            Assert.Equal(0, f.Store.Read(s => s.ServicePlans.Count()));
        }

        [Fact]
        public void Plan_names_are_unique_ignoring_case_R20()
        {
            using var f = new SubscriptionFixture();
            f.Plan("Basic", "WFBSS");
            var ex = Assert.Throws<MspException>(() => f.Plan("BASIC", "CAS"));
            Assert.Equal("ServicePlanNameTaken", ex.ErrorId);
        }

        [Theory]
        [InlineData(0)]
        [InlineData(37)]
        public void Initial_period_is_1_to_36_months_R20(int months)
        {
            using var f = new SubscriptionFixture();
            var ex = Assert.Throws<MspException>(() => f.Plan("Bad", "WFBSS", initial: months));
            Assert.Contains($"InitialPeriodMonths '{months}'", ex.Message);
            Assert.Contains("1 to 36", ex.Message);
        }

        [Fact]
        public void Products_are_known_and_given_once_and_not_beside_their_suite_R20()
        {
            using var f = new SubscriptionFixture();
            Assert.Equal("ProductNotFound", Assert.Throws<MspException>(() => f.Plan("A", "WFBSS, NOPE")).ErrorId);
            Assert.Contains("given twice", Assert.Throws<MspException>(() => f.Plan("B", "CAS, Cloud App Security")).Message);
            Assert.Contains("already part of WFXDR", Assert.Throws<MspException>(() => f.Plan("C", "WFXDR, CAS")).Message);
            Assert.Contains("already part of WFXDR", Assert.Throws<MspException>(() => f.Plan("D", "WFBSS-ADV, WFXDR")).Message);
        }

        [Fact]
        public void Trial_plan_lasts_exactly_one_month_and_does_not_renew_R37()
        {
            using var f = new SubscriptionFixture();
            Assert.Equal(1, f.Plan("Trial", "WFBSS", initial: 1, version: PlanVersion.Trial).InitialPeriodMonths);
            Assert.Equal("TrialPeriodFixed", Assert.Throws<MspException>(() => f.Plan("Trial 2", "WFBSS", initial: 2, version: PlanVersion.Trial)).ErrorId);
            Assert.Equal("TrialDoesNotRenew", Assert.Throws<MspException>(() => f.Plan("Trial 3", "WFBSS", initial: 1, renewal: 1, version: PlanVersion.Trial)).ErrorId);
            Assert.Equal("TrialSeatLimit", Assert.Throws<MspException>(() => f.Plan("Trial 4", "WFBSS", initial: 1, seats: 11, version: PlanVersion.Trial)).ErrorId);
        }

        [Fact]
        public void Version_is_fixed_at_creation_R20()
        {
            using var f = new SubscriptionFixture();
            f.Plan("Basic", "WFBSS");
            var ex = Assert.Throws<MspException>(() => f.Store.Write("Set-MspServicePlan", s =>
                ServicePlanOperations.Update(s, ServicePlanRef.ByName("Basic"), new ServicePlanFields { Version = PlanVersion.Trial }, Now)));
            Assert.Equal("PlanVersionFixed", ex.ErrorId);
        }

        [Fact]
        public void Products_of_a_plan_can_change_but_not_those_of_a_bundle_R21()
        {
            using var f = new SubscriptionFixture();
            f.Plan("Basic", "WFBSS");
            var changed = f.Store.Write("Set-MspServicePlan", s =>
                ServicePlanOperations.Update(s, ServicePlanRef.ByName("Basic"), new ServicePlanFields { Products = new[] { "WFBSS", "TMEMS" } }, Now));
            Assert.Equal(new[] { "WFBSS", "TMEMS" }, changed.Products.Select(p => p.Code));

            f.Plan("XDR", "WFXDR");
            var ex = Assert.Throws<MspException>(() => f.Store.Write("Set-MspServicePlan", s =>
                ServicePlanOperations.Update(s, ServicePlanRef.ByName("XDR"), new ServicePlanFields { Products = new[] { "WFXDR", "TMWS" } }, Now)));
            Assert.Equal("BundleProductsFixed", ex.ErrorId);
            Assert.Contains("R21", ex.Message);
            var toBundle = Assert.Throws<MspException>(() => f.Store.Write("Set-MspServicePlan", s =>
                ServicePlanOperations.Update(s, ServicePlanRef.ByName("Basic"), new ServicePlanFields { Products = new[] { "WFBSS-ADV" } }, Now)));
            Assert.Equal("BundleProductsFixed", toBundle.ErrorId);
            // A bundle's other terms still change.
            f.Store.Write("Set-MspServicePlan", s => ServicePlanOperations.Update(s, ServicePlanRef.ByName("XDR"), new ServicePlanFields { ExpirationNoticeDays = 10 }, Now));
        }

        [Fact]
        public void A_plan_in_use_cannot_be_removed_R22()
        {
            using var f = new SubscriptionFixture();
            f.Plan("Unused", "CAS");
            f.Plan("Used", "WFBSS");
            f.Assign("Used", new DateTime(2026, 1, 1));
            f.Store.Write("Remove-MspServicePlan", s => ServicePlanOperations.Remove(s, ServicePlanRef.ByName("Unused")));
            var ex = Assert.Throws<MspException>(() => f.Store.Write("Remove-MspServicePlan", s => ServicePlanOperations.Remove(s, ServicePlanRef.ByName("Used"))));
            Assert.Equal("ServicePlanInUse", ex.ErrorId);
            Assert.Contains("-Enabled $false", ex.Message);
            Assert.Equal(1, f.Store.Read(s => s.ServicePlans.Count()));
        }

        [Fact]
        public void Disabling_a_plan_keeps_its_subscriptions_and_stops_new_assignments_R20()
        {
            using var f = new SubscriptionFixture();
            f.Plan("Basic", "WFBSS");
            var sub = f.Assign("Basic", new DateTime(2026, 1, 1));
            f.Store.Write("Set-MspServicePlan", s => ServicePlanOperations.Update(s, ServicePlanRef.ByName("Basic"), new ServicePlanFields { Enabled = false }, Now));
            Assert.Equal(SubscriptionStatus.Active, f.Get(sub, new DateTime(2026, 6, 1)).Status);
            f.Store.Write("New-MspCustomer", s => CustomerOperations.Create(s, TestStore.Fields("Fabrikam"), Now));
            Assert.Equal("ServicePlanDisabled", Assert.Throws<MspException>(() => f.Assign("Basic", new DateTime(2026, 1, 1), customer: "Fabrikam")).ErrorId);
        }

        [Fact]
        public void Renaming_a_plan_renames_it_on_its_subscriptions_R20()
        {
            using var f = new SubscriptionFixture();
            f.Plan("Basic", "WFBSS");
            var sub = f.Assign("Basic", new DateTime(2026, 1, 1));
            f.Store.Write("Set-MspServicePlan", s => ServicePlanOperations.Update(s, ServicePlanRef.ByName("Basic"), new ServicePlanFields { Name = "Endpoint Basic" }, Now));
            Assert.Equal("Endpoint Basic", f.Get(sub, new DateTime(2026, 2, 1)).ServicePlan);
        }

        [Fact]
        public void A_CLP_account_has_no_service_plans_R2()
        {
            using var f = new SubscriptionFixture();
            f.Store.Write("Set-MspAccount", s => AccountOperations.Update(s, new AccountChanges { AccountType = AccountType.CustomerLicensingPortal }, null));
            var ex = Assert.Throws<MspException>(() => f.Plan("Basic", "WFBSS"));
            Assert.Equal("NotAvailableForAccountType", ex.ErrorId);
            Assert.Contains("Licensing Management Platform", ex.Message);
            Assert.Contains("R2", ex.Message);
        }

        [Fact]
        public void An_account_with_plans_cannot_become_CLP_R2()
        {
            using var f = new SubscriptionFixture();
            f.Plan("Basic", "WFBSS");
            var ex = Assert.Throws<MspException>(() => f.Store.Write("Set-MspAccount", s =>
                AccountOperations.Update(s, new AccountChanges { AccountType = AccountType.CustomerLicensingPortal }, null)));
            Assert.Equal("AccountHasServicePlans", ex.ErrorId);
            Assert.Equal(AccountType.LicensingManagementPlatform, f.Store.Read(s => s.GetAccount()).AccountType);
        }
    }
}
