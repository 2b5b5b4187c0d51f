using System.IO;
using System.Linq;
using MspLicensing.Module.Tests.Hosting;
using Xunit;

namespace MspLicensing.Module.Tests
{
    /// <summary>R80-R82 in the real engine: Compare-MspUsage with PSA exports from Import-Csv.</summary>
    public class ReconciliationCmdletTests
    {
        /// <summary>March: Contoso (ConnectWise Manage 4711) 40 chargeable WFBSS seats, Fabrikam 10.</summary>
        private static ModuleSession March()
        {
            var s = new ModuleSession();
            s.NewCustomer("Contoso", "-ExternalId @{ ConnectWiseManage = '4711' }");
            s.NewCustomer("Fabrikam");
            s.Ok("New-MspServicePlan -Name Endpoint -Product WFBSS -AutoRenewalMonths 1 -DataCenter Germany");
            s.Ok("New-MspSubscription -Customer Contoso -ServicePlan Endpoint -Seats 40 -StartDate 2026-01-15");
            s.Ok("New-MspSubscription -Customer Fabrikam -ServicePlan Endpoint -Seats 10 -StartDate 2026-02-01");
            return s;
        }

        private static void Csv(ModuleSession s, string name, string text) => File.WriteAllText(Path.Combine(s.Directory, name), text);

        [Fact]
        public void R80_R81_Import_Csv_piped_in_gives_a_line_per_customer_and_product_matched_by_id_then_name()
        {
            using var s = March();
            Csv(s, "agreements.csv", "ExternalId,Customer,Product,Quantity\n4711,Contoso Ltd,WFBSS,30\n4711,Contoso Ltd,WFBSS,5\n,Fabrikam,Worry-Free Business Security Services,10\n,Northwind,WFBSS,8\n");
            var r = s.Ok("Import-Csv ./agreements.csv | Compare-MspUsage -Month 2026-03 -Psa ConnectWiseManage");
            var lines = r.Objects<ReconciliationLine>().ToList();
            Assert.Equal(new[] { ("Contoso", 40, 35, 5, ReconciliationStatus.UnderBilled), ("Fabrikam", 10, 10, 0, ReconciliationStatus.Match), ("Northwind", 0, 8, -8, ReconciliationStatus.NotLicensed) },
                lines.Select(l => (l.Customer, l.Chargeable, l.Billed, l.Difference, l.Status)));
            Assert.Equal(CustomerMatch.ExternalId, lines[0].MatchedBy);
            Assert.Equal("4711", lines[0].ExternalId);
            Assert.Equal("1, 2", lines[0].PsaRows);
            Assert.Empty(r.Warnings);
            // The same with -BilledSeats, and the summary per product.
            var summary = s.Ok("Compare-MspUsage -Month 2026-03 -BilledSeats (Import-Csv ./agreements.csv) -Psa ConnectWiseManage -Summary").Objects<ReconciliationSummary>().Single();
            Assert.Equal((50, 53, 5, 8, 2), (summary.Chargeable, summary.Billed, summary.SeatsNotBilled, summary.SeatsOverBilled, summary.Mismatches));
        }

        [Fact]
        public void R80_other_column_and_product_names_map_and_whole_decimal_quantities_count_under_any_culture()
        {
            using var s = March();
            Csv(s, "cw.csv", "CompanyId,Company,Addition,Qty\n4711,Contoso Ltd,WF Services Seat,40.00\n,Fabrikam,WF Services Seat,10.00\n,Fabrikam,Onsite Labour,3.50\n");
            var lines = s.Ok("[cultureinfo]::CurrentCulture = 'de-DE'; Import-Csv ./cw.csv | Compare-MspUsage -Month 2026-03 -Psa ConnectWiseManage -ExternalIdColumn CompanyId -CustomerColumn Company -ProductColumn Addition -QuantityColumn Qty -ProductMap @{ 'WF Services Seat' = 'WFBSS'; 'Onsite Labour' = '' }")
                .Objects<ReconciliationLine>().ToList();
            Assert.Equal(2, lines.Count);
            Assert.All(lines, l => Assert.Equal(ReconciliationStatus.Match, l.Status));
        }

        [Fact]
        public void R80_a_row_is_read_for_the_columns_the_comparison_names_and_no_other()
        {
            using var s = March();
            // A column that is not compared is never read: a script property in it would run (and may be slow or fail).
            var r = s.Ok("$script:read = 0; $row = [pscustomobject]@{ Customer = 'Fabrikam'; Product = 'WFBSS'; Quantity = '10' }; "
                + "$row | Add-Member -MemberType ScriptProperty -Name Region -Value { $script:read++; 'EMEA' }; "
                + "$row | Compare-MspUsage -Month 2026-03; \"read $script:read\"");
            Assert.Equal(ReconciliationStatus.Match, r.Objects<ReconciliationLine>().Single(l => l.Customer == "Fabrikam").Status);
            Assert.Equal("read 0", r.Output.Last().ToString());
        }

