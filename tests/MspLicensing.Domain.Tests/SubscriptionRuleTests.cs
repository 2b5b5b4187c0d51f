using System;
using System.Collections.Generic;
using System.Linq;
using LiteDB;
using MspLicensing.Store;
using Xunit;

namespace MspLicensing.Domain.Tests
{
    public class SubscriptionRuleTests
    {
        private static readonly DateTime Now = SubscriptionFixture.Now;
        private static readonly DateTime Jan15 = new DateTime(2026, 1, 15);

        private static Subscription Change(SubscriptionFixture f, Subscription s, SubscriptionChanges c) =>
            f.Store.Write("Set-MspSubscription", x => SubscriptionOperations.Change(x, SubscriptionRef.ById(s.SubscriptionId), c, Now, SubscriptionFixture.Today));

        [Fact]
        public void Assignment_creates_one_license_per_product_from_the_start_date_R30()
        {
            using var f = new SubscriptionFixture();
            f.Plan("Mixed", "WFBSS, CAS, SMEX", initial: 12, renewal: 1);
            var sub = f.Assign("Mixed", Jan15, seats: 20);
            Assert.Equal("Contoso", sub.Customer);
            Assert.Equal(Jan15, sub.StartDate);
            Assert.Equal(new DateTime(2027, 1, 15), sub.ExpirationDate);
            Assert.True(sub.AutoRenewal);
            var licenses = f.Licenses(sub);
            Assert.Equal(new[] { "WFBSS", "CAS", "SMEX" }.OrderBy(x => x), licenses.Select(l => l.Product).OrderBy(x => x));
            Assert.All(licenses, l =>
            {
                Assert.Equal(20, l.Seats);
                Assert.Equal(Jan15, l.StartDate);
                Assert.Equal(sub.ExpirationDate, l.ExpirationDate);
                Assert.Equal(LicenseModel.Msp, l.LicenseModel);
                Assert.Equal("Full", l.LicenseType);
                Assert.Null(l.Suite);
            });
            Assert.Equal(DataCenter.UnitedStates, licenses.Single(l => l.Product == "CAS").DataCenter);
            Assert.Null(licenses.Single(l => l.Product == "SMEX").DataCenter);
        }

        [Fact]
        public void A_suite_gets_a_license_per_component_grouped_under_it_R30()
        {
            using var f = new SubscriptionFixture();
            f.Plan("WF Services XDR", "WFXDR");
            var licenses = f.Licenses(f.Assign("WF Services XDR", Jan15));
            Assert.Equal(new[] { "CAS", "TMEMS", "HES", "WFBSS", "WFBSS-EDR" }.OrderBy(x => x), licenses.Select(l => l.Product).OrderBy(x => x));
            Assert.All(licenses, l => Assert.Equal("WFXDR", l.Suite));
            Assert.Equal(5, licenses.Select(l => l.ActivationCode).Distinct().Count());
        }

        [Theory]
        [InlineData(0)]
        [InlineData(1000000)]
        [InlineData(-3)]
        public void Seats_are_1_to_999999_R31(int seats)
        {
            using var f = new SubscriptionFixture();
            f.Plan("Basic", "WFBSS");
            var ex = Assert.Throws<MspException>(() => f.Assign("Basic", Jan15, seats: seats));
            Assert.Contains($"Seats '{seats}'", ex.Message);
            Assert.Contains("999,999", ex.Message);
            Assert.Equal(0, f.Store.Read(s => s.Subscriptions.Count()));
            Assert.Equal(0, f.Store.Read(s => s.Licenses.Count()));
        }

