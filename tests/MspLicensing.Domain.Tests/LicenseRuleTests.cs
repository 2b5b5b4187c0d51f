using System;
using System.Collections.Generic;
using System.Linq;
using MspLicensing.Store;
using Xunit;

namespace MspLicensing.Domain.Tests
{
    /// <summary>Removing Unbundled licenses (R43) and NFR licenses (R51).</summary>
    public class LicenseRuleTests
    {
        private static readonly DateTime Now = SubscriptionFixture.Now;
        private static readonly DateTime June1 = new DateTime(2026, 6, 1);
        private static readonly DateTime July1 = new DateTime(2026, 7, 1);
        private static readonly DateTime July10 = new DateTime(2026, 7, 10);
        private static readonly DateTime August = new DateTime(2026, 8, 1);

        /// <summary>Contoso on Worry-Free XDR from June 1, crossgraded to Worry-Free Services only on July 1.</summary>
        private static SubscriptionFixture Unbundled(out Subscription xdr, out Subscription endpoint)
        {
            var f = new SubscriptionFixture();
            f.Plan("XDR", "WFXDR", initial: 12, renewal: 1);
            f.Plan("Endpoint", "WFBSS", initial: 1, renewal: 1);
            xdr = f.Assign("XDR", June1, seats: 20);
            endpoint = f.Store.Write("Invoke-MspCrossgrade", s => CrossgradeOperations.Invoke(s, new CrossgradeRequest
            {
                Customer = CustomerRef.ByName("Contoso"),
                ServicePlan = ServicePlanRef.ByName("Endpoint"),
                Date = July1,
            }, Now).Subscription);
            return f;
        }

        private static List<License> Licenses(SubscriptionFixture f, DateTime asOf, LicenseStatus? status = null) =>
            f.Store.Read(s => LicenseOperations.Find(s, new LicenseQuery { Customer = CustomerRef.ByName("Contoso"), AsOf = asOf, Status = status })).ToList();

        private static License Remove(SubscriptionFixture f, License l, DateTime date) =>
            f.Store.Write("Remove-MspLicense", s => LicenseOperations.Remove(s, l.LicenseId, null, date));

        private static List<UsageLine> Lines(SubscriptionFixture f, DateTime month) => f.Store.Read(s => UsageOperations.Lines(s, BillingMonth.Of(month), true)).ToList();

        private static string Snapshot(SubscriptionFixture f) =>
            f.Store.Read(s => string.Join("|", s.Licenses.All().OrderBy(l => l.LicenseId).Select(l => l.LicenseId + ":" + l.Revision + ":" + l.EndState))
                              + "#" + s.AuditLog(new AuditQuery()).Count());

        private static License Register(SubscriptionFixture f, string product, NonMspLicenseType type, string code) =>
            f.Store.Write("Register-MspProduct", s => MigrationOperations.Register(s, new ProductRegistration
            {
                Customer = CustomerRef.ByName("Contoso"),
                Product = product,
                LicenseType = type,
                Seats = 10,
                StartDate = new DateTime(2026, 1, 1),
                ExpirationDate = new DateTime(2027, 6, 30),
                ActivationCode = code,
            }, Now, SubscriptionFixture.Today));

        [Fact]
        public void R43_A_removed_unbundled_license_bills_its_month_in_full_and_nothing_after()
        {
            using var f = Unbundled(out _, out _);
            var unbundled = Licenses(f, July10, LicenseStatus.Unbundled);
            Assert.Equal(new[] { "CAS", "HES", "TMEMS", "WFBSS-EDR" }, unbundled.Select(l => l.Product).OrderBy(p => p));
            // Left alone, the components bill every month until they expire.
            Assert.Equal(new[] { "CAS", "HES", "TMEMS", "WFBSS", "WFBSS-EDR" }, Lines(f, August).Select(l => l.Product).OrderBy(p => p));

            foreach (var l in unbundled)
                Assert.Equal(LicenseStatus.Removed, Remove(f, l, July10).Status);

            // July: the month of the removal, billed in full; August: only the plan's own license.
            var july = Lines(f, July1);
            Assert.Equal(new[] { "CAS", "HES", "TMEMS", "WFBSS", "WFBSS-EDR" }, july.Select(l => l.Product).OrderBy(p => p));
            Assert.All(july, l => Assert.Equal(20, l.Chargeable));
            Assert.Equal("WFBSS", Lines(f, August).Single().Product);
            Assert.Equal("WFBSS", Lines(f, new DateTime(2027, 3, 1)).Single().Product);
        }