        [Fact]
        public void R82_a_bad_row_is_a_non_terminating_error_naming_the_row_and_the_rest_is_compared_with_a_warning()
        {
            using var s = March();
            Csv(s, "bad.csv", "ExternalId,Customer,Product,Quantity\n4711,Contoso,WFBSS,40\n,Fabrikam,WFBSS,ten\n,Fabrikam,WF Seat,1\n");
            var r = s.Run("Import-Csv ./bad.csv | Compare-MspUsage -Month 2026-03 -Psa ConnectWiseManage");
            Assert.Null(r.Exception);
            Assert.Equal(new[] { "MspLicensing.PsaQuantityInvalid", "MspLicensing.PsaProductNotMapped" }, r.Errors.Select(e => e.FullyQualifiedErrorId.Split(',')[0]));
            Assert.StartsWith("PSA row 2 (customer 'Fabrikam'): Quantity 'ten' is not valid", r.Errors[0].Exception.Message);
            Assert.Equal("ten", ((System.Management.Automation.PSObject)r.Errors[0].TargetObject).Properties["Quantity"].Value);
            Assert.Equal(System.Management.Automation.ErrorCategory.InvalidData, r.Errors[0].CategoryInfo.Category);
            var lines = r.Objects<ReconciliationLine>().ToList();
            Assert.Equal(ReconciliationStatus.Match, lines.Single(l => l.Customer == "Contoso").Status);
            var fabrikam = lines.Single(l => l.Customer == "Fabrikam");
            Assert.Equal(ReconciliationStatus.NotInPsa, fabrikam.Status);
            Assert.Contains("PSA row 2 was left out", fabrikam.Note);
            Assert.Contains(r.Warnings, w => w.Message.StartsWith("2 of 3 PSA rows were left out"));

            // A column no row has stops it before anything is compared.
            var missing = s.Run("Import-Csv ./bad.csv | Compare-MspUsage -Month 2026-03 -QuantityColumn Seats");
            Assert.Empty(missing.Output);
            Assert.Contains("No PSA row has the column 'Seats'; the rows have 'Customer', 'ExternalId', 'Product', 'Quantity'.", missing.ErrorText + missing.Exception?.Message);
            // A product map to no product stops it, naming the key and the value.
            var map = s.Run("Import-Csv ./bad.csv | Compare-MspUsage -Month 2026-03 -ProductMap @{ 'WF Seat' = 'Nope' }");
            Assert.Contains("ProductMap.WF Seat 'Nope'", map.ErrorText + map.Exception?.Message);
            Assert.Empty(map.Output);
        }

        [Fact]
        public void R80_a_month_that_is_not_one_stops_the_comparison_before_a_row_is_read()
        {
            using var s = March();
            var r = s.Run("$script:made = 0; & { foreach ($i in 1..3) { $script:made++; [pscustomobject]@{ Customer = 'Contoso'; Product = 'WFBSS'; Quantity = 40 } } } "
                + "| Compare-MspUsage -Month 'March of 2026'; \"made $script:made\"");
            Assert.Contains("Month 'March of 2026'", r.ErrorText + r.Exception?.Message);
            Assert.DoesNotContain(r.Objects<ReconciliationLine>(), l => l != null);
            Assert.Equal("made 0", r.Output.Last().ToString());
        }

        [Fact]
        public void R80_a_submitted_month_compares_its_frozen_figures_R54()
        {
            using var s = March();
            s.Ok("Submit-MspUsageReport -Month 2026-03 -Confirm:$false");
            s.Ok("Set-MspSubscription -Customer Contoso -Seats 60 -Date 2026-03-10");
            var line = s.Ok("@{ Customer = 'Contoso'; Product = 'WFBSS'; Quantity = 40 } | Compare-MspUsage -Month 2026-03").Objects<ReconciliationLine>().Single(l => l.Customer == "Contoso");
            Assert.Equal((40, ReconciliationStatus.Match, UsageReportStatus.Submitted), (line.Chargeable, line.Status, line.ReportStatus));
        }

        [Fact]
        public void R80_the_default_views_fit_79_columns_and_export_csv_is_flat()
        {
            using var s = March();
            s.NewCustomer("Northwind Traders International Holdings GmbH & Co. KG");
            s.Ok("New-MspSubscription -Customer 'Northwind Traders International Holdings GmbH & Co. KG' -ServicePlan Endpoint -Seats 999 -StartDate 2026-01-15");
            Csv(s, "a.csv", "Customer,Product,Quantity\nContoso,WFBSS,35\n");
            var text = s.Ok("Import-Csv ./a.csv | Compare-MspUsage -Month 2026-03 | Out-String -Width 80").Output.Single().ToString();
            Assert.All(text.Split('\n'), line => Assert.True(line.TrimEnd().Length <= 79, line));
            Assert.Matches(@"Customer\s+Product\s+Chargeable\s+Billed\s+Difference\s+Status", text);
            Assert.Matches(@"Contoso\s+WFBSS\s+40\s+35\s+5\s+UnderBilled", text);
            var summary = s.Ok("Import-Csv ./a.csv | Compare-MspUsage -Month 2026-03 -Summary | Out-String -Width 80").Output.Single().ToString();
            Assert.All(summary.Split('\n'), line => Assert.True(line.TrimEnd().Length <= 79, line));
            Assert.Matches(@"2026-03\s+WFBSS\s+3\s+3\s+1049\s+35\s+1014\s+1014", summary);
            var csv = string.Join("\n", s.Ok("Import-Csv ./a.csv | Compare-MspUsage -Month 2026-03 | ConvertTo-Csv -NoTypeInformation").Output.Select(o => o.ToString()));
            Assert.Contains("\"UnderBilled\"", csv);
            Assert.DoesNotMatch(@"\b(System|MspLicensing)\.[A-Z]", csv);
        }
    }
}