        [Fact]
        public void Each_product_can_have_its_own_seats_R31()
        {
            using var f = new SubscriptionFixture();
            f.Plan("Endpoint and mail", "WFBSS, TMEMS");
            var licenses = f.Licenses(f.Assign("Endpoint and mail", Jan15, seats: 50, productSeats: new Dictionary<string, int> { ["Trend Micro Email Security Standard"] = 30 }));
            Assert.Equal(50, licenses.Single(l => l.Product == "WFBSS").Seats);
            Assert.Equal(30, licenses.Single(l => l.Product == "TMEMS").Seats);
            Assert.Contains("ProductSeats 'CAS'", Assert.Throws<MspException>(() => f.Assign("Endpoint and mail", Jan15, productSeats: new Dictionary<string, int> { ["CAS"] = 3 })).Message);
        }

        [Fact]
        public void Activation_codes_have_37_characters_the_product_prefix_and_are_unique_R32()
        {
            using var f = new SubscriptionFixture();
            f.Plan("Everything", "WFXDR, CE, TMWS, WFBS-ADV, SMEX");
            var codes = new List<License>();
            for (int i = 0; i < 8; i++)
            {
                f.Store.Write("New-MspCustomer", s => CustomerOperations.Create(s, TestStore.Fields("C" + i), Now));
                codes.AddRange(f.Licenses(f.Assign("Everything", Jan15, customer: "C" + i)));
            }
            Assert.Equal(72, codes.Count);
            Assert.Equal(codes.Count, codes.Select(l => l.ActivationCode).Distinct().Count());
            Assert.All(codes, l =>
            {
                Assert.Equal(37, l.ActivationCode.Length);
                Assert.Matches(@"^[A-Z]{2}-[A-Z0-9]{4}-[A-Z0-9]{5}-[A-Z0-9]{5}-[A-Z0-9]{5}-[A-Z0-9]{5}-[A-Z0-9]{5}$", l.ActivationCode);
                Assert.StartsWith(Catalog.Find(l.Product).ActivationCodePrefix + "-", l.ActivationCode);
            });
            // Random, not sequential: the symbols after the prefix spread over the alphabet.
            Assert.True(codes.SelectMany(l => l.ActivationCode.Substring(3).Replace("-", "")).Distinct().Count() >= 28);
        }

        [Fact]
        public void Expiration_is_start_plus_initial_period_then_renewals_every_period_R33()
        {
            using var f = new SubscriptionFixture();
            f.Plan("Monthly after a year", "WFBSS", initial: 12, renewal: 1);
            var sub = f.Assign("Monthly after a year", Jan15);
            Assert.Equal(new DateTime(2027, 1, 15), sub.ExpirationDate);
            Assert.DoesNotContain(f.Renew(new DateTime(2027, 1, 14)), a => a.Action == "Renewed");
            var first = f.Renew(new DateTime(2027, 1, 15)).Single(a => a.Action == "Renewed");
            Assert.Equal("2027-01-15", first.From);
            Assert.Equal("2027-02-15", first.To);
            Assert.Equal("2027-03-15", f.Renew(new DateTime(2027, 2, 15)).Single(a => a.Action == "Renewed").To);
            Assert.All(f.Licenses(sub), l => Assert.Equal(new DateTime(2027, 3, 15), l.ExpirationDate));
        }

        [Fact]
        public void Renewals_keep_the_day_of_the_month_through_short_months_R33()
        {
            using var f = new SubscriptionFixture();
            f.Plan("Monthly", "WFBSS", initial: 1, renewal: 1);
            var sub = f.Assign("Monthly", new DateTime(2026, 1, 31));
            Assert.Equal(new DateTime(2026, 2, 28), sub.ExpirationDate);
            f.Renew(new DateTime(2026, 2, 28));
            Assert.Equal(new DateTime(2026, 3, 31), f.Get(sub, new DateTime(2026, 3, 1)).ExpirationDate);
        }

