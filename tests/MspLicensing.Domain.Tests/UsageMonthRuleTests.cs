using System;
using System.Linq;
using Xunit;

namespace MspLicensing.Domain.Tests
{
    /// <summary>The usage report over several months, and the list of months with the status of their reports.</summary>
    public class UsageMonthRuleTests
    {
        private static readonly DateTime Now = SubscriptionFixture.Now;
        private static readonly DateTime Jan = new DateTime(2026, 1, 1);
        private static readonly DateTime Feb = new DateTime(2026, 2, 1);
        private static readonly DateTime Mar = new DateTime(2026, 3, 1);
        private static readonly DateTime Today = new DateTime(2026, 5, 20);

        /// <summary>Contoso from 15 January with 20 seats, 30 from 10 February; Fabrikam from 1 March with 5.</summary>
        private static SubscriptionFixture Seed()
        {
            var f = new SubscriptionFixture();
            f.Store.Write("New-MspCustomer", s => CustomerOperations.Create(s, TestStore.Fields("Fabrikam"), Now));
            f.Plan("Basic", "WFBSS", renewal: 1);
            var contoso = f.Assign("Basic", new DateTime(2026, 1, 15), seats: 20);
            f.Store.Write("Set-MspSubscription", s => SubscriptionOperations.Change(s, SubscriptionRef.ById(contoso.SubscriptionId), new SubscriptionChanges { Seats = 30, Date = new DateTime(2026, 2, 10) }, Now, SubscriptionFixture.Today));
            f.Assign("Basic", Mar, seats: 5, customer: "Fabrikam");
            return f;
        }

        [Fact]
        public void R50_a_report_of_several_months_is_each_months_own_report_with_its_month()
        {
            using var f = Seed();
            f.Store.Write("Submit-MspUsageReport", s => UsageOperations.Submit(s, BillingMonth.Of(Jan), Today, Now));

            var months = f.Store.Read(s => UsageOperations.MonthsBetween(s, BillingMonth.Of(Jan), BillingMonth.Of(Mar), Today, true));
            Assert.Equal(new[] { Jan, Feb, Mar }, months.Select(m => m.Month.FirstDay));
            Assert.Equal(new[] { UsageReportStatus.Submitted, UsageReportStatus.Preparing, UsageReportStatus.Preparing }, months.Select(m => m.Status));
            // Nothing adds up across months: each month bills its own peak.
            Assert.Equal(new[] { "2026-01 Contoso 20", "2026-02 Contoso 30", "2026-03 Contoso 30", "2026-03 Fabrikam 5" },
                months.SelectMany(m => m.Lines).Select(l => $"{l.Month} {l.Customer} {l.Chargeable}"));
            Assert.All(months, m => Assert.All(m.Lines, l => Assert.Equal(m.Status, l.Status)));
            // The same months, one by one.
            Assert.Equal(months.SelectMany(m => m.Lines).Select(l => $"{l.Month} {l.CustomerId} {l.Chargeable} {l.Band}"),
                new[] { Jan, Feb, Mar }.SelectMany(m => f.Store.Read(s => UsageOperations.Lines(s, BillingMonth.Of(m), true))).Select(l => $"{l.Month} {l.CustomerId} {l.Chargeable} {l.Band}"));

            // Without -From the range starts with the first license; without -To it ends with the current month.
            Assert.Equal(new[] { Jan, Feb, Mar, new DateTime(2026, 4, 1), new DateTime(2026, 5, 1) },
                f.Store.Read(s => UsageOperations.MonthsBetween(s, null, null, Today, false)).Select(m => m.Month.FirstDay));
            Assert.Equal(new[] { new DateTime(2025, 12, 1) }, f.Store.Read(s => UsageOperations.MonthsBetween(s, null, BillingMonth.Of(new DateTime(2025, 12, 1)), Today, false)).Select(m => m.Month.FirstDay));
        }

        [Fact]
        public void R50_a_range_that_runs_backwards_or_is_too_long_is_refused_naming_both_ends()
        {
            using var f = Seed();
            var backwards = Assert.Throws<MspException>(() => f.Store.Read(s => UsageOperations.MonthsBetween(s, BillingMonth.Of(Mar), BillingMonth.Of(Jan), Today, false)));
            Assert.Equal("MonthRangeReversed", backwards.ErrorId);
            Assert.Equal(ErrorKind.InvalidArgument, backwards.Kind);
            Assert.Equal("From '2026-03' is after To '2026-01': give the first month of the range as -From and the last as -To.", backwards.Message);

            var tooLong = Assert.Throws<MspException>(() => f.Store.Read(s => UsageOperations.MonthsBetween(s, BillingMonth.Of(new DateTime(2020, 1, 1)), BillingMonth.Of(Mar), Today, false)));
            Assert.Equal("MonthRangeTooLong", tooLong.ErrorId);
            Assert.StartsWith("From '2020-01' to '2026-03' covers 75 months; a report covers at most 36 months at a time", tooLong.Message);
            Assert.Equal(UsageOperations.MaxReportMonths, f.Store.Read(s => UsageOperations.MonthsBetween(s, BillingMonth.Of(new DateTime(2023, 4, 1)), BillingMonth.Of(Mar), Today, false)).Count);
        }

