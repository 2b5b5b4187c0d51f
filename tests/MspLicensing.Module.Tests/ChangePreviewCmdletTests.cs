using System;
using System.Collections.Generic;
using System.Linq;
using MspLicensing.Module.Tests.Hosting;
using Xunit;

namespace MspLicensing.Module.Tests
{
    /// <summary>
    /// Issue #11: -WhatIf and -Confirm say what will change: the object (customer and plan, product and activation
    /// code), the change from -> to with its day, and what it bills in the words of the rule; $WhatIfPreference, a
    /// calling function's -WhatIf and $PSDefaultParameterValues show the same; nothing is written. End to end in the engine.
    /// </summary>
    public class ChangePreviewCmdletTests
    {
        private const string Plan = "'WF Services Monthly Rolling'";

        private const string Litware =
            "New-MspCustomer -Name Litware -Country US -City Seattle -State WA -ContactFirstName Ann -ContactLastName Lee -Email ann@litware.com\n"
            + "New-MspServicePlan -Name " + Plan + " -Product WFBSS -InitialPeriodMonths 12 -AutoRenewalMonths 1 -DataCenter Germany\n"
            + "New-MspSubscription -Customer Litware -ServicePlan " + Plan + " -Seats 5 -StartDate 2026-01-15";

        private const string Fabrikam =
            "New-MspCustomer -Name Fabrikam -Country DE -City Berlin -ContactFirstName Jonas -ContactLastName Weber -Email jonas@fabrikam.de";

        private const string FabrikamOnTrial =
            Fabrikam + "\nNew-MspServicePlan -Name 'WF Services Trial' -Product WFBSS -Version Trial -Seats 10 -DataCenter Germany"
            + "\nNew-MspSubscription -Customer Fabrikam -ServicePlan 'WF Services Trial' -StartDate 2026-01-15";

        private const string Xdr =
            "New-MspServicePlan -Name 'WF Services XDR' -Product WFXDR -InitialPeriodMonths 12 -AutoRenewalMonths 1 -DataCenter @{ '*' = 'Germany'; CAS = 'Europe' }";

        private const string PayAsYouGoCode = "WF-CCCC-BBBBB-CCCCC-DDDDD-EEEEE-FFFFF";

        private const string PayAsYouGo =
            "\nRegister-MspProduct -Customer Fabrikam -Product WFBSS -LicenseType PayAsYouGo -Seats 25 -StartDate 2026-01-01 -ExpirationDate 2027-06-30 -ActivationCode " + PayAsYouGoCode;

        private const string R52 = "(R52: a month bills in full, at its peak seats)";

        /// <summary>What a write would move: the audit log, the outbox, and every object with its revision.</summary>
        private static string Snapshot(ModuleSession s) => string.Join("|", s.Ok(
            "$i = Get-MspStore; \"$($i.AuditEntries) $($i.PendingSync)\"; "
            + "Get-MspCustomer | % { \"$($_.CustomerId):$($_.Revision)\" }; Get-MspServicePlan | % { \"$($_.ServicePlanId):$($_.Revision)\" }; "
            + "Get-MspSubscription | % { \"$($_.SubscriptionId):$($_.Revision)\" }; Get-MspLicense | % { \"$($_.LicenseId):$($_.Revision)\" }; "
            + "(Get-MspAccount).Revision; (Get-MspTemplate).Count").Output.Select(o => o.ToString()));

        /// <summary>The host's "What if:" lines (a crossgrade's steps follow its line).</summary>
        private static string WhatIf(RunResult r) => r.Text.Trim();

