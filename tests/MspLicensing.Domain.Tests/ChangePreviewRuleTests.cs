using System;
using System.Collections.Generic;
using System.Linq;
using MspLicensing.Store;
using Xunit;

namespace MspLicensing.Domain.Tests
{
    /// <summary>
    /// What -WhatIf and -Confirm say a change does (ChangePreview): the object, from -> to with the day, and what it
    /// bills in the words of the rule; worked out on a read, it writes nothing and is refused as the change would be.
    /// </summary>
    public class ChangePreviewRuleTests
    {
        private static readonly DateTime Now = SubscriptionFixture.Now;
        private static readonly DateTime Jan15 = new DateTime(2026, 1, 15);
        private static readonly DateTime Today = new DateTime(2026, 11, 23);
        private static readonly SubscriptionRef Contoso = SubscriptionRef.ByCustomer(CustomerRef.ByName("Contoso"), null);

        /// <summary>Contoso on a monthly rolling Worry-Free Services plan with 25 seats from 2026-01-15.</summary>
        private static SubscriptionFixture Monthly(int initial = 12)
        {
            var f = new SubscriptionFixture();
            f.Plan("Monthly", "WFBSS", initial: initial, renewal: 1);
            f.Assign("Monthly", Jan15, seats: 25);
            return f;
        }

        private static string Preview(SubscriptionFixture f, Func<IStoreSession, object> change) =>
            f.Store.Read(s => ChangePreview.Of(s, "the item", change).Text);

        /// <summary>Every document with its revision, the account, the reports and the audit log: what a write would move.</summary>
        private static string Snapshot(SubscriptionFixture f) => f.Store.Read(s => string.Join("|", new[]
            {
                string.Join(",", s.Customers.All().Select(x => x.CustomerId + ":" + x.Revision)),
                string.Join(",", s.ServicePlans.All().Select(x => x.ServicePlanId + ":" + x.Revision)),
                string.Join(",", s.Subscriptions.All().Select(x => x.SubscriptionId + ":" + x.Revision)),
                string.Join(",", s.Licenses.All().Select(x => x.LicenseId + ":" + x.Revision)),
                string.Join(",", s.Migrations.All().Select(x => x.MigrationId + ":" + x.Revision)),
                s.Outbox.Count().ToString(),
                s.GetAccount().Revision.ToString(),
                s.GetUsageReport("2026-02")?.Revision.ToString(),
                s.AuditLog(new AuditQuery()).Count().ToString(),
            }));

        private static SubscriptionChanges Seats(int seats, DateTime date) => new SubscriptionChanges { Seats = seats, Date = date };

        [Fact]
        public void A_preview_names_the_customers_as_the_change_leaves_them_and_writes_nothing()
        {
            using var f = Monthly();
            f.Store.Write("New-MspCustomer", s => CustomerOperations.Create(s, TestStore.Fields("Fabrikam"), Now));
            var before = Snapshot(f);
            var stored = f.Store.Read(s => s.CustomerNames());
            Dictionary<Guid, string> seen = null;
            Guid added = Guid.Empty;
            f.Store.Read(s => ChangePreview.Of(s, "the item", d =>
            {
                var contoso = CustomerOperations.Update(d, CustomerRef.ByName("Contoso"), new CustomerFields { Name = "Contoso Ltd" }, Now);
                d.Customers.Delete(d.FindCustomerByName("Fabrikam"));
                added = CustomerOperations.Create(d, TestStore.Fields("Litware"), Now).CustomerId;
                // A customer the change adds and takes away again is not named.
                var passing = new Customer { CustomerId = Guid.NewGuid(), Name = "Northwind" };
                d.Customers.Insert(passing);
                d.Customers.Delete(passing);
                seen = d.CustomerNames();
                return contoso;
            }));
            var contosoId = stored.Single(p => p.Value == "Contoso").Key;
            Assert.Equal(new[] { (contosoId, "Contoso Ltd"), (added, "Litware") }.OrderBy(p => p.Item1), seen.Select(p => (p.Key, p.Value)).OrderBy(p => p.Item1));
            Assert.Equal(stored.OrderBy(p => p.Key), f.Store.Read(s => s.CustomerNames()).OrderBy(p => p.Key));
            Assert.Equal(before, Snapshot(f));
        }

