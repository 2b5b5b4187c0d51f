using System.IO;
using System.Linq;
using System.Management.Automation;
using MspLicensing.Module.Tests.Hosting;
using Xunit;

namespace MspLicensing.Module.Tests
{
    /// <summary>
    /// Bulk pipelines (R64 and §5): each failed item gets an error that names it and targets the row it came from,
    /// the good items land, and the progress moves by time and closes with counts that include every failure.
    /// </summary>
    public class PipelineErrorTests
    {
        private const string Basic = "New-MspServicePlan -Name Basic -Product WFBSS -AutoRenewalMonths 1 -DataCenter Germany";

        private static void WriteFile(ModuleSession s, string file, string text) => File.WriteAllText(Path.Combine(s.Directory, file), text);

        /// <summary>The pipeline object an error targets: a row of Import-Csv.</summary>
        private static string Cell(ErrorRecord error, string column)
        {
            var row = Assert.IsType<PSObject>(error.TargetObject);
            return row.Properties[column].Value?.ToString();
        }

        private static ProgressRecord Closing(RunResult r) => r.Progress.Last(p => p.RecordType == ProgressRecordType.Processing);

        [Fact]
        public void New_MspCustomer_names_each_bad_row_targets_the_row_and_counts_it_in_the_progress_R10()
        {
            using var s = new ModuleSession();
            WriteFile(s, "customers.csv", "Name,Country,City,State,ContactFirstName,ContactLastName,Email\n" +
                "Contoso,US,Seattle,WA,Ann,Lee,ann@contoso.com\n" +
                "Margie Travel,US,Boston,MA,Margie,Shoop,margie-at-travel\n" +
                "Fabrikam,DE,Berlin,,Jonas,Weber,jonas@fabrikam.de\n" +
                "Nowhere Inc,XX,Nowhere,,Bo,Kim,bo@nowhere.example\n" +
                "contoso,US,Seattle,,Ann,Lee,ann@contoso.com\n" +
                "Tailspin Toys,GB,London,,Amy,Clark,amy@tailspintoys.co.uk\n");

            var r = s.Run("Import-Csv ./customers.csv | New-MspCustomer");

            Assert.Null(r.Exception);
            Assert.Equal(new[] { "Contoso", "Fabrikam", "Tailspin Toys" }, r.Objects<Customer>().Select(c => c.Name));
            Assert.Equal(3, r.Errors.Count);
            // In the order of the rows, each naming its customer, with the row as the target.
            Assert.StartsWith("Customer 'Margie Travel': Email 'margie-at-travel' is not valid", r.Errors[0].Exception.Message);
            Assert.Equal("Margie Travel", Cell(r.Errors[0], "Name"));
            Assert.Equal("margie-at-travel", Cell(r.Errors[0], "Email"));
            Assert.StartsWith("Customer 'Nowhere Inc': Country 'XX' is not valid", r.Errors[1].Exception.Message);
            Assert.Equal("Nowhere Inc", Cell(r.Errors[1], "Name"));
            Assert.StartsWith("Customer 'contoso': Name 'contoso' is already used by customer 'Contoso'", r.Errors[2].Exception.Message);
            Assert.Equal("contoso", Cell(r.Errors[2], "Name"));
            // The error id, category and the domain error stay.
            Assert.Equal("MspLicensing.InvalidValue,MspLicensing.Commands.NewMspCustomerCommand", r.Errors[0].FullyQualifiedErrorId);
            Assert.Equal(ErrorCategory.InvalidArgument, r.Errors[0].CategoryInfo.Category);
            Assert.Equal("MspLicensing.CustomerNameTaken,MspLicensing.Commands.NewMspCustomerCommand", r.Errors[2].FullyQualifiedErrorId);
            Assert.Contains("(R10)", r.Errors[2].Exception.Message);
            var domain = Assert.IsType<MspException>(r.Errors[2].Exception);
            Assert.Equal("CustomerNameTaken", domain.ErrorId);
            Assert.IsType<MspException>(domain.InnerException);

            Assert.Equal("3 customers created, 3 failed", Closing(r).StatusDescription);
            Assert.Equal(ProgressRecordType.Completed, r.Progress.Last().RecordType);
            Assert.Equal(new[] { "Contoso", "Fabrikam", "Tailspin Toys" }, s.Ok("Get-MspCustomer").Objects<Customer>().Select(c => c.Name).OrderBy(n => n));
        }

