using System;
using System.IO;
using System.Linq;
using System.Management.Automation;
using MspLicensing.Module.Tests.Hosting;
using Xunit;

namespace MspLicensing.Module.Tests
{
    public class SubscriptionCmdletTests
    {
        private const string Monthly = "New-MspServicePlan -Name 'WF Services Monthly Rolling' -Product WFBSS -InitialPeriodMonths 12 -AutoRenewalMonths 1 -DataCenter Germany";
        private const string Xdr = "New-MspServicePlan -Name 'WF Services XDR' -Product WFXDR -AutoRenewalMonths 1 -DataCenter @{ '*' = 'Germany'; CAS = 'Europe' }";

        [Fact]
        public void Customers_from_a_CSV_file_are_onboarded_in_one_pipeline_R30_R32()
        {
            using var s = new ModuleSession();
            s.Ok(Monthly);
            File.WriteAllText(Path.Combine(s.Directory, "new.csv"),
                "Name,Country,City,ContactFirstName,ContactLastName,Email\n" + string.Join("\n", Enumerable.Range(1, 30).Select(i => $"Customer {i},DE,Berlin,A,B,a{i}@example.com")) + "\nBad,XX,Nowhere,A,B,a@example.com\n");
            var r = s.Run("Import-Csv ./new.csv | New-MspCustomer | New-MspSubscription -ServicePlan 'WF Services Monthly Rolling' -Seats 10 -StartDate 2026-11-01");
            Assert.Equal(30, r.Objects<Subscription>().Count());
            Assert.Single(r.Errors);
            var licenses = s.Ok("Get-MspLicense").Objects<License>().ToList();
            Assert.Equal(30, licenses.Count);
            var store = s.Ok("Get-MspStore").Objects<MspLicensing.Store.StoreInfo>().Single();
            Assert.Equal((30, 30, 1, 30), (store.Customers, store.Subscriptions, store.ServicePlans, store.Licenses));
            Assert.Equal(30, licenses.Select(l => l.ActivationCode).Distinct().Count());
            Assert.All(licenses, l =>
            {
                Assert.Equal(10, l.Seats);
                Assert.Equal(new DateTime(2026, 11, 1), l.StartDate);
                Assert.Equal(new DateTime(2027, 11, 1), l.ExpirationDate);
                Assert.Equal(DataCenter.Germany, l.DataCenter);
                Assert.Matches("^WF-[A-Z0-9]{4}(-[A-Z0-9]{5}){5}$", l.ActivationCode);
            });
        }

        [Fact]
        public void Service_plans_are_created_found_changed_and_kept_while_in_use_R20_R22()
        {
            using var s = new ModuleSession();
            s.NewCustomer("Contoso");
            s.Ok(Monthly + "; " + Xdr);
            var xdr = s.Ok("Get-MspServicePlan -Product CAS").Objects<ServicePlan>().Single();
            Assert.Equal("WF Services XDR", xdr.Name);
            Assert.Equal(DataCenter.Europe, xdr.Products.Single().DataCenters["CAS"]);
            Assert.Matches(@"Name\s+Version\s+Enabled\s+Initial\s+Renewal\s+Products", s.Ok("Get-MspServicePlan | Out-Default").Text);
            Assert.Matches(@"WF Services Monthly Rolling\s+Full\s+True\s+12\s+1\s+WFBSS", s.Ok("Get-MspServicePlan | Out-Default").Text);

            s.Ok("New-MspSubscription Contoso 'WF Services Monthly Rolling' -Seats 5");
            s.Ok("Get-MspServicePlan 'WF Services*' | Set-MspServicePlan -Enabled $false");
            Assert.All(s.Ok("Get-MspServicePlan").Objects<ServicePlan>(), p => Assert.False(p.Enabled));
            var r = s.Run("Get-MspServicePlan | Remove-MspServicePlan -Confirm:$false");
            Assert.Equal("MspLicensing.ServicePlanInUse,MspLicensing.Commands.RemoveMspServicePlanCommand", r.Errors.Single().FullyQualifiedErrorId);
            Assert.Equal("WF Services Monthly Rolling", s.Ok("Get-MspServicePlan").Objects<ServicePlan>().Single().Name);
        }