        [Fact]
        public void Seats_change_without_touching_dates_and_every_change_is_kept_R34()
        {
            using var f = new SubscriptionFixture();
            f.Plan("Basic", "WFBSS, CAS", initial: 12, renewal: 1);
            var sub = f.Assign("Basic", Jan15, seats: 10);
            Change(f, sub, new SubscriptionChanges { Seats = 25, Date = new DateTime(2026, 3, 10) });
            Change(f, sub, new SubscriptionChanges { ProductSeats = new Dictionary<string, int> { ["CAS"] = 5 }, Date = new DateTime(2026, 4, 1) });
            // Back-filled: a change before the latest one goes into the history in date order.
            Change(f, sub, new SubscriptionChanges { Seats = 15, Date = new DateTime(2026, 2, 1) });
            var wfbss = f.Licenses(sub).Single(l => l.Product == "WFBSS");
            var cas = f.Licenses(sub).Single(l => l.Product == "CAS");
            Assert.Equal(new[] { "2026-01-15: 10", "2026-02-01: 15", "2026-03-10: 25" }, wfbss.SeatHistory.Select(c => c.ToString()));
            Assert.Equal(new[] { "2026-01-15: 10", "2026-02-01: 15", "2026-03-10: 25", "2026-04-01: 5" }, cas.SeatHistory.Select(c => c.ToString()));
            Assert.Equal(25, wfbss.Seats);
            Assert.Equal(15, wfbss.SeatsOn(new DateTime(2026, 2, 20)));
            Assert.Equal(Jan15, wfbss.StartDate);
            Assert.Equal(new DateTime(2027, 1, 15), wfbss.ExpirationDate);
            Assert.Equal(new DateTime(2027, 1, 15), f.Get(sub, Jan15).ExpirationDate);
        }

        [Fact]
        public void The_expiration_date_changes_on_its_own_R34()
        {
            using var f = new SubscriptionFixture();
            f.Plan("Basic", "WFBSS", initial: 12, renewal: 1);
            var sub = f.Assign("Basic", Jan15, seats: 10);
            var changed = Change(f, sub, new SubscriptionChanges { ExpirationDate = new DateTime(2026, 12, 31), Date = Jan15 });
            Assert.Equal(new DateTime(2026, 12, 31), changed.ExpirationDate);
            Assert.All(f.Licenses(sub), l => Assert.Equal(10, l.Seats));
            Assert.All(f.Licenses(sub), l => Assert.Equal(new DateTime(2026, 12, 31), l.ExpirationDate));
            Assert.Contains("ExpirationDate 2026-01-01", Assert.Throws<MspException>(() => Change(f, sub, new SubscriptionChanges { ExpirationDate = new DateTime(2026, 1, 1), Date = Jan15 })).Message.Replace("'", ""));
        }

        [Fact]
        public void Seat_changes_before_the_start_or_out_of_range_are_refused_R34()
        {
            using var f = new SubscriptionFixture();
            f.Plan("Basic", "WFBSS");
            var sub = f.Assign("Basic", Jan15);
            Assert.Contains("Date '2026-01-01'", Assert.Throws<MspException>(() => Change(f, sub, new SubscriptionChanges { Seats = 3, Date = new DateTime(2026, 1, 1) })).Message);
            Assert.Contains("Date '1999-12-31'", Assert.Throws<MspException>(() => Change(f, sub, new SubscriptionChanges { Seats = 3, Date = new DateTime(1999, 12, 31) })).Message);
            Assert.Contains("StartDate '2100-01-01'", Assert.Throws<MspException>(() => f.Assign("Basic", new DateTime(2100, 1, 1))).Message);
        }

        [Fact]
        public void Cancelling_takes_effect_at_once_R35()
        {
            using var f = new SubscriptionFixture();
            f.Plan("Basic", "WFBSS, CAS", renewal: 1);
            var sub = f.Assign("Basic", Jan15);
            var cancelled = f.Store.Write("Stop-MspSubscription", s => SubscriptionOperations.Cancel(s, SubscriptionRef.ById(sub.SubscriptionId), new DateTime(2026, 6, 15), Now));
            Assert.Equal(SubscriptionStatus.Cancelled, cancelled.Status);
            Assert.False(cancelled.AutoRenewal);
            Assert.All(f.Licenses(sub), l =>
            {
                Assert.Equal(LicenseStatus.Cancelled, l.Status);
                Assert.Equal(new DateTime(2026, 6, 15), l.EndDate);
            });
            Assert.Equal("SubscriptionEnded", Assert.Throws<MspException>(() => Change(f, sub, new SubscriptionChanges { Seats = 3, Date = Jan15 })).ErrorId);
            // A cancelled subscription never renews.
            Assert.DoesNotContain(f.Renew(new DateTime(2027, 2, 1)), a => a.Action == "Renewed");
        }

