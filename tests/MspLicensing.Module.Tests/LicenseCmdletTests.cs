using System.Linq;
using System.Management.Automation;
using MspLicensing.Module.Tests.Hosting;
using Xunit;

namespace MspLicensing.Module.Tests
{
    /// <summary>Remove-MspLicense for Unbundled licenses (R43) and NFR licenses (R51), end to end.</summary>
    public class LicenseCmdletTests
    {
        /// <summary>A Worry-Free XDR customer crossgraded to Worry-Free Services only on 2026-07-01.</summary>
        private static ModuleSession Unbundled()
        {
            var s = new ModuleSession();
            s.NewCustomer("Contoso");
            s.Ok("New-MspServicePlan -Name 'WF Services XDR' -Product WFXDR -AutoRenewalMonths 1 -DataCenter @{ '*' = 'Germany'; CAS = 'Europe' }");
            s.Ok("New-MspServicePlan -Name 'WF Services Monthly Rolling' -Product WFBSS -InitialPeriodMonths 1 -AutoRenewalMonths 1 -DataCenter Germany");
            s.Ok("New-MspSubscription -Customer Contoso -ServicePlan 'WF Services XDR' -Seats 20 -StartDate 2026-06-01");
            s.Ok("Invoke-MspCrossgrade -Customer Contoso -ServicePlan 'WF Services Monthly Rolling' -Date 2026-07-01");
            return s;
        }

        private static string[] Billed(ModuleSession s, string month) =>
            s.Ok($"Get-MspUsageReport -Month {month} -ByCustomer").Objects<UsageLine>().Select(l => l.Product + " " + l.Chargeable).OrderBy(x => x).ToArray();

        [Fact]
        public void Unbundled_licenses_from_Get_MspLicense_are_removed_July_bills_them_and_August_does_not_R43()
        {
            using var s = Unbundled();
            var codes = s.Ok("Get-MspLicense -Status Unbundled -AsOf 2026-07-10").Objects<License>().Select(l => l.ActivationCode).OrderBy(c => c).ToList();
            Assert.Equal(4, codes.Count);
            Assert.Equal(new[] { "CAS 20", "HES 20", "TMEMS 20", "WFBSS 20", "WFBSS-EDR 20" }, Billed(s, "2026-08"));

            var r = s.Ok("Get-MspLicense -Status Unbundled -AsOf 2026-07-10 | Remove-MspLicense -Date 2026-07-10 -Confirm:$false");
            Assert.Empty(r.Output);

            Assert.Equal(new[] { "CAS 20", "HES 20", "TMEMS 20", "WFBSS 20", "WFBSS-EDR 20" }, Billed(s, "2026-07"));
            Assert.Equal(new[] { "WFBSS 20" }, Billed(s, "2026-08"));
            var removed = s.Ok("Get-MspLicense -Customer Contoso -Status Removed -AsOf 2026-08-01").Objects<License>().ToList();
            Assert.Equal(codes, removed.Select(l => l.ActivationCode).OrderBy(c => c));
            Assert.Empty(s.Ok("Get-MspLicense -Status Unbundled -AsOf 2026-08-01").Output);
            Assert.Equal(4, s.Ok("Get-MspAuditLog -Command Remove-MspLicense").Output.Count);
            // The default view shows the status in words.
            var table = s.Ok("Get-MspLicense -Customer Contoso -Product CAS -AsOf 2026-08-01 | Out-Default").Text;
            Assert.Matches(@"(?m)^" + removed.Single(l => l.Product == "CAS").ActivationCode + @"\s+CAS\s+Removed\s+20\s+Contoso\s*$", table);
        }

