using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using MspLicensing.Module.Tests.Hosting;
using Xunit;

namespace MspLicensing.Module.Tests
{
    /// <summary>Tab completion as a user gets it: TabExpansion2 in the real engine, on a command line typed so far.</summary>
    public class CompletionCmdletTests
    {
        private const string Monthly = "New-MspServicePlan -Name 'WF Services Monthly Rolling' -Product WFBSS -InitialPeriodMonths 12 -AutoRenewalMonths 1 -DataCenter Germany";

        /// <summary>What Tab offers at the end of <paramref name="line"/>, in order.</summary>
        private static List<string> Complete(ModuleSession s, string line) =>
            s.Ok($"(TabExpansion2 -inputScript '{line.Replace("'", "''")}' -cursorColumn {line.Length}).CompletionMatches | ForEach-Object CompletionText")
                .Output.Select(o => o.ToString()).ToList();

        /// <summary>A completion as the value it stands for: without the quotes of a value with spaces.</summary>
        private static string Unquoted(string text) =>
            text.Length > 1 && text[0] == '\'' && text[text.Length - 1] == '\'' ? text.Substring(1, text.Length - 2).Replace("''", "'") : text;

        private static List<string> Sorted(IEnumerable<string> values) => values.OrderBy(v => v, StringComparer.OrdinalIgnoreCase).ToList();

        private static List<string> Codes(ModuleSession s, string filter = "") =>
            Sorted(s.Ok("Get-MspLicense " + filter).Objects<License>().Select(l => l.ActivationCode));

        [Fact]
        public void Activation_codes_complete_sorted_and_only_the_customers_when_Customer_is_given()
        {
            using var s = new ModuleSession();
            s.Ok(Monthly);
            s.Ok("New-MspServicePlan -Name 'Mail' -Product HES -DataCenter Germany");
            s.Ok("New-MspServicePlan -Name 'WF Advanced' -Product WFBS-ADV -AutoRenewalMonths 1");
            foreach (var name in new[] { "Tailspin Toys", "Contoso", "Fabrikam" })
            {
                s.NewCustomer(name);
                s.Ok($"New-MspSubscription -Customer '{name}' -ServicePlan 'WF Services Monthly Rolling' -Seats 5");
                s.Ok($"New-MspSubscription -Customer '{name}' -ServicePlan Mail -Seats 5");
            }
            s.Ok("Register-MspProduct -Customer Fabrikam -Product WFBS-ADV -LicenseType Standard -Seats 40 -ExpirationDate 2027-06-30 -ActivationCode WF-AAAA-BBBBB-CCCCC-DDDDD-EEEEE-FFFFF");
            var all = Codes(s);
            Assert.Equal(7, all.Count);

            Assert.Equal(all, Complete(s, "Get-MspLicense -ActivationCode "));
            Assert.Equal(all, Complete(s, "Unregister-MspProduct -ActivationCode "));
            Assert.Equal(Codes(s, "-Customer Contoso"), Complete(s, "Get-MspLicense -Customer Contoso -ActivationCode "));
            Assert.Equal(Codes(s, "-Customer 'Tailspin Toys'"), Complete(s, "Get-MspLicense 'Tailspin Toys' -ActivationCode "));
            Assert.Empty(Complete(s, "Get-MspLicense -Customer Nobody -ActivationCode "));
            // What was typed narrows them, in any case.
            string mail = Codes(s, "-Customer Contoso -Product HES").Single();
            Assert.Equal(new[] { mail }, Complete(s, "Set-MspLicense -ActivationCode " + mail.Substring(0, 12).ToLowerInvariant()));
            Assert.All(Complete(s, "Set-MspLicense -ActivationCode HE-"), c => Assert.StartsWith("HE-", c));
            // Start-MspLicenseMigration migrates non-MSP licenses only (R60); Remove-MspLicense removes Unbundled ones only (R43).
            Assert.Equal(new[] { "WF-AAAA-BBBBB-CCCCC-DDDDD-EEEEE-FFFFF" }, Complete(s, "Start-MspLicenseMigration -ActivationCode "));
            Assert.Empty(Complete(s, "Remove-MspLicense -ActivationCode "));
        }

