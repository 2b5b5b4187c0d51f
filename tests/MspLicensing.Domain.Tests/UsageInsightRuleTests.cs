using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Threading;
using System.Xml;
using System.Xml.Linq;
using Xunit;

namespace MspLicensing.Domain.Tests
{
    /// <summary>The usage trend with band headroom (R57), right-sizing (R58) and the HTML month report (R55).</summary>
    public class UsageInsightRuleTests
    {
        private static readonly DateTime Now = SubscriptionFixture.Now;
        private static readonly DateTime Today = SubscriptionFixture.Today;
        private static BillingMonth M(int year, int month) => BillingMonth.Of(new DateTime(year, month, 1));

        private static void Seats(SubscriptionFixture f, Subscription s, int seats, DateTime date) =>
            f.Store.Write("Set-MspSubscription", x => SubscriptionOperations.Change(x, SubscriptionRef.ById(s.SubscriptionId), new SubscriptionChanges { Seats = seats, Date = date }, Now, Today));

        private static void Used(SubscriptionFixture f, Subscription s, int used, DateTime date, string product = null)
        {
            foreach (var l in f.Licenses(s).Where(l => product == null || l.Product == product))
                f.Store.Write("Set-MspLicense", x => LicenseOperations.SetUsed(x, l.LicenseId, used, date, Now, Today));
        }

        private static IReadOnlyList<UsageTrend> Trend(SubscriptionFixture f, BillingMonth? from, BillingMonth? to, string product = null) =>
            f.Store.Read(s => UsageInsightOperations.Trend(s, from, to, product, new DateTime(2026, 5, 20)));

        private static IReadOnlyList<RightSizingCandidate> RightSizing(SubscriptionFixture f, BillingMonth month, int months = 3, int threshold = 20) =>
            f.Store.Read(s => UsageInsightOperations.RightSizing(s, new RightSizingRequest { Month = month, Months = months, Threshold = threshold }));

        /// <summary>WFBSS with 490 seats in January, 500 in February, 501 in March, 251 in April, 250 in May.</summary>
        private static SubscriptionFixture Bands()
        {
            var f = new SubscriptionFixture();
            f.Plan("Basic", "WFBSS", renewal: 1);
            var s = f.Assign("Basic", new DateTime(2026, 1, 1), seats: 490);
            Seats(f, s, 500, new DateTime(2026, 2, 1));
            Seats(f, s, 501, new DateTime(2026, 3, 1));
            Seats(f, s, 251, new DateTime(2026, 4, 1));
            Seats(f, s, 250, new DateTime(2026, 5, 1));
            return f;
        }

        [Fact]
        public void R57_headroom_counts_the_seats_to_the_edges_of_the_band_on_both_sides_of_each_boundary()
        {
            using var f = Bands();
            var rows = Trend(f, M(2026, 1), M(2026, 5));
            Assert.Equal(new[]
            {
                // 490 seats are 10 short of the next band: the 501st seat enters 501-1000.
                "2026-01 WFBSS 490 +490 251-500 up 10 to 501-1000, down 239 to 101-250",
                "2026-02 WFBSS 500 +10 251-500 up 0 to 501-1000, down 249 to 101-250",
                "2026-03 WFBSS 501 +1 501-1000 up 499 to 1001-2000, down 0 to 251-500",
                "2026-04 WFBSS 251 -250 251-500 up 249 to 501-1000, down 0 to 101-250",
                "2026-05 WFBSS 250 -1 101-250 up 0 to 251-500, down 149 to 51-100",
            }, rows.Select(Text));
            Assert.All(rows, r => Assert.Equal(UsageReportStatus.Preparing, r.Status));
        }

        private static string Text(UsageTrend r) =>
            $"{r.Month} {r.Product} {r.Chargeable} {(r.Change > 0 ? "+" : string.Empty)}{r.Change} {r.Band} up {r.HeadroomUp?.ToString() ?? "-"} to {r.NextBand ?? "-"}, down {r.HeadroomDown?.ToString() ?? "-"} to {r.LowerBand ?? "-"}";