        [Fact]
        public void R52_A_seat_change_says_from_to_and_the_day_and_that_the_month_bills_its_peak_and_writes_nothing()
        {
            using var f = Monthly();
            var before = Snapshot(f);
            Assert.Equal("Contoso / Monthly: WFBSS seats from 2026-03-10: 25 -> 40; 2026-03 bills 40 seats (R52: a month bills in full, at its peak seats)",
                Preview(f, s => SubscriptionOperations.Change(s, Contoso, Seats(40, new DateTime(2026, 3, 10)), Now, SubscriptionFixture.Today)));
            // Lowering seats in the middle of a month: the month still bills the seats it had at its peak.
            Assert.Equal("Contoso / Monthly: WFBSS seats from 2026-03-20: 25 -> 20; 2026-03 bills 25 seats (R52: a month bills in full, at its peak seats)",
                Preview(f, s => SubscriptionOperations.Change(s, Contoso, Seats(20, new DateTime(2026, 3, 20)), Now, SubscriptionFixture.Today)));
            Assert.Equal(before, Snapshot(f));
            Assert.Equal(25, f.Store.Read(s => s.Licenses.All().Single()).Seats);
        }

        [Fact]
        public void R52_A_suite_s_seats_are_named_once_by_the_suite()
        {
            using var f = new SubscriptionFixture();
            f.Plan("XDR", "WFXDR", renewal: 1);
            f.Assign("XDR", Jan15, seats: 20);
            Assert.Equal("Contoso / XDR: WFXDR seats from 2026-03-10: 20 -> 30; 2026-03 bills 30 seats (R52: a month bills in full, at its peak seats)",
                Preview(f, s => SubscriptionOperations.Change(s, Contoso, Seats(30, new DateTime(2026, 3, 10)), Now, SubscriptionFixture.Today)));
        }

        [Fact]
        public void R54_A_seat_change_back_dated_into_a_submitted_month_says_that_month_s_figures_stay()
        {
            using var f = Monthly();
            f.Store.Write("Submit-MspUsageReport", s => UsageOperations.Submit(s, BillingMonth.Of(new DateTime(2026, 2, 1)), Today, Now));
            string text = Preview(f, s => SubscriptionOperations.Change(s, Contoso, Seats(40, new DateTime(2026, 2, 10)), Now, SubscriptionFixture.Today));
            Assert.Contains("WFBSS seats from 2026-02-10: 25 -> 40; 2026-02 is Submitted: its figures stay as they are (R54: once submitted, the month's figures are frozen)", text);
            Assert.DoesNotContain("R52", text);
        }

        [Fact]
        public void R35_A_cancellation_says_the_day_the_licenses_end_and_that_the_month_is_billed_in_full()
        {
            using var f = Monthly();
            var before = Snapshot(f);
            Assert.Equal("Contoso / Monthly: cancelled on 2026-06-15; WFBSS ends that day (R35: the month it happens in is billed in full)",
                Preview(f, s => SubscriptionOperations.Cancel(s, Contoso, new DateTime(2026, 6, 15), Now)));
            Assert.Equal(before, Snapshot(f));
            Assert.Equal(SubscriptionStatus.Active, f.Store.Read(s => SubscriptionOperations.Find(s, new SubscriptionQuery { AsOf = Today })).Single().Status);
        }

        [Fact]
        public void R36_A_suspension_says_until_when_the_licenses_run_as_renewed_by_that_day_R56()
        {
            // Initial period one month: recorded through 2026-02-15, renewed (R56) through 2026-06-15 by June 10.
            using var f = Monthly(initial: 1);
            var before = Snapshot(f);
            Assert.Equal("Contoso / Monthly: suspended on 2026-06-10, expires 2026-06-15 (R36: nothing bills after the expiration date)",
                Preview(f, s => SubscriptionOperations.Suspend(s, Contoso, new DateTime(2026, 6, 10), null, Now)));
            Assert.Equal("Contoso / Monthly: suspended on 2026-06-10, expires 2026-06-15 -> 2026-06-12 (R36: nothing bills after the expiration date)",
                Preview(f, s => SubscriptionOperations.Suspend(s, Contoso, new DateTime(2026, 6, 10), new DateTime(2026, 6, 12), Now)));
            Assert.Equal(before, Snapshot(f));
        }

        [Fact]
        public void R36_Turning_auto_renewal_off_says_until_when_the_licenses_run()
        {
            using var f = Monthly();
            Assert.Equal("Contoso / Monthly: AutoRenewal: True -> False; runs to 2027-01-15 (R36: nothing bills after the expiration date)",
                Preview(f, s => SubscriptionOperations.Change(s, Contoso, new SubscriptionChanges { AutoRenewal = false, Date = new DateTime(2026, 6, 10) }, Now, SubscriptionFixture.Today)));
        }

        [Fact]
        public void R36_Resuming_says_the_day_and_where_renewal_goes_on()
        {
            using var f = Monthly();
            f.Store.Write("Suspend-MspSubscription", s => SubscriptionOperations.Suspend(s, Contoso, new DateTime(2026, 6, 10), null, Now));
            Assert.Equal("Contoso / Monthly: Resumed on 2026-07-01; AutoRenewal: False -> True; renews from 2027-01-15",
                Preview(f, s => SubscriptionOperations.Resume(s, Contoso, new DateTime(2026, 7, 1), Now)));
        }

