using System;
using System.Collections.Generic;
using System.Linq;
using MspLicensing.Store;
using Xunit;

namespace MspLicensing.Domain.Tests
{
    public class CrossgradeRuleTests
    {
        private static readonly DateTime Now = SubscriptionFixture.Now;
        private static readonly DateTime Jan15 = new DateTime(2026, 1, 15);
        private static readonly DateTime Mar1 = new DateTime(2026, 3, 1);

        private static CrossgradeRequest To(string plan, int? seats = null, IDictionary<string, SoftwareChoice> software = null) => new CrossgradeRequest
        {
            Customer = CustomerRef.ByName("Contoso"),
            ServicePlan = ServicePlanRef.ByName(plan),
            Seats = seats,
            SoftwareAction = software,
            Date = Mar1,
        };

        private static IReadOnlyList<CrossgradeStep> Preview(SubscriptionFixture f, CrossgradeRequest r) => f.Store.Read(s => CrossgradeOperations.Plan(s, r));

        private static Subscription Crossgrade(SubscriptionFixture f, CrossgradeRequest r) => f.Store.Write("Invoke-MspCrossgrade", s => CrossgradeOperations.Invoke(s, r, Now).Subscription);

        private static List<License> AllLicenses(SubscriptionFixture f, DateTime asOf) =>
            f.Store.Read(s => LicenseOperations.Find(s, new LicenseQuery { Customer = CustomerRef.ByName("Contoso"), AsOf = asOf })).ToList();

        private static SubscriptionFixture Seed(out Subscription rolling)
        {
            var f = new SubscriptionFixture();
            f.Plan("WF Services Monthly Rolling", "WFBSS", initial: 1, renewal: 1, dataCenters: new Dictionary<string, string> { ["*"] = "Germany" });
            f.Plan("WF Services XDR", "WFXDR", initial: 12, renewal: 1, dataCenters: new Dictionary<string, string> { ["*"] = "Germany", ["CAS"] = "Europe" });
            rolling = f.Assign("WF Services Monthly Rolling", Jan15, seats: 25);
            return f;
        }

        [Fact]
        public void The_seed_crossgrade_transfers_the_service_license_and_adds_the_rest_as_new_R41_R45()
        {
            using var f = Seed(out var rolling);
            var wfbss = f.Licenses(rolling).Single();
            var steps = Preview(f, To("WF Services XDR"));
            Assert.Equal(new[] { "CAS New", "TMEMS New", "HES New", "WFBSS License transfer from WF Services Monthly Rolling", "WFBSS-EDR New" },
                steps.Where(s => s.Product != null).Select(s => s.Product + " " + s.LicenseStatus));
            var transfer = steps.Single(s => s.Action == CrossgradeAction.Transfer);
            Assert.Equal(wfbss.ActivationCode, transfer.ActivationCode);
            Assert.Equal("WFXDR", transfer.Suite);
            Assert.Equal(rolling.SubscriptionId, transfer.FromSubscriptionId);
            var end = steps.Single(s => s.Action == CrossgradeAction.EndSubscription);
            Assert.Equal("WF Services Monthly Rolling", end.FromServicePlan);
            Assert.Equal("Deactivated by license transfer", end.LicenseStatus);
        }

        [Fact]
        public void The_preview_changes_nothing_R45()
        {
            using var f = Seed(out var rolling);
            var before = f.Store.Read(s => (s.Subscriptions.Count(), s.Licenses.Count(), s.AuditLog(new AuditQuery()).Count(), s.Subscriptions.Get(rolling.SubscriptionId).Revision));
            Preview(f, To("WF Services XDR"));
            Assert.Equal(before, f.Store.Read(s => (s.Subscriptions.Count(), s.Licenses.Count(), s.AuditLog(new AuditQuery()).Count(), s.Subscriptions.Get(rolling.SubscriptionId).Revision)));
        }