        [Fact]
        public void A_CLP_account_is_refused_service_plans_with_the_reason_R2()
        {
            using var s = new ModuleSession();
            s.Ok("Set-MspAccount -AccountType CustomerLicensingPortal");
            var r = s.Run(Monthly);
            var error = r.Errors.Single();
            Assert.Equal("MspLicensing.NotAvailableForAccountType,MspLicensing.Commands.NewMspServicePlanCommand", error.FullyQualifiedErrorId);
            Assert.Equal(ErrorCategory.PermissionDenied, error.CategoryInfo.Category);
            Assert.Contains("only in Licensing Management Platform accounts", error.Exception.Message);
        }

        [Fact]
        public void Seat_changes_are_kept_with_their_dates_and_WhatIf_changes_nothing_R34()
        {
            using var s = new ModuleSession();
            s.NewCustomer("Contoso");
            s.Ok(Monthly);
            s.Ok("New-MspSubscription -Customer Contoso -ServicePlan 'WF Services Monthly Rolling' -Seats 25 -StartDate 2026-01-15");
            var whatIf = s.Ok("Set-MspSubscription -Customer Contoso -Seats 99 -Date 2026-02-10 -WhatIf");
            Assert.Contains("What if: Contoso / WF Services Monthly Rolling: WFBSS seats from 2026-02-10: 25 -> 99; 2026-02 bills 99 seats (R52: a month bills in full, at its peak seats)", whatIf.Text);
            s.Ok("Get-MspSubscription -Customer Contoso | Set-MspSubscription -Seats 40 -Date 2026-03-01");
            s.Ok("Set-MspSubscription Contoso -Seats 30 -Date 2026-02-01");
            var license = s.Ok("Get-MspLicense -Customer Contoso").Objects<License>().Single();
            Assert.Equal(new[] { "2026-01-15: 25", "2026-02-01: 30", "2026-03-01: 40" }, license.SeatHistory.Select(c => c.ToString()));
            Assert.Equal(40, license.Seats);
            Assert.Equal(new DateTime(2027, 1, 15), license.ExpirationDate);
            Assert.Contains("WFBSS seats from 2026-02-01: 25 -> 30", s.Ok("Get-MspAuditLog -Command Set-MspSubscription -First 1").Objects<AuditEntry>().Single().Summary);
        }

        [Fact]
        public void Subscriptions_render_as_a_table_and_list_per_customer_from_the_pipeline()
        {
            using var s = new ModuleSession();
            s.NewCustomer("Contoso");
            s.NewCustomer("Fabrikam");
            s.Ok(Monthly + "; " + Xdr);
            s.Ok("Get-MspCustomer | New-MspSubscription -ServicePlan 'WF Services XDR' -Seats 15 -StartDate 2026-05-01");
            var text = s.Ok("Get-MspCustomer Fabrikam | Get-MspSubscription | Out-Default").Text;
            Assert.Matches(@"Status\s+Expires\s+AutoRenewal\s+ServicePlan\s+Customer", text);
            Assert.Matches(@"Active\s+2027-05-01\s+True\s+WF Services XDR\s+Fabrikam", text);
            Assert.DoesNotContain("Contoso", text);
            var licenses = s.Ok("Get-MspLicense -Customer Fabrikam -Product WFXDR").Objects<License>().ToList();
            Assert.Equal(5, licenses.Count);
            Assert.Matches(@"ActivationCode\s+Product\s+Status\s+Seats\s+Customer", s.Ok("Get-MspLicense -Customer Fabrikam | Out-Default").Text);
            Assert.Matches(licenses[0].ActivationCode + @"\s+\S+\s+\w+\s+15\s+Fabrikam", s.Ok("Get-MspLicense -Customer Fabrikam | Out-Default").Text);
        }