        [Fact]
        public void R57_the_first_band_has_no_headroom_down_and_the_open_ended_last_band_none_up()
        {
            using var f = new SubscriptionFixture();
            f.Plan("Mail", "TMEMS", renewal: 1);
            f.Plan("Apps", "CAS", renewal: 1);
            f.Assign("Mail", new DateTime(2026, 1, 1), seats: 1);
            f.Assign("Apps", new DateTime(2026, 1, 1), seats: 5001);
            var rows = Trend(f, M(2026, 1), M(2026, 1));
            Assert.Equal(new[] { "2026-01 CAS 5001 +5001 5001+ up - to -, down 0 to 2001-5000", "2026-01 TMEMS 1 +1 1-25 up 24 to 26-50, down - to -" }, rows.Select(Text));
        }

        [Fact]
        public void R57_the_change_of_the_first_month_comes_from_the_month_before_and_a_product_starts_with_its_first_lines()
        {
            using var f = Bands();
            f.Plan("Mail", "TMEMS", renewal: 1);
            var mail = f.Assign("Mail", new DateTime(2026, 3, 1), seats: 30);
            f.Store.Write("Stop-MspSubscription", s => SubscriptionOperations.Cancel(s, SubscriptionRef.ById(mail.SubscriptionId), new DateTime(2026, 3, 20), Now));
            var rows = Trend(f, M(2026, 2), M(2026, 5));
            Assert.Equal("2026-02 WFBSS 500 +10", string.Join(" ", Text(rows.First(r => r.Product == "WFBSS")).Split(' ').Take(4)));
            // TMEMS from its first month; after its cancellation it shows 0 seats, the change and no band.
            Assert.Equal(new[] { "2026-03 30 +30 26-50", "2026-04 0 -30 ", "2026-05 0 0 " },
                rows.Where(r => r.Product == "TMEMS").Select(r => $"{r.Month} {r.Chargeable} {(r.Change > 0 ? "+" : string.Empty)}{r.Change} {r.Band}"));
            Assert.Null(rows.Single(r => r.Product == "TMEMS" && r.Month == "2026-04").HeadroomUp);
            // -Product keeps one product.
            Assert.Equal(new[] { "TMEMS" }, Trend(f, M(2026, 2), M(2026, 5), "Trend Micro Email Security Standard").Select(r => r.Product).Distinct());
        }

        [Fact]
        public void R57_a_submitted_month_shows_its_frozen_figures_and_bands()
        {
            using var f = Bands();
            f.Store.Write("Submit-MspUsageReport", s => UsageOperations.Submit(s, M(2026, 1), Today, Now));
            // Later: other bands and a back-dated seat change in January.
            f.Store.Write("Set-MspAccount", s => AccountOperations.Update(s, new AccountChanges { SeatBandMinimums = new[] { 1, 101, 1001 } }, null));
            var s1 = f.Store.Read(s => s.Subscriptions.All().Single());
            Seats(f, s1, 600, new DateTime(2026, 1, 10));
            var rows = Trend(f, M(2026, 1), M(2026, 2));
            Assert.Equal("2026-01 WFBSS 490 +490 251-500 up 10 to 501-1000, down 239 to 101-250", Text(rows[0]));
            Assert.Equal(UsageReportStatus.Submitted, rows[0].Status);
            // February is live: the new bands, and the change from January's frozen figure (not the back-dated 600).
            Assert.Equal("2026-02 WFBSS 500 +10 101-1000 up 500 to 1001+, down 399 to 1-100", Text(rows[1]));
            Assert.Equal(UsageReportStatus.Preparing, rows[1].Status);
        }

        [Fact]
        public void R57_the_range_has_the_limits_of_the_usage_report_and_defaults_to_twelve_months()
        {
            using var f = Bands();
            Assert.Equal("MonthRangeReversed", Assert.Throws<MspException>(() => Trend(f, M(2026, 5), M(2026, 1))).ErrorId);
            var tooLong = Assert.Throws<MspException>(() => Trend(f, M(2020, 1), M(2026, 5)));
            Assert.Equal("MonthRangeTooLong", tooLong.ErrorId);
            Assert.Contains("at most 36 months", tooLong.Message);
            // Without -From: the twelve months up to -To (the rows begin with the first billed month).
            Assert.Equal(new[] { "2026-01", "2026-02", "2026-03" }, Trend(f, null, M(2026, 3)).Select(r => r.Month));
            // Without -To: up to the current month.
            Assert.Equal("2026-05", Trend(f, null, null).Last().Month);
            Assert.Equal("Product", Assert.Throws<MspException>(() => Trend(f, M(2026, 1), M(2026, 2), "NoSuchProduct")).Message.Split(' ')[0]);
        }