        [Fact]
        public void A_crossgrade_keeps_the_transferred_license_starts_the_new_ones_at_once_and_ends_the_empty_subscription_R41_R44()
        {
            using var f = Seed(out var rolling);
            var old = f.Licenses(rolling).Single();
            var xdr = Crossgrade(f, To("WF Services XDR"));
            Assert.Equal(Mar1, xdr.StartDate);
            Assert.Equal(new DateTime(2027, 3, 1), xdr.ExpirationDate);
            var licenses = f.Licenses(xdr);
            Assert.Equal(5, licenses.Count);
            var moved = licenses.Single(l => l.Product == "WFBSS");
            Assert.Equal(old.LicenseId, moved.LicenseId);
            Assert.Equal(old.ActivationCode, moved.ActivationCode);
            Assert.Equal("WFXDR", moved.Suite);
            Assert.Equal(new DateTime(2027, 3, 1), moved.ExpirationDate);
            // Billing continuity: the history moves with the license.
            Assert.Equal(new[] { "2026-01-15: 25" }, moved.SeatHistory.Select(c => c.ToString()));
            Assert.All(licenses.Where(l => l.Product != "WFBSS"), l =>
            {
                Assert.Equal(Mar1, l.StartDate);
                Assert.Equal(25, l.Seats);
                Assert.NotEqual(old.ActivationCode, l.ActivationCode);
            });
            Assert.Equal(DataCenter.Europe, licenses.Single(l => l.Product == "CAS").DataCenter);
            var ended = f.Get(rolling, Mar1);
            Assert.Equal(SubscriptionStatus.Deactivated, ended.Status);
            Assert.Equal(Mar1, ended.DeactivatedOn);
            Assert.Empty(f.Licenses(rolling));
            Assert.Contains("License transfer from WF Services Monthly Rolling", f.Store.Read(s => s.AuditLog(new AuditQuery { Command = "Invoke-MspCrossgrade" }).Single().Summary));
            // A deactivated subscription does not renew.
            Assert.DoesNotContain(f.Renew(new DateTime(2026, 4, 1)), a => a.SubscriptionId == rolling.SubscriptionId && a.Action == "Renewed");
        }

        [Fact]
        public void Duplicates_are_found_along_the_upgrade_path_R42()
        {
            using var f = new SubscriptionFixture();
            f.Plan("Advanced", "WFBSS-ADV");
            f.Plan("XDR", "WFXDR");
            var advanced = f.Assign("Advanced", Jan15, seats: 30);
            var codes = f.Licenses(advanced).ToDictionary(l => l.Product, l => l.ActivationCode);
            Assert.Equal("CrossgradeRequired", Assert.Throws<MspException>(() => f.Assign("XDR", Mar1)).ErrorId);
            var steps = Preview(f, To("XDR"));
            Assert.Equal(4, steps.Count(s => s.Action == CrossgradeAction.Transfer));
            Assert.Equal("WFBSS-EDR", steps.Single(s => s.Action == CrossgradeAction.New).Product);
            var xdr = Crossgrade(f, To("XDR"));
            foreach (var l in f.Licenses(xdr).Where(l => l.Product != "WFBSS-EDR"))
                Assert.Equal(codes[l.Product], l.ActivationCode);
            Assert.All(f.Licenses(xdr), l => Assert.Equal("WFXDR", l.Suite));
        }

        [Fact]
        public void Leaving_a_suite_leaves_the_rest_unbundled_until_it_expires_R43()
        {
            using var f = new SubscriptionFixture();
            f.Plan("XDR", "WFXDR", initial: 12, renewal: 1);
            f.Plan("Endpoint", "WFBSS", initial: 1, renewal: 1);
            var xdr = f.Assign("XDR", Jan15, seats: 20);
            var steps = Preview(f, To("Endpoint"));
            Assert.Equal(4, steps.Count(s => s.Action == CrossgradeAction.Unbundle));
            Assert.Contains(steps, s => s.Action == CrossgradeAction.Unbundle && s.LicenseStatus == "Unbundled: usable until 2027-01-15");
            var endpoint = Crossgrade(f, To("Endpoint"));
            Assert.Equal("WFBSS", f.Licenses(endpoint).Single().Product);
            Assert.Null(f.Licenses(endpoint).Single().Suite);
            var all = AllLicenses(f, new DateTime(2026, 6, 1));
            var unbundled = all.Where(l => l.Status == LicenseStatus.Unbundled).ToList();
            Assert.Equal(new[] { "CAS", "HES", "TMEMS", "WFBSS-EDR" }, unbundled.Select(l => l.Product).OrderBy(p => p));
            Assert.All(unbundled, l => Assert.Equal(new DateTime(2027, 1, 15), l.ExpirationDate));
            Assert.Equal(SubscriptionStatus.Deactivated, f.Get(xdr, Mar1).Status);
            // Unbundled licenses run out on their own date, whatever happens to the subscriptions.
            Assert.All(AllLicenses(f, new DateTime(2027, 1, 20)).Where(l => l.Product != "WFBSS"), l => Assert.Equal(LicenseStatus.InGrace, l.Status));
        }