        [Fact]
        public void A_customer_given_by_parameters_is_named_and_targeted_by_its_name()
        {
            using var s = new ModuleSession();
            var r = s.Run("New-MspCustomer -Name 'Margie Travel' -Country US -City Boston -ContactFirstName M -ContactLastName S -Email margie-at-travel");
            var error = Assert.Single(r.Errors);
            Assert.StartsWith("Customer 'Margie Travel': Email 'margie-at-travel'", error.Exception.Message);
            Assert.Equal("Margie Travel", error.TargetObject);
            Assert.Empty(r.Progress);
        }

        [Fact]
        public void New_MspSubscription_names_the_customer_and_plan_of_each_bad_row_R30_R31()
        {
            using var s = new ModuleSession();
            s.Ok(Basic);
            foreach (var name in new[] { "Contoso", "Fabrikam", "Tailspin" }) s.NewCustomer(name);
            WriteFile(s, "assign.csv", "Customer,ServicePlan,Seats\n" +
                "Contoso,Basic,10\n" +
                "Nobody,Basic,5\n" +
                "Fabrikam,Basic,0\n" +
                "Tailspin,Nope,3\n" +
                "Tailspin,Basic,20\n");

            var r = s.Run("Import-Csv ./assign.csv | New-MspSubscription");

            Assert.Null(r.Exception);
            Assert.Equal(new[] { "Contoso", "Tailspin" }, r.Objects<Subscription>().Select(x => x.Customer));
            Assert.Equal(3, r.Errors.Count);
            Assert.StartsWith("Customer 'Nobody', service plan 'Basic': No customer is named 'Nobody'", r.Errors[0].Exception.Message);
            Assert.Equal("MspLicensing.CustomerNotFound,MspLicensing.Commands.NewMspSubscriptionCommand", r.Errors[0].FullyQualifiedErrorId);
            Assert.Equal("Nobody", Cell(r.Errors[0], "Customer"));
            Assert.StartsWith("Customer 'Fabrikam', service plan 'Basic': Seats '0' is not valid", r.Errors[1].Exception.Message);
            Assert.Contains("(R31", r.Errors[1].Exception.Message);
            Assert.Equal("Fabrikam", Cell(r.Errors[1], "Customer"));
            Assert.Equal("0", Cell(r.Errors[1], "Seats"));
            Assert.StartsWith("Customer 'Tailspin', service plan 'Nope': No service plan is named 'Nope'", r.Errors[2].Exception.Message);
            Assert.Equal("Nope", Cell(r.Errors[2], "ServicePlan"));

            Assert.Equal("2 subscriptions created, 3 failed", Closing(r).StatusDescription);
            Assert.Equal(new[] { 10, 20 }, s.Ok("Get-MspLicense").Objects<License>().OrderBy(l => l.Seats).Select(l => l.Seats));
        }

