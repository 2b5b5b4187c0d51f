using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using Xunit;

namespace MspLicensing.Domain.Tests
{
    /// <summary>R80-R82: the month's report against the seats the PSA bills (Compare-MspUsage).</summary>
    public class ReconciliationRuleTests
    {
        private static readonly DateTime Now = SubscriptionFixture.Now;
        private static readonly BillingMonth March = BillingMonth.Of(new DateTime(2026, 3, 1));

        /// <summary>Contoso (ConnectWise Manage 4711) with 40 WFBSS seats and Fabrikam (Autotask 0815) with 10 CE and 20 WFXDR seats in March.</summary>
        private static SubscriptionFixture Store()
        {
            var f = new SubscriptionFixture();
            f.Store.Write("Set-MspCustomer", s => CustomerOperations.Update(s, CustomerRef.ByName("Contoso"), new CustomerFields { ExternalId = new Dictionary<string, string> { ["ConnectWiseManage"] = "4711" } }, Now));
            var fabrikam = TestStore.Fields("Fabrikam", "DE");
            fabrikam.State = null;
            fabrikam.ExternalId = new Dictionary<string, string> { ["Autotask"] = "0815", ["ConnectWiseManage"] = "4712" };
            f.Store.Write("New-MspCustomer", s => CustomerOperations.Create(s, fabrikam, Now));
            f.Plan("Endpoint", "WFBSS", renewal: 1);
            f.Plan("XDR", "WFXDR", renewal: 1);
            f.Plan("Edge", "CE", renewal: 1);
            f.Assign("Endpoint", new DateTime(2026, 1, 15), seats: 40);
            f.Assign("Edge", new DateTime(2026, 2, 1), seats: 10, customer: "Fabrikam");
            f.Assign("XDR", new DateTime(2026, 2, 1), seats: 20, customer: "Fabrikam");
            return f;
        }

        private static ReferenceRow Row(int number, string externalId, string customer, string product, object quantity) =>
            new ReferenceRow(number, new Dictionary<string, object> { ["ExternalId"] = externalId, ["Customer"] = customer, ["Product"] = product, ["Quantity"] = quantity });

        private static Reconciliation Compare(SubscriptionFixture f, IEnumerable<ReferenceRow> rows, ReconciliationOptions options = null, BillingMonth? month = null) =>
            f.Store.Read(s => ReconciliationOperations.Compare(s, month ?? March, rows.ToList(), options ?? new ReconciliationOptions { Psa = Psa.ConnectWiseManage }));

        private static ReconciliationLine Line(Reconciliation r, string customer, string product) =>
            r.Lines.Single(l => l.Customer == customer && l.Product == product);

        [Fact]
        public void R80_every_status_and_the_difference_is_chargeable_minus_billed()
        {
            using var f = Store();
            var r = Compare(f, new[]
            {
                Row(1, "4711", "Contoso", "WFBSS", "35"),
                Row(2, "0815", "Fabrikam", "CE", "12"),
                Row(3, null, "Fabrikam", "CAS", "5"),
                Row(4, null, "Northwind", "WFBSS", "8"),
            });
            Assert.Equal((40, 35, 5, ReconciliationStatus.UnderBilled), Figures(Line(r, "Contoso", "WFBSS")));
            Assert.Equal((10, 12, -2, ReconciliationStatus.OverBilled), Figures(Line(r, "Fabrikam", "CE")));
            Assert.Equal((20, 0, 20, ReconciliationStatus.NotInPsa), Figures(Line(r, "Fabrikam", "WFXDR")));
            Assert.Equal((0, 5, -5, ReconciliationStatus.NotLicensed), Figures(Line(r, "Fabrikam", "CAS")));
            Assert.Equal((0, 8, -8, ReconciliationStatus.NotLicensed), Figures(Line(r, "Northwind", "WFBSS")));
            Assert.Equal(ReconciliationStatus.Match, Figures(Compare(f, new[] { Row(1, "4711", "Contoso", "WFBSS", 40) }).Lines.Single(l => l.Customer == "Contoso")).Item4);
            Assert.Empty(r.Problems);
            Assert.Equal(new[] { "Contoso", "Fabrikam", "Fabrikam", "Fabrikam", "Northwind" }, r.Lines.Select(l => l.Customer));
        }