        [Fact]
        public void R37_A_trial_says_it_bills_nothing_R51_and_a_conversion_that_it_bills_from_its_month_keeping_the_codes()
        {
            using var f = new SubscriptionFixture();
            f.Plan("Trial", "WFBSS", initial: 1, version: PlanVersion.Trial, seats: 10);
            f.Plan("Monthly", "WFBSS", renewal: 1);
            var assignment = new Assignment { Customer = CustomerRef.ByName("Contoso"), ServicePlan = ServicePlanRef.ByName("Trial"), StartDate = Jan15 };
            Assert.Equal($"Contoso / Trial: new trial from 2026-01-15 to 2026-02-15, WFBSS 10 seats (R51: {Rules.R51.Billing})",
                Preview(f, s => SubscriptionOperations.Assign(s, assignment, Now, SubscriptionFixture.Today)));
            Assert.Empty(f.Store.Read(s => s.Subscriptions.All()));

            f.Assign("Trial", Jan15);
            var before = Snapshot(f);
            Assert.Equal($"Contoso / Trial: trial converted to 'Monthly' on 2026-02-01, expires 2027-02-01; WFBSS keeps its activation code (R37: {Rules.R37.Billing})",
                Preview(f, s => SubscriptionOperations.Convert(s, SubscriptionRef.TrialOf(CustomerRef.ByName("Contoso")), ServicePlanRef.ByName("Monthly"), 25, new DateTime(2026, 2, 1), Now)));
            Assert.Equal(before, Snapshot(f));
        }

        [Fact]
        public void R37_A_change_the_rules_refuse_is_refused_by_its_preview_too_and_writes_nothing()
        {
            using var f = new SubscriptionFixture();
            f.Plan("Trial", "WFBSS", initial: 1, version: PlanVersion.Trial, seats: 10);
            f.Assign("Trial", Jan15);
            var before = Snapshot(f);
            var refused = Assert.Throws<MspException>(() => Preview(f, s => SubscriptionOperations.Change(s, Contoso, Seats(5, new DateTime(2026, 1, 20)), Now, SubscriptionFixture.Today)));
            Assert.Equal("TrialNotModifiable", refused.ErrorId);
            Assert.Equal(before, Snapshot(f));
        }

        [Fact]
        public void R30_A_new_subscription_says_its_term_and_seats_and_the_month_it_bills_from()
        {
            using var f = new SubscriptionFixture();
            f.Plan("XDR", "WFXDR, SMEX", renewal: 1);
            var assignment = new Assignment { Customer = CustomerRef.ByName("Contoso"), ServicePlan = ServicePlanRef.ByName("XDR"), Seats = 20, ProductSeats = new Dictionary<string, int> { ["SMEX"] = 5 }, StartDate = Jan15 };
            var before = Snapshot(f);
            Assert.Equal("Contoso / XDR: new subscription from 2026-01-15 to 2027-01-15, WFXDR 20 seats, SMEX 5 seats; bills from 2026-01 (R52: a month bills in full, at its peak seats)",
                Preview(f, s => SubscriptionOperations.Assign(s, assignment, Now, SubscriptionFixture.Today)));
            Assert.Equal(before, Snapshot(f));
        }

        [Fact]
        public void R20_A_plan_change_says_from_to_and_that_customers_on_it_keep_their_terms()
        {
            using var f = Monthly();
            var before = Snapshot(f);
            Assert.Equal("Service plan 'Monthly': Enabled: 'True' -> 'False' (R20: changing or disabling a plan affects no customer already on it)",
                Preview(f, s => ServicePlanOperations.Update(s, ServicePlanRef.ByName("Monthly"), new ServicePlanFields { Enabled = false }, Now)));
            Assert.Equal(before, Snapshot(f));
        }

        [Fact]
        public void R53_Seat_bands_and_chargeable_seats_say_from_to_and_that_the_total_decides_the_band()
        {
            using var f = Monthly();
            var before = Snapshot(f);
            Assert.Equal($"Partner account 'MSP partner': SeatBands: '1,26,51,101,251,501,1001,2001,5001' -> '1,50,100' (R53: {Rules.R53.Billing})",
                Preview(f, s => AccountOperations.Update(s, new AccountChanges { SeatBandMinimums = new[] { 1, 50, 100 } }, null)));
            Assert.Equal($"Usage report 2026-02 / Contoso / WFBSS: Chargeable: 25 -> 20 (Five seats unused) (R53: {Rules.R53.Billing})",
                Preview(f, s => UsageOperations.Adjust(s, BillingMonth.Of(new DateTime(2026, 2, 1)), CustomerRef.ByName("Contoso"), "WFBSS", 20, "Five seats unused")));
            Assert.Equal(before, Snapshot(f));
        }