        [Fact]
        public void A_software_duplicate_needs_a_decision_and_nothing_changes_without_it_R41()
        {
            using var f = new SubscriptionFixture();
            f.Plan("On-premises", "WFBS-ADV");
            f.Plan("On-premises and cloud apps", "WFBS-ADV, CAS");
            var onPrem = f.Assign("On-premises", Jan15, seats: 40);
            Assert.Equal(CrossgradeAction.Decide, Preview(f, To("On-premises and cloud apps")).Single(s => s.Product == "WFBS-ADV").Action);
            var ex = Assert.Throws<MspException>(() => Crossgrade(f, To("On-premises and cloud apps")));
            Assert.Equal("SoftwareActionRequired", ex.ErrorId);
            Assert.Contains("'WFBS-ADV' = 'Transfer'", ex.Message);
            Assert.Equal(1, f.Store.Read(s => s.Subscriptions.Count()));
            Assert.Single(f.Licenses(onPrem));
            Assert.Equal("SoftwareAction", Assert.Throws<MspException>(() => Crossgrade(f, To("On-premises and cloud apps", software: new Dictionary<string, SoftwareChoice> { ["CAS"] = SoftwareChoice.New }))).Message.Split(' ')[0]);
        }

        [Fact]
        public void A_software_duplicate_transfers_keeping_its_code_R41()
        {
            using var f = new SubscriptionFixture();
            f.Plan("On-premises", "WFBS-ADV");
            f.Plan("On-premises and cloud apps", "WFBS-ADV, CAS");
            var onPrem = f.Assign("On-premises", Jan15, seats: 40);
            string code = f.Licenses(onPrem).Single().ActivationCode;
            var next = Crossgrade(f, To("On-premises and cloud apps", software: new Dictionary<string, SoftwareChoice> { ["wfbs-adv"] = SoftwareChoice.Transfer }));
            Assert.Equal(code, f.Licenses(next).Single(l => l.Product == "WFBS-ADV").ActivationCode);
            Assert.Equal(SubscriptionStatus.Deactivated, f.Get(onPrem, Mar1).Status);
        }

        [Fact]
        public void A_software_duplicate_can_get_a_new_code_and_the_old_license_is_deactivated_R41()
        {
            using var f = new SubscriptionFixture();
            f.Plan("On-premises", "WFBS-ADV");
            f.Plan("On-premises and cloud apps", "WFBS-ADV, CAS");
            var onPrem = f.Assign("On-premises", Jan15, seats: 40);
            var old = f.Licenses(onPrem).Single();
            var next = Crossgrade(f, To("On-premises and cloud apps", software: new Dictionary<string, SoftwareChoice> { ["WFBS-ADV"] = SoftwareChoice.New }));
            var fresh = f.Licenses(next).Single(l => l.Product == "WFBS-ADV");
            Assert.NotEqual(old.ActivationCode, fresh.ActivationCode);
            Assert.Equal(40, fresh.Seats);
            var replaced = AllLicenses(f, Mar1).Single(l => l.LicenseId == old.LicenseId);
            Assert.Equal(LicenseStatus.Deactivated, replaced.Status);
            Assert.Equal(SubscriptionStatus.Deactivated, f.Get(onPrem, Mar1).Status);
        }