        [Fact]
        public void R80_the_summary_per_product_adds_up_and_counts_the_seats_not_billed()
        {
            using var f = Store();
            var r = Compare(f, new[] { Row(1, "4711", "Contoso", "WFBSS", "35"), Row(2, null, "Fabrikam", "CE", "12"), Row(3, null, "Northwind", "WFBSS", "8") });
            var wfbss = r.Summaries.Single(s => s.Product == "WFBSS");
            Assert.Equal((2, 2, 40, 43, -3), (wfbss.Lines, wfbss.Mismatches, wfbss.Chargeable, wfbss.Billed, wfbss.Difference));
            Assert.Equal(5, wfbss.SeatsNotBilled);
            Assert.Equal(8, wfbss.SeatsOverBilled);
            Assert.Equal(2, r.Summaries.Single(s => s.Product == "CE").SeatsOverBilled);
            var xdr = r.Summaries.Single(s => s.Product == "WFXDR");
            Assert.Equal(20, xdr.SeatsNotBilled);
            Assert.Equal("2026-03", xdr.Month);
        }

        [Fact]
        public void R80_several_rows_of_a_customer_and_product_add_up()
        {
            using var f = Store();
            var r = Compare(f, new[] { Row(1, "4711", "Contoso", "WFBSS", "30"), Row(2, "4711", "Contoso", "WFBSS", "5"), Row(3, null, "contoso", "Worry-Free Business Security Services", "5") });
            var line = Line(r, "Contoso", "WFBSS");
            Assert.Equal(40, line.Billed);
            Assert.Equal(ReconciliationStatus.Match, line.Status);
            Assert.Equal("1, 2, 3", line.PsaRows);
        }

        [Fact]
        public void R80_products_map_by_the_map_then_code_then_name_and_an_empty_mapping_leaves_a_product_out()
        {
            using var f = Store();
            var options = new ReconciliationOptions
            {
                Psa = Psa.ConnectWiseManage,
                ProductMap = new Dictionary<string, string> { ["WF Services Seat"] = "WFBSS", ["wfxdr"] = "Worry-Free XDR", ["Onsite Labour"] = "" },
            };
            var r = Compare(f, new[]
            {
                Row(1, "4711", "Contoso", "wf services seat", "40"),
                Row(2, "4712", "Fabrikam", "cloud edge", "10"),
                Row(3, "4712", "Fabrikam", "WFXDR", "20"),
                Row(4, "4712", "Fabrikam", "Onsite Labour", "3"),
            }, options);
            Assert.All(r.Lines, l => Assert.Equal(ReconciliationStatus.Match, l.Status));
            Assert.Equal(1, r.IgnoredRows);
            Assert.Empty(r.Problems);
            var refused = Assert.Throws<MspException>(() => Compare(f, new ReferenceRow[0], new ReconciliationOptions { ProductMap = new Dictionary<string, string> { ["Seat"] = "Nope" } }));
            Assert.Contains("ProductMap.Seat 'Nope'", refused.Message);
        }

        [Fact]
        public void R80_a_component_of_a_suite_is_not_licensed_and_the_note_names_the_suite()
        {
            using var f = Store();
            var r = Compare(f, new[] { Row(1, "4712", "Fabrikam", "CAS", "20") });
            var cas = Line(r, "Fabrikam", "CAS");
            Assert.Equal(ReconciliationStatus.NotLicensed, cas.Status);
            Assert.Contains("WFXDR", cas.Note);
        }

        [Fact]
        public void R81_rows_match_by_the_psa_external_id_first_then_by_name()
        {
            using var f = Store();
            // Contoso is 'Contoso Ltd' in the PSA; 4712 is Fabrikam's ConnectWise Manage id, 0815 its Autotask id.
            var r = Compare(f, new[] { Row(1, "4711", "Contoso Ltd", "WFBSS", "40"), Row(2, "0815", "Fabrikam", "CE", "10") });
            var contoso = Line(r, "Contoso", "WFBSS");
            Assert.Equal((CustomerMatch.ExternalId, "4711", ReconciliationStatus.Match), (contoso.MatchedBy, contoso.ExternalId, contoso.Status));
            var fabrikam = Line(r, "Fabrikam", "CE");
            Assert.Equal(CustomerMatch.Name, fabrikam.MatchedBy);
            Assert.Equal("4712", fabrikam.ExternalId);
            Assert.Contains("no customer has the ConnectWiseManage id '0815'", fabrikam.Note);
            Assert.Contains("'4712'", fabrikam.Note);

            var autotask = Compare(f, new[] { Row(1, "0815", "Fabrikam GmbH", "CE", "10") }, new ReconciliationOptions { Psa = Psa.Autotask });
            Assert.Equal(CustomerMatch.ExternalId, Line(autotask, "Fabrikam", "CE").MatchedBy);
            Assert.Equal("0815", Line(autotask, "Fabrikam", "CE").ExternalId);
        }

