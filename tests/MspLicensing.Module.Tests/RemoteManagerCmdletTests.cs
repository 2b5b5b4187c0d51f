using System.IO;
using System.Linq;
using MspLicensing.Module.Tests.Hosting;
using Xunit;

namespace MspLicensing.Module.Tests
{
    public class RemoteManagerCmdletTests
    {
        [Fact]
        public void A_mixed_batch_of_on_premises_cloud_and_upfront_licenses_migrates_each_its_own_way_R61_R64()
        {
            using var s = new ModuleSession();
            foreach (var n in new[] { "Contoso", "Fabrikam", "Tailspin" }) s.NewCustomer(n);
            s.Ok("New-MspServicePlan -Name 'WF Advanced' -Product WFBS-ADV -AutoRenewalMonths 1; New-MspServicePlan -Name 'WF Services' -Product WFBSS -AutoRenewalMonths 1 -DataCenter Germany");
            s.Ok("Register-MspProduct Contoso WFBS-ADV -LicenseType Standard -Seats 40 -ExpirationDate 2027-06-30 -ActivationCode WF-AAAA-BBBBB-CCCCC-DDDDD-EEEEE-FFFFF");
            s.Ok("Register-MspProduct Fabrikam WFBSS -LicenseType PayAsYouGo -Seats 25 -ExpirationDate 2027-06-30 -ActivationCode WF-CCCC-BBBBB-CCCCC-DDDDD-EEEEE-FFFFF");
            s.Ok("Register-MspProduct Tailspin WFBSS -LicenseType Upfront -Seats 60 -ExpirationDate 2028-01-31 -AuthorizationKey 6RNY5-RXTHF-4KPRC-YSNAK-SS4JN");
            string upfront = s.Ok("(Get-MspLicense Tailspin).ActivationCode").Output.Single().ToString();
            File.WriteAllText(Path.Combine(s.Directory, "migrate.csv"),
                "ActivationCode,ServicePlan\nWF-AAAA-BBBBB-CCCCC-DDDDD-EEEEE-FFFFF,WF Advanced\nWF-CCCC-BBBBB-CCCCC-DDDDD-EEEEE-FFFFF,WF Services\nWF-NONE-BBBBB-CCCCC-DDDDD-EEEEE-FFFFF,WF Services\n" + upfront + ",WF Services\n");

            var r = s.Run("Import-Csv ./migrate.csv | Start-MspLicenseMigration");
            var migrations = r.Objects<LicenseMigration>().ToList();
            Assert.Equal(new[] { MigrationStatus.Completed, MigrationStatus.AwaitingVendor }, migrations.Select(m => m.Status));
            Assert.Equal(new[] { "MspLicensing.LicenseNotFound,MspLicensing.Commands.StartMspLicenseMigrationCommand", "MspLicensing.UpfrontLicenseNotMigrated,MspLicensing.Commands.StartMspLicenseMigrationCommand" },
                r.Errors.Select(e => e.FullyQualifiedErrorId));
            Assert.Equal(System.Management.Automation.ErrorCategory.InvalidOperation, r.Errors[1].CategoryInfo.Category);
            Assert.Contains("stays in Remote Manager", r.Errors[1].Exception.Message);
            Assert.Contains(r.Progress, p => p.StatusDescription == "2 licenses migrated, 2 failed");

            // A script that retries gets the same error each time and leaves no record behind.
            var again = s.Run($"Start-MspLicenseMigration -ActivationCode {upfront} -ServicePlan 'WF Services' -ErrorVariable failed -ErrorAction SilentlyContinue; $?; $failed.Count");
            Assert.Equal(new[] { "False", "1" }, again.Output.Select(o => o.ToString()));
            Assert.Equal(2, s.Ok("@(Get-MspLicenseMigration).Count").Output.Single().BaseObject);
            Assert.Contains("Enter the new activation code " + migrations[0].NewActivationCode, migrations[0].Instructions);
            Assert.Equal("Msp", s.Ok($"(Get-MspLicense -ActivationCode {migrations[0].NewActivationCode}).LicenseModel").Output.Single().ToString());
            Assert.Equal("NonMsp", s.Ok($"(Get-MspLicense -ActivationCode {upfront}).LicenseModel").Output.Single().ToString());
            Assert.Matches(@"Status\s+Product\s+NewActivationCode\s+Customer", s.Ok("Get-MspLicenseMigration | Out-Default").Text);
            Assert.Matches(@"Completed\s+\S+\s+" + migrations[0].NewActivationCode, s.Ok("Get-MspLicenseMigration | Out-Default").Text);

            var done = s.Ok("Get-MspLicenseMigration -Status AwaitingVendor | Complete-MspLicenseMigration").Objects<LicenseMigration>().Single();
            Assert.Equal("WF-CCCC-BBBBB-CCCCC-DDDDD-EEEEE-FFFFF", done.NewActivationCode);
            Assert.Equal("WF Services", s.Ok("Get-MspSubscription Fabrikam").Objects<Subscription>().Single().ServicePlan);
        }