        [Fact]
        public void WhatIf_says_what_the_removal_would_do_and_changes_nothing_R43()
        {
            using var s = Unbundled();
            string code = s.Ok("(Get-MspLicense -Customer Contoso -Product CAS).ActivationCode").Output.Single().ToString();
            string audit = s.Ok("(Get-MspAuditLog).Count").Output.Single().ToString();
            var r = s.Ok("Get-MspLicense -Customer Contoso -Product CAS | Remove-MspLicense -Date 2026-07-10 -WhatIf");
            Assert.Empty(r.Output);
            Assert.Contains($"What if: Contoso / CAS {code}: Unbundled -> Removed on 2026-07-10 (R43: the month of the removal is billed in full, later months nothing)", r.Text);
            Assert.Equal(LicenseStatus.Unbundled, s.Ok("Get-MspLicense -Customer Contoso -Product CAS -AsOf 2026-08-01").Objects<License>().Single().Status);
            Assert.Equal(audit, s.Ok("(Get-MspAuditLog).Count").Output.Single().ToString());
            Assert.Contains("CAS 20", Billed(s, "2026-08"));
        }

        [Fact]
        public void An_active_MSP_license_or_a_non_MSP_license_is_refused_with_what_to_do_instead_R43()
        {
            using var s = Unbundled();
            s.NewCustomer("Fabrikam");
            s.Ok("Register-MspProduct Fabrikam WFBSS -LicenseType PayAsYouGo -Seats 25 -StartDate 2026-01-01 -ExpirationDate 2027-06-30 -ActivationCode WF-CCCC-BBBBB-CCCCC-DDDDD-EEEEE-FFFFF");
            var active = s.Ok("Get-MspLicense -Customer Contoso -Product WFBSS").Objects<License>().Single();

            var r = s.Run("Get-MspLicense -Customer Contoso -Product WFBSS | Remove-MspLicense -Date 2026-07-10 -Confirm:$false");
            var error = r.Errors.Single();
            Assert.Equal("MspLicensing.LicenseNotUnbundled,MspLicensing.Commands.RemoveMspLicenseCommand", error.FullyQualifiedErrorId);
            Assert.Equal(ErrorCategory.InvalidOperation, error.CategoryInfo.Category);
            Assert.Equal(active.LicenseId, Assert.IsType<License>(error.TargetObject).LicenseId);
            Assert.Contains("is Active, not Unbundled", error.Exception.Message);
            Assert.Contains("cancel the subscription instead with Stop-MspSubscription", error.Exception.Message);

            var nonMsp = s.Run("Remove-MspLicense -ActivationCode WF-CCCC-BBBBB-CCCCC-DDDDD-EEEEE-FFFFF -Date 2026-07-10 -Confirm:$false").Errors.Single();
            Assert.Equal("MspLicensing.LicenseNotUnbundled,MspLicensing.Commands.RemoveMspLicenseCommand", nonMsp.FullyQualifiedErrorId);
            Assert.Contains("non-MSP PayAsYouGo license", nonMsp.Exception.Message);
            Assert.Contains("Unregister-MspProduct -ActivationCode WF-CCCC-BBBBB-CCCCC-DDDDD-EEEEE-FFFFF", nonMsp.Exception.Message);

            // -WhatIf refuses the same way.
            Assert.Equal("MspLicensing.LicenseNotUnbundled,MspLicensing.Commands.RemoveMspLicenseCommand",
                s.Run($"Remove-MspLicense -LicenseId {active.LicenseId} -WhatIf").Errors.Single().FullyQualifiedErrorId);
            Assert.Equal(LicenseStatus.Active, s.Ok("Get-MspLicense -Customer Contoso -Product WFBSS -AsOf 2026-08-01").Objects<License>().Single().Status);
            Assert.Empty(s.Ok("Get-MspAuditLog -Command Remove-MspLicense").Output);
        }

