using System.Linq;
using MspLicensing.Module.Tests.Hosting;
using Xunit;

namespace MspLicensing.Module.Tests
{
    /// <summary>Details a user notices at the prompt, end to end in the real engine.</summary>
    public class PromptDetailsCmdletTests
    {
        private const string Plan = "New-MspServicePlan -Name Endpoint -Product WFBSS -AutoRenewalMonths 1 -DataCenter Germany";

        private static string Render(ModuleSession s, string command, int width = 80) =>
            string.Join("\n", s.Ok(command + $" | Out-String -Width {width}").Output.Select(o => o.ToString()));

        [Fact]
        public void A_cancelled_subscription_shows_the_day_it_was_cancelled_under_its_status_R35()
        {
            using var s = new ModuleSession();
            s.NewCustomer("Contoso");
            s.Ok(Plan + "; New-MspSubscription -Customer Contoso -ServicePlan Endpoint -Seats 10 -StartDate 2026-01-05");
            s.Ok("Stop-MspSubscription -Customer Contoso -ServicePlan Endpoint -Date 2026-03-15 -Confirm:$false");
            var text = Render(s, "Get-MspSubscription -AsOf 2026-04-01");
            Assert.Matches(@"(?m)^Cancelled\s+\d{4}-\d\d-\d\d\s+False\s+Endpoint\s+Contoso\s*\n2026-03-15\s*$", text);
            Assert.All(text.Split('\n'), line => Assert.True(line.TrimEnd().Length <= 79, line));
            Assert.Matches(@"(?m)^Cancelled\s+2026-01-05\s+\d{4}-\d\d-\d\d\s+False\s+Endpoint\s+Contoso\s*\n2026-03-15\s*$", Render(s, "Get-MspSubscription -AsOf 2026-04-01 | Format-Table -View Wide", 120));
        }

        [Fact]
        public void Used_above_provisioned_shows_as_exceeded_not_as_a_negative_percentage_R50()
        {
            using var s = new ModuleSession();
            s.NewCustomer("Contoso");
            s.Ok(Plan + "; New-MspSubscription -Customer Contoso -ServicePlan Endpoint -Seats 20 -StartDate 2026-01-05");
            s.Ok("Get-MspLicense -Customer Contoso | Set-MspLicense -Used 30 -Date 2026-02-10");
            var line = s.Ok("Get-MspUsageReport -Month 2026-02 -ByCustomer").Objects<UsageLine>().Single();
            Assert.Equal(0.0, line.OverProvisionedPercent);
            Assert.Equal(10, line.ExceededBy);
            var text = Render(s, "Get-MspUsageReport -Month 2026-02 -ByCustomer");
            Assert.Matches(@"(?m)^WFBSS\s+20\s+30\s+exceeded\s+20\s+Preparing\s+Contoso\s*$", text);
            Assert.DoesNotContain("-50", text);
        }

        [Fact]
        public void Deny_returns_the_report_with_its_lines_and_an_approved_report_shows_no_old_reason_R54()
        {
            using var s = new ModuleSession();
            s.NewCustomer("Contoso");
            s.Ok(Plan + "; New-MspSubscription -Customer Contoso -ServicePlan Endpoint -Seats 20 -StartDate 2026-01-05");
            s.Ok("Submit-MspUsageReport -Month 2026-02");
            var rejected = Render(s, "Deny-MspUsageReport -Month 2026-02 -Reason 'Seats do not match the invoice'");
            Assert.Matches(@"2026-02\s+Rejected\s+1\s+0\s+\d{4}-\d\d-\d\d\s+Seats do not match", rejected);

            var denied = s.Ok("Submit-MspUsageReport -Month 2026-02; Deny-MspUsageReport -Month 2026-02 -Reason 'Seats do not match the invoice'").Objects<UsageReport>().Last();
            Assert.Equal(UsageReportStatus.Rejected, denied.Status);
            Assert.Equal("Seats do not match the invoice", denied.RejectedReason);
            Assert.Equal(new[] { ("Contoso", "WFBSS", 20) }, denied.Lines.Select(l => (l.Customer, l.Product, l.Chargeable)));

            s.Ok("Submit-MspUsageReport -Month 2026-02");
            var approved = Render(s, "Approve-MspUsageReport -Month 2026-02");
            Assert.Matches(@"2026-02\s+Approved\s+1\s+0\s+\d{4}-\d\d-\d\d\s+\d{4}-\d\d-\d\d\s*\n", approved);
            Assert.DoesNotContain("Seats do not match", approved);
            Assert.Null(s.Ok("Submit-MspUsageReport -Month 2026-02 -WarningAction SilentlyContinue").Objects<UsageReport>().Single().RejectedReason);
        }