        /// <summary>Contoso holds 25 WFBSS seats from 15 January; used 20 in February, 12 in March, 15 in April.</summary>
        private static (SubscriptionFixture, Subscription) Unused()
        {
            var f = new SubscriptionFixture();
            f.Plan("Basic", "WFBSS", renewal: 1);
            var s = f.Assign("Basic", new DateTime(2026, 1, 15), seats: 25);
            Used(f, s, 20, new DateTime(2026, 2, 10));
            Used(f, s, 12, new DateTime(2026, 3, 10));
            Used(f, s, 15, new DateTime(2026, 4, 10));
            return (f, s);
        }

        [Fact]
        public void R58_a_license_over_provisioned_by_the_threshold_in_every_month_of_the_window_is_a_candidate_at_the_edge_too()
        {
            var (f, s) = Unused();
            using (f)
            {
                // February: 20 of 25 is exactly 20% over-provisioned, which is enough.
                var c = RightSizing(f, M(2026, 4)).Single();
                Assert.Equal(("Contoso", "Basic", "WFBSS", s.SubscriptionId), (c.Customer, c.ServicePlan, c.Product, c.SubscriptionId));
                Assert.Equal((25, 20, 20, 5), (c.Seats, c.HighestUsed, c.SuggestedSeats, c.ReleasableSeats));
                Assert.Equal(20.0, c.LowestOverProvisionedPercent);
                Assert.Equal("2026-02: 20/25; 2026-03: 12/25; 2026-04: 15/25", c.History.ToString());
                Assert.Equal(("2026-02", "2026-04"), (c.FromMonth, c.ToMonth));
                Assert.Equal(20, c.ProductSeats["WFBSS"]);
                Assert.Equal("WFBSS=20", c.ProductSeats.ToString());
                // 21% is more than February's 20%.
                Assert.Empty(RightSizing(f, M(2026, 4), threshold: 21));
                // A shorter window leaves February out: the highest used is 15.
                Assert.Equal(15, RightSizing(f, M(2026, 4), months: 2, threshold: 21).Single().SuggestedSeats);
            }
        }

        [Fact]
        public void R58_a_month_without_a_used_count_makes_no_candidate_and_the_highest_count_of_a_month_counts()
        {
            var (f, s) = Unused();
            using (f)
            {
                // January has no used count: a four-month window has no candidate.
                Assert.Empty(RightSizing(f, M(2026, 4), months: 4));
                // A later, higher count in February: 21 of 25 is 16% over-provisioned.
                Used(f, s, 21, new DateTime(2026, 2, 20));
                Assert.Empty(RightSizing(f, M(2026, 4)));
                Assert.Equal(15, RightSizing(f, M(2026, 4), months: 2).Single().SuggestedSeats);
            }
        }

        [Fact]
        public void R58_the_suggestion_is_at_least_one_seat_and_a_license_already_lowered_is_no_candidate()
        {
            var (f, s) = Unused();
            using (f)
            {
                Used(f, s, 0, new DateTime(2026, 5, 5));
                var c = RightSizing(f, M(2026, 5), months: 1).Single();
                Assert.Equal((0, 1, 24), (c.HighestUsed, c.SuggestedSeats, c.ReleasableSeats));
                // Seats lowered to the suggestion (later than the window): nothing left to release.
                Seats(f, s, 20, new DateTime(2026, 6, 1));
                Assert.Empty(RightSizing(f, M(2026, 4)));
            }
        }