        [Fact]
        public void A_plan_that_is_not_a_bundle_keeps_its_other_licenses_R43_R44()
        {
            using var f = new SubscriptionFixture();
            f.Plan("Endpoint and Exchange", "WFBSS, SMEX", renewal: 1);
            f.Plan("XDR", "WFXDR");
            var mixed = f.Assign("Endpoint and Exchange", Jan15);
            var steps = Preview(f, To("XDR"));
            Assert.DoesNotContain(steps, s => s.Action == CrossgradeAction.Unbundle || s.Action == CrossgradeAction.EndSubscription);
            Crossgrade(f, To("XDR", seats: 50));
            Assert.Equal("SMEX", f.Licenses(mixed).Single().Product);
            Assert.Equal(SubscriptionStatus.Active, f.Get(mixed, Mar1).Status);
            var moved = AllLicenses(f, Mar1).Single(l => l.Product == "WFBSS");
            Assert.Equal(new[] { "2026-01-15: 5", "2026-03-01: 50" }, moved.SeatHistory.Select(c => c.ToString()));
        }

        [Fact]
        public void A_crossgrade_that_fails_in_the_middle_leaves_the_store_as_it_was()
        {
            using var f = Seed(out var rolling);
            var before = f.Store.Read(s => string.Join("|", s.Licenses.All().Select(l => l.LicenseId + l.SubscriptionId.ToString() + l.Revision))
                                          + string.Join("|", s.Subscriptions.All().Select(x => x.SubscriptionId.ToString() + x.Revision)));
            Assert.Throws<InvalidOperationException>(() => f.Store.Write("Invoke-MspCrossgrade", s =>
                CrossgradeOperations.Invoke(new FailingAudit(s), To("WF Services XDR"), Now)));
            var after = f.Store.Read(s => string.Join("|", s.Licenses.All().Select(l => l.LicenseId + l.SubscriptionId.ToString() + l.Revision))
                                         + string.Join("|", s.Subscriptions.All().Select(x => x.SubscriptionId.ToString() + x.Revision)));
            Assert.Equal(before, after);
            Assert.Equal(SubscriptionStatus.Active, f.Get(rolling, Mar1).Status);
        }