        [Fact]
        public void Suspend_resume_and_cancel_through_the_pipeline_R35_R36()
        {
            using var s = new ModuleSession();
            s.NewCustomer("Contoso");
            s.Ok(Monthly);
            s.Ok("New-MspSubscription Contoso 'WF Services Monthly Rolling' -Seats 5 -StartDate 2026-01-15");
            var suspended = s.Ok("Get-MspSubscription -Customer Contoso | Suspend-MspSubscription -Date 2026-06-01 -PassThru").Objects<Subscription>().Single();
            Assert.Equal(SubscriptionStatus.Suspended, suspended.Status);
            var blocked = s.Run("Set-MspSubscription Contoso -Seats 6");
            Assert.Contains("suspended", blocked.Errors.Single().Exception.Message);
            Assert.True(s.Ok("Resume-MspSubscription Contoso -Date 2026-07-01 -PassThru").Objects<Subscription>().Single().AutoRenewal);

            s.Host.ChoiceAnswers.Enqueue(2); // Stop asks first (ConfirmImpact High); [N] No keeps it.
            s.Ok("Stop-MspSubscription Contoso");
            Assert.Equal(SubscriptionStatus.Active, s.Ok("Get-MspSubscription Contoso -AsOf 2026-08-01").Objects<Subscription>().Single().Status);
            s.Ok("Stop-MspSubscription Contoso -Date 2026-08-15 -Confirm:$false");
            Assert.Equal(LicenseStatus.Cancelled, s.Ok("Get-MspLicense Contoso").Objects<License>().Single().Status);
            Assert.Equal(new DateTime(2026, 8, 15), s.Ok("Get-MspLicense Contoso").Objects<License>().Single().EndDate);
        }

        [Fact]
        public void A_trial_converts_keeping_its_activation_code_R37()
        {
            using var s = new ModuleSession();
            s.NewCustomer("Contoso");
            s.Ok("New-MspServicePlan -Name 'WF Trial' -Product WFBSS -Version Trial -Seats 10 -DataCenter Germany; " + Monthly);
            s.Ok("New-MspSubscription Contoso 'WF Trial' -StartDate 2026-01-15");
            string code = s.Ok("Get-MspLicense Contoso").Objects<License>().Single().ActivationCode;
            Assert.Equal("TrialNotModifiable", s.Run("Set-MspSubscription Contoso -Seats 5").Errors.Single().FullyQualifiedErrorId.Split(',')[0].Split('.')[1]);
            var converted = s.Ok("Get-MspSubscription -Status Trial -AsOf 2026-01-20 | Convert-MspSubscription -ServicePlan 'WF Services Monthly Rolling' -Seats 25 -Date 2026-02-01").Objects<Subscription>().Single();
            Assert.Equal("WF Services Monthly Rolling", converted.ServicePlan);
            var license = s.Ok("Get-MspLicense Contoso").Objects<License>().Single();
            Assert.Equal(code, license.ActivationCode);
            Assert.Equal("Full", license.LicenseType);
            Assert.Equal(25, license.Seats);
            Assert.Equal(new DateTime(2027, 2, 1), license.ExpirationDate);
        }

        [Fact]
        public void Invoke_MspRenewal_renews_once_shows_progress_and_WhatIf_writes_nothing_R33_R38()
        {
            using var s = new ModuleSession();
            s.Ok(Monthly);
            s.Ok("New-MspServicePlan -Name 'Fixed year' -Product CAS");
            foreach (var name in new[] { "A", "B", "C" }) s.NewCustomer(name);
            s.Ok("Get-MspCustomer | New-MspSubscription -ServicePlan 'WF Services Monthly Rolling' -Seats 5 -StartDate 2026-01-15");
            s.Ok("New-MspSubscription A 'Fixed year' -Seats 5 -StartDate 2026-01-15");

            var preview = s.Ok("Invoke-MspRenewal -AsOf 2027-01-20 -WhatIf");
            Assert.Empty(preview.Output);
            Assert.Contains("What if: A / WF Services Monthly Rolling: subscription Renewed 2027-01-15 -> 2027-02-15", preview.Text);
            Assert.Equal(new DateTime(2027, 1, 15), s.Ok("Get-MspSubscription A 'WF Services Monthly Rolling'").Objects<Subscription>().Single().ExpirationDate);

            var run = s.Ok("Invoke-MspRenewal -AsOf 2027-01-20");
            var actions = run.Objects<RenewalAction>().ToList();
            Assert.Equal(3, actions.Count(a => a.Action == "Renewed" && a.To == "2027-02-15"));
            Assert.Contains(actions, a => a.ServicePlan == "Fixed year" && a.Product == "CAS" && a.To == "InGrace");
            Assert.NotEmpty(run.Progress);
            Assert.Empty(s.Ok("Invoke-MspRenewal -AsOf 2027-01-20").Output);
            var shown = s.Ok("Invoke-MspRenewal -AsOf 2027-02-20 | Out-Default").Text;
            Assert.Contains("AsOf: 2027-02-20", shown);
            Assert.Matches(@"Action\s+From\s+To\s+Product\s+Customer", shown);
        }