        [Fact]
        public void R58_one_customer_gets_only_its_own_candidates()
        {
            var (f, _) = Unused();
            using (f)
            {
                f.Store.Write("New-MspCustomer", x => CustomerOperations.Create(x, TestStore.Fields("Fabrikam"), Now));
                var other = f.Assign("Basic", new DateTime(2026, 1, 15), seats: 30, customer: "Fabrikam");
                Used(f, other, 10, new DateTime(2026, 2, 10));
                Used(f, other, 10, new DateTime(2026, 3, 10));
                Used(f, other, 10, new DateTime(2026, 4, 10));
                RightSizingCandidate[] For(string customer) => f.Store.Read(s => UsageInsightOperations.RightSizing(s, new RightSizingRequest
                {
                    Month = M(2026, 4),
                    Customer = customer == null ? null : CustomerRef.ByName(customer),
                })).ToArray();

                Assert.Equal(new[] { ("Contoso", 20), ("Fabrikam", 10) }, For(null).Select(c => (c.Customer, c.SuggestedSeats)));
                Assert.Equal(new[] { ("Fabrikam", 10) }, For("fabrikam").Select(c => (c.Customer, c.SuggestedSeats)));
                Assert.Equal(new[] { ("Contoso", 20) }, For("Contoso").Select(c => (c.Customer, c.SuggestedSeats)));
                Assert.Equal("CustomerNotFound", Assert.Throws<MspException>(() => For("Northwind")).ErrorId);
            }
        }

        [Fact]
        public void R58_trials_non_msp_licenses_and_suspended_subscriptions_are_no_candidates()
        {
            var (f, s) = Unused();
            using (f)
            {
                f.Store.Write("New-MspCustomer", x => CustomerOperations.Create(x, TestStore.Fields("Fabrikam"), Now));
                f.Plan("Trial", "TMEMS", initial: 1, version: PlanVersion.Trial, seats: 10);
                var trial = f.Assign("Trial", new DateTime(2026, 4, 1), customer: "Fabrikam");
                Used(f, trial, 1, new DateTime(2026, 4, 5));
                var standard = f.Store.Write("Register-MspProduct", x => MigrationOperations.Register(x, new ProductRegistration
                {
                    Customer = CustomerRef.ByName("Fabrikam"),
                    Product = "WFBS-STD",
                    LicenseType = NonMspLicenseType.Standard,
                    Seats = 40,
                    StartDate = new DateTime(2025, 6, 1),
                    ExpirationDate = new DateTime(2027, 6, 1),
                    ActivationCode = "WF-AAAA-BBBBB-CCCCC-DDDDD-EEEEE-FFFFF",
                }, Now, Today));
                f.Store.Write("Set-MspLicense", x => LicenseOperations.SetUsed(x, standard.LicenseId, 2, new DateTime(2026, 4, 5), Now, Today));
                Assert.Equal(new[] { "Contoso" }, RightSizing(f, M(2026, 4), months: 1).Select(c => c.Customer));

                // Suspended in April: it cannot change (R36), so it is no candidate.
                f.Store.Write("Suspend-MspSubscription", x => SubscriptionOperations.Suspend(x, SubscriptionRef.ById(s.SubscriptionId), new DateTime(2026, 4, 20), null, Now));
                Assert.Empty(RightSizing(f, M(2026, 4)));
            }
        }

        [Fact]
        public void R58_a_suite_is_one_candidate_with_the_highest_used_count_of_its_components()
        {
            using var f = new SubscriptionFixture();
            f.Plan("XDR", "WFXDR", renewal: 1);
            var s = f.Assign("XDR", new DateTime(2026, 1, 1), seats: 50);
            Used(f, s, 10, new DateTime(2026, 3, 10), "WFBSS");
            Used(f, s, 30, new DateTime(2026, 3, 10), "CAS");
            var c = RightSizing(f, M(2026, 3), months: 1).Single();
            Assert.Equal(("WFXDR", 30, 20), (c.Product, c.SuggestedSeats, c.ReleasableSeats));
            Assert.Equal("WFXDR=30", c.ProductSeats.ToString());
            // The suggestion goes straight into a seat change of the subscription: every component follows.
            f.Store.Write("Set-MspSubscription", x => SubscriptionOperations.Change(x, SubscriptionRef.ById(c.SubscriptionId),
                new SubscriptionChanges { ProductSeats = new Dictionary<string, int> { [c.Product] = c.SuggestedSeats }, Date = new DateTime(2026, 4, 1) }, Now, Today));
            Assert.All(f.Licenses(s), l => Assert.Equal(30, l.Seats));
        }