        [Fact]
        public void A_cell_under_an_alias_in_other_letters_is_checked_too_and_columns_that_name_no_parameter_are_not_read()
        {
            using var s = new ModuleSession();
            s.Ok(Basic);
            foreach (var name in new[] { "Contoso", "Fabrikam" }) s.NewCustomer(name);

            // 'units' is an alias of -Seats; 'Broken' names no parameter, and reading it would throw.
            var r = s.Run("'Contoso', 'Fabrikam' | ForEach-Object { [pscustomobject]@{ Customer = $_; ServicePlan = 'Basic'; units = $(if ($_ -eq 'Contoso') { 'eleven' } else { '7' }) } | " +
                          "Add-Member -MemberType ScriptProperty -Name Broken -Value { throw 'not to be read' } -PassThru } | New-MspSubscription");

            var error = Assert.Single(r.Errors);
            Assert.StartsWith("Customer 'Contoso', service plan 'Basic': Seats 'eleven' is not valid: give a whole number", error.Exception.Message);
            var subscription = s.Ok("Get-MspSubscription").Objects<Subscription>().Single();
            Assert.Equal("Fabrikam", subscription.Customer);
            Assert.Equal(7, s.Ok("Get-MspLicense -Customer Fabrikam").Objects<License>().Single().Seats);
        }

        [Fact]
        public void A_cell_PowerShell_cannot_convert_fails_its_row_instead_of_being_skipped()
        {
            using var s = new ModuleSession();
            s.Ok(Basic);
            foreach (var name in new[] { "Contoso", "Fabrikam" }) s.NewCustomer(name);
            WriteFile(s, "assign.csv", "Customer,ServicePlan,Seats,StartDate\n" +
                "Contoso,Basic,ten,2026-02-01\n" +
                "Fabrikam,Basic,12,\n");

            var r = s.Run("Import-Csv ./assign.csv | New-MspSubscription");

            // PowerShell leaves Seats unbound for 'ten'; without the check the plan's 1 seat would be assigned.
            var error = Assert.Single(r.Errors);
            Assert.StartsWith("Customer 'Contoso', service plan 'Basic': Seats 'ten' is not valid: give a whole number", error.Exception.Message);
            Assert.Equal("MspLicensing.InvalidValue,MspLicensing.Commands.NewMspSubscriptionCommand", error.FullyQualifiedErrorId);
            Assert.Equal("Contoso", Cell(error, "Customer"));
            Assert.Equal("1 subscriptions created, 1 failed", Closing(r).StatusDescription);
            Assert.Equal("Fabrikam", s.Ok("Get-MspSubscription").Objects<Subscription>().Single().Customer);

            WriteFile(s, "plans.csv", "Name,Product,InitialPeriodMonths,Version\nYearly,WFBSS,twelve,Full\nTrial,WFBSS,1,Trail\n");
            var plans = s.Run("Import-Csv ./plans.csv | New-MspServicePlan -DataCenter Germany");
            Assert.Empty(plans.Output);
            Assert.Equal(2, plans.Errors.Count);
            Assert.StartsWith("Service plan 'Yearly': InitialPeriodMonths 'twelve' is not valid: give a whole number", plans.Errors[0].Exception.Message);
            Assert.StartsWith("Service plan 'Trial': Version 'Trail' is not valid: use one of Full, Trial", plans.Errors[1].Exception.Message);
            Assert.Equal("Trail", Cell(plans.Errors[1], "Version"));
        }