        [Theory]
        [InlineData("Get-MspUsageReport -Month 1999-01", "Month '1999-01' is not valid: give a month from 2000-01 to 2099-12.")]
        [InlineData("Submit-MspUsageReport -Month 2100-01", "Month '2100-01' is not valid: give a month from 2000-01 to 2099-12.")]
        public void A_month_out_of_range_is_named_as_a_month(string command, string message)
        {
            using var s = new ModuleSession();
            var r = s.Run(command);
            Assert.Equal(message, r.Errors.Single().Exception.Message);
        }

        [Fact]
        public void Export_MspUsageReport_and_Backup_MspStore_return_the_file_as_Get_Item_does()
        {
            using var s = new ModuleSession();
            s.Ok("Set-Location -LiteralPath '" + s.Directory.Replace("'", "''") + "'");
            foreach (var command in new[] { "Export-MspUsageReport -Path ./u.csv", "Backup-MspStore -Path ./b.db" })
            {
                var file = s.Ok(command).Output.Single();
                Assert.IsType<System.IO.FileInfo>(file.BaseObject);
                Assert.Equal("FileSystem", ((System.Management.Automation.ProviderInfo)file.Properties["PSProvider"].Value).Name);
                Assert.StartsWith(@"Microsoft.PowerShell.Core\FileSystem::", (string)file.Properties["PSPath"].Value);
                Assert.NotNull(file.Properties["PSParentPath"].Value);
            }
            var text = Render(s, "Export-MspUsageReport -Path ./u2.csv");
            var item = Render(s, "Get-Item ./u2.csv");
            Assert.Contains("Directory: ", text);
            Assert.Equal(item, text);
        }

        [Fact]
        public void Removing_a_customer_that_holds_products_names_them_and_the_cmdlet_R12()
        {
            using var s = new ModuleSession();
            s.Ok("Set-MspAccount -AccountType CustomerLicensingPortal");
            s.NewCustomer("Fabrikam");
            s.Ok("Register-MspProduct -Customer Fabrikam -Product HES -LicenseType PayAsYouGo -Seats 25 -ExpirationDate 2027-01-31 -AuthorizationKey 6RNY5-RXTHF-4KPRC-YSNAK-SS4JN");
            var code = s.Ok("(Get-MspLicense -Customer Fabrikam).ActivationCode").Output.Single().ToString();
            var error = s.Run("Remove-MspCustomer -Name Fabrikam -Confirm:$false").Errors.Single();
            Assert.Equal($"Customer 'Fabrikam' still holds 1 product: HES ({code}); remove them first with Unregister-MspProduct: Get-MspLicense -Customer 'Fabrikam' | Unregister-MspProduct. (R12: Deleting customers; see about_MspLicensing_Rules)", error.Exception.Message);
            s.Ok("Get-MspLicense -Customer Fabrikam | Unregister-MspProduct -Confirm:$false");
            s.Ok("Remove-MspCustomer -Name Fabrikam -Confirm:$false");
            Assert.Empty(s.Ok("Get-MspCustomer").Output);
        }

        [Theory]
        [InlineData("Set-MspCustomer -Name 'Cont*' -City Redmond")]
        [InlineData("New-MspSubscription -Customer 'Cont*' -ServicePlan Endpoint")]
        [InlineData("Get-MspLicense -Customer 'Cont*'")]
        public void A_wildcard_where_one_customer_is_expected_is_refused_without_suggesting_wildcards_there(string command)
        {
            using var s = new ModuleSession();
            s.NewCustomer("Contoso");
            s.Ok(Plan);
            var message = s.Run(command).Errors.Single().Exception.Message;
            Assert.EndsWith("No customer is named 'Cont*': a customer is named here by its exact name or id, not by a wildcard. Get-MspCustomer -Name 'Cont*' lists the customers it matches.", message);
            Assert.Equal("Contoso", s.Ok("(Get-MspCustomer -Name 'Cont*').Name").Output.Single().ToString());
        }

        [Fact]
        public void A_rule_error_quotes_the_rule_in_one_line_R12()
        {
            using var s = new ModuleSession();
            s.NewCustomer("Contoso");
            var error = s.Run("Remove-MspCustomer -Name Contoso -Confirm:$false").Errors.Single();
            Assert.EndsWith(". (R12: Deleting customers; see about_MspLicensing_Rules)", error.Exception.Message);
            Assert.DoesNotContain(Rules.R12.Text, error.Exception.Message);
            Assert.Contains("Stop-MspSubscription", error.Exception.Message);
        }
    }
}
