using System.Linq;
using System.Management.Automation;
using MspLicensing.Module.Tests.Hosting;
using Xunit;

namespace MspLicensing.Module.Tests
{
    public class AccountAndCatalogCmdletTests
    {
        [Fact]
        public void Get_MspAccount_shows_the_default_LMP_account_R1_R3()
        {
            using var s = new ModuleSession();
            var account = s.Ok("Get-MspAccount").Objects<Account>().Single();
            Assert.Equal(AccountType.LicensingManagementPlatform, account.AccountType);
            Assert.Equal("251-500", account.BandFor(325).Name);
            Assert.Matches(@"MSP partner\s+LicensingManagementPlatform\s+UnitedStates\s+30", s.Ok("Get-MspAccount | Out-Default").Text);
            Assert.Matches(@"(?m)^251-500\s+251\s+500\s*$", s.Ok("(Get-MspAccount).SeatBands | Out-Default").Text);
        }

        [Fact]
        public void Set_MspAccount_changes_what_is_given_and_audits_it_R1_R3()
        {
            using var s = new ModuleSession();
            var account = s.Ok("Set-MspAccount -Name 'Northwind IT' -AccountType CustomerLicensingPortal -SeatBands 1,51,251 -DefaultDataCenter 'united states' -PassThru")
                .Objects<Account>().Single();
            Assert.Equal("Northwind IT", account.Name);
            Assert.Equal(AccountType.CustomerLicensingPortal, account.AccountType);
            Assert.Equal(new[] { "1-50", "51-250", "251+" }, account.SeatBands.Select(b => b.Name));
            Assert.Equal(DataCenter.UnitedStates, account.DefaultDataCenter);
            Assert.Empty(s.Ok("Set-MspAccount -DefaultDataCenter Germany").Output);
            var audit = s.Ok("Get-MspAuditLog -TargetType Account").Objects<AuditEntry>().ToList();
            Assert.Equal(2, audit.Count);
            Assert.Equal("DefaultDataCenter: 'UnitedStates' -> 'Germany'", audit[0].Summary);
        }

        [Fact]
        public void Set_MspAccount_WhatIf_changes_nothing()
        {
            using var s = new ModuleSession();
            var r = s.Ok("Set-MspAccount -AccountType CustomerLicensingPortal -WhatIf");
            Assert.Contains("What if: Partner account 'MSP partner': AccountType: 'LicensingManagementPlatform' -> 'CustomerLicensingPortal'", r.Text);
            Assert.Equal(AccountType.LicensingManagementPlatform, s.Ok("Get-MspAccount").Objects<Account>().Single().AccountType);
        }

        [Fact]
        public void Set_MspAccount_with_a_stale_account_object_is_refused()
        {
            using var s = new ModuleSession();
            s.Ok("$a = Get-MspAccount; Set-MspAccount -Name First");
            var r = s.Run("$a | Set-MspAccount -Name Second");
            Assert.Equal("MspLicensing.StaleObject,MspLicensing.Commands.SetMspAccountCommand", r.Errors.Single().FullyQualifiedErrorId);
            Assert.Equal("First", s.Ok("Get-MspAccount").Objects<Account>().Single().Name);
        }

        [Fact]
        public void Get_MspFeature_shows_every_row_for_both_account_types_R2()
        {
            using var s = new ModuleSession();
            var rows = s.Ok("Get-MspFeature").Objects<Feature>().ToList();
            Assert.Equal(14, rows.Count);
            var clp = s.Ok("Get-MspFeature -AccountType CustomerLicensingPortal").Objects<Feature>().Select(f => f.Id).ToList();
            Assert.Contains("DeleteCustomers", clp);
            Assert.DoesNotContain("TemplateManagement", clp);
            Assert.DoesNotContain("RenewalAndSeatAllocation", clp);
            var text = s.Ok("Get-MspFeature | Out-Default").Text;
            Assert.Matches(@"Feature\s+LicensingManagementPlatform\s+CustomerLicensingPortal", text);
            // Long cells wrap between words in their own column: "License renewal and seat" / "allocation".
            Assert.Matches(@"License renewal and seat\s+Supported\s+Not supported\s+allocation", text);
            Assert.Matches(@"Product registration to\s+Automatic registration\s+Authorization Key required", text);
            Assert.Equal("Authorization Key required", s.Ok("(Get-MspFeature 'Product registration*').CustomerLicensingPortal").Output.Single().ToString());
        }

        [Fact]
        public void Get_MspProduct_lists_the_catalog_and_finds_by_code_name_kind_and_data_center()
        {
            using var s = new ModuleSession();
            Assert.Equal(12, s.Ok("Get-MspProduct").Output.Count);
            Assert.Equal(new[] { "WFBSS", "WFBSS-EDR", "WFBSS-ADV" }, s.Ok("Get-MspProduct WFBSS*").Objects<Product>().Select(p => p.Code));
            Assert.Equal("HES", s.Ok("Get-MspProduct -Name 'hosted email security 2.0'").Objects<Product>().Single().Code);
            Assert.Equal(new[] { "CAS", "TMEMS", "HES", "WFBSS", "WFBSS-EDR" },
                s.Ok("(Get-MspProduct WFXDR).Components | Get-MspProduct").Objects<Product>().Select(p => p.Code).OrderBy(c => System.Array.IndexOf(new[] { "CAS", "TMEMS", "HES", "WFBSS", "WFBSS-EDR" }, c)));
            Assert.Equal(new[] { "WFBS-STD", "WFBS-ADV", "SMEX" }, s.Ok("Get-MspProduct -Kind Software").Objects<Product>().Select(p => p.Code));
            Assert.Equal(new[] { "CAS" }, s.Ok("Get-MspProduct -DataCenter Europe").Objects<Product>().Select(p => p.Code));
            var xdr = s.Ok("Get-MspProduct WFXDR").Objects<Product>().Single();
            Assert.Equal("WF", xdr.ActivationCodePrefix);
            Assert.Matches(@"Code\s+Kind\s+ManagedByRM\s+Name", s.Ok("Get-MspProduct | Out-Default").Text);
        }

        [Fact]
        public void Get_MspProduct_reports_an_unknown_exact_code()
        {
            using var s = new ModuleSession();
            var r = s.Run("Get-MspProduct WFBSS, NOPE");
            Assert.Equal("WFBSS", r.Objects<Product>().Single().Code);
            var error = r.Errors.Single();
            Assert.Equal("MspLicensing.ProductNotFound,MspLicensing.Commands.GetMspProductCommand", error.FullyQualifiedErrorId);
            Assert.Equal(ErrorCategory.ObjectNotFound, error.CategoryInfo.Category);
            Assert.Equal("NOPE", error.TargetObject);
        }
    }
}