        [Fact]
        public void Remove_MspLicense_completes_the_Unbundled_codes_a_crossgrade_left()
        {
            using var s = new ModuleSession();
            s.NewCustomer("Contoso");
            s.Ok("New-MspServicePlan -Name 'WF Services XDR' -Product WFXDR -AutoRenewalMonths 1 -DataCenter @{ '*' = 'Germany'; CAS = 'Europe' }");
            s.Ok(Monthly);
            s.Ok("New-MspSubscription -Customer Contoso -ServicePlan 'WF Services XDR' -Seats 20 -StartDate 2026-06-01");
            s.Ok("Invoke-MspCrossgrade -Customer Contoso -ServicePlan 'WF Services Monthly Rolling' -Date 2026-07-01");
            var unbundled = Sorted(s.Ok("Get-MspLicense -Status Unbundled -AsOf 2026-07-10").Objects<License>().Select(l => l.ActivationCode));
            Assert.NotEmpty(unbundled);

            Assert.Equal(unbundled, Complete(s, "Remove-MspLicense -ActivationCode "));
            Assert.Equal(unbundled, Complete(s, "Remove-MspLicense -Customer Contoso -ActivationCode "));
        }

        [Fact]
        public void Activation_codes_complete_at_most_a_hundred_at_once_the_first_in_order()
        {
            using var s = new ModuleSession();
            s.Ok(Monthly);
            File.WriteAllText(Path.Combine(s.Directory, "c.csv"),
                "Name,Country,City,ContactFirstName,ContactLastName,Email\n" + string.Join("\n", Enumerable.Range(1, 105).Select(i => $"Customer {i:000},DE,Berlin,J,W,j{i}@example.com")) + "\n");
            s.Ok("Import-Csv ./c.csv | New-MspCustomer | New-MspSubscription -ServicePlan 'WF Services Monthly Rolling' -Seats 5 | Out-Null");
            var all = Codes(s);
            Assert.Equal(105, all.Count);

            Assert.Equal(all.Take(100), Complete(s, "Get-MspLicense -ActivationCode "));
            string last = all.Last();
            Assert.Equal(new[] { last }, Complete(s, "Get-MspLicense -ActivationCode " + last.Substring(0, 14)).Where(c => c == last));
        }

        [Fact]
        public void Get_MspFeature_Name_completes_the_feature_names_of_the_matrix_sorted_and_quoted()
        {
            using var s = new ModuleSession();
            var names = Sorted(s.Ok("Get-MspFeature").Objects<Feature>().Select(f => f.Name));

            var offered = Complete(s, "Get-MspFeature -Name ");

            Assert.Equal(names, offered.Select(Unquoted));
            Assert.Contains("'Deleting customers'", offered);
            Assert.Equal(new[] { "'Template assignment to existing customers'", "'Template assignment to new customers'", "'Template management'" },
                Complete(s, "Get-MspFeature -Name Temp"));
            // What Tab gives runs.
            Assert.Equal("Deleting customers", s.Ok("Get-MspFeature -Name " + offered.First(o => o.Contains("Deleting customers"))).Objects<Feature>().Single().Name);
        }

        [Fact]
        public void Get_MspAuditLog_Command_completes_the_commands_that_change_the_store()
        {
            using var s = new ModuleSession();
            s.Ok(Monthly);
            s.NewCustomer("Contoso");
            s.Ok("New-MspSubscription -Customer Contoso -ServicePlan 'WF Services Monthly Rolling' -Seats 5");
            s.Ok("Set-MspSubscription -Customer Contoso -Seats 8");
            s.Ok("Set-MspCustomer -Name Contoso -City Portland");
            s.Ok("Get-MspLicense -Customer Contoso | Set-MspLicense -Used 3");
            s.Ok("Set-MspAccount -Name 'Northwind IT'");
            s.Ok("Backup-MspStore -Path ./backup.db");

            var offered = Complete(s, "Get-MspAuditLog -Command ");

            Assert.Equal(Sorted(offered), offered);
            var recorded = s.Ok("Get-MspAuditLog").Objects<AuditEntry>().Select(e => e.Command).Distinct().ToList();
            Assert.Equal(7, recorded.Count);
            Assert.All(recorded, c => Assert.Contains(c, offered));
            var module = s.Ok("Get-Command -Module MspLicensing | ForEach-Object Name").Output.Select(o => o.ToString()).ToList();
            Assert.All(offered, c => Assert.Contains(c, module));
            Assert.DoesNotContain(offered, c => c.StartsWith("Get-", StringComparison.Ordinal) || c.StartsWith("Test-", StringComparison.Ordinal));
            Assert.DoesNotContain("Backup-MspStore", offered);
            Assert.DoesNotContain("Connect-MspStore", offered);
            Assert.DoesNotContain("Export-MspUsageReport", offered);
            Assert.Contains("Invoke-MspRenewal", offered);
            Assert.Contains("Remove-MspTemplate", offered);
            var set = Complete(s, "Get-MspAuditLog -Command set-");
            Assert.Contains("Set-MspCustomer", set);
            Assert.All(set, c => Assert.StartsWith("Set-", c));
        }