        [Fact]
        public void Suspend_turns_auto_renewal_off_and_blocks_changes_R36()
        {
            using var f = new SubscriptionFixture();
            f.Plan("Basic", "WFBSS", initial: 12, renewal: 1);
            var sub = f.Assign("Basic", Jan15);
            var suspended = f.Store.Write("Suspend-MspSubscription", s => SubscriptionOperations.Suspend(s, SubscriptionRef.ById(sub.SubscriptionId), new DateTime(2026, 6, 1), null, Now));
            Assert.Equal(SubscriptionStatus.Suspended, suspended.Status);
            Assert.False(suspended.AutoRenewal);
            Assert.All(f.Licenses(sub), l => Assert.Equal(LicenseStatus.Suspended, l.Status));
            var ex = Assert.Throws<MspException>(() => Change(f, sub, new SubscriptionChanges { Seats = 3, Date = new DateTime(2026, 7, 1) }));
            Assert.Equal("SubscriptionSuspended", ex.ErrorId);
            Assert.Contains("R36", ex.Message);
            // The licenses run to their expiration date and do not renew.
            Assert.DoesNotContain(f.Renew(new DateTime(2027, 1, 15)), a => a.Action == "Renewed");
            Assert.Equal(LicenseStatus.InGrace, f.Store.Read(s => LicenseOperations.Find(s, new LicenseQuery { SubscriptionId = sub.SubscriptionId, AsOf = new DateTime(2027, 1, 20) })).First().Status);
        }

        [Fact]
        public void Suspend_can_end_the_licenses_earlier_R36()
        {
            using var f = new SubscriptionFixture();
            f.Plan("Basic", "WFBSS", initial: 12, renewal: 1);
            var sub = f.Assign("Basic", Jan15);
            f.Store.Write("Suspend-MspSubscription", s => SubscriptionOperations.Suspend(s, SubscriptionRef.ById(sub.SubscriptionId), new DateTime(2026, 6, 1), new DateTime(2026, 6, 30), Now));
            Assert.All(f.Licenses(sub), l => Assert.Equal(new DateTime(2026, 6, 30), l.ExpirationDate));
        }

        [Fact]
        public void A_subscription_without_auto_renewal_cannot_be_suspended_R36()
        {
            using var f = new SubscriptionFixture();
            f.Plan("Fixed year", "WFBSS", initial: 12);
            var sub = f.Assign("Fixed year", Jan15);
            var ex = Assert.Throws<MspException>(() => f.Store.Write("Suspend-MspSubscription", s => SubscriptionOperations.Suspend(s, SubscriptionRef.ById(sub.SubscriptionId), new DateTime(2026, 6, 1), null, Now)));
            Assert.Equal("SuspendNeedsAutoRenewal", ex.ErrorId);
        }