        public static IEnumerable<object[]> Changes() => new[]
        {
            // Subscriptions (R34-R37): customer and plan, from -> to with the day, what the month bills.
            Row("Set-MspSubscription", Litware, $"Set-MspSubscription -Customer Litware -Seats 9 -Date 2026-06-01 -WhatIf",
                $"What if: Litware / WF Services Monthly Rolling: WFBSS seats from 2026-06-01: 5 -> 9; 2026-06 bills 9 seats {R52}"),
            Row("Set-MspSubscription lower", Litware, $"Get-MspSubscription -Customer Litware | Set-MspSubscription -Seats 3 -Date 2026-06-10 -WhatIf",
                $"What if: Litware / WF Services Monthly Rolling: WFBSS seats from 2026-06-10: 5 -> 3; 2026-06 bills 5 seats {R52}"),
            Row("Stop-MspSubscription", Litware, "Stop-MspSubscription -Customer Litware -Date 2026-06-15 -WhatIf",
                "What if: Litware / WF Services Monthly Rolling: cancelled on 2026-06-15; WFBSS ends that day (R35: the month it happens in is billed in full)"),
            Row("Suspend-MspSubscription", Litware, "Suspend-MspSubscription -Customer Litware -Date 2026-06-10 -ExpirationDate 2026-06-30 -WhatIf",
                "What if: Litware / WF Services Monthly Rolling: suspended on 2026-06-10, expires 2027-01-15 -> 2026-06-30 (R36: nothing bills after the expiration date)"),
            Row("Resume-MspSubscription", Litware + "\nSuspend-MspSubscription -Customer Litware -Date 2026-06-10", "Resume-MspSubscription -Customer Litware -Date 2026-07-01 -WhatIf",
                "What if: Litware / WF Services Monthly Rolling: Resumed on 2026-07-01; AutoRenewal: False -> True; renews from 2027-01-15"),
            Row("Convert-MspSubscription", Litware + "\n" + FabrikamOnTrial, $"Convert-MspSubscription -Customer Fabrikam -ServicePlan {Plan} -Seats 25 -Date 2026-02-01 -WhatIf",
                "What if: Fabrikam / WF Services Trial: trial converted to 'WF Services Monthly Rolling' on 2026-02-01, expires 2027-02-01; WFBSS keeps its activation code (R37: a converted trial bills from the month of the conversion)"),
            Row("New-MspSubscription", Litware + "\n" + Fabrikam, $"New-MspSubscription -Customer Fabrikam -ServicePlan {Plan} -Seats 10 -StartDate 2026-03-01 -WhatIf",
                $"What if: Fabrikam / WF Services Monthly Rolling: new subscription from 2026-03-01 to 2027-03-01, WFBSS 10 seats; bills from 2026-03 {R52}"),
            Row("New-MspSubscription trial", Litware + "\n" + FabrikamOnTrial.Replace("\nNew-MspSubscription -Customer Fabrikam -ServicePlan 'WF Services Trial' -StartDate 2026-01-15", string.Empty),
                "New-MspSubscription -Customer Fabrikam -ServicePlan 'WF Services Trial' -StartDate 2026-01-15 -WhatIf",
                "What if: Fabrikam / WF Services Trial: new trial from 2026-01-15 to 2026-02-15, WFBSS 10 seats (R51: trials and NFR licenses are never billed)"),
            // Plans (R20) and the account (R53).
            Row("Set-MspServicePlan", Litware, $"Set-MspServicePlan -Name {Plan} -Enabled $false -WhatIf",
                "What if: Service plan 'WF Services Monthly Rolling': Enabled: 'True' -> 'False' (R20: changing or disabling a plan affects no customer already on it)"),
            Row("New-MspServicePlan", Litware, "New-MspServicePlan -Name Mail -Product HES -AutoRenewalMonths 1 -WhatIf",
                "What if: Service plan 'Mail': new Full plan of HES, 12 months, renewing every 1 month"),
            Row("Remove-MspServicePlan", Litware + "\nNew-MspServicePlan -Name Mail -Product HES", "Remove-MspServicePlan -Name Mail -WhatIf",
                "What if: Service plan 'Mail': removed"),
            Row("Set-MspAccount", Litware, "Set-MspAccount -SeatBands 1,50,100 -GracePeriodDays 15 -WhatIf",
                "What if: Partner account 'MSP partner': SeatBands: '1,26,51,101,251,501,1001,2001,5001' -> '1,50,100'; GracePeriodDays: '30' -> '15' (R53: per product, the chargeable seats of all customers add up, and that total decides the seat band)"),
            // Usage reports (R51, R53, R54).
            Row("Submit-MspUsageReport", Litware, "Submit-MspUsageReport -Month 2026-02 -WhatIf",
                "What if: Usage report 2026-02: Status: Preparing -> Submitted; Submitted: 1 lines, 5 chargeable seats (R54: once submitted, the month's figures are frozen)"),
            Row("Approve-MspUsageReport", Litware + "\nSubmit-MspUsageReport -Month 2026-02", "Approve-MspUsageReport -Month 2026-02 -WhatIf",
                "What if: Usage report 2026-02: Status: Submitted -> Approved; Approved (R54: once submitted, the month's figures are frozen)"),
            Row("Deny-MspUsageReport", Litware + "\nSubmit-MspUsageReport -Month 2026-02", "Deny-MspUsageReport -Month 2026-02 -Reason 'Seats do not match' -WhatIf",
                "What if: Usage report 2026-02: Status: Submitted -> Rejected; Rejected: Seats do not match"),
            Row("Set-MspUsageReport", Litware, "Set-MspUsageReport -Month 2026-02 -Customer Litware -Product WFBSS -Chargeable 3 -Comment 'Two unused' -WhatIf",
                "What if: Usage report 2026-02 / Litware / WFBSS: Chargeable: 5 -> 3 (Two unused) (R53: per product, the chargeable seats of all customers add up, and that total decides the seat band)"),
            // Customers, licenses, migrations, Remote Manager.
            Row("New-MspCustomer", Litware, Fabrikam + " -WhatIf", "What if: Customer 'Fabrikam': new customer in Berlin, DE"),
            Row("Set-MspCustomer", Litware, "Get-MspCustomer Litware | Set-MspCustomer -City Redmond -WhatIf", "What if: Customer 'Litware': City: 'Seattle' -> 'Redmond'"),
            Row("Set-MspLicense", Litware, "Get-MspLicense -Customer Litware | Set-MspLicense -Used 4 -Date 2026-03-01 -WhatIf",
                "What if: Litware / WFBSS WF-", ": Used on 2026-03-01: none -> 4"),
            Row("Register-MspProduct", Litware, "Register-MspProduct -Customer Litware -Product HES -LicenseType Standard -Seats 40 -StartDate 2026-01-01 -ExpirationDate 2027-06-30 -ActivationCode HE-AAAA-BBBBB-CCCCC-DDDDD-EEEEE-FFFFF -WhatIf",
                "What if: Litware / HES: register Standard license of HES, 40 seats, 2026-01-01 to 2027-06-30"),
            Row("Start-MspLicenseMigration", Litware + "\nNew-MspServicePlan -Name 'WF Advanced' -Product WFBS-ADV -AutoRenewalMonths 1"
                    + "\nRegister-MspProduct -Customer Litware -Product WFBS-ADV -LicenseType Standard -Seats 40 -StartDate 2026-01-01 -ExpirationDate 2027-06-30 -ActivationCode WF-AAAA-BBBBB-CCCCC-DDDDD-EEEEE-FFFFF",
                "Start-MspLicenseMigration -ActivationCode WF-AAAA-BBBBB-CCCCC-DDDDD-EEEEE-FFFFF -ServicePlan 'WF Advanced' -Date 2026-03-01 -WhatIf",
                $"What if: Litware / WFBS-ADV WF-AAAA-BBBBB-CCCCC-DDDDD-EEEEE-FFFFF: migrates into 'WF Advanced' on 2026-03-01 with a new activation code, and this license ends (R61); bills from 2026-03 {R52}"),
            Row("New-MspTemplate", Litware, "New-MspTemplate -Name Strict -Product WFBSS -Setting @{ RealTimeScan = 'On' } -WhatIf",
                "What if: Template 'Strict': new WFBSS template with 1 setting(s)"),
            Row("Enable-MspIntegration", Litware, "Enable-MspIntegration -Name Autotask -WhatIf", "What if: Plug-in 'Autotask': Enabled: False -> True"),
            Row("Disable-MspIntegration", Litware + "\nEnable-MspIntegration -Name Autotask", "Disable-MspIntegration -Name Autotask -WhatIf", "What if: Plug-in 'Autotask': Enabled: True -> False"),
            Row("Set-MspTemplate", Litware + "\nNew-MspTemplate -Name Strict -Product WFBSS -Setting @{ RealTimeScan = 'On' }", "Set-MspTemplate -Name Strict -Setting @{ RealTimeScan = 'Off' } -WhatIf",
                "What if: Template 'Strict': Settings: 'RealTimeScan=On' -> 'RealTimeScan=Off'"),
            Row("Remove-MspTemplate", Litware + "\nNew-MspTemplate -Name Strict -Product WFBSS -Setting @{ RealTimeScan = 'On' }", "Remove-MspTemplate -Name Strict -WhatIf",
                "What if: Template 'Strict': removed (WFBSS template with 1 setting(s))"),
            Row("Start-MspLicenseMigration service", Litware + "\n" + Fabrikam + PayAsYouGo, $"Start-MspLicenseMigration -ActivationCode {PayAsYouGoCode} -ServicePlan {Plan} -Date 2026-03-01 -WhatIf",
                $"What if: Fabrikam / WFBSS {PayAsYouGoCode}: migration into 'WF Services Monthly Rolling' waits for Trend Micro (R62); the license keeps its activation code"),
            Row("Complete-MspLicenseMigration", Litware + "\n" + Fabrikam + PayAsYouGo + $"\nStart-MspLicenseMigration -ActivationCode {PayAsYouGoCode} -ServicePlan {Plan} -Date 2026-03-01",
                "Get-MspLicenseMigration -Customer Fabrikam | Complete-MspLicenseMigration -Date 2026-03-10 -WhatIf",
                $"What if: Fabrikam / WFBSS {PayAsYouGoCode}: migration completed: joins 'WF Services Monthly Rolling' on 2026-03-10, keeping its activation code; bills from 2026-03 {R52}"),
            // A Customer Licensing Portal account deletes customers and products (R2, R12).
            Row("Remove-MspCustomer", "Set-MspAccount -AccountType CustomerLicensingPortal\n" + Fabrikam, "Remove-MspCustomer -Name Fabrikam -WhatIf", "What if: Customer 'Fabrikam': deleted"),
            Row("Unregister-MspProduct", "Set-MspAccount -AccountType CustomerLicensingPortal\n" + Fabrikam
                    + "\nRegister-MspProduct -Customer Fabrikam -Product WFBSS -LicenseType Standard -Seats 10 -StartDate 2026-01-01 -ExpirationDate 2027-06-30 -AuthorizationKey 6RNY5-RXTHF-4KPRC-YSNAK-SS4JN",
                "Get-MspLicense -Customer Fabrikam | Unregister-MspProduct -WhatIf",
                "What if: Fabrikam / WFBSS WF-", ": deleted from Remote Manager (Standard license of WFBSS, 10 seats, expiring 2027-06-30)"),
            // Crossgrade (R45) and renewal (R33): a line a customer with its steps, a line a subscription.
            Row("Invoke-MspCrossgrade", Litware + "\n" + Xdr, "Invoke-MspCrossgrade -Customer Litware -ServicePlan 'WF Services XDR' -Date 2026-06-01 -WhatIf",
                $"What if: Litware: crossgrade to 'WF Services XDR' on 2026-06-01; new licenses bill from 2026-06 {R52}\n",
                "\n  WFBSS: License transfer from WF Services Monthly Rolling (WF-", "\n  CAS: New\n", "\n  subscription 'WF Services Monthly Rolling': Deactivated by license transfer"),
            Row("Invoke-MspRenewal", Litware, "Invoke-MspRenewal -AsOf 2027-01-20 -WhatIf",
                "What if: Litware / WF Services Monthly Rolling: subscription Renewed 2027-01-15 -> 2027-02-15"),
        };