        [Fact]
        public void Language_completes_language_tags_the_customer_fields_take()
        {
            using var s = new ModuleSession();
            var german = Complete(s, "New-MspCustomer -Language de-");
            Assert.Contains("de-DE", german);
            Assert.Contains("de-AT", german);
            Assert.All(german, l => Assert.StartsWith("de-", l));
            Assert.Equal(Sorted(german), german);
            Assert.Contains("en-US", Complete(s, "Set-MspCustomer -Language EN-u"));
            // Every tag offered is one a customer takes.
            var all = Complete(s, "New-MspCustomer -Language ");
            Assert.True(all.Count > 50, string.Join(", ", all));
            Assert.Equal(Sorted(all), all);
            string tag = all.First(l => l.StartsWith("sr-", StringComparison.Ordinal) || l.StartsWith("zh-", StringComparison.Ordinal));
            Assert.Equal(tag, s.NewCustomer("Contoso", "-Language " + tag).Language);
        }

        [Fact]
        public void ServicePlan_after_Customer_offers_that_customers_plans_first_each_group_sorted()
        {
            using var s = new ModuleSession();
            s.Ok(Monthly);
            s.Ok("New-MspServicePlan -Name Zulu -Product HES -DataCenter Germany");
            s.Ok("New-MspServicePlan -Name Alpha -Product CAS -DataCenter Europe");
            s.Ok("New-MspServicePlan -Name 'Edge Yearly' -Product CE -DataCenter Germany");
            s.NewCustomer("Contoso");
            s.NewCustomer("Fabrikam");
            s.Ok("New-MspSubscription -Customer Contoso -ServicePlan Zulu");
            s.Ok("New-MspSubscription -Customer Contoso -ServicePlan 'WF Services Monthly Rolling'");
            s.Ok("New-MspSubscription -Customer Contoso -ServicePlan 'Edge Yearly'");
            s.Ok("Stop-MspSubscription -Customer Contoso -ServicePlan 'Edge Yearly' -Confirm:$false");

            var all = new[] { "Alpha", "'Edge Yearly'", "'WF Services Monthly Rolling'", "Zulu" };
            Assert.Equal(all, Complete(s, "Set-MspSubscription -ServicePlan "));
            // Contoso's plans that have not ended come first; the cancelled one is with the others.
            var contoso = new[] { "'WF Services Monthly Rolling'", "Zulu", "Alpha", "'Edge Yearly'" };
            Assert.Equal(contoso, Complete(s, "Set-MspSubscription -Customer Contoso -ServicePlan "));
            Assert.Equal(contoso, Complete(s, "Stop-MspSubscription Contoso -ServicePlan "));
            Assert.Equal(contoso, Complete(s, "New-MspSubscription -Customer contoso -ServicePlan "));
            Assert.Equal(new[] { "Zulu" }, Complete(s, "Suspend-MspSubscription -Customer Contoso -ServicePlan Z"));
            Assert.Equal(all, Complete(s, "Set-MspSubscription -Customer Fabrikam -ServicePlan "));
        }

        [Theory]
        [InlineData("Get-MspCustomer -Name ")]
        [InlineData("New-MspCustomer -Country ")]
        [InlineData("Get-MspProduct -Name ")]
        [InlineData("Get-MspProduct -Code W")]
        [InlineData("Set-MspAccount -DefaultDataCenter ")]
        [InlineData("Get-MspIntegration -Name ")]
        [InlineData("Get-MspAuditLog -TargetType ")]
        [InlineData("New-MspCustomer -TimeZone Europe/")]
        [InlineData("Set-MspCustomer -Template ")]
        [InlineData("Get-MspServicePlan -Name ")]
        public void Every_list_is_sorted_and_values_with_spaces_are_quoted(string line)
        {
            using var s = new ModuleSession();
            foreach (var name in new[] { "Zeta", "alpha", "Mid Corp", "Beta" }) s.NewCustomer(name);
            s.Ok("New-MspTemplate -Name 'Zeta edge' -Product CE -Setting @{ Firewall = 'Strict' }");
            s.Ok("New-MspTemplate -Name 'Alpha services' -Product WFBSS -Setting @{ ScanMode = 'Smart' }");
            s.Ok(Monthly);
            s.Ok("New-MspServicePlan -Name Basic -Product HES -DataCenter Germany");

            var offered = Complete(s, line);

            Assert.True(offered.Count > 1, string.Join(", ", offered));
            var values = offered.Select(Unquoted).ToList();
            Assert.Equal(Sorted(values), values);
            Assert.All(offered, o => Assert.Equal(Unquoted(o).Contains(' '), o.StartsWith("'", StringComparison.Ordinal)));
        }
    }
}