        [Fact]
        public void Resume_is_allowed_until_the_grace_period_ends_and_restores_auto_renewal_R36()
        {
            using var f = new SubscriptionFixture();
            f.Plan("Basic", "WFBSS", initial: 12, renewal: 1);
            var a = f.Assign("Basic", Jan15);
            f.Store.Write("New-MspCustomer", s => CustomerOperations.Create(s, TestStore.Fields("Fabrikam"), Now));
            var b = f.Assign("Basic", Jan15, customer: "Fabrikam");
            foreach (var sub in new[] { a, b })
                f.Store.Write("Suspend-MspSubscription", s => SubscriptionOperations.Suspend(s, SubscriptionRef.ById(sub.SubscriptionId), new DateTime(2026, 6, 1), null, Now));

            // Expired on 2027-01-15; the default grace period is 30 days.
            var resumed = f.Store.Write("Resume-MspSubscription", s => SubscriptionOperations.Resume(s, SubscriptionRef.ById(a.SubscriptionId), new DateTime(2027, 2, 13), Now));
            Assert.True(resumed.AutoRenewal);
            Assert.Equal("2027-03-15", f.Renew(new DateTime(2027, 2, 20)).Single(x => x.Action == "Renewed" && x.SubscriptionId == a.SubscriptionId).To);

            var late = Assert.Throws<MspException>(() => f.Store.Write("Resume-MspSubscription", s => SubscriptionOperations.Resume(s, SubscriptionRef.ById(b.SubscriptionId), new DateTime(2027, 2, 14), Now)));
            Assert.Equal("GracePeriodOver", late.ErrorId);
            Assert.Contains("2027-02-14", late.Message);
        }

        [Fact]
        public void A_trial_comes_from_a_trial_plan_with_at_most_ten_seats_and_cannot_be_changed_R37()
        {
            using var f = new SubscriptionFixture();
            f.Plan("WFBSS Trial", "WFBSS", initial: 1, version: PlanVersion.Trial, seats: 10);
            var ex = Assert.Throws<MspException>(() => f.Assign("WFBSS Trial", Jan15, seats: 11));
            Assert.Equal("TrialSeatLimit", ex.ErrorId);
            Assert.Contains("R37", ex.Message);
            var trial = f.Assign("WFBSS Trial", Jan15);
            Assert.Equal(SubscriptionStatus.Trial, f.Get(trial, Jan15).Status);
            Assert.False(trial.AutoRenewal);
            Assert.Equal(new DateTime(2026, 2, 15), trial.ExpirationDate);
            Assert.All(f.Licenses(trial), l => Assert.Equal("Trial", l.LicenseType));
            Assert.Equal("TrialNotModifiable", Assert.Throws<MspException>(() => Change(f, trial, new SubscriptionChanges { Seats = 5, Date = Jan15 })).ErrorId);
            Assert.Equal(LicenseStatus.Expired, f.Store.Read(s => LicenseOperations.Find(s, new LicenseQuery { SubscriptionId = trial.SubscriptionId, AsOf = new DateTime(2026, 4, 1) })).Single().Status);
        }

        [Fact]
        public void A_trial_converts_to_a_full_plan_keeping_its_activation_codes_R37()
        {
            using var f = new SubscriptionFixture();
            f.Plan("XDR Trial", "WFXDR", initial: 1, version: PlanVersion.Trial, seats: 5);
            f.Plan("XDR", "WFXDR, SMEX", initial: 12, renewal: 1);
            var trial = f.Assign("XDR Trial", Jan15);
            var before = f.Licenses(trial).ToDictionary(l => l.Product, l => l.ActivationCode);
            var converted = f.Store.Write("Convert-MspSubscription", s => SubscriptionOperations.Convert(s, SubscriptionRef.ById(trial.SubscriptionId), ServicePlanRef.ByName("XDR"), 40, new DateTime(2026, 2, 1), Now));
            Assert.Equal(SubscriptionStatus.Active, converted.Status);
            Assert.Equal("XDR", converted.ServicePlan);
            Assert.Equal(new DateTime(2027, 2, 1), converted.ExpirationDate);
            Assert.True(converted.AutoRenewal);
            var after = f.Licenses(trial);
            Assert.Equal(6, after.Count);
            foreach (var pair in before)
                Assert.Equal(pair.Value, after.Single(l => l.Product == pair.Key).ActivationCode);
            Assert.All(after, l => Assert.Equal("Full", l.LicenseType));
            Assert.All(after, l => Assert.Equal(40, l.Seats));
            Assert.Equal(5, after.Single(l => l.Product == "CAS").SeatsOn(new DateTime(2026, 1, 20)));
            Assert.Equal("NotATrial", Assert.Throws<MspException>(() => f.Store.Write("Convert-MspSubscription", s => SubscriptionOperations.Convert(s, SubscriptionRef.ById(trial.SubscriptionId), ServicePlanRef.ByName("XDR"), null, new DateTime(2026, 3, 1), Now))).ErrorId);
        }