        [Fact]
        public void Set_MspLicense_names_the_activation_code_of_each_bad_row_R34()
        {
            using var s = new ModuleSession();
            s.Ok(Basic);
            s.NewCustomer("Contoso");
            s.Ok("New-MspSubscription Contoso Basic -Seats 25 -StartDate 2026-01-01");
            string code = s.Ok("(Get-MspLicense -Customer Contoso).ActivationCode").Output.Single().ToString();
            const string unknown = "WF-AAAA-BBBBB-CCCCC-DDDDD-EEEEE-FFFFF";
            WriteFile(s, "usage.csv", "ActivationCode,Used,Date\n" +
                $"{code},20,2026-02-01\n" +
                $"{unknown},3,2026-02-01\n" +
                $"{code},many,2026-02-08\n" +
                $"{code},-4,2026-02-09\n" +
                $"{code},,2026-02-10\n" +
                $"{code},24,2026-02-15\n");

            var r = s.Run("Import-Csv ./usage.csv | Set-MspLicense -PassThru");

            Assert.Null(r.Exception);
            Assert.Equal(2, r.Objects<License>().Count());
            Assert.Equal(4, r.Errors.Count);
            Assert.StartsWith($"License '{unknown}': No license has the activation code '{unknown}'", r.Errors[0].Exception.Message);
            Assert.Equal("MspLicensing.LicenseNotFound,MspLicensing.Commands.SetMspLicenseCommand", r.Errors[0].FullyQualifiedErrorId);
            Assert.Equal(unknown, Cell(r.Errors[0], "ActivationCode"));
            // A count that is not a whole number is refused by name, not skipped.
            Assert.StartsWith($"License '{code}': Used 'many' is not valid: give a used count, a whole number from 0 to 9,999,990", r.Errors[1].Exception.Message);
            Assert.Equal("MspLicensing.InvalidValue,MspLicensing.Commands.SetMspLicenseCommand", r.Errors[1].FullyQualifiedErrorId);
            Assert.Equal("many", Cell(r.Errors[1], "Used"));
            Assert.StartsWith($"License '{code}': Used '-4' is not valid: give a used count, a whole number from 0 to 9,999,990", r.Errors[2].Exception.Message);
            Assert.Equal("-4", Cell(r.Errors[2], "Used"));
            // An empty cell is "not given", not 0.
            Assert.StartsWith($"License '{code}': Give -Used", r.Errors[3].Exception.Message);
            Assert.Equal("2026-02-10", Cell(r.Errors[3], "Date"));

            Assert.Equal("2 used counts recorded, 4 failed", Closing(r).StatusDescription);
            Assert.Equal(24, s.Ok("Get-MspLicense -Customer Contoso").Objects<License>().Single().Used);
        }

        [Fact]
        public void Licenses_from_Get_MspLicense_are_the_target_of_their_errors()
        {
            using var s = new ModuleSession();
            s.Ok(Basic);
            s.NewCustomer("Contoso");
            s.Ok("New-MspSubscription Contoso Basic -Seats 25");
            var r = s.Run("Get-MspLicense -Customer Contoso | Set-MspLicense -Used -1");
            var error = Assert.Single(r.Errors);
            var license = Assert.IsType<License>(error.TargetObject);
            Assert.StartsWith($"License '{license.ActivationCode}': Used '-1' is not valid", error.Exception.Message);
        }

        [Fact]
        public void Progress_moves_while_a_slow_pipeline_runs_and_closes_with_the_counts_R64()
        {
            using var s = new ModuleSession();
            // Rows that arrive slowly (an RMM feed, a slow source): about 1.2 seconds in all.
            var r = s.Run("1..12 | ForEach-Object { Start-Sleep -Milliseconds 100; [pscustomobject]@{ Name = \"Customer $_\"; Country = $(if ($_ -eq 5) { 'XX' } else { 'US' }); City = 'Austin'; State = 'TX'; ContactFirstName = 'A'; ContactLastName = 'B'; Email = \"a$_@example.com\" } } | New-MspCustomer | Out-Null");

            var moving = r.Progress.Where(p => p.RecordType == ProgressRecordType.Processing).Select(p => p.StatusDescription).ToList();
            // Several updates while the rows come in (a few a second), not one at the end.
            Assert.True(moving.Count >= 3, "progress: " + string.Join(" | ", moving));
            Assert.Equal(moving.Count, moving.Distinct().Count());
            Assert.Equal("11 customers created, 1 failed", moving.Last());
            Assert.Equal(ProgressRecordType.Completed, r.Progress.Last().RecordType);
            Assert.Equal("11 customers created, 1 failed", r.Progress.Last().StatusDescription);
            Assert.StartsWith("Customer 'Customer 5': Country 'XX'", Assert.Single(r.Errors).Exception.Message);
            Assert.Equal(11, s.Ok("(Get-MspStore).Customers").Objects<int>().Single());
        }
    }
}