        [Fact]
        public void R81_without_psa_rows_match_by_name_only_and_a_warning_says_the_ids_went_unused()
        {
            using var f = Store();
            var r = Compare(f, new[] { Row(1, "4711", "Contoso Ltd", "WFBSS", "40"), Row(2, null, "FABRIKAM", "CE", "10") }, new ReconciliationOptions());
            Assert.Equal(ReconciliationStatus.NotInPsa, Line(r, "Contoso", "WFBSS").Status);
            Assert.Equal(ReconciliationStatus.NotLicensed, Line(r, "Contoso Ltd", "WFBSS").Status);
            Assert.Equal(CustomerMatch.Name, Line(r, "Fabrikam", "CE").MatchedBy);
            Assert.Contains(r.Warnings, w => w.Contains("-Psa ConnectWiseManage"));
        }

        [Fact]
        public void R81_a_row_that_matches_no_customer_is_kept_as_not_licensed_with_why()
        {
            using var f = Store();
            var r = Compare(f, new[] { Row(7, "9999", "Northwind", "WFBSS", "8") });
            var line = Line(r, "Northwind", "WFBSS");
            Assert.Null(line.CustomerId);
            Assert.Equal((ReconciliationStatus.NotLicensed, CustomerMatch.None, "9999", "7"), (line.Status, line.MatchedBy, line.ExternalId, line.PsaRows));
            Assert.Contains("no customer has the ConnectWiseManage id '9999'", line.Note);
            Assert.Contains("no customer is named 'Northwind'", line.Note);
        }

        [Fact]
        public void R80_a_submitted_month_compares_its_frozen_figures_R54()
        {
            using var f = Store();
            f.Store.Write("Submit-MspUsageReport", s => UsageOperations.Submit(s, March, new DateTime(2026, 4, 2), Now));
            // A back-dated raise after the submission does not reach March.
            var contoso = f.Store.Read(s => SubscriptionOperations.Find(s, new SubscriptionQuery { Customer = CustomerRef.ByName("Contoso"), AsOf = SubscriptionFixture.Today })).Single();
            f.Store.Write("Set-MspSubscription", s => SubscriptionOperations.Change(s, SubscriptionRef.ById(contoso.SubscriptionId), new SubscriptionChanges { Seats = 60, Date = new DateTime(2026, 3, 10) }, Now, SubscriptionFixture.Today));
            var r = Compare(f, new[] { Row(1, "4711", "Contoso", "WFBSS", "40") });
            Assert.Equal(UsageReportStatus.Submitted, r.ReportStatus);
            Assert.Equal((40, 40, 0, ReconciliationStatus.Match), Figures(Line(r, "Contoso", "WFBSS")));
            Assert.Equal(UsageReportStatus.Submitted, Line(r, "Contoso", "WFBSS").ReportStatus);
            f.Store.Write("Approve-MspUsageReport", s => UsageOperations.Approve(s, March, Now));
            Assert.Equal(UsageReportStatus.Approved, Compare(f, new[] { Row(1, "4711", "Contoso", "WFBSS", "40") }).ReportStatus);
            Assert.Equal(60, Line(Compare(f, new[] { Row(1, "4711", "Contoso", "WFBSS", "40") }, month: BillingMonth.Of(new DateTime(2026, 4, 1))), "Contoso", "WFBSS").Chargeable);
        }

        [Theory]
        [InlineData("25", 25)]
        [InlineData(" 25.00 ", 25)]
        [InlineData("0", 0)]
        [InlineData("999999", 999_999)]
        public void R82_quantities_are_whole_numbers_read_in_the_invariant_culture(string text, int expected)
        {
            var culture = CultureInfo.CurrentCulture;
            try
            {
                CultureInfo.CurrentCulture = new CultureInfo("de-DE");
                Assert.True(ReconciliationOperations.TryQuantity(text, out int quantity));
                Assert.Equal(expected, quantity);
            }
            finally
            {
                CultureInfo.CurrentCulture = culture;
            }
            Assert.True(ReconciliationOperations.TryQuantity(25, out _));
            Assert.True(ReconciliationOperations.TryQuantity(25.0, out _));
            Assert.True(ReconciliationOperations.TryQuantity(25m, out _));
        }