        [Fact]
        public void R54_Submitting_says_from_to_and_that_the_figures_freeze()
        {
            using var f = Monthly();
            var before = Snapshot(f);
            Assert.Equal("Usage report 2026-02: Status: Preparing -> Submitted; Submitted: 1 lines, 25 chargeable seats (R54: once submitted, the month's figures are frozen)",
                Preview(f, s => UsageOperations.Submit(s, BillingMonth.Of(new DateTime(2026, 2, 1)), Today, Now)));
            Assert.Equal(before, Snapshot(f));
            Assert.Null(f.Store.Read(s => s.GetUsageReport("2026-02")));
        }

        [Fact]
        public void R61_A_software_migration_sees_the_subscription_it_makes_and_writes_nothing()
        {
            using var f = new SubscriptionFixture();
            f.Plan("Advanced", "WFBS-ADV", renewal: 1);
            f.Store.Write("Register-MspProduct", s => MigrationOperations.Register(s, new ProductRegistration
            {
                Customer = CustomerRef.ByName("Contoso"),
                Product = "WFBS-ADV",
                LicenseType = NonMspLicenseType.Standard,
                Seats = 40,
                StartDate = Jan15,
                ExpirationDate = new DateTime(2027, 6, 30),
                ActivationCode = "WF-AAAA-BBBBB-CCCCC-DDDDD-EEEEE-FFFFF",
            }, Now, SubscriptionFixture.Today));
            var before = Snapshot(f);
            var request = new MigrationRequest { ActivationCode = "WF-AAAA-BBBBB-CCCCC-DDDDD-EEEEE-FFFFF", ServicePlan = ServicePlanRef.ByName("Advanced"), Date = new DateTime(2026, 3, 1) };
            Assert.Equal("Contoso / WFBS-ADV WF-AAAA-BBBBB-CCCCC-DDDDD-EEEEE-FFFFF: migrates into 'Advanced' on 2026-03-01 with a new activation code, and this license ends (R61); bills from 2026-03 (R52: a month bills in full, at its peak seats)",
                Preview(f, s => MigrationOperations.Start(s, request, Now)));
            Assert.Equal(before, Snapshot(f));
        }

        [Fact]
        public void R45_The_crossgrade_preview_names_the_customer_the_plan_the_day_and_each_step()
        {
            using var f = Monthly();
            f.Plan("XDR", "WFXDR", renewal: 1);
            var code = f.Store.Read(s => s.Licenses.All().Single()).ActivationCode;
            var request = new CrossgradeRequest { Customer = CustomerRef.ByName("Contoso"), ServicePlan = ServicePlanRef.ByName("XDR"), Date = new DateTime(2026, 6, 1) };
            var text = f.Store.Read(s => ChangePreview.Crossgrade("Contoso", CrossgradeOperations.Plan(s, request), request.Date));
            var lines = text.Split('\n');
            Assert.Equal("Contoso: crossgrade to 'XDR' on 2026-06-01; new licenses bill from 2026-06 (R52: a month bills in full, at its peak seats)", lines[0]);
            Assert.Contains($"  WFBSS: License transfer from Monthly ({code})", lines);
            Assert.Contains("  CAS: New", lines);
            Assert.Contains("  subscription 'Monthly': Deactivated by license transfer", lines);
        }

        [Fact]
        public void R33_The_renewal_preview_names_each_subscription_and_what_renews()
        {
            using var f = Monthly();
            var run = f.Store.Read(s => RenewalOperations.Due(s, new DateTime(2027, 1, 20)));
            Assert.Equal("Contoso / Monthly: subscription Renewed 2027-01-15 -> 2027-02-15", ChangePreview.Renewal(run.Due.Single()));
        }

        [Fact]
        public void R34_A_change_that_changes_nothing_says_so()
        {
            using var f = Monthly();
            Assert.Equal("Contoso / Monthly: nothing changes", Preview(f, s => SubscriptionOperations.Change(s, Contoso, Seats(25, new DateTime(2026, 3, 10)), Now, SubscriptionFixture.Today)));
        }

        [Fact]
        public void Rules_state_the_billing_effect_that_previews_quote_in_their_own_text()
        {
            Assert.All(Rules.All, r => Assert.DoesNotContain("{billing}", r.Text));
            Assert.All(Rules.All.Where(r => r.Billing != null), r =>
            {
                Assert.Contains(r.Billing, r.Text);
                Assert.Equal("(" + r.Id + ": " + r.Billing + ")", r.Quote);
            });
            Assert.Equal(new[] { "R20", "R35", "R36", "R37", "R43", "R51", "R52", "R53", "R54" }, Rules.All.Where(r => r.Billing != null).Select(r => r.Id));
        }
    }
}