        /// <summary>A session that fails at the last step of a change, after everything else was written.</summary>
        private sealed class FailingAudit : IStoreSession
        {
            private readonly IStoreSession _inner;
            public FailingAudit(IStoreSession inner) => _inner = inner;
            public void ReadAhead(ReadAhead what) => _inner.ReadAhead(what);
            public Account GetAccount() => _inner.GetAccount();
            public void SaveAccount(Account account) => _inner.SaveAccount(account);
            public IDocumentSet<Customer> Customers => _inner.Customers;
            public Customer FindCustomerByName(string name) => _inner.FindCustomerByName(name);
            public IReadOnlyList<Customer> FindCustomersByName(IEnumerable<string> names) => _inner.FindCustomersByName(names);
            public IReadOnlyList<Customer> FindCustomersByExternalId(string tool, string id) => _inner.FindCustomersByExternalId(tool, id);
            public IReadOnlyList<IReadOnlyList<Guid>> CustomerIdsByExternalIds(IReadOnlyList<KeyValuePair<string, string>> ids) => _inner.CustomerIdsByExternalIds(ids);
            public IReadOnlyList<Customer> CustomersByIds(IReadOnlyCollection<Guid> customerIds) => _inner.CustomersByIds(customerIds);
            public Dictionary<Guid, string> CustomerNames() => _inner.CustomerNames();
            public bool CustomerHoldsProducts(Guid customerId) => _inner.CustomerHoldsProducts(customerId);
            public IDocumentSet<ServicePlan> ServicePlans => _inner.ServicePlans;
            public ServicePlan FindServicePlanByName(string name) => _inner.FindServicePlanByName(name);
            public IDocumentSet<Subscription> Subscriptions => _inner.Subscriptions;
            public IReadOnlyList<Subscription> SubscriptionsOfCustomer(Guid customerId) => _inner.SubscriptionsOfCustomer(customerId);
            public bool ServicePlanInUse(Guid servicePlanId) => _inner.ServicePlanInUse(servicePlanId);
            public IDocumentSet<License> Licenses => _inner.Licenses;
            public IReadOnlyList<License> LicensesOfCustomer(Guid customerId) => _inner.LicensesOfCustomer(customerId);
            public IReadOnlyList<License> LicensesOfSubscription(Guid subscriptionId) => _inner.LicensesOfSubscription(subscriptionId);
            public License FindLicenseByActivationCode(string activationCode) => _inner.FindLicenseByActivationCode(activationCode);
            public IReadOnlyList<License> LicensesOfCustomers(IReadOnlyCollection<Guid> customerIds) => _inner.LicensesOfCustomers(customerIds);
            public IReadOnlyList<Subscription> SubscriptionsOfCustomers(IReadOnlyCollection<Guid> customerIds) => _inner.SubscriptionsOfCustomers(customerIds);
            public IEnumerable<KeyValuePair<Subscription, IReadOnlyList<License>>> SubscriptionsWithLicenses() => _inner.SubscriptionsWithLicenses();
            public IDocumentSet<UsageLedger> Ledgers => _inner.Ledgers;
            public IDocumentSet<UsageLedgerMonth> LedgerMonths => _inner.LedgerMonths;
            public IReadOnlyList<UsageLedger> UsageLedgersOf(IReadOnlyCollection<Guid> customerIds) => _inner.UsageLedgersOf(customerIds);
            public IReadOnlyList<KeyValuePair<Guid, string>> UsageLedgerLines(int month) => _inner.UsageLedgerLines(month);
            public int? FirstUsageLedgerMonth() => _inner.FirstUsageLedgerMonth();
            public IDocumentSet<LicenseMigration> Migrations => _inner.Migrations;
            public IDocumentSet<Template> Templates => _inner.Templates;
            public Template FindTemplateByName(string name) => _inner.FindTemplateByName(name);
            public IDocumentSet<OutboxItem> Outbox => _inner.Outbox;
            public UsageReport GetUsageReport(string month) => _inner.GetUsageReport(month);
            public IReadOnlyList<string> UsageReportMonths() => _inner.UsageReportMonths();
            public void SaveUsageReport(UsageReport report) => _inner.SaveUsageReport(report);
            public void Audit(string action, string targetType, string targetId, string target, string summary, Guid? customerId = null) => throw new InvalidOperationException("the disk is full");
            public IEnumerable<AuditEntry> AuditLog(AuditQuery query) => _inner.AuditLog(query);
        }

        [Fact]
        public void A_crossgrade_to_the_plan_the_customer_holds_already_changes_nothing_R45()
        {
            using var f = new SubscriptionFixture();
            f.Plan("Basic", "WFBSS", renewal: 1);
            f.Plan("XDR", "WFXDR", renewal: 1);
            f.Assign("Basic", new DateTime(2026, 1, 15), seats: 20);
            var first = f.Store.Write("Invoke-MspCrossgrade", s => CrossgradeOperations.Invoke(s, To("XDR"), Now));
            Assert.True(first.Changed);
            var before = AllLicenses(f, Mar1).Select(l => (l.LicenseId, l.SubscriptionId, l.ActivationCode, l.Status)).OrderBy(x => x.LicenseId).ToList();
            int audit = f.Store.Read(s => s.AuditLog(new AuditQuery()).Count());

            var preview = Preview(f, To("XDR"));
            Assert.All(preview, step => Assert.Equal(CrossgradeAction.Keep, step.Action));
            Assert.Equal(5, preview.Count);
            var again = f.Store.Write("Invoke-MspCrossgrade", s => CrossgradeOperations.Invoke(s, To("XDR"), Now));
            Assert.False(again.Changed);
            Assert.Equal(first.Subscription.SubscriptionId, again.Subscription.SubscriptionId);
            Assert.Equal(before, AllLicenses(f, Mar1).Select(l => (l.LicenseId, l.SubscriptionId, l.ActivationCode, l.Status)).OrderBy(x => x.LicenseId).ToList());
            Assert.Equal(audit, f.Store.Read(s => s.AuditLog(new AuditQuery()).Count()));
        }
    }
}