        [Theory]
        [InlineData("2.5")]
        [InlineData("2,5")]
        [InlineData("1,000")]
        [InlineData("-3")]
        [InlineData("ten")]
        [InlineData("")]
        [InlineData("1000000")]
        public void R82_a_quantity_that_is_not_a_whole_number_of_seats_is_refused(string text)
        {
            Assert.False(ReconciliationOperations.TryQuantity(text, out _));
            Assert.False(ReconciliationOperations.TryQuantity(2.5, out _));
            Assert.False(ReconciliationOperations.TryQuantity(true, out _));
            Assert.False(ReconciliationOperations.TryQuantity(null, out _));
        }

        [Fact]
        public void R82_a_bad_row_is_reported_naming_the_row_field_and_value_and_the_rest_is_compared()
        {
            using var f = Store();
            var r = Compare(f, new[]
            {
                Row(1, "4711", "Contoso", "WFBSS", "30"),
                Row(2, "4711", "Contoso", "WFBSS", "2.5"),
                Row(3, null, "Fabrikam", "WF Seat", "10"),
                Row(4, null, null, "WFBSS", "10"),
                Row(5, null, "Fabrikam", "WFXDR", "20"),
            });
            Assert.Equal(3, r.Problems.Count);
            var quantity = r.Problems[0].Error;
            Assert.Equal("PsaQuantityInvalid", quantity.ErrorId);
            Assert.StartsWith("PSA row 2 (customer 'Contoso', ConnectWiseManage id '4711'): Quantity '2.5' is not valid: give a whole number", quantity.Message);
            Assert.Equal("R82", quantity.Rule);
            var product = r.Problems[1].Error;
            Assert.Equal("PsaProductNotMapped", product.ErrorId);
            Assert.Contains("PSA row 3 (customer 'Fabrikam'): Product 'WF Seat' maps to no product", product.Message);
            Assert.Contains("-ProductMap @{ 'WF Seat' = 'WFBSS' }", product.Message);
            Assert.Equal("RowWithoutCustomer", r.Problems[2].Error.ErrorId);
            Assert.StartsWith("PSA row 4: Customer and ExternalId are empty", r.Problems[2].Error.Message);
            // The rest is compared; the line the bad quantity belonged to says it was left out.
            var contoso = Line(r, "Contoso", "WFBSS");
            Assert.Equal((40, 30, ReconciliationStatus.UnderBilled), (contoso.Chargeable, contoso.Billed, contoso.Status));
            Assert.Contains("PSA row 2 was left out (Quantity '2.5' is not valid", contoso.Note);
            Assert.Equal(ReconciliationStatus.Match, Line(r, "Fabrikam", "WFXDR").Status);
            Assert.Contains(r.Warnings, w => w.StartsWith("3 of 5 PSA rows were left out"));
        }

        [Fact]
        public void R82_a_column_no_row_has_stops_the_comparison_naming_it_and_the_columns_there_are()
        {
            using var f = Store();
            var rows = new[] { new ReferenceRow(1, new Dictionary<string, object> { ["Company"] = "Contoso", ["Addition"] = "WFBSS", ["Qty"] = "40" }) };
            var error = Assert.Throws<MspException>(() => Compare(f, rows, new ReconciliationOptions { CustomerColumn = "Company", ProductColumn = "Addition" }));
            Assert.Equal("PsaColumnMissing", error.ErrorId);
            Assert.Contains("No PSA row has the column 'Quantity'; the rows have 'Addition', 'Company', 'Qty'", error.Message);
            Assert.Contains("-QuantityColumn", error.Message);
            var r = Compare(f, rows, new ReconciliationOptions { CustomerColumn = "Company", ProductColumn = "Addition", QuantityColumn = "qty" });
            Assert.Equal(ReconciliationStatus.Match, Line(r, "Contoso", "WFBSS").Status);
        }