        [Fact]
        public void A_trial_converts_only_to_a_full_plan_with_all_its_products_R37()
        {
            using var f = new SubscriptionFixture();
            f.Plan("Trial", "WFBSS, CAS", initial: 1, version: PlanVersion.Trial);
            f.Plan("Other trial", "WFBSS, CAS", initial: 1, version: PlanVersion.Trial);
            f.Plan("Endpoint only", "WFBSS");
            var trial = f.Assign("Trial", Jan15);
            Assert.Equal("ConvertNeedsFullPlan", Assert.Throws<MspException>(() => f.Store.Write("C", s => SubscriptionOperations.Convert(s, SubscriptionRef.ById(trial.SubscriptionId), ServicePlanRef.ByName("Other trial"), null, Jan15, Now))).ErrorId);
            Assert.Contains("lacks CAS", Assert.Throws<MspException>(() => f.Store.Write("C", s => SubscriptionOperations.Convert(s, SubscriptionRef.ById(trial.SubscriptionId), ServicePlanRef.ByName("Endpoint only"), null, Jan15, Now))).Message);
        }

        [Fact]
        public void License_status_is_computed_from_the_dates_as_of_a_day_R38()
        {
            using var f = new SubscriptionFixture();
            f.Plan("Fixed year", "WFBSS", initial: 12, notice: 30);
            f.Plan("Rolling", "CAS", initial: 12, renewal: 12, notice: 30);
            var fixedYear = f.Assign("Fixed year", Jan15);
            var rolling = f.Assign("Rolling", Jan15);
            LicenseStatus StatusOn(Subscription s, DateTime d) =>
                f.Store.Read(x => LicenseOperations.Find(x, new LicenseQuery { SubscriptionId = s.SubscriptionId, AsOf = d })).Single().Status;
            Assert.Equal(LicenseStatus.Active, StatusOn(fixedYear, new DateTime(2026, 12, 15)));
            Assert.Equal(LicenseStatus.ExpiringSoon, StatusOn(fixedYear, new DateTime(2026, 12, 16)));
            Assert.Equal(LicenseStatus.ExpiringSoon, StatusOn(fixedYear, new DateTime(2027, 1, 14)));
            Assert.Equal(LicenseStatus.InGrace, StatusOn(fixedYear, new DateTime(2027, 1, 15)));
            Assert.Equal(LicenseStatus.InGrace, StatusOn(fixedYear, new DateTime(2027, 2, 13)));
            Assert.Equal(LicenseStatus.Expired, StatusOn(fixedYear, new DateTime(2027, 2, 14)));
            // A license that renews is not ExpiringSoon.
            Assert.Equal(LicenseStatus.Active, StatusOn(rolling, new DateTime(2027, 1, 14)));
            Assert.Equal(SubscriptionStatus.Expired, f.Get(fixedYear, new DateTime(2027, 1, 15)).Status);
            Assert.Equal(SubscriptionStatus.Active, f.Get(rolling, new DateTime(2027, 1, 15)).Status);
        }