        private static object[] Row(string command, string setup, string line, params string[] expected) => new object[] { command, setup, line, expected };

        [Theory]
        [MemberData(nameof(Changes))]
        public void WhatIf_names_the_object_the_change_and_its_billing_and_changes_nothing(string command, string setup, string line, string[] expected)
        {
            using var s = new ModuleSession();
            s.Ok(setup);
            var before = Snapshot(s);
            var r = s.Ok(line);
            Assert.Empty(r.Output);
            Assert.All(expected, e => Assert.True(r.Text.Contains(e), $"{command}: '{e}' is not in what the host showed:\n{r.Text}"));
            Assert.Equal(before, Snapshot(s));
        }

        public static IEnumerable<object[]> WhatIfExamples() =>
            HelpTests.HelpByCommand.Value.OrderBy(p => p.Key, StringComparer.Ordinal)
                .SelectMany(p => (p.Value?.Examples ?? Array.Empty<MspLicensing.Commands.Help.HelpExample>()).Select((e, i) => (Command: p.Key, Example: e, Number: i + 1)))
                .Where(x => x.Example.Remarks.StartsWith("What if: ", StringComparison.Ordinal))
                .Select(x => new object[] { x.Command, x.Number });

        [Theory]
        [MemberData(nameof(WhatIfExamples))]
        public void A_help_example_shows_the_WhatIf_line_its_remarks_quote(string command, int number)
        {
            var example = HelpTests.HelpByCommand.Value[command].Examples[number - 1];
            using var s = new ModuleSession();
            if (example.Setup != null) s.Ok(example.Setup);
            Assert.Contains(example.Remarks.Split('\n')[0], s.Ok(example.Code).Text);
        }