        [Fact]
        public void R82_a_column_no_row_has_is_found_when_every_row_is_left_out_or_bad()
        {
            using var f = Store();
            var options = new ReconciliationOptions { ProductMap = new Dictionary<string, string> { ["Onsite Labour"] = "" } };
            var rows = new[]
            {
                new ReferenceRow(1, new Dictionary<string, object> { ["Customer"] = "Contoso", ["Product"] = "Onsite Labour", ["Hours"] = "3" }),
                new ReferenceRow(2, new Dictionary<string, object> { ["Customer"] = "Contoso", ["Product"] = "WF Seat", ["Seats"] = "3" }),
            };
            var error = Assert.Throws<MspException>(() => Compare(f, rows, options));
            Assert.Contains("No PSA row has the column 'Quantity'; the rows have 'Customer', 'Hours', 'Product', 'Seats'", error.Message);
        }

        [Fact]
        public void R82_only_a_row_left_out_with_an_error_keeps_its_object_so_rows_piped_in_are_not_held()
        {
            using var f = Store();
            var rows = new ReconciliationRows(new ReconciliationOptions { Psa = Psa.ConnectWiseManage, ProductMap = new Dictionary<string, string> { ["Onsite Labour"] = "" } });
            // A row the map leaves out is kept (for the error of a missing column) only until a row that can be compared comes.
            var labour = Add(rows, Row(1, "4711", "Contoso", "Onsite Labour", "3"));
            Collect();
            Assert.True(labour.IsAlive);
            var good = Add(rows, Row(2, "4711", "Contoso", "WFBSS", "30"));
            var bad = Add(rows, Row(3, "4711", "Contoso", "WFBSS", "ten"));
            var later = Add(rows, Row(4, "4711", "Contoso", "Onsite Labour", "3"));
            Collect();
            Assert.False(labour.IsAlive);
            Assert.False(good.IsAlive);
            Assert.False(later.IsAlive);
            Assert.True(bad.IsAlive);
            var r = f.Store.Read(s => ReconciliationOperations.Compare(s, March, rows));
            Assert.Same(bad.Target, r.Problems.Single().Row.Source);
            var contoso = Line(r, "Contoso", "WFBSS");
            Assert.Equal((40, 30, "2"), (contoso.Chargeable, contoso.Billed, contoso.PsaRows));
            Assert.Contains("PSA row 3 was left out", contoso.Note);
            Assert.Equal((4, 2), (r.Rows, r.IgnoredRows));
        }

        /// <summary>Adds a copy of <paramref name="row"/> with an object of its own, as a row piped in comes, and returns a weak reference to that object.</summary>
        [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.NoInlining)]
        private static WeakReference Add(ReconciliationRows rows, ReferenceRow row)
        {
            var source = new object();
            rows.Add(new ReferenceRow(row.Number, row.CellColumns.ToDictionary(c => c, c => row.TryGetCell(c, out var v) ? v : null), source));
            return new WeakReference(source);
        }

        private static void Collect()
        {
            GC.Collect();
            GC.WaitForPendingFinalizers();
            GC.Collect();
        }

        [Fact]
        public void R80_no_rows_leave_every_line_not_in_the_psa_and_a_clp_account_is_refused_R2()
        {
            using var f = Store();
            Assert.All(Compare(f, new ReferenceRow[0]).Lines, l => Assert.Equal(ReconciliationStatus.NotInPsa, l.Status));
            var clp = new SubscriptionFixture();
            using (clp)
            {
                clp.Store.Write("Set-MspAccount", s => AccountOperations.Update(s, new AccountChanges { AccountType = AccountType.CustomerLicensingPortal }, null));
                Assert.Throws<MspException>(() => Compare(clp, new[] { Row(1, null, "Contoso", "WFBSS", "1") }));
            }
        }

        [Fact]
        public void R80_the_summary_of_thirty_thousand_lines_counts_every_seat_not_billed()
        {
            // The benchmark times the comparison of 30,000 and 300,000 lines; here the sum of a report-sized month is right.
            var lines = Enumerable.Range(0, 30_000).Select(i => new ReconciliationLine { Product = "WFBSS", Difference = i % 3 }).ToList();
            var summary = ReconciliationOperations.Summaries(lines, March, UsageReportStatus.Preparing);
            Assert.Equal(30_000, summary.Single().SeatsNotBilled);
        }

        private static (int, int, int, ReconciliationStatus) Figures(ReconciliationLine l) => (l.Chargeable, l.Billed, l.Difference, l.Status);
    }
}