        [Fact]
        public void R58_a_window_or_threshold_out_of_range_is_refused_naming_the_field_and_value()
        {
            var (f, _) = Unused();
            using (f)
            {
                foreach (var (months, threshold, field, value) in new[] { (0, 20, "Months", "0"), (37, 20, "Months", "37"), (3, 0, "Threshold", "0"), (3, 100, "Threshold", "100") })
                {
                    var error = Assert.Throws<MspException>(() => RightSizing(f, M(2026, 4), months, threshold));
                    Assert.Equal("InvalidValue", error.ErrorId);
                    Assert.StartsWith($"{field} '{value}' is not valid", error.Message);
                }
            }
        }

        private static UsageMonthReport MonthReport(SubscriptionFixture f, BillingMonth month) =>
            f.Store.Read(s => UsageInsightOperations.MonthReport(s, month));

        [Fact]
        public void R55_the_html_report_is_well_formed_encodes_store_text_and_holds_the_figures_of_the_csv()
        {
            var (f, _) = Unused();
            using (f)
            {
                f.Store.Write("New-MspCustomer", x => CustomerOperations.Create(x, TestStore.Fields("Fabrikam <b>&</b> \"Co\""), Now));
                var fabrikam = f.Assign("Basic", new DateTime(2026, 2, 1), seats: 10, customer: "Fabrikam <b>&</b> \"Co\"");
                Used(f, fabrikam, 2, new DateTime(2026, 2, 10));
                Used(f, fabrikam, 2, new DateTime(2026, 3, 10));
                Used(f, fabrikam, 2, new DateTime(2026, 4, 10));

                var report = MonthReport(f, M(2026, 4));
                string html = UsageHtml.Write(report);
                var xml = Parse(html);
                XNamespace x = "http://www.w3.org/1999/xhtml";
                XNamespace svg = "http://www.w3.org/2000/svg";
                // The name is text, not markup.
                Assert.Empty(xml.Descendants(x + "b"));
                Assert.Contains(xml.Descendants(x + "td"), td => td.Value == "Fabrikam <b>&</b> \"Co\"");
                // Self-contained: no scripts, links, images or external references.
                Assert.Empty(xml.Descendants(x + "script"));
                Assert.Empty(xml.Descendants(x + "link"));
                Assert.Empty(xml.Descendants(x + "img"));
                Assert.DoesNotContain("src=", html);
                Assert.DoesNotContain("href=", html);
                Assert.DoesNotContain("url(", html);
                Assert.Contains("@page", html);
                Assert.Contains("@media print", html);

                // The totals are the CSV export's figures of the month.
                var csv = UsageExport.Write(report.Totals, ExportFormat.Csv).Split(new[] { "\r\n" }, StringSplitOptions.RemoveEmptyEntries).Skip(1)
                    .Select(l => l.Split(',')).Select(c => string.Join(" ", c[1], c[3], c[4], c[5], c[6], c[7]));
                var table = xml.Descendants(x + "section").Single(s => (string)s.Attribute("id") == "totals").Descendants(x + "tbody").Single().Elements(x + "tr")
                    .Select(tr => tr.Elements(x + "td").Select(td => td.Value).ToList()).Select(c => string.Join(" ", c[0], c[2], c[3], c[4], c[5], c[6]));
                Assert.Equal(csv, table);
                Assert.Equal(new[] { "WFBSS 2 35 17 35 26-50" }, table);

                // The chart: one line per product with a point per month, the twelve months up to April on the axis.
                var chart = xml.Descendants(svg + "svg").Single();
                Assert.Single(chart.Descendants(svg + "polyline"));
                Assert.Equal(4, chart.Descendants(svg + "circle").Count());
                var labels = chart.Descendants(svg + "text").Select(t => t.Value).ToList();
                Assert.Contains("2025-05", labels);
                Assert.Contains("2026-04", labels);
                Assert.Contains(xml.Descendants(x + "li"), li => li.Value.StartsWith("WFBSS"));

                // The right-sizing list: Contoso (20 of 25 at most) and Fabrikam (2 of 10).
                var rows = xml.Descendants(x + "section").Single(s => (string)s.Attribute("id") == "rightsizing").Descendants(x + "tbody").Single().Elements(x + "tr")
                    .Select(tr => string.Join("|", tr.Elements(x + "td").Take(7).Select(td => td.Value))).ToList();
                Assert.Equal(new[] { "Contoso|Basic|WFBSS|25|20|20|5", "Fabrikam <b>&</b> \"Co\"|Basic|WFBSS|10|2|2|8" }, rows);
            }
        }

