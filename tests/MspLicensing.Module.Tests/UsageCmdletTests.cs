using System.IO;
using System.Linq;
using MspLicensing.Module.Tests.Hosting;
using Xunit;

namespace MspLicensing.Module.Tests
{
    public class UsageCmdletTests
    {
        private const string Plan = "New-MspServicePlan -Name Endpoint -Product WFBSS -AutoRenewalMonths 1 -DataCenter Germany";

        [Fact]
        public void The_seed_band_example_300_plus_25_reports_325_in_band_251_500_R53()
        {
            using var s = new ModuleSession();
            s.Ok(Plan);
            foreach (var n in new[] { "A", "B", "C" }) s.NewCustomer(n);
            s.Ok("Get-MspCustomer | New-MspSubscription -ServicePlan Endpoint -Seats 100 -StartDate 2026-01-05");
            var before = s.Ok("Get-MspUsageReport -Month 2026-03").Objects<UsageSummary>().Single();
            Assert.Equal(300, before.Chargeable);
            s.NewCustomer("New customer");
            s.Ok("New-MspSubscription 'New customer' Endpoint -Seats 25 -StartDate 2026-03-20");
            var text = s.Ok("Get-MspUsageReport -Month 2026-03 | Out-Default").Text;
            Assert.Matches(@"Month\s+Product\s+Customers\s+Provisioned\s+Used\s+Chargeable\s+Band\s+Status", text);
            Assert.Matches(@"2026-03\s+WFBSS\s+4\s+325\s+325\s+251-500\s+Preparing", text);
        }

        [Fact]
        public void A_month_bills_without_the_renewal_run_and_a_later_run_changes_no_figure_R56()
        {
            using var s = new ModuleSession();
            s.NewCustomer("Contoso");
            s.Ok("New-MspServicePlan -Name Rolling -Product WFBSS -InitialPeriodMonths 1 -AutoRenewalMonths 1 -DataCenter Germany");
            s.Ok("New-MspSubscription -Customer Contoso -ServicePlan Rolling -Seats 10 -StartDate 2026-01-10");
            Assert.Equal(10, s.Ok("Get-MspUsageReport -Month 2026-06").Objects<UsageSummary>().Single().Chargeable);
            var license = s.Ok("Get-MspLicense -Customer Contoso -AsOf 2026-06-15").Objects<License>().Single();
            Assert.Equal(LicenseStatus.Active, license.Status);
            Assert.Equal(new System.DateTime(2026, 7, 10), license.ExpirationDate);
            s.Ok("Invoke-MspRenewal -AsOf 2026-06-15");
            Assert.Equal(10, s.Ok("Get-MspUsageReport -Month 2026-06").Objects<UsageSummary>().Single().Chargeable);
            Assert.Empty(s.Ok("Invoke-MspRenewal -AsOf 2026-06-15").Output);
        }

        [Fact]
        public void The_month_of_a_downgrade_out_of_a_suite_bills_the_suite_once_R53()
        {
            using var s = new ModuleSession();
            s.NewCustomer("Contoso");
            s.Ok("New-MspServicePlan -Name XDR -Product WFXDR -AutoRenewalMonths 1 -DataCenter @{ '*' = 'Germany'; CAS = 'Europe' }; " + Plan);
            s.Ok("New-MspSubscription -Customer Contoso -ServicePlan XDR -Seats 20 -StartDate 2026-03-01");
            s.Ok("Invoke-MspCrossgrade -Customer Contoso -ServicePlan Endpoint -Date 2026-05-20");
            var may = s.Ok("Get-MspUsageReport -Month 2026-05 -ByCustomer").Objects<UsageLine>().ToList();
            Assert.Equal(new[] { ("WFXDR", 20) }, may.Select(l => (l.Product, l.Chargeable)));
            Assert.Equal(new[] { ("WFXDR", 20) }, s.Ok("Get-MspUsageReport -Month 2026-05").Objects<UsageSummary>().Select(l => (l.Product, l.Chargeable)));
        }