        [Fact]
        public void R43_A_removed_license_stays_in_the_history_with_its_code_and_the_status_Removed()
        {
            using var f = Unbundled(out _, out _);
            var cas = Licenses(f, July10).Single(l => l.Product == "CAS");
            var removed = Remove(f, cas, July10);
            Assert.Equal(cas.ActivationCode, removed.ActivationCode);
            Assert.Equal("Contoso", removed.Customer);
            // Status as of a day: Unbundled before the removal, Removed from its day on, also past the expiration date.
            Assert.Equal(LicenseStatus.Unbundled, Licenses(f, new DateTime(2026, 7, 9)).Single(l => l.LicenseId == cas.LicenseId).Status);
            Assert.Equal(LicenseStatus.Removed, Licenses(f, July10).Single(l => l.LicenseId == cas.LicenseId).Status);
            Assert.Equal(LicenseStatus.Removed, Licenses(f, new DateTime(2027, 8, 1)).Single(l => l.LicenseId == cas.LicenseId).Status);
            Assert.Equal(cas.LicenseId, Licenses(f, August, LicenseStatus.Removed).Single().LicenseId);
            Assert.Equal(3, Licenses(f, August, LicenseStatus.Unbundled).Count);
            var audit = f.Store.Read(s => s.AuditLog(new AuditQuery { Command = "Remove-MspLicense" }).Single());
            Assert.Equal("Remove", audit.Action);
            Assert.Equal(cas.LicenseId.ToString(), audit.TargetId);
            Assert.Equal("Contoso / CAS " + cas.ActivationCode, audit.Target);
            Assert.StartsWith("Unbundled (since 2026-07-01) -> Removed on 2026-07-10: 2026-07 bills in full, later months nothing", audit.Summary);
            // A renewal run records the new status once.
            Assert.Contains(f.Renew(August), a => a.ActivationCode == cas.ActivationCode && a.To == "Removed");
            Assert.DoesNotContain(f.Renew(August), a => a.ActivationCode == cas.ActivationCode);
        }

        [Fact]
        public void R43_A_removed_license_is_no_longer_held_or_managed()
        {
            using var f = Unbundled(out _, out _);
            f.Plan("Cloud apps", "CAS", renewal: 1);
            var cas = Licenses(f, July10).Single(l => l.Product == "CAS");
            // Held, an Unbundled license makes a plan with its product a crossgrade (R40).
            Assert.Equal("CrossgradeRequired", Assert.Throws<MspException>(() => f.Assign("Cloud apps", July10)).ErrorId);
            Remove(f, cas, July10);
            var fresh = f.Licenses(f.Assign("Cloud apps", July10)).Single();
            Assert.NotEqual(cas.ActivationCode, fresh.ActivationCode);
            f.Store.Write("Sync-MspRemoteManager", s => RemoteManagerOperations.Sync(s, Now));
            var managed = f.Store.Read(s => RemoteManagerOperations.ManagedProducts(s, CustomerRef.ByName("Contoso"), August));
            Assert.DoesNotContain(managed, p => p.ActivationCode == cas.ActivationCode);
            Assert.Contains(managed, p => p.ActivationCode == fresh.ActivationCode);
        }

