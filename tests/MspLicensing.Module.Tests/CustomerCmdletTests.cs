using System;
using System.IO;
using System.Linq;
using System.Management.Automation;
using MspLicensing.Module.Tests.Hosting;
using Xunit;

namespace MspLicensing.Module.Tests
{
    public class CustomerCmdletTests
    {
        private const string Header = "Name,Country,City,State,ContactFirstName,ContactLastName,Email,Phone,ExternalId,Enabled";

        private static void WriteCsv(ModuleSession s, string file, params string[] rows) =>
            File.WriteAllText(Path.Combine(s.Directory, file), Header + "\n" + string.Join("\n", rows) + "\n");

        [Fact]
        public void Import_Csv_piped_to_New_MspCustomer_creates_the_good_rows_and_reports_each_bad_row_R10()
        {
            using var s = new ModuleSession();
            WriteCsv(s, "customers.csv",
                "Contoso,US,Seattle,WA,Ann,Lee,ann@contoso.com,+1 206 555 0100,ConnectWiseManage=4711,True",
                "Bad Country,XX,Nowhere,,Bo,Kim,bo@example.com,,,",
                "Fabrikam,Germany,Berlin,,Jonas,Weber,jonas@fabrikam.de,,,no",
                "Bad Mail,DE,Berlin,,Jo,Wu,not-an-email,,,",
                "contoso,US,Seattle,,Ann,Lee,ann@contoso.com,,,",
                "Tailspin Toys,GB,London,,Amy,Clark,amy@tailspintoys.co.uk,,Autotask=0815;KaseyaVSA=12,");
            var r = s.Run("Import-Csv ./customers.csv | New-MspCustomer");

            Assert.Null(r.Exception);
            Assert.Equal(new[] { "Contoso", "Fabrikam", "Tailspin Toys" }, r.Objects<Customer>().Select(c => c.Name).ToArray());
            Assert.Equal(3, r.Errors.Count);
            Assert.Equal("MspLicensing.InvalidValue,MspLicensing.Commands.NewMspCustomerCommand", r.Errors[0].FullyQualifiedErrorId);
            Assert.Equal(ErrorCategory.InvalidArgument, r.Errors[0].CategoryInfo.Category);
            Assert.Contains("Customer 'Bad Country': Country 'XX'", r.Errors[0].Exception.Message);
            Assert.Contains("Customer 'Bad Mail': Email 'not-an-email'", r.Errors[1].Exception.Message);
            Assert.Equal("MspLicensing.CustomerNameTaken,MspLicensing.Commands.NewMspCustomerCommand", r.Errors[2].FullyQualifiedErrorId);
            Assert.Equal(ErrorCategory.ResourceExists, r.Errors[2].CategoryInfo.Category);
            Assert.Equal("contoso", ((PSObject)r.Errors[2].TargetObject).Properties["Name"].Value);
            Assert.Equal("3 customers created, 3 failed", r.Progress.Last().StatusDescription);

            var all = s.Ok("Get-MspCustomer").Objects<Customer>().ToList();
            Assert.Equal(3, all.Count);
            Assert.False(all.Single(c => c.Name == "Fabrikam").Enabled);
            Assert.Equal("DE", all.Single(c => c.Name == "Fabrikam").Country);
            Assert.Equal("0815", all.Single(c => c.Name == "Tailspin Toys").ExternalId["Autotask"]);
            Assert.Equal("4711", all.Single(c => c.Name == "Contoso").ExternalId["ConnectWiseManage"]);
        }

        [Fact]
        public void A_piped_name_taken_in_the_same_batch_or_equal_to_a_stored_one_in_other_letters_is_refused_R10()
        {
            using var s = new ModuleSession();
            // A precomposed é, as one customer was stored.
            s.Ok("New-MspCustomer -Name 'Caf\u00e9' -Country FR -City Paris -ContactFirstName A -ContactLastName B -Email a@cafe.fr");
            // One batch: the same name again in capitals, and the stored name written with a combining accent, which the
            // store's collation finds equal to it.
            var r = s.Run("'Northwind', 'NORTHWIND', \"Cafe$([char]0x301)\", 'Tailspin' | ForEach-Object { [pscustomobject]@{ Name = $_; Country = 'FR'; City = 'Paris'; ContactFirstName = 'A'; ContactLastName = 'B'; Email = 'a@b.fr' } } | New-MspCustomer");

            Assert.Null(r.Exception);
            Assert.Equal(new[] { "Northwind", "Tailspin" }, r.Objects<Customer>().Select(c => c.Name).ToArray());
            Assert.Equal(2, r.Errors.Count);
            Assert.All(r.Errors, e => Assert.Equal("MspLicensing.CustomerNameTaken,MspLicensing.Commands.NewMspCustomerCommand", e.FullyQualifiedErrorId));
            Assert.Contains("'NORTHWIND' is already used by customer 'Northwind'", r.Errors[0].Exception.Message);
            Assert.Contains("already used by customer 'Caf\u00e9'", r.Errors[1].Exception.Message);
            Assert.Equal(3, s.Ok("Get-MspCustomer").Objects<Customer>().Count());
        }