        [Fact]
        public void A_removal_outside_the_license_dates_or_a_second_removal_is_refused_and_the_rest_of_the_pipeline_lands_R43()
        {
            using var s = Unbundled();
            var early = s.Run("Get-MspLicense -Customer Contoso -Product CAS | Remove-MspLicense -Date 2026-05-01 -Confirm:$false").Errors.Single();
            Assert.Equal("MspLicensing.InvalidValue,MspLicensing.Commands.RemoveMspLicenseCommand", early.FullyQualifiedErrorId);
            Assert.Contains("Date '2026-05-01'", early.Exception.Message);
            Assert.Contains("started on 2026-06-01", early.Exception.Message);
            var late = s.Run("Get-MspLicense -Customer Contoso -Product CAS | Remove-MspLicense -Date 2027-06-01 -Confirm:$false").Errors.Single();
            Assert.Contains("expires on 2027-06-01", late.Exception.Message);

            s.Ok("Get-MspLicense -Customer Contoso -Product CAS | Remove-MspLicense -Date 2026-07-10 -Confirm:$false");
            var r = s.Run("Get-MspLicense -Customer Contoso -AsOf 2026-07-05 | Where-Object Product -ne WFBSS | Remove-MspLicense -Date 2026-07-20 -Confirm:$false");
            var again = r.Errors.Single();
            Assert.Equal("MspLicensing.LicenseAlreadyRemoved,MspLicensing.Commands.RemoveMspLicenseCommand", again.FullyQualifiedErrorId);
            Assert.Contains("was removed on 2026-07-10 already", again.Exception.Message);
            Assert.Equal(4, s.Ok("Get-MspLicense -Customer Contoso -Status Removed -AsOf 2026-08-01").Output.Count);
            Assert.Equal(new System.DateTime(2026, 7, 10), s.Ok("Get-MspLicense -Customer Contoso -Product CAS").Objects<License>().Single().EndDate);
        }

        [Fact]
        public void A_monthly_suite_left_without_a_renewal_run_leaves_licenses_usable_as_far_as_it_had_renewed_R43_R56()
        {
            using var s = new ModuleSession();
            s.NewCustomer("Contoso");
            s.Ok("New-MspServicePlan -Name 'XDR monthly' -Product WFXDR -InitialPeriodMonths 1 -AutoRenewalMonths 1 -DataCenter @{ '*' = 'Germany'; CAS = 'Europe' }");
            s.Ok("New-MspServicePlan -Name Endpoint -Product WFBSS -InitialPeriodMonths 1 -AutoRenewalMonths 1 -DataCenter Germany");
            s.Ok("New-MspSubscription -Customer Contoso -ServicePlan 'XDR monthly' -Seats 20 -StartDate 2026-01-15");
            s.Ok("Invoke-MspCrossgrade -Customer Contoso -ServicePlan Endpoint -Date 2026-06-01");
            var unbundled = s.Ok("Get-MspLicense -Customer Contoso -Status Unbundled -AsOf 2026-06-02").Objects<License>().ToList();
            Assert.Equal(4, unbundled.Count);
            Assert.All(unbundled, l => Assert.Equal(new System.DateTime(2026, 6, 15), l.ExpirationDate));
            s.Ok("Get-MspLicense -Customer Contoso -Status Unbundled -AsOf 2026-06-02 | Remove-MspLicense -Date 2026-06-10 -Confirm:$false");
            Assert.Equal(new[] { "CAS 20", "HES 20", "TMEMS 20", "WFBSS 20", "WFBSS-EDR 20" }, Billed(s, "2026-06"));
            Assert.Equal(new[] { "WFBSS 20" }, Billed(s, "2026-07"));
        }