        [Fact]
        public void A_renewal_run_moves_licenses_through_their_statuses_and_a_second_run_changes_nothing_R38()
        {
            using var f = new SubscriptionFixture();
            f.Plan("Fixed year", "WFBSS", initial: 12, notice: 30);
            f.Plan("Rolling", "CAS", initial: 1, renewal: 1);
            f.Assign("Fixed year", Jan15);
            f.Assign("Rolling", Jan15);
            var first = f.Renew(new DateTime(2026, 12, 20));
            Assert.Contains(first, a => a.Product == "WFBSS" && a.Action == "StatusChanged" && a.From == "Active" && a.To == "ExpiringSoon");
            Assert.Contains(first, a => a.Product == null && a.Action == "Renewed" && a.From == "2026-02-15" && a.To == "2027-01-15");
            Assert.Empty(f.Renew(new DateTime(2026, 12, 20)));
            var audit = f.Store.Read(s => s.AuditLog(new AuditQuery { Command = "Invoke-MspRenewal" }).Count());
            Assert.Equal(2, audit);
            var later = f.Renew(new DateTime(2027, 1, 20));
            Assert.Contains(later, a => a.Product == "WFBSS" && a.To == "InGrace");
            Assert.Contains(later, a => a.Product == null && a.ServicePlan == "Fixed year" && a.To == "Expired");
            Assert.Contains(f.Renew(new DateTime(2027, 3, 1)), a => a.Product == "WFBSS" && a.To == "Expired");
            Assert.Empty(f.Renew(new DateTime(2027, 3, 1)));
        }

        [Fact]
        public void A_renewal_run_names_the_customer_of_each_action_whether_little_or_much_is_due_R33()
        {
            using var f = new SubscriptionFixture();
            f.Store.Write("New-MspCustomer", s => CustomerOperations.Create(s, TestStore.Fields("Fabrikam"), Now));
            f.Plan("Monthly", "WFBSS", initial: 1, renewal: 1);
            f.Plan("Year", "TMEMS", initial: 12, renewal: 12);
            f.Assign("Monthly", Jan15, seats: 10);
            f.Assign("Year", Jan15, seats: 10);
            f.Assign("Year", Jan15, seats: 10, customer: "Fabrikam");
            f.Assign("Monthly", Jan15.AddMonths(6), seats: 10, customer: "Fabrikam");
            // A month on, one subscription of four is due: the run reads the name of its customer alone.
            var little = f.Renew(new DateTime(2026, 2, 20));
            Assert.Equal(new[] { "Contoso Monthly" }, little.Where(a => a.Action == "Renewed").Select(a => a.Customer + " " + a.ServicePlan).ToArray());
            Assert.All(little, a => Assert.Equal("Contoso", a.Customer));
            // Thirteen months on, all four are due: every action names its customer.
            var much = f.Renew(new DateTime(2027, 2, 20));
            Assert.Equal(new[] { "Contoso Monthly", "Contoso Year", "Fabrikam Monthly", "Fabrikam Year" },
                much.Where(a => a.Action == "Renewed").Select(a => a.Customer + " " + a.ServicePlan).OrderBy(x => x, StringComparer.Ordinal).ToArray());
            Assert.All(much, a => Assert.Contains(a.Customer, new[] { "Contoso", "Fabrikam" }));
        }

        [Fact]
        public void A_renewal_run_never_overwrites_a_change_made_after_it_read_R33()
        {
            using var f = new SubscriptionFixture();
            f.Plan("Monthly", "WFBSS", initial: 1, renewal: 1);
            var sub = f.Assign("Monthly", Jan15, seats: 10);
            var asOf = new DateTime(2026, 3, 1);
            var run = f.Store.Read(s => RenewalOperations.Due(s, asOf));
            // Someone at the prompt changes the seats between the run's read and its write.
            Change(f, sub, new SubscriptionChanges { Seats = 12, Date = new DateTime(2026, 2, 20) });
            var planned = run.Due.Single();
            var stale = Assert.Throws<MspException>(() => f.Store.Write("Invoke-MspRenewal", s => RenewalOperations.Apply(s, planned, Now)));
            Assert.Equal("StaleObject", stale.ErrorId);
            var actions = f.Store.Write("Invoke-MspRenewal", s => RenewalOperations.ApplyFresh(s, run, sub.SubscriptionId, Now));
            Assert.Equal("2026-03-15", actions.Single(a => a.Action == "Renewed").To);
            var license = f.Store.Read(x => LicenseOperations.Find(x, new LicenseQuery { SubscriptionId = sub.SubscriptionId, AsOf = asOf })).Single();
            Assert.Equal(12, license.Seats);
            Assert.Equal(new DateTime(2026, 3, 15), license.ExpirationDate);
            Assert.Equal(new DateTime(2026, 3, 15), f.Store.Read(x => x.Subscriptions.Get(sub.SubscriptionId)).ExpirationDate);
            Assert.Empty(f.Renew(asOf));
        }