        [Fact]
        public void A_row_without_a_mandatory_field_is_reported_and_the_others_are_created()
        {
            using var s = new ModuleSession();
            File.WriteAllText(Path.Combine(s.Directory, "c.csv"), "Name,Country,City,ContactFirstName,ContactLastName,Email\nA,US,Boston,X,Y,x@a.com\nB,US,,X,Y,x@b.com\nC,US,Boston,X,Y,x@c.com\n");
            var r = s.Run("Import-Csv ./c.csv | New-MspCustomer");
            Assert.Equal(new[] { "A", "C" }, r.Objects<Customer>().Select(c => c.Name).ToArray());
            var error = Assert.Single(r.Errors);
            Assert.Contains("City", error.Exception.Message);
        }

        [Fact]
        public void Bulk_import_commits_in_batches_and_shows_progress()
        {
            using var s = new ModuleSession();
            WriteCsv(s, "many.csv", Enumerable.Range(1, 1200).Select(i => $"Customer {i:0000},US,Austin,TX,A,B,a{i}@example.com,,,").ToArray());
            var r = s.Ok("Import-Csv ./many.csv | New-MspCustomer | Out-Null");
            Assert.NotEmpty(r.Progress);
            Assert.Contains(r.Progress, p => p.StatusDescription.Contains("customers created"));
            Assert.Equal(ProgressRecordType.Completed, r.Progress.Last().RecordType);
            Assert.Equal(1200, s.Ok("(Get-MspStore).Customers").Objects<int>().Single());
            Assert.Equal(1200, s.Ok("Get-MspAuditLog -Command New-MspCustomer").Output.Count);
        }

        [Fact]
        public void Customers_exported_with_Export_Csv_import_into_another_store()
        {
            using var s = new ModuleSession();
            s.NewCustomer("Contoso", "-ExternalId @{ ConnectWiseManage = '4711'; Autotask = '0815' } -Phone '+1 206 555 0100' -Language de-de -Enabled $false");
            s.Ok("Get-MspCustomer | Export-Csv ./export.csv -NoTypeInformation");
            using var other = new ModuleSession();
            File.Copy(Path.Combine(s.Directory, "export.csv"), Path.Combine(other.Directory, "export.csv"));
            var copy = other.Ok("Import-Csv ./export.csv | New-MspCustomer").Objects<Customer>().Single();
            Assert.Equal("Contoso", copy.Name);
            Assert.Equal("ConnectWiseManage=4711;Autotask=0815".Split(';').OrderBy(x => x), copy.ExternalId.ToString().Split(';').OrderBy(x => x));
            Assert.Equal("+1 206 555 0100", copy.Phone);
            Assert.Equal("de-DE", copy.Language);
            Assert.False(copy.Enabled);
        }

        [Fact]
        public void New_MspCustomer_WhatIf_creates_nothing()
        {
            using var s = new ModuleSession();
            var r = s.Ok("New-MspCustomer -Name Contoso -Country US -City Seattle -ContactFirstName Ann -ContactLastName Lee -Email ann@contoso.com -WhatIf");
            Assert.Empty(r.Output);
            Assert.Contains("What if: Customer 'Contoso': new customer in Seattle, US", r.Text);
            Assert.Empty(s.Ok("Get-MspCustomer").Output);
        }

        [Fact]
        public void Get_MspCustomer_renders_the_default_table()
        {
            using var s = new ModuleSession();
            s.NewCustomer("Contoso");
            var text = s.Ok("Get-MspCustomer | Out-Default").Text;
            var lines = text.Split('\n').Where(l => l.Trim().Length > 0).ToList();
            Assert.Matches(@"^Name\s+Country\s+Enabled\s+Email\s*$", lines[0]);
            Assert.Matches(@"^Contoso\s+US\s+True\s+ann@example.com\s*$", lines[2]);
        }