        [Fact]
        public void A_mid_month_cancellation_bills_the_month_and_a_submitted_month_ignores_back_dated_changes_R52_R54()
        {
            using var s = new ModuleSession();
            s.Ok(Plan);
            s.NewCustomer("Contoso");
            s.NewCustomer("Fabrikam");
            s.Ok("New-MspSubscription Contoso Endpoint -Seats 20 -StartDate 2026-01-15; New-MspSubscription Fabrikam Endpoint -Seats 10 -StartDate 2026-01-15");
            s.Ok("Stop-MspSubscription Fabrikam -Date 2026-03-15 -Confirm:$false");
            Assert.Equal(new[] { ("Contoso", 20), ("Fabrikam", 10) }, s.Ok("Get-MspUsageReport -Month 2026-03 -ByCustomer").Objects<UsageLine>().Select(l => (l.Customer, l.Chargeable)));
            Assert.Equal("Contoso", s.Ok("Get-MspUsageReport -Month 2026-04 -ByCustomer").Objects<UsageLine>().Single().Customer);

            s.Ok("Set-MspSubscription Contoso -Seats 50 -Date 2026-03-10; Set-MspSubscription Contoso -Seats 30 -Date 2026-03-25");
            Assert.Equal(50, s.Ok("Get-MspUsageReport -Month 2026-03 -Customer Contoso -ByCustomer").Objects<UsageLine>().Single().Provisioned);
            s.Ok("Submit-MspUsageReport -Month 2026-03");
            s.Ok("Set-MspSubscription Contoso -Seats 90 -Date 2026-03-02");
            var frozen = s.Ok("Get-MspUsageReport -Month 2026-03").Objects<UsageSummary>().Single();
            Assert.Equal(60, frozen.Chargeable);
            Assert.Equal(UsageReportStatus.Submitted, frozen.Status);
            var refused = s.Run("Set-MspUsageReport -Month 2026-03 -Customer Contoso -Product WFBSS -Chargeable 10 -Comment late");
            Assert.Equal("MspLicensing.UsageReportFrozen,MspLicensing.Commands.SetMspUsageReportCommand", refused.Errors.Single().FullyQualifiedErrorId);
            s.Ok("Approve-MspUsageReport -Month 2026-03");
            Assert.Equal(UsageReportStatus.Approved, s.Ok("Get-MspUsageReport -Month 2026-03").Objects<UsageSummary>().Single().Status);
        }

        [Fact]
        public void The_current_month_is_submitted_only_with_Force_and_a_second_submit_changes_nothing_R54()
        {
            using var s = new ModuleSession();
            s.Ok(Plan);
            s.NewCustomer("Contoso");
            s.Ok("New-MspSubscription Contoso Endpoint -Seats 20 -StartDate 2026-01-15");
            var refused = s.Run("Submit-MspUsageReport; $?");
            var error = refused.Errors.Single();
            Assert.Equal("MspLicensing.UsageMonthNotEnded,MspLicensing.Commands.SubmitMspUsageReportCommand", error.FullyQualifiedErrorId);
            Assert.Equal(System.Management.Automation.ErrorCategory.InvalidOperation, error.CategoryInfo.Category);
            Assert.Contains("-Force", error.Exception.Message);
            Assert.False((bool)refused.Output.Last().BaseObject);
            Assert.Equal(UsageReportStatus.Preparing, s.Ok("Get-MspUsageReport").Objects<UsageSummary>().Single().Status);

            Assert.Equal(UsageReportStatus.Submitted, s.Ok("Submit-MspUsageReport -Force").Objects<UsageReport>().Single().Status);
            var again = s.Ok("Submit-MspUsageReport -Month 2026-03; Submit-MspUsageReport -Month 2026-03; Submit-MspUsageReport -Force");
            Assert.Equal(3, again.Objects<UsageReport>().Count(r => r.Status == UsageReportStatus.Submitted));
            Assert.Equal(2, again.Warnings.Count);
            Assert.All(again.Warnings, w => Assert.Matches(@"^The \d{4}-\d{2} report is already Submitted \(since \d{4}-\d{2}-\d{2} \d{2}:\d{2} UTC\); nothing changed\.$", w.Message));
            Assert.Equal(2, s.Ok("Get-MspAuditLog -TargetType UsageReport").Output.Count);
        }