        [Fact]
        public void An_NFR_license_is_registered_shown_as_NFR_never_billed_and_never_migrated_R51()
        {
            using var s = new ModuleSession();
            s.NewCustomer("Contoso");
            s.NewCustomer("Fabrikam");
            s.Ok("New-MspServicePlan -Name Endpoint -Product WFBSS -AutoRenewalMonths 1 -DataCenter Germany");
            s.Ok("New-MspSubscription -Customer Contoso -ServicePlan Endpoint -Seats 10 -StartDate 2026-01-15");
            var nfr = s.Ok("Register-MspProduct Fabrikam WFBSS -LicenseType NFR -Seats 10 -StartDate 2026-02-01 -ExpirationDate 2027-06-30 -ActivationCode WF-NNNN-BBBBB-CCCCC-DDDDD-EEEEE-FFFFF")
                .Objects<License>().Single();
            Assert.Equal("NFR", nfr.LicenseType);
            Assert.Equal(LicenseModel.NonMsp, nfr.LicenseModel);

            // Never a line in the report: only Contoso's MSP license bills.
            foreach (var month in new[] { "2026-02", "2026-03", "2026-12" })
                Assert.Equal(new[] { "Contoso WFBSS" }, s.Ok($"Get-MspUsageReport -Month {month} -ByCustomer").Objects<UsageLine>().Select(l => l.Customer + " " + l.Product));
            Assert.Equal(1, s.Ok("Get-MspUsageReport -Month 2026-03").Objects<UsageSummary>().Single().Customers);

            // Shown as NFR: the license's wide view and Remote Manager.
            var wide = s.Ok("Get-MspLicense -Customer Fabrikam -AsOf 2026-03-01 | Format-Table -View Wide | Out-String -Width 120").Output.Single().ToString();
            Assert.Matches(@"WF-NNNN-BBBBB-CCCCC-DDDDD-EEEEE-FFFFF\s+WFBSS\s+Active\s+10\s+2027-06-30\s+NFR\s+Fabrikam", wide);
            s.Ok("Sync-MspRemoteManager");
            var managed = s.Ok("Get-MspManagedProduct -Customer Fabrikam -AsOf 2026-03-01 | Out-Default").Text;
            Assert.Matches(@"WFBSS\s+Normal\s+10\s+2027-06-30\s+NonMsp\s+NFR", managed);

            // Never migrated into LMP, whether registered already or in the same step.
            var migrate = s.Run("Start-MspLicenseMigration -ActivationCode WF-NNNN-BBBBB-CCCCC-DDDDD-EEEEE-FFFFF -ServicePlan Endpoint").Errors.Single();
            Assert.Equal("MspLicensing.NfrLicenseNotMigrated,MspLicensing.Commands.StartMspLicenseMigrationCommand", migrate.FullyQualifiedErrorId);
            Assert.Contains("NFR (not-for-resale)", migrate.Exception.Message);
            var inOneStep = s.Run("Start-MspLicenseMigration -Customer Fabrikam -Product HES -ActivationCode HE-NNNN-BBBBB-CCCCC-DDDDD-EEEEE-FFFFF -LicenseType NFR -Seats 5 -ServicePlan Endpoint").Errors.Single();
            Assert.Equal("MspLicensing.NfrLicenseNotMigrated,MspLicensing.Commands.StartMspLicenseMigrationCommand", inOneStep.FullyQualifiedErrorId);
            Assert.Empty(s.Ok("Get-MspLicenseMigration").Output);
            Assert.Single(s.Ok("Get-MspLicense -Customer Fabrikam").Output);
        }

        [Fact]
        public void Piped_customers_are_read_a_batch_at_a_time_in_their_order_with_an_error_for_the_one_that_does_not_exist()
        {
            using var s = new ModuleSession();
            // More customers than the first batch takes, so that the licenses come from several reads of the store.
            s.Ok("1..70 | ForEach-Object { [pscustomobject]@{ Name = 'Piped {0:D3}' -f $_; Country = 'US'; City = 'Seattle'; State = 'WA'; ContactFirstName = 'Ann'; ContactLastName = 'Lee'; Email = \"ann$_@example.com\" } } | New-MspCustomer");
            s.Ok("New-MspServicePlan -Name Basic -Product WFBSS -AutoRenewalMonths 1");
            s.Ok("Get-MspCustomer | New-MspSubscription -ServicePlan Basic -Seats 5 -StartDate 2026-01-01");

            var all = s.Ok("Get-MspCustomer | Get-MspLicense -AsOf 2026-02-01").Objects<License>().ToList();
            Assert.Equal(Enumerable.Range(1, 70).Select(i => $"Piped {i:D3}"), all.Select(l => l.Customer));

            var r = s.Run("'Piped 002', 'Nobody', 'Piped 001' | Get-MspLicense -AsOf 2026-02-01");
            Assert.Equal(new[] { "Piped 002", "Piped 001" }, r.Objects<License>().Select(l => l.Customer));
            var error = Assert.Single(r.Errors);
            Assert.Equal("Nobody", error.TargetObject);
            Assert.Contains("'Nobody'", error.Exception.Message);

            Assert.Equal(3, s.Ok("Get-MspCustomer | Get-MspLicense -AsOf 2026-02-01 | Select-Object -First 3").Output.Count);
        }
    }
}