        [Fact]
        public void R43_Only_unbundled_licenses_are_removed_and_the_error_says_what_to_do_instead()
        {
            using var f = Unbundled(out _, out var endpoint);
            var before = Snapshot(f);
            var active = Licenses(f, July10).Single(l => l.Product == "WFBSS");
            var msp = Assert.Throws<MspException>(() => Remove(f, active, July10));
            Assert.Equal("LicenseNotUnbundled", msp.ErrorId);
            Assert.Equal(ErrorKind.InvalidOperation, msp.Kind);
            Assert.Equal("R43", msp.Rule);
            Assert.Equal(active.LicenseId, ((License)msp.Target).LicenseId);
            Assert.Contains($"WFBSS license {active.ActivationCode} of 'Contoso' is Active, not Unbundled", msp.Message);
            Assert.Contains($"Stop-MspSubscription -SubscriptionId {endpoint.SubscriptionId}", msp.Message);
            Assert.Equal(before, Snapshot(f));

            Register(f, "WFBS-ADV", NonMspLicenseType.PayAsYouGo, "WF-AAAA-BBBBB-CCCCC-DDDDD-EEEEE-FFFFF");
            before = Snapshot(f);
            var refused = Assert.Throws<MspException>(() => f.Store.Write("Remove-MspLicense", s => LicenseOperations.Remove(s, null, "wf-aaaa-bbbbb-ccccc-ddddd-eeeee-fffff", July10)));
            Assert.Equal("LicenseNotUnbundled", refused.ErrorId);
            Assert.Contains("non-MSP PayAsYouGo license", refused.Message);
            Assert.Contains("Unregister-MspProduct -ActivationCode WF-AAAA-BBBBB-CCCCC-DDDDD-EEEEE-FFFFF", refused.Message);
            Assert.Equal(before, Snapshot(f));

            // A license that ended otherwise has nothing to remove.
            f.Store.Write("Stop-MspSubscription", s => SubscriptionOperations.Cancel(s, SubscriptionRef.ById(endpoint.SubscriptionId), July10, Now));
            var cancelled = Assert.Throws<MspException>(() => Remove(f, active, July10));
            Assert.Equal("LicenseNotUnbundled", cancelled.ErrorId);
            Assert.Contains("is Cancelled, not Unbundled", cancelled.Message);
            Assert.Contains("nothing to remove", cancelled.Message);

            var missing = Assert.Throws<MspException>(() => f.Store.Write("Remove-MspLicense", s => LicenseOperations.Remove(s, null, "CA-AAAA-BBBBB-CCCCC-DDDDD-EEEEE-FFFFF", July10)));
            Assert.Equal("LicenseNotFound", missing.ErrorId);
            Assert.Equal(ErrorKind.ObjectNotFound, missing.Kind);
            Assert.Equal(LicenseStatus.Cancelled, Licenses(f, July10).Single(l => l.LicenseId == active.LicenseId).Status);
            Assert.Equal(4, Licenses(f, July10, LicenseStatus.Unbundled).Count);
        }

        [Fact]
        public void R43_A_removal_falls_between_the_unbundling_and_the_expiration_date()
        {
            using var f = Unbundled(out _, out _);
            var cas = Licenses(f, July10).Single(l => l.Product == "CAS");
            var before = Snapshot(f);
            var early = Assert.Throws<MspException>(() => Remove(f, cas, new DateTime(2026, 5, 31)));
            Assert.Equal("InvalidValue", early.ErrorId);
            Assert.Contains("Date '2026-05-31'", early.Message);
            Assert.Contains($"CAS license {cas.ActivationCode} of 'Contoso' started on 2026-06-01", early.Message);
            var beforeUnbundling = Assert.Throws<MspException>(() => Remove(f, cas, new DateTime(2026, 6, 20)));
            Assert.Contains("Date '2026-06-20'", beforeUnbundling.Message);
            Assert.Contains("was unbundled on 2026-07-01", beforeUnbundling.Message);
            var late = Assert.Throws<MspException>(() => Remove(f, cas, new DateTime(2027, 6, 1)));
            Assert.Contains("Date '2027-06-01'", late.Message);
            Assert.Contains("expires on 2027-06-01; remove it before that day", late.Message);
            Assert.Equal(before, Snapshot(f));
            // The first and the last possible day.
            Assert.Equal(LicenseStatus.Removed, Remove(f, cas, July1).Status);
            var hes = Licenses(f, July10).Single(l => l.Product == "HES");
            Remove(f, hes, new DateTime(2027, 5, 31));
            Assert.Equal("HES", Lines(f, new DateTime(2027, 5, 1)).Single(l => l.Product == "HES").Product);
        }