        [Fact]
        public void The_subscription_previews_of_the_issue_read_in_two_lines_at_80_columns()
        {
            using var s = new ModuleSession();
            s.Ok(Litware);
            foreach (var line in new[]
            {
                "Set-MspSubscription -Customer Litware -Seats 9 -Date 2026-06-01 -WhatIf",
                "Stop-MspSubscription -Customer Litware -Date 2026-06-15 -WhatIf",
                "Suspend-MspSubscription -Customer Litware -Date 2026-06-10 -ExpirationDate 2026-06-30 -WhatIf",
                $"Set-MspServicePlan -Name {Plan} -Enabled $false -WhatIf",
            })
            {
                string shown = WhatIf(s.Ok(line));
                Assert.StartsWith("What if: ", shown);
                Assert.True(shown.Length <= 2 * 80, $"{line}: {shown.Length} characters: {shown}");
            }
        }

        [Fact]
        public void WhatIfPreference_a_calling_function_and_default_parameter_values_show_the_crossgrade_and_renewal_previews_of_WhatIf_R45()
        {
            using var s = new ModuleSession();
            s.Ok(Litware + "\n" + Xdr);
            const string crossgrade = "Invoke-MspCrossgrade -Customer Litware -ServicePlan 'WF Services XDR' -Date 2026-06-01";
            const string renewal = "Invoke-MspRenewal -AsOf 2027-01-20";
            var before = Snapshot(s);
            string crossgradePreview = WhatIf(s.Ok(crossgrade + " -WhatIf"));
            string renewalPreview = WhatIf(s.Ok(renewal + " -WhatIf"));
            Assert.Contains("  CAS: New", crossgradePreview);
            Assert.StartsWith("What if: Litware / WF Services Monthly Rolling: subscription Renewed", renewalPreview);

            Assert.Equal(crossgradePreview, WhatIf(s.Ok("$WhatIfPreference = $true; " + crossgrade)));
            Assert.Equal(renewalPreview, WhatIf(s.Ok("$WhatIfPreference = $true; " + renewal)));
            s.Ok("$WhatIfPreference = $false");
            s.Ok("function Update-Litware { [CmdletBinding(SupportsShouldProcess)] param() " + crossgrade + "; " + renewal + " }");
            Assert.Equal(crossgradePreview + "\n" + renewalPreview, WhatIf(s.Ok("Update-Litware -WhatIf")));
            Assert.Equal(crossgradePreview, WhatIf(s.Ok("$PSDefaultParameterValues['Invoke-MspCrossgrade:WhatIf'] = $true; " + crossgrade)));
            s.Ok("$PSDefaultParameterValues.Clear()");
            Assert.Equal(before, Snapshot(s));
            Assert.Single(s.Ok("Get-MspSubscription -Customer Litware").Output);
        }