        [Fact]
        public void A_license_not_registered_yet_is_registered_and_migrated_in_one_step_R60_R61()
        {
            using var s = new ModuleSession();
            s.NewCustomer("Contoso");
            s.Ok("New-MspServicePlan -Name 'WF Standard' -Product WFBS-STD -AutoRenewalMonths 1");
            var m = s.Ok("Start-MspLicenseMigration -Customer Contoso -Product WFBS-STD -ActivationCode WF-DDDD-BBBBB-CCCCC-DDDDD-EEEEE-FFFFF -LicenseType Standard -Seats 15 -ServicePlan 'WF Standard'").Objects<LicenseMigration>().Single();
            Assert.Equal(MigrationStatus.Completed, m.Status);
            Assert.Equal(15, s.Ok($"Get-MspLicense -ActivationCode {m.NewActivationCode}").Objects<License>().Single().Seats);
            Assert.Equal("Deactivated", s.Ok("(Get-MspLicense -ActivationCode WF-DDDD-BBBBB-CCCCC-DDDDD-EEEEE-FFFFF).Status").Output.Single().ToString());
            var missingSeats = s.Run("Start-MspLicenseMigration -Customer Contoso -Product WFBS-STD -ActivationCode WF-EEEE-BBBBB-CCCCC-DDDDD-EEEEE-FFFFF -LicenseType Standard -ServicePlan 'WF Standard'");
            Assert.Contains("Seats is required", missingSeats.Errors.Single().Exception.Message);
            // Registration and migration are one transaction: a refused migration registers nothing.
            var refused = s.Run("Start-MspLicenseMigration -Customer Contoso -Product WFBSS -ActivationCode WF-FFFF-BBBBB-CCCCC-DDDDD-EEEEE-FFFFF -LicenseType Standard -Seats 5 -ServicePlan 'WF Standard'");
            Assert.Equal("MspLicensing.InvalidValue,MspLicensing.Commands.StartMspLicenseMigrationCommand", refused.Errors.Single().FullyQualifiedErrorId);
            Assert.Equal("LicenseNotFound", s.Run("Get-MspLicense -ActivationCode WF-FFFF-BBBBB-CCCCC-DDDDD-EEEEE-FFFFF").Errors.Single().FullyQualifiedErrorId.Split(',')[0].Split('.')[1]);
        }

        [Fact]
        public void A_customer_created_in_Remote_Manager_appears_in_LMP_after_synchronization_R70_R11()
        {
            using var s = new ModuleSession();
            s.Ok("New-MspServicePlan -Name 'WF Services' -Product WFBSS -AutoRenewalMonths 1 -DataCenter Germany");
            var created = s.Ok("New-MspCustomer -Name Fabrikam -Country DE -City Berlin -ContactFirstName Jonas -ContactLastName Weber -Email jonas@fabrikam.de -Origin RemoteManager").Objects<Customer>().Single();
            Assert.Equal(CustomerOrigin.RemoteManager, created.Origin);
            Assert.Equal(1, s.Ok("(Get-MspStore).PendingSync").Objects<int>().Single());
            var refused = s.Run("New-MspSubscription Fabrikam 'WF Services' -Seats 5");
            Assert.Equal("MspLicensing.CustomerNotSynchronized,MspLicensing.Commands.NewMspSubscriptionCommand", refused.Errors.Single().FullyQualifiedErrorId);
            var text = s.Ok("Sync-MspRemoteManager | Out-Default").Text;
            Assert.Matches(@"Create\s+LicensingManagementPlatform\s+Fabrikam", text);
            Assert.Equal(0, s.Ok("(Get-MspStore).PendingSync").Objects<int>().Single());
            s.Ok("New-MspSubscription Fabrikam 'WF Services' -Seats 5");
            var managed = s.Ok("Get-MspManagedProduct Fabrikam").Objects<ManagedProduct>().Single();
            Assert.Equal(ManagedStatus.Normal, managed.Status);
            s.Ok("Get-MspLicense Fabrikam | Set-MspLicense -Used 9");
            var shown = s.Ok("Get-MspManagedProduct Fabrikam | Out-Default").Text;
            Assert.Contains("Customer: Fabrikam", shown);
            Assert.Matches(@"WFBSS\s+ExceededAllocation\s+5\s+9\s+\d{4}-\d\d-\d\d\s+Msp", shown);
        }

        [Fact]
        public void Templates_and_plug_ins_through_the_cmdlets_R72_R73()
        {
            using var s = new ModuleSession();
            s.Ok("New-MspTemplate -Name 'Edge standard' -Product CE -Setting @{ Firewall = 'Strict' }");
            s.Ok("New-MspCustomer -Name Contoso -Country US -City Seattle -ContactFirstName Ann -ContactLastName Lee -Email ann@contoso.com -Template 'Edge standard'");
            Assert.Equal(1, s.Ok("Get-MspTemplate 'Edge*'").Objects<Template>().Single().Customers);
            var locked = s.Run("Set-MspTemplate -Name 'Edge standard' -Setting @{ Firewall = 'Open' }");
            Assert.Equal("MspLicensing.TemplateLocked,MspLicensing.Commands.SetMspTemplateCommand", locked.Errors.Single().FullyQualifiedErrorId);
            Assert.Matches(@"Name\s+Product\s+Customers\s+Settings", s.Ok("Get-MspTemplate | Out-Default").Text);

            s.Ok("Enable-MspIntegration ConnectWiseAutomate");
            Assert.True(s.Ok("Get-MspIntegration ConnectWiseAutomate").Objects<IntegrationState>().Single().Enabled);
            var switchRefused = s.Run("Set-MspAccount -AccountType CustomerLicensingPortal");
            Assert.Equal("MspLicensing.IntegrationNotSupported,MspLicensing.Commands.SetMspAccountCommand", switchRefused.Errors.Single().FullyQualifiedErrorId);
            s.Ok("Get-MspIntegration | Where-Object Enabled | Disable-MspIntegration");
            s.Ok("Set-MspAccount -AccountType CustomerLicensingPortal");
            Assert.Equal(new[] { "Autotask", "ConnectWiseManage" }, s.Ok("Get-MspIntegration | Where-Object Supported").Objects<IntegrationState>().Select(i => i.Name));
        }
    }
}