        [Fact]
        public void R54_the_months_are_listed_newest_first_with_the_status_dates_and_totals_of_their_reports()
        {
            using var f = Seed();
            var submitted = new DateTime(2026, 3, 2, 8, 0, 0, DateTimeKind.Utc);
            f.Store.Write("Submit-MspUsageReport", s => UsageOperations.Submit(s, BillingMonth.Of(Jan), Today, submitted));
            f.Store.Write("Approve-MspUsageReport", s => UsageOperations.Approve(s, BillingMonth.Of(Jan), submitted.AddDays(1)));
            f.Store.Write("Set-MspUsageReport", s => UsageOperations.Adjust(s, BillingMonth.Of(Feb), CustomerRef.ByName("Contoso"), "WFBSS", 25, "Raised by mistake"));
            f.Store.Write("Submit-MspUsageReport", s => UsageOperations.Submit(s, BillingMonth.Of(Feb), Today, submitted));
            f.Store.Write("Deny-MspUsageReport", s => UsageOperations.Deny(s, BillingMonth.Of(Feb), "Seats do not match", submitted.AddDays(2)));
            f.Store.Write("Submit-MspUsageReport", s => UsageOperations.Submit(s, BillingMonth.Of(Mar), Today, submitted.AddDays(3)));
            // A back-dated change after March was submitted does not alter its figures.
            f.Store.Write("Set-MspSubscription", s => SubscriptionOperations.Change(s, SubscriptionRef.ByCustomer(CustomerRef.ByName("Contoso"), ServicePlanRef.ByName("Basic")), new SubscriptionChanges { Seats = 90, Date = new DateTime(2026, 3, 5) }, Now, SubscriptionFixture.Today));

            var months = f.Store.Read(s => UsageOperations.MonthList(s, null, null, Today));
            Assert.Equal(new[]
            {
                "2026-05 Preparing 2 lines 2 customers 95 chargeable 0 adjustments",
                "2026-04 Preparing 2 lines 2 customers 95 chargeable 0 adjustments",
                "2026-03 Submitted 2 lines 2 customers 35 chargeable 0 adjustments",
                "2026-02 Rejected 1 lines 1 customers 25 chargeable 1 adjustments",
                "2026-01 Approved 1 lines 1 customers 20 chargeable 0 adjustments",
            }, months.Select(m => $"{m.Month} {m.Status} {m.Lines} lines {m.Customers} customers {m.Chargeable} chargeable {m.Adjustments} adjustments"));
            var jan = months.Single(m => m.Month == "2026-01");
            Assert.Equal(submitted, jan.SubmittedUtc);
            Assert.Equal(submitted.AddDays(1), jan.ApprovedUtc);
            var feb = months.Single(m => m.Month == "2026-02");
            Assert.Equal("Seats do not match", feb.RejectedReason);
            Assert.Equal(submitted.AddDays(2), feb.RejectedUtc);
            Assert.Null(months[0].SubmittedUtc);

            Assert.Equal(new[] { "2026-03", "2026-02" }, f.Store.Read(s => UsageOperations.MonthList(s, BillingMonth.Of(Feb), BillingMonth.Of(Mar), Today)).Select(m => m.Month));
            Assert.Equal(new[] { "2026-05", "2026-04" }, f.Store.Read(s => UsageOperations.MonthList(s, BillingMonth.Of(new DateTime(2026, 4, 1)), null, Today)).Select(m => m.Month));
            Assert.Equal("MonthRangeReversed", Assert.Throws<MspException>(() => f.Store.Read(s => UsageOperations.MonthList(s, BillingMonth.Of(Mar), BillingMonth.Of(Feb), Today))).ErrorId);
        }

        [Fact]
        public void R54_a_month_appears_once_it_has_a_billed_line_or_a_stored_report()
        {
            using var f = new SubscriptionFixture();
            Assert.Empty(f.Store.Read(s => UsageOperations.MonthList(s, null, null, Today)));
            // A trial bills nothing (R51): its months have no report to make.
            f.Plan("Trial", "WFBSS", initial: 1, version: PlanVersion.Trial);
            f.Assign("Trial", Mar, seats: 5);
            Assert.Empty(f.Store.Read(s => UsageOperations.MonthList(s, null, null, Today)));
            // Neither does a non-MSP license bought elsewhere, however long ago it started.
            f.Store.Write("Register-MspProduct", s => MigrationOperations.Register(s, new ProductRegistration
            {
                Customer = CustomerRef.ByName("Contoso"),
                Product = "WFBS-STD",
                LicenseType = NonMspLicenseType.Standard,
                Seats = 10,
                StartDate = new DateTime(2020, 1, 1),
                ExpirationDate = new DateTime(2027, 6, 1),
                ActivationCode = "WF-AAAA-BBBBB-CCCCC-DDDDD-EEEEE-FFFFF",
            }, Now, SubscriptionFixture.Today));
            Assert.Empty(f.Store.Read(s => UsageOperations.MonthList(s, null, null, Today)));
            Assert.Equal(new[] { new DateTime(2026, 5, 1) }, f.Store.Read(s => UsageOperations.MonthsBetween(s, null, null, Today, false)).Select(m => m.Month.FirstDay));
            // An empty month submitted all the same has its report listed.
            f.Store.Write("Submit-MspUsageReport", s => UsageOperations.Submit(s, BillingMonth.Of(new DateTime(2025, 11, 1)), Today, Now));
            var listed = f.Store.Read(s => UsageOperations.MonthList(s, null, null, Today)).Single();
            Assert.Equal("2025-11 Submitted 0", $"{listed.Month} {listed.Status} {listed.Lines}");
        }
    }
}