        [Fact]
        public void Get_MspCustomer_finds_by_wildcard_id_pipeline_and_external_id()
        {
            using var s = new ModuleSession();
            var contoso = s.NewCustomer("Contoso", "-ExternalId @{ ConnectWiseManage = '4711' }");
            s.NewCustomer("Fabrikam");
            s.NewCustomer("Fabrikam Two", "-Enabled $false");
            Assert.Equal(new[] { "Fabrikam", "Fabrikam Two" }, s.Ok("Get-MspCustomer fab*").Objects<Customer>().Select(c => c.Name));
            Assert.Equal("Contoso", s.Ok($"Get-MspCustomer -CustomerId {contoso.CustomerId}").Objects<Customer>().Single().Name);
            Assert.Equal(new[] { "Contoso", "Fabrikam" }, s.Ok("'contoso','FABRIKAM' | Get-MspCustomer").Objects<Customer>().Select(c => c.Name));
            Assert.Equal("Contoso", s.Ok("Get-MspCustomer -ExternalId @{ ConnectWiseManage = '4711' }").Objects<Customer>().Single().Name);
            Assert.Equal("Fabrikam Two", s.Ok("Get-MspCustomer -Enabled $false").Objects<Customer>().Single().Name);
            Assert.Equal(new[] { "Fabrikam" }, s.Ok("Get-MspCustomer -Skip 1 -First 1").Objects<Customer>().Select(c => c.Name));
            Assert.Empty(s.Ok("Get-MspCustomer Nobody*").Output);
        }

        [Fact]
        public void Get_MspCustomer_reports_an_exact_name_that_is_not_there()
        {
            using var s = new ModuleSession();
            s.NewCustomer("Contoso");
            var r = s.Run("Get-MspCustomer Contoso, Nobody");
            Assert.Equal("Contoso", r.Objects<Customer>().Single().Name);
            var error = Assert.Single(r.Errors);
            Assert.Equal("MspLicensing.CustomerNotFound,MspLicensing.Commands.GetMspCustomerCommand", error.FullyQualifiedErrorId);
            Assert.Equal(ErrorCategory.ObjectNotFound, error.CategoryInfo.Category);
            Assert.Equal("Nobody", error.TargetObject);
            Assert.IsType<ActionPreferenceStopException>(s.Run("Get-MspCustomer Nobody -ErrorAction Stop").Exception);
        }

        [Fact]
        public void Set_MspCustomer_changes_only_the_given_fields_from_the_pipeline()
        {
            using var s = new ModuleSession();
            s.NewCustomer("Contoso", "-Phone '+1 206 555 0100'");
            s.NewCustomer("Fabrikam");
            var changed = s.Ok("Get-MspCustomer | Set-MspCustomer -City Redmond -Phone '' -Enabled false -PassThru").Objects<Customer>().ToList();
            Assert.Equal(2, changed.Count);
            Assert.All(changed, c =>
            {
                Assert.Equal("Redmond", c.City);
                Assert.Null(c.Phone);
                Assert.False(c.Enabled);
                Assert.Equal("WA", c.State);
                Assert.Equal(2, c.Revision);
            });
            Assert.Empty(s.Ok("Set-MspCustomer Contoso -Notes 'quiet'").Output);
            var renamed = s.Ok("Set-MspCustomer -Name contoso -NewName 'Contoso Ltd' -ExternalId 'Autotask=0815' -PassThru").Objects<Customer>().Single();
            Assert.Equal("Contoso Ltd", renamed.Name);
            Assert.Equal("0815", renamed.ExternalId["Autotask"]);
            var audit = s.Ok("Get-MspCustomer 'Contoso Ltd' | Get-MspAuditLog -First 1").Objects<AuditEntry>().Single();
            Assert.Contains("Name: 'Contoso' -> 'Contoso Ltd'", audit.Summary);
        }

        [Fact]
        public void Set_MspCustomer_with_an_object_read_before_someone_else_changed_it_is_refused()
        {
            using var s = new ModuleSession();
            s.NewCustomer("Contoso");
            s.Ok("$stale = Get-MspCustomer Contoso");
            s.Ok("Set-MspCustomer Contoso -City Redmond");
            var r = s.Run("$stale | Set-MspCustomer -City Tacoma");
            var error = Assert.Single(r.Errors);
            Assert.Equal("MspLicensing.StaleObject,MspLicensing.Commands.SetMspCustomerCommand", error.FullyQualifiedErrorId);
            Assert.Equal(ErrorCategory.WriteError, error.CategoryInfo.Category);
            Assert.Contains("changed by someone else", error.Exception.Message);
            Assert.Equal("Redmond", s.Ok("Get-MspCustomer Contoso").Objects<Customer>().Single().City);
        }

