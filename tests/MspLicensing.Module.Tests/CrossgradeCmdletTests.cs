using System.Linq;
using System.Management.Automation;
using MspLicensing.Module.Tests.Hosting;
using Xunit;

namespace MspLicensing.Module.Tests
{
    public class CrossgradeCmdletTests
    {
        private const string Setup =
            "New-MspServicePlan -Name 'WF Services Monthly Rolling' -Product WFBSS -InitialPeriodMonths 1 -AutoRenewalMonths 1 -DataCenter Germany\n"
            + "New-MspServicePlan -Name 'WF Services XDR' -Product WFXDR -AutoRenewalMonths 1 -DataCenter @{ '*' = 'Germany'; CAS = 'Europe' }\n"
            + "New-MspSubscription -Customer Contoso -ServicePlan 'WF Services Monthly Rolling' -Seats 25 -StartDate 2026-01-15";

        [Fact]
        public void The_seed_crossgrade_end_to_end_keeps_the_activation_code_R40_R45()
        {
            using var s = new ModuleSession();
            s.NewCustomer("Contoso");
            s.Ok(Setup);
            string before = s.Ok("(Get-MspLicense -Customer Contoso -Product WFBSS).ActivationCode").Output.Single().ToString();

            var refused = s.Run("New-MspSubscription -Customer Contoso -ServicePlan 'WF Services XDR'");
            Assert.Equal("MspLicensing.CrossgradeRequired,MspLicensing.Commands.NewMspSubscriptionCommand", refused.Errors.Single().FullyQualifiedErrorId);

            var plan = s.Ok("Get-MspCrossgradePlan -Customer Contoso -ServicePlan 'WF Services XDR' -Date 2026-03-01 | Out-Default").Text;
            // Seed 004's confirmation screen: the service plan above Product/Service, License Status, Activation Code.
            Assert.Matches(@"Customer: Contoso\s+Service plan: WF Services XDR", plan);
            Assert.Matches(@"Product/Service\s+License Status\s+Activation Code", plan);
            Assert.Matches(@"(?m)^CAS\s+New\s*$", plan);
            Assert.Matches(@"(?m)^WFBSS\s+License transfer from WF\s+" + before + @"\s*$", plan);
            Assert.Matches(@"(?m)^\s+Services Monthly Rolling\s*$", plan);
            Assert.Matches(@"(?m)^WFBSS-EDR\s+New\s*$", plan);

            var xdr = s.Ok("Invoke-MspCrossgrade -Customer Contoso -ServicePlan 'WF Services XDR' -Date 2026-03-01").Objects<Subscription>().Single();
            Assert.Equal("WF Services XDR", xdr.ServicePlan);
            var licenses = s.Ok($"Get-MspLicense -SubscriptionId {xdr.SubscriptionId} -AsOf 2026-03-01").Objects<License>().ToList();
            Assert.Equal(5, licenses.Count);
            Assert.Equal(before, licenses.Single(l => l.Product == "WFBSS").ActivationCode);
            Assert.All(licenses, l => Assert.Equal(25, l.Seats));
            var old = s.Ok("Get-MspSubscription -Customer Contoso -ServicePlan 'WF Services Monthly Rolling' -AsOf 2026-03-01").Objects<Subscription>().Single();
            Assert.Equal(SubscriptionStatus.Deactivated, old.Status);
        }

