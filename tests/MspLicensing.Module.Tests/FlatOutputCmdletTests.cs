using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using MspLicensing.Module.Tests.Hosting;
using Xunit;

namespace MspLicensing.Module.Tests
{
    /// <summary>R55 in the real engine: Export-Csv and ConvertTo-Json of what the cmdlets return, and the usage CSV for Excel.</summary>
    public class FlatOutputCmdletTests
    {
        private static readonly Regex TypeName = new Regex(@"\b(System|MspLicensing)\.[A-Z]");

        private static ModuleSession Populated()
        {
            var s = new ModuleSession();
            s.NewCustomer("Contoso");
            s.Ok("New-MspServicePlan -Name XDR -Product WFXDR -AutoRenewalMonths 1 -DataCenter @{ '*' = 'Germany'; CAS = 'Europe' }");
            s.Ok("New-MspSubscription -Customer Contoso -ServicePlan XDR -Seats 20 -StartDate 2026-01-15");
            s.Ok("New-MspTemplate -Name Baseline -Product WFBSS -Setting @{ RealTimeScan = 'On' }; Set-MspCustomer -Name Contoso -Template Baseline");
            s.Ok("Get-MspLicense -Customer Contoso -Product WFBSS | Set-MspLicense -Used 12 -Date 2026-02-03");
            return s;
        }

        [Fact]
        public void R55_Export_Csv_of_every_object_with_lists_writes_their_items_not_a_type_name()
        {
            using var s = Populated();
            foreach (var command in new[] { "Get-MspAccount", "Get-MspProduct", "Get-MspCustomer", "Get-MspServicePlan", "Get-MspLicense", "Get-MspTemplate", "Submit-MspUsageReport -Month 2026-02" })
            {
                var csv = string.Join("\n", s.Ok(command + " | ConvertTo-Csv -NoTypeInformation").Output.Select(o => o.ToString()));
                Assert.DoesNotMatch(TypeName, csv);
            }
            var rows = s.Ok("Get-MspServicePlan XDR | ConvertTo-Csv -NoTypeInformation | ConvertFrom-Csv").Output.Single();
            Assert.StartsWith("WFXDR (CAS=Europe, ", (string)rows.Properties["Products"].Value);
            var license = s.Ok("Get-MspLicense -Customer Contoso -Product WFBSS | ConvertTo-Csv -NoTypeInformation | ConvertFrom-Csv").Output.Single();
            Assert.Equal("2026-01-15: 20", license.Properties["SeatHistory"].Value);
            Assert.Equal("2026-02-03: 12", license.Properties["UsedHistory"].Value);
            Assert.Equal("RealTimeScan=On", s.Ok("(Get-MspTemplate Baseline | ConvertTo-Csv | ConvertFrom-Csv).Settings").Output.Single().ToString());
            Assert.Equal("Baseline", s.Ok("(Get-MspCustomer Contoso | ConvertTo-Csv | ConvertFrom-Csv).Templates").Output.Single().ToString());
        }

        [Fact]
        public void R55_ConvertTo_Json_writes_statuses_by_name_and_objects_still_filter_on_them()
        {
            using var s = Populated();
            Assert.Contains("\"Status\":\"Active\"", s.Ok("Get-MspLicense -Customer Contoso -Product WFBSS | ConvertTo-Json -Compress").Output.Single().ToString());
            Assert.Contains("\"LicenseModel\":\"Msp\"", s.Ok("Get-MspLicense -Customer Contoso -Product WFBSS | ConvertTo-Json -Compress").Output.Single().ToString());
            Assert.Contains("\"Status\":\"Active\"", s.Ok("Get-MspSubscription -Customer Contoso | ConvertTo-Json -Compress").Output.Single().ToString());
            Assert.Contains("\"Status\":\"Preparing\"", s.Ok("Get-MspUsageReport -Month 2026-02 -ByCustomer | ConvertTo-Json -Compress").Output.Single().ToString());
            Assert.Equal(5, s.Ok("Get-MspLicense | Where-Object Status -eq 'Active'").Output.Count);
            Assert.Equal(5, s.Ok("Get-MspCustomer Contoso | Get-MspLicense").Output.Count);
        }

        [Fact]
        public void R55_the_usage_csv_starts_with_a_byte_order_mark_for_Excel_and_json_has_none()
        {
            using var s = new ModuleSession();
            s.NewCustomer("M\u00fcller GmbH");
            s.Ok("New-MspServicePlan -Name Basic -Product WFBSS -AutoRenewalMonths 1; New-MspSubscription -Customer 'M\u00fcller GmbH' -ServicePlan Basic -Seats 5 -StartDate 2026-01-15");
            s.Ok("Export-MspUsageReport -Month 2026-02 -Path ./u.csv -ByCustomer; Export-MspUsageReport -Month 2026-02 -Path ./u.json -ByCustomer -Format Json");
            var csv = File.ReadAllBytes(Path.Combine(s.Directory, "u.csv"));
            Assert.Equal(new byte[] { 0xEF, 0xBB, 0xBF }, csv.Take(3));
            Assert.Equal("M\u00fcller GmbH", s.Ok("(Import-Csv ./u.csv).Customer").Output.Single().ToString());
            Assert.Equal((byte)'[', File.ReadAllBytes(Path.Combine(s.Directory, "u.json"))[0]);
        }
    }
}