        [Fact]
        public void Invoke_MspRenewal_goes_through_the_subscriptions_in_the_order_Get_MspSubscription_lists_them()
        {
            using var s = new ModuleSession();
            s.Ok(Monthly);
            s.Ok("New-MspServicePlan -Name 'Another monthly' -Product CAS -AutoRenewalMonths 1");
            foreach (var name in new[] { "zeta", "Alpha", "beta", "Gamma" }) s.NewCustomer(name);
            // Created out of order: each plan for every customer, the later start first.
            s.Ok("Get-MspCustomer | Sort-Object Name -Descending | New-MspSubscription -ServicePlan 'Another monthly' -Seats 2 -StartDate 2026-03-15");
            s.Ok("Get-MspCustomer | New-MspSubscription -ServicePlan 'WF Services Monthly Rolling' -Seats 5 -StartDate 2026-01-15");
            var listed = s.Ok("Get-MspSubscription").Objects<Subscription>().Select(x => x.Customer + " / " + x.ServicePlan).ToList();
            Assert.Equal("Alpha / WF Services Monthly Rolling", listed[0]);
            Assert.Equal("Alpha / Another monthly", listed[1]);

            var renewed = s.Ok("Invoke-MspRenewal -AsOf 2027-06-20").Objects<RenewalAction>().Where(a => a.Action == "Renewed")
                .Select(a => a.Customer + " / " + a.ServicePlan).ToList();
            Assert.Equal(listed, renewed);
        }

        [Fact]
        public void Used_counts_from_an_RMM_export_are_recorded_per_row()
        {
            using var s = new ModuleSession();
            s.NewCustomer("Contoso");
            s.Ok(Monthly);
            s.Ok("New-MspSubscription Contoso 'WF Services Monthly Rolling' -Seats 25 -StartDate 2026-01-15");
            string code = s.Ok("Get-MspLicense Contoso").Objects<License>().Single().ActivationCode;
            File.WriteAllText(Path.Combine(s.Directory, "usage.csv"), $"ActivationCode,Used,Date\n{code},20,2026-02-01\n{code},24,2026-02-15\nWF-AAAA-BBBBB-CCCCC-DDDDD-EEEEE-FFFFF,3,2026-02-15\n");
            var r = s.Run("Import-Csv ./usage.csv | Set-MspLicense");
            Assert.Equal("MspLicensing.LicenseNotFound,MspLicensing.Commands.SetMspLicenseCommand", r.Errors.Single().FullyQualifiedErrorId);
            var license = s.Ok("Get-MspLicense Contoso").Objects<License>().Single();
            Assert.Equal(new[] { "2026-02-01: 20", "2026-02-15: 24" }, license.UsedHistory.Select(u => u.ToString()));
            Assert.Equal(24, license.Used);
        }

        [Fact]
        public void Service_plan_names_tab_complete()
        {
            using var s = new ModuleSession();
            s.Ok(Monthly);
            var r = s.Ok("[System.Management.Automation.CommandCompletion]::CompleteInput(\"New-MspSubscription -ServicePlan WF\", 34, $null).CompletionMatches | ForEach-Object CompletionText");
            Assert.Contains("'WF Services Monthly Rolling'", r.Output.Select(o => o.ToString()));
        }
    }
}