        [Fact]
        public void Confirm_asks_once_a_crossgrade_naming_its_steps_and_No_leaves_the_customer_as_it_is_R45()
        {
            using var s = new ModuleSession();
            s.Ok(Litware + "\n" + Xdr);
            var before = Snapshot(s);
            s.Host.ChoiceAnswers.Enqueue(2); // [N] No
            s.Ok("Invoke-MspCrossgrade -Customer Litware -ServicePlan 'WF Services XDR' -Date 2026-06-01 -Confirm");
            var prompt = Assert.Single(s.Host.Prompts);
            Assert.StartsWith("Confirm: Are you sure you want to perform this action?\nLitware: crossgrade to 'WF Services XDR' on 2026-06-01;", prompt);
            Assert.Contains("\n  CAS: New", prompt);
            Assert.Equal(before, Snapshot(s));

            s.Host.ChoiceAnswers.Enqueue(0); // [Y] Yes
            var done = s.Ok("Invoke-MspCrossgrade -Customer Litware -ServicePlan 'WF Services XDR' -Date 2026-06-01 -Confirm");
            Assert.Equal("WF Services XDR", done.Objects<Subscription>().Single().ServicePlan);
            Assert.Equal(2, s.Host.Prompts.Count);
        }

        [Fact]
        public void Confirm_asks_a_renewal_run_subscription_by_subscription_and_renews_the_ones_confirmed_R33()
        {
            using var s = new ModuleSession();
            s.Ok(Litware + "\n" + Fabrikam + $"\nNew-MspSubscription -Customer Fabrikam -ServicePlan {Plan} -Seats 10 -StartDate 2026-01-15");
            s.Host.ChoiceAnswers.Enqueue(2); // the first: [N] No
            s.Host.ChoiceAnswers.Enqueue(0); // the second: [Y] Yes
            var run = s.Ok("Invoke-MspRenewal -AsOf 2027-01-20 -Confirm");
            Assert.Equal(2, s.Host.Prompts.Count);
            string Asked(int i) => new[] { "Fabrikam", "Litware" }.Single(c => s.Host.Prompts[i].Contains(
                $"Are you sure you want to perform this action?\n{c} / WF Services Monthly Rolling: subscription Renewed 2027-01-15 -> 2027-02-15"));
            string declined = Asked(0), confirmed = Asked(1);
            Assert.NotEqual(declined, confirmed);
            Assert.Equal(new[] { confirmed }, run.Objects<RenewalAction>().Select(a => a.Customer).Distinct());
            // The one declined is renewed by the next run.
            Assert.Equal(new[] { declined }, s.Ok("Invoke-MspRenewal -AsOf 2027-01-20 -Confirm:$false").Objects<RenewalAction>().Select(a => a.Customer).Distinct());
        }