        [Fact]
        public void R80_the_html_report_sets_the_month_beside_the_psa_when_its_rows_are_given_and_not_otherwise()
        {
            var (f, _) = Unused();
            using (f)
            {
                XNamespace x = "http://www.w3.org/1999/xhtml";
                Assert.DoesNotContain(Parse(UsageHtml.Write(MonthReport(f, M(2026, 4)))).Descendants(x + "section"), e => (string)e.Attribute("id") == "reconciliation");

                var rows = new[]
                {
                    new ReferenceRow(1, new Dictionary<string, object> { ["Customer"] = "Contoso", ["Product"] = "WFBSS", ["Quantity"] = "20" }),
                    new ReferenceRow(2, new Dictionary<string, object> { ["Customer"] = "Northwind <Ltd>", ["Product"] = "WFBSS", ["Quantity"] = "3" }),
                    new ReferenceRow(3, new Dictionary<string, object> { ["Customer"] = "Contoso", ["Product"] = "WFBSS", ["Quantity"] = "ten" }),
                };
                var report = f.Store.Read(s => UsageInsightOperations.MonthReport(s, M(2026, 4), psaRows: rows));
                var xml = Parse(UsageHtml.Write(report));
                var section = xml.Descendants(x + "section").Single(e => (string)e.Attribute("id") == "reconciliation");
                Assert.Contains("3 PSA rows", section.Value);
                Assert.Contains("1 rows were left out", section.Value);
                var tables = section.Descendants(x + "tbody").Select(b => b.Elements(x + "tr").Select(tr => string.Join("|", tr.Elements(x + "td").Select(td => td.Value))).ToList()).ToList();
                // Per product: the figures of the comparison itself.
                Assert.Equal(report.Reconciliation.Summaries.Select(r => string.Join("|", r.Product, r.Lines, r.Mismatches, r.Chargeable, r.Billed, r.Difference, r.SeatsNotBilled, r.SeatsOverBilled)), tables[0]);
                // The lines that do not match, with the PSA's name encoded as text.
                Assert.Equal(2, tables[1].Count);
                Assert.StartsWith("Contoso|WFBSS|25|20|5|UnderBilled", tables[1][0]);
                Assert.StartsWith("Northwind <Ltd>|WFBSS|0|3|-3|NotLicensed", tables[1][1]);
            }
        }

        [Fact]
        public void R55_the_html_report_is_the_same_in_every_culture_and_holds_no_date_of_its_making()
        {
            var (f, _) = Unused();
            using (f)
            {
                f.Plan("Apps", "CAS", renewal: 1);
                f.Assign("Apps", new DateTime(2026, 1, 1), seats: 1500);
                string invariant = UsageHtml.Write(MonthReport(f, M(2026, 4)));
                var before = (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture);
                try
                {
                    foreach (var name in new[] { "de-DE", "th-TH", "ar-SA", "fa-IR" })
                    {
                        CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = new CultureInfo(name);
                        Assert.Equal(invariant, UsageHtml.Write(MonthReport(f, M(2026, 4))));
                    }
                }
                finally
                {
                    (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture) = before;
                }
                Assert.Contains(">1500<", invariant);
                Assert.DoesNotContain(Today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), invariant);
                Assert.DoesNotContain("2026-11", invariant);
            }
        }

        [Fact]
        public void R55_the_html_report_of_a_month_without_licenses_still_has_every_section()
        {
            using var f = new SubscriptionFixture();
            var xml = Parse(UsageHtml.Write(MonthReport(f, M(2026, 4))));
            XNamespace x = "http://www.w3.org/1999/xhtml";
            Assert.Equal(new[] { "totals", "trend", "rightsizing" }, xml.Descendants(x + "section").Select(s => (string)s.Attribute("id")));
            Assert.Contains("No license bills", xml.Root.Value);
        }

        private static XDocument Parse(string html)
        {
            using var reader = XmlReader.Create(new StringReader(html), new XmlReaderSettings { DtdProcessing = DtdProcessing.Ignore });
            return XDocument.Load(reader);
        }
    }
}