        [Fact]
        public void Trials_do_not_appear_in_the_report_R51()
        {
            using var s = new ModuleSession();
            s.NewCustomer("Contoso");
            s.Ok("New-MspServicePlan -Name Trial -Product WFBSS -Version Trial -Seats 10 -DataCenter Germany; New-MspSubscription Contoso Trial -StartDate 2026-03-03");
            Assert.Empty(s.Ok("Get-MspUsageReport -Month 2026-03").Output);
        }

        [Fact]
        public void The_report_exports_to_CSV_and_JSON_with_invariant_numbers_R55()
        {
            using var s = new ModuleSession();
            s.Ok(Plan);
            s.NewCustomer("Contoso");
            s.Ok("New-MspSubscription Contoso Endpoint -Seats 3 -StartDate 2026-01-15");
            s.Ok("Get-MspLicense Contoso | Set-MspLicense -Used 2 -Date 2026-03-05");
            var file = s.Ok("Export-MspUsageReport -Month 2026-03 -Path ./out/usage.csv -ByCustomer").Objects<FileInfo>().Single();
            var csv = File.ReadAllLines(file.FullName);
            Assert.Equal("Month,CustomerId,Customer,Product,ProductName,ServicePlan,ActivationCode,Provisioned,Used,OverProvisionedPercent,Chargeable,Comment,Band,Status,ExceededBy", csv[0]);
            Assert.EndsWith(",Endpoint," + s.Ok("(Get-MspLicense Contoso).ActivationCode").Output.Single() + ",3,2,33.3,3,,1-25,Preparing,0", csv[1]);
            var again = s.Run("Export-MspUsageReport -Month 2026-03 -Path ./out/usage.csv");
            Assert.Equal("MspLicensing.ExportTargetExists,MspLicensing.Commands.ExportMspUsageReportCommand", again.Errors.Single().FullyQualifiedErrorId);
            s.Ok("Export-MspUsageReport -Month 2026-03 -Path ./out/usage.json -Format Json -Force");
            Assert.Contains("\"Band\": \"1-25\"", File.ReadAllText(Path.Combine(s.Directory, "out", "usage.json")));
        }

        [Fact]
        public void A_customer_named_like_a_formula_exports_as_text_R55()
        {
            using var s = new ModuleSession();
            s.Ok(Plan);
            s.NewCustomer("=HYPERLINK(\"http://evil.example\",\"Open\")");
            s.NewCustomer("@SUM(1+1)");
            s.Ok("Get-MspCustomer | New-MspSubscription -ServicePlan Endpoint -Seats 3 -StartDate 2026-01-15");
            s.Ok("Get-MspUsageReport -Month 2026-03 -ByCustomer -Customer '@SUM(1+1)' | Set-MspUsageReport -Chargeable 2 -Comment '+cmd|calc'");
            s.Ok("Export-MspUsageReport -Month 2026-03 -Path ./usage.csv -ByCustomer");
            var rows = s.Ok("Import-Csv ./usage.csv").Output.Select(o => o.Properties).ToList();
            Assert.Equal(new[] { "'=HYPERLINK(\"http://evil.example\",\"Open\")", "'@SUM(1+1)" }, rows.Select(p => (string)p["Customer"].Value).OrderBy(n => n, System.StringComparer.Ordinal));
            Assert.Contains(rows, p => (string)p["Comment"].Value == "'+cmd|calc");
            Assert.Contains("apostrophe", string.Join(" ", s.Ok("(Get-Help Export-MspUsageReport).Description.Text").Output));
        }
    }
}