        [Fact]
        public void Running_a_crossgrade_again_for_a_customer_on_the_plan_changes_nothing_and_says_so_R45()
        {
            using var s = new ModuleSession();
            s.NewCustomer("Contoso");
            s.Ok(Setup);
            var xdr = s.Ok("Invoke-MspCrossgrade -Customer Contoso -ServicePlan 'WF Services XDR' -Date 2026-03-01").Objects<Subscription>().Single();
            string Licenses() => string.Join("\n", s.Ok("Get-MspLicense -Customer Contoso -AsOf 2026-03-10 | Sort-Object Product | ForEach-Object { '{0} {1} {2} {3}' -f $_.Product, $_.SubscriptionId, $_.ActivationCode, $_.Status }").Output);
            string before = Licenses();
            int audit = s.Ok("Get-MspAuditLog").Output.Count;

            var again = s.Ok("Invoke-MspCrossgrade -Customer Contoso -ServicePlan 'WF Services XDR' -Date 2026-03-10 -Verbose 4>&1");
            Assert.Equal(xdr.SubscriptionId, again.Objects<Subscription>().Single().SubscriptionId);
            Assert.Contains(again.Objects<VerboseRecord>(), v => v.Message.Contains("holds service plan 'WF Services XDR' already") && v.Message.Contains("nothing changed"));
            Assert.Equal(before, Licenses());
            Assert.Equal(audit, s.Ok("Get-MspAuditLog").Output.Count);
            var whatIf = s.Ok("Invoke-MspCrossgrade -Customer Contoso -ServicePlan 'WF Services XDR' -Date 2026-03-10 -WhatIf").Text;
            Assert.Contains("What if: Contoso: holds 'WF Services XDR' already; nothing changes", whatIf);
        }

        [Fact]
        public void WhatIf_shows_the_crossgrade_plan_and_changes_nothing_R45()
        {
            using var s = new ModuleSession();
            s.NewCustomer("Contoso");
            s.Ok(Setup);
            var r = s.Ok("Invoke-MspCrossgrade -Customer Contoso -ServicePlan 'WF Services XDR' -WhatIf");
            Assert.Empty(r.Output);
            Assert.Contains("What if: Contoso: crossgrade to 'WF Services XDR' on ", r.Text);
            Assert.Contains("\n  WFBSS: License transfer from WF Services Monthly Rolling (WF-", r.Text);
            Assert.Contains("\n  subscription 'WF Services Monthly Rolling': Deactivated by license transfer\n", r.Text);
            Assert.Single(s.Ok("Get-MspSubscription -Customer Contoso").Output);
        }

        [Fact]
        public void Customers_from_the_pipeline_are_crossgraded_one_by_one_and_a_failure_stops_only_its_customer_R41()
        {
            using var s = new ModuleSession();
            s.NewCustomer("Contoso");
            s.NewCustomer("Fabrikam");
            s.NewCustomer("Tailspin");
            s.Ok(Setup);
            s.Ok("New-MspServicePlan -Name 'On-premises' -Product WFBS-ADV, WFBSS -AutoRenewalMonths 1 -DataCenter Germany; New-MspServicePlan -Name 'Everything' -Product WFBS-ADV, WFXDR -DataCenter @{ '*' = 'Germany'; CAS = 'Europe' }");
            s.Ok("New-MspSubscription -Customer Fabrikam -ServicePlan 'WF Services Monthly Rolling' -Seats 5; New-MspSubscription -Customer Tailspin -ServicePlan 'On-premises' -Seats 7");
            var r = s.Run("Get-MspSubscription | Invoke-MspCrossgrade -ServicePlan 'Everything'");
            Assert.Equal(new[] { "Contoso", "Fabrikam" }, r.Objects<Subscription>().Select(x => x.Customer).OrderBy(n => n));
            var error = r.Errors.Single();
            Assert.Equal("MspLicensing.SoftwareActionRequired,MspLicensing.Commands.InvokeMspCrossgradeCommand", error.FullyQualifiedErrorId);
            Assert.Contains("'WFBS-ADV' = 'Transfer'", error.Exception.Message);
            Assert.Equal("On-premises", s.Ok("Get-MspSubscription Tailspin").Objects<Subscription>().Single().ServicePlan);

            var done = s.Ok("Invoke-MspCrossgrade Tailspin Everything -SoftwareAction @{ 'WFBS-ADV' = 'Transfer' }").Objects<Subscription>().Single();
            Assert.Equal(6, s.Ok($"Get-MspLicense -SubscriptionId {done.SubscriptionId}").Output.Count);
        }
    }
}