        [Fact]
        public void Stop_asks_first_with_what_the_cancellation_does_and_No_cancels_nothing_R35()
        {
            using var s = new ModuleSession();
            s.Ok(Litware);
            s.Host.ChoiceAnswers.Enqueue(2); // ConfirmImpact High asks by default; [N] No
            s.Ok("Stop-MspSubscription -Customer Litware -Date 2026-06-15");
            Assert.Equal("Confirm: Are you sure you want to perform this action?\nLitware / WF Services Monthly Rolling: cancelled on 2026-06-15; WFBSS ends that day (R35: the month it happens in is billed in full)",
                Assert.Single(s.Host.Prompts));
            Assert.Equal(SubscriptionStatus.Active, s.Ok("Get-MspSubscription -Customer Litware -AsOf 2026-07-01").Objects<Subscription>().Single().Status);
        }

        [Fact]
        public void Verbose_says_what_each_change_does_as_it_goes_ahead_R52()
        {
            using var s = new ModuleSession();
            s.Ok(Litware);
            var r = s.Ok("Set-MspSubscription -Customer Litware -Seats 9 -Date 2026-06-01 -Verbose");
            Assert.Contains($"VERBOSE: Litware / WF Services Monthly Rolling: WFBSS seats from 2026-06-01: 5 -> 9; 2026-06 bills 9 seats {R52}", r.Text);
            Assert.Equal(9, s.Ok("Get-MspLicense -Customer Litware").Objects<License>().Single().Seats);
        }

        [Fact]
        public void WhatIf_reports_a_change_the_rules_refuse_as_the_error_it_would_be_and_goes_on_with_the_next_R37()
        {
            using var s = new ModuleSession();
            s.Ok(Litware + "\n" + FabrikamOnTrial);
            var before = Snapshot(s);
            var r = s.Run("Get-MspSubscription | Sort-Object Customer | Set-MspSubscription -Seats 9 -Date 2026-01-20 -WhatIf");
            var error = Assert.Single(r.Errors);
            Assert.Equal("MspLicensing.TrialNotModifiable,MspLicensing.Commands.SetMspSubscriptionCommand", error.FullyQualifiedErrorId);
            Assert.StartsWith("Customer 'Fabrikam', service plan 'WF Services Trial': ", error.Exception.Message);
            Assert.DoesNotContain("Fabrikam", r.Text);
            Assert.Contains("What if: Litware / WF Services Monthly Rolling: WFBSS seats from 2026-01-20: 5 -> 9", r.Text);
            Assert.Equal(before, Snapshot(s));
        }
    }
}