        [Fact]
        public void R43_Removing_a_removed_license_again_is_refused_and_changes_nothing()
        {
            using var f = Unbundled(out _, out _);
            var cas = Licenses(f, July10).Single(l => l.Product == "CAS");
            Remove(f, cas, July10);
            var before = Snapshot(f);
            var again = Assert.Throws<MspException>(() => Remove(f, cas, new DateTime(2026, 8, 3)));
            Assert.Equal("LicenseAlreadyRemoved", again.ErrorId);
            Assert.Equal(ErrorKind.InvalidOperation, again.Kind);
            Assert.Contains("was removed on 2026-07-10 already; nothing was changed", again.Message);
            Assert.Equal(before, Snapshot(f));
            // Its preview (for -WhatIf and -Confirm) refuses the same way and writes nothing.
            Assert.Equal("LicenseAlreadyRemoved", Assert.Throws<MspException>(() => f.Store.Read(s => ChangePreview.Of(s, "CAS", x => LicenseOperations.Remove(x, cas.LicenseId, null, July10)))).ErrorId);
            Assert.Equal(before, Snapshot(f));
        }

        [Fact]
        public void R43_The_preview_of_a_removal_names_the_license_the_day_and_what_it_bills_and_changes_nothing()
        {
            using var f = Unbundled(out _, out _);
            var cas = Licenses(f, July10).Single(l => l.Product == "CAS");
            var before = Snapshot(f);
            var preview = f.Store.Read(s => ChangePreview.Of(s, "CAS", x => LicenseOperations.Remove(x, null, cas.ActivationCode, July10)));
            Assert.Equal($"Contoso / CAS {cas.ActivationCode}: Unbundled -> Removed on 2026-07-10 (R43: {Rules.R43.Billing})", preview.Text);
            Assert.Equal(before, Snapshot(f));
            Assert.Equal(LicenseStatus.Unbundled, Licenses(f, July10).Single(l => l.Product == "CAS").Status);
        }

        [Fact]
        public void R43_Unbundled_licenses_of_an_auto_renewing_suite_run_as_far_as_it_had_renewed_R56()
        {
            using var f = new SubscriptionFixture();
            f.Plan("XDR monthly", "WFXDR", initial: 1, renewal: 1);
            f.Plan("Endpoint", "WFBSS", initial: 1, renewal: 1);
            var xdr = f.Assign("XDR monthly", new DateTime(2026, 1, 15), seats: 20);
            // No renewal run since January: on June 1 the suite has renewed through 2026-06-15.
            var request = new CrossgradeRequest { Customer = CustomerRef.ByName("Contoso"), ServicePlan = ServicePlanRef.ByName("Endpoint"), Date = June1 };
            var steps = f.Store.Read(s => CrossgradeOperations.Plan(s, request));
            Assert.All(steps.Where(s => s.Action == CrossgradeAction.Unbundle), s => Assert.Equal("Unbundled: usable until 2026-06-15", s.LicenseStatus));
            f.Store.Write("Invoke-MspCrossgrade", s => CrossgradeOperations.Invoke(s, request, Now));
            var unbundled = Licenses(f, new DateTime(2026, 6, 2), LicenseStatus.Unbundled);
            Assert.Equal(4, unbundled.Count);
            Assert.All(unbundled, l => Assert.Equal(new DateTime(2026, 6, 15), l.ExpirationDate));
            Assert.Equal(new DateTime(2026, 6, 15), f.Get(xdr, June1).ExpirationDate);
            Assert.Equal(LicenseStatus.Removed, Remove(f, unbundled.Single(l => l.Product == "CAS"), new DateTime(2026, 6, 10)).Status);
            Assert.Contains(Lines(f, June1), l => l.Product == "HES");
            Assert.DoesNotContain(Lines(f, July1), l => l.Product == "HES");
        }

        [Fact]
        public void R51_An_NFR_license_is_never_billed()
        {
            using var f = new SubscriptionFixture();
            f.Plan("Cloud apps", "CAS", renewal: 1);
            f.Assign("Cloud apps", new DateTime(2026, 1, 15), seats: 7);
            var nfr = Register(f, "WFBSS", NonMspLicenseType.NFR, "WF-NNNN-BBBBB-CCCCC-DDDDD-EEEEE-FFFFF");
            Assert.Equal("NFR", nfr.LicenseType);
            Assert.Equal(LicenseModel.NonMsp, nfr.LicenseModel);
            for (int month = 1; month <= 12; month++)
                Assert.Equal("CAS", Lines(f, new DateTime(2026, month, 1)).Single().Product);
        }