        [Fact]
        public void Set_MspCustomer_WhatIf_and_a_declined_confirmation_change_nothing()
        {
            using var s = new ModuleSession();
            s.NewCustomer("Contoso");
            var r = s.Ok("Set-MspCustomer Contoso -City Redmond -WhatIf");
            Assert.Contains("What if: Customer 'Contoso': City: 'Seattle' -> 'Redmond'", r.Text);
            s.Host.ChoiceAnswers.Enqueue(2); // [N] No
            s.Ok("Set-MspCustomer Contoso -City Redmond -Confirm");
            Assert.Single(s.Host.Prompts);
            Assert.Equal("Seattle", s.Ok("Get-MspCustomer Contoso").Objects<Customer>().Single().City);
        }

        [Fact]
        public void Remove_MspCustomer_is_refused_in_an_LMP_account_R12()
        {
            using var s = new ModuleSession();
            s.NewCustomer("Contoso");
            var r = s.Run("Remove-MspCustomer Contoso -Confirm:$false");
            var error = Assert.Single(r.Errors);
            Assert.Equal("MspLicensing.CustomerDeletionNotAllowed,MspLicensing.Commands.RemoveMspCustomerCommand", error.FullyQualifiedErrorId);
            Assert.Equal(ErrorCategory.PermissionDenied, error.CategoryInfo.Category);
            Assert.Equal("Contoso", error.TargetObject);
            Assert.Contains("R12", error.Exception.Message);
            Assert.IsType<Customer>(Assert.Single(s.Run("Get-MspCustomer Contoso | Remove-MspCustomer -Confirm:$false").Errors).TargetObject);
            Assert.Single(s.Ok("Get-MspCustomer").Output);
        }

        [Fact]
        public void Remove_MspCustomer_in_a_CLP_account_asks_first_and_deletes_R12()
        {
            using var s = new ModuleSession();
            s.Ok("Set-MspAccount -AccountType CustomerLicensingPortal");
            s.NewCustomer("Contoso");
            s.NewCustomer("Fabrikam");
            s.Host.ChoiceAnswers.Enqueue(2); // ConfirmImpact High asks; [N] No keeps the customer.
            s.Ok("Remove-MspCustomer Contoso");
            Assert.Equal(2, s.Ok("Get-MspCustomer").Output.Count);
            s.Ok("Get-MspCustomer | Remove-MspCustomer -Confirm:$false");
            Assert.Empty(s.Ok("Get-MspCustomer").Output);
            Assert.Equal(2, s.Ok("Get-MspAuditLog -Command Remove-MspCustomer").Output.Count);
        }

        [Theory]
        [InlineData("Get-MspCustomer -Name Con", "Contoso")]
        [InlineData("Set-MspCustomer -Name 'Tail", "'Tailspin Toys'")]
        [InlineData("New-MspCustomer -Country D", "DE")]
        [InlineData("Get-MspProduct -Code WFBSS-", "WFBSS-EDR")]
        [InlineData("Get-MspProduct -Name Cloud", "'Cloud App Security'")]
        [InlineData("Set-MspAccount -DefaultDataCenter Ger", "Germany")]
        [InlineData("Get-MspAuditLog -TargetType Sub", "Subscription")]
        [InlineData("Get-MspAuditLog -TargetType Usage", "UsageReport")]
        public void Names_tab_complete(string line, string expected)
        {
            using var s = new ModuleSession();
            s.NewCustomer("Contoso");
            s.NewCustomer("Tailspin Toys");
            var r = s.Ok($"[System.Management.Automation.CommandCompletion]::CompleteInput(\"{line.Replace("\"", "`\"")}\", {line.Length}, $null).CompletionMatches | ForEach-Object CompletionText");
            Assert.Contains(expected, r.Output.Select(o => o.ToString()));
        }

        [Fact]
        public void Months_tab_complete_newest_first_from_the_current_month()
        {
            using var s = new ModuleSession();
            const string line = "Get-MspUsageReport -Month ";
            var months = s.Ok($"[System.Management.Automation.CommandCompletion]::CompleteInput(\"{line}\", {line.Length}, $null).CompletionMatches | ForEach-Object CompletionText")
                .Output.Select(o => o.ToString()).ToList();
            var today = System.DateTime.Today;
            Assert.Equal(25, months.Count);
            Assert.Equal(today.ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture), months[0]);
            Assert.Equal(today.AddMonths(-1).ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture), months[1]);
            Assert.Equal(months.OrderByDescending(m => m, System.StringComparer.Ordinal), months);
            const string typed = "Submit-MspUsageReport -Month 2026-0";
            Assert.All(s.Ok($"[System.Management.Automation.CommandCompletion]::CompleteInput(\"{typed}\", {typed.Length}, $null).CompletionMatches | ForEach-Object CompletionText").Output,
                m => Assert.StartsWith("2026-0", m.ToString()));
        }
    }
}