        [Fact]
        public void MSP_and_non_MSP_licenses_of_a_product_do_not_mix_R39()
        {
            using var f = new SubscriptionFixture();
            f.Plan("Basic", "WFBSS, CAS");
            f.Store.Write("Register", s =>
            {
                s.Licenses.Insert(new License
                {
                    LicenseId = Guid.NewGuid(),
                    CustomerId = f.Customer.CustomerId,
                    Product = "WFBSS",
                    ActivationCode = "WF-AAAA-BBBBB-CCCCC-DDDDD-EEEEE-FFFFF",
                    StartDate = new DateTime(2025, 6, 1),
                    ExpirationDate = new DateTime(2027, 6, 1),
                    SeatHistory = new TextList<SeatChange> { new SeatChange { Date = new DateTime(2025, 6, 1), Seats = 10 } },
                    LicenseModel = LicenseModel.NonMsp,
                    LicenseType = "Standard",
                });
                return 0;
            });
            var ex = Assert.Throws<MspException>(() => f.Assign("Basic", Jan15));
            Assert.Equal("NonMspLicensesHeld", ex.ErrorId);
            Assert.Contains("WF-AAAA-BBBBB-CCCCC-DDDDD-EEEEE-FFFFF", ex.Message);
            Assert.Contains("R39", ex.Message);
            Assert.Equal(0, f.Store.Read(s => s.Subscriptions.Count()));
        }

        [Fact]
        public void A_renewing_subscription_still_holds_its_products_before_the_renewal_run_R40()
        {
            using var f = new SubscriptionFixture();
            f.Plan("Monthly", "WFBSS", initial: 1, renewal: 1);
            f.Plan("Fixed month", "CAS", initial: 1);
            f.Plan("XDR", "WFXDR");
            f.Assign("Monthly", Jan15);
            f.Assign("Fixed month", Jan15);
            // Months later, with no renewal run in between: WFBSS renews and is held; CAS ended long ago and is not.
            var ex = Assert.Throws<MspException>(() => f.Assign("XDR", new DateTime(2026, 11, 1)));
            Assert.Contains("WFBSS (from 'Monthly'", ex.Message);
            Assert.DoesNotContain("CAS (from", ex.Message);
        }

        [Fact]
        public void Duplicate_products_need_a_crossgrade_R40()
        {
            using var f = new SubscriptionFixture();
            f.Plan("WF Services Monthly Rolling", "WFBSS", initial: 1, renewal: 1);
            f.Plan("WF Services XDR", "WFXDR", initial: 12, renewal: 1);
            f.Plan("Edge", "CE");
            var held = f.Assign("WF Services Monthly Rolling", Jan15);
            string code = f.Licenses(held).Single().ActivationCode;
            var ex = Assert.Throws<MspException>(() => f.Assign("WF Services XDR", new DateTime(2026, 3, 1)));
            Assert.Equal("CrossgradeRequired", ex.ErrorId);
            Assert.Contains("WFBSS (from 'WF Services Monthly Rolling', " + code + ")", ex.Message);
            Assert.Contains("Invoke-MspCrossgrade", ex.Message);
            Assert.Equal(1, f.Store.Read(s => s.Subscriptions.Count()));
            // Products not held are fine; a cancelled subscription no longer counts.
            f.Assign("Edge", Jan15);
            f.Store.Write("Stop", s => SubscriptionOperations.Cancel(s, SubscriptionRef.ById(held.SubscriptionId), new DateTime(2026, 2, 20), Now));
            Assert.Equal(5, f.Licenses(f.Assign("WF Services XDR", new DateTime(2026, 3, 1))).Count);
        }
    }
}