        [Fact]
        public void R51_An_NFR_license_stays_out_of_the_report_whatever_placement_it_shows()
        {
            using var f = new SubscriptionFixture();
            var nfr = Register(f, "WFBSS", NonMspLicenseType.NFR, "WF-NNNN-BBBBB-CCCCC-DDDDD-EEEEE-FFFFF");
            f.Store.Write("Test", s =>
            {
                // A placement no command writes for an NFR license: a Full MSP one.
                var l = s.Licenses.Get(nfr.LicenseId);
                l.MoveTo(new DateTime(2026, 3, 1), Guid.NewGuid(), null, "Full");
                l.LicenseModel = LicenseModel.Msp;
                s.Licenses.Update(l);
                return l;
            });
            Assert.Empty(Lines(f, new DateTime(2026, 3, 1)));
            Assert.Empty(Lines(f, new DateTime(2026, 9, 1)));
        }

        [Fact]
        public void R51_An_NFR_license_is_not_migrated_into_LMP_and_changes_nothing()
        {
            using var f = new SubscriptionFixture();
            f.Plan("Endpoint", "WFBSS", renewal: 1);
            var nfr = Register(f, "WFBSS", NonMspLicenseType.NFR, "WF-NNNN-BBBBB-CCCCC-DDDDD-EEEEE-FFFFF");
            var before = Snapshot(f);
            var ex = Assert.Throws<MspException>(() => f.Store.Write("Start-MspLicenseMigration", s =>
                MigrationOperations.Start(s, new MigrationRequest { LicenseId = nfr.LicenseId, ServicePlan = ServicePlanRef.ByName("Endpoint"), Date = new DateTime(2026, 3, 1) }, Now)));
            Assert.Equal("NfrLicenseNotMigrated", ex.ErrorId);
            Assert.Equal(ErrorKind.InvalidOperation, ex.Kind);
            Assert.Equal("R51", ex.Rule);
            Assert.Contains("WF-NNNN-BBBBB-CCCCC-DDDDD-EEEEE-FFFFF", ex.Message);
            Assert.Contains("stays in Remote Manager", ex.Message);
            Assert.Equal(before, Snapshot(f));
            Assert.Equal(0, f.Store.Read(s => s.Migrations.Count()));
            Assert.Empty(f.Store.Read(s => s.Subscriptions.All()));
        }

        [Fact]
        public void R51_An_NFR_license_is_a_non_MSP_license_that_does_not_mix_with_MSP_ones_R39()
        {
            using var f = new SubscriptionFixture();
            f.Plan("Endpoint", "WFBSS", renewal: 1);
            f.Plan("Cloud apps", "CAS", renewal: 1);
            Register(f, "WFBSS", NonMspLicenseType.NFR, "WF-NNNN-BBBBB-CCCCC-DDDDD-EEEEE-FFFFF");
            var mixed = Assert.Throws<MspException>(() => f.Assign("Endpoint", new DateTime(2026, 3, 1)));
            Assert.Equal("NonMspLicensesHeld", mixed.ErrorId);
            Assert.Contains("WF-NNNN-BBBBB-CCCCC-DDDDD-EEEEE-FFFFF", mixed.Message);
            f.Assign("Cloud apps", new DateTime(2026, 3, 1));
            var held = Assert.Throws<MspException>(() => Register(f, "CAS", NonMspLicenseType.NFR, "CA-NNNN-BBBBB-CCCCC-DDDDD-EEEEE-FFFFF"));
            Assert.Equal("MspLicenseHeld", held.ErrorId);
        }

        [Fact]
        public void R51_An_NFR_license_shows_as_NFR_in_Remote_Manager()
        {
            using var f = new SubscriptionFixture();
            Register(f, "WFBSS", NonMspLicenseType.NFR, "WF-NNNN-BBBBB-CCCCC-DDDDD-EEEEE-FFFFF");
            f.Store.Write("Sync-MspRemoteManager", s => RemoteManagerOperations.Sync(s, Now));
            var managed = f.Store.Read(s => RemoteManagerOperations.ManagedProducts(s, CustomerRef.ByName("Contoso"), new DateTime(2026, 3, 1))).Single();
            Assert.Equal("NFR", managed.LicenseType);
            Assert.Equal(LicenseModel.NonMsp, managed.LicenseModel);
            Assert.Equal(ManagedStatus.Normal, managed.Status);
            Assert.Equal("NFR", Licenses(f, new DateTime(2026, 3, 1)).Single().LicenseType);
        }
    }
}
