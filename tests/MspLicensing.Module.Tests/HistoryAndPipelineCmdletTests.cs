using System;
using System.Linq;
using System.Management.Automation;
using MspLicensing.Module.Tests.Hosting;
using Xunit;

namespace MspLicensing.Module.Tests
{
    /// <summary>A customer's history in the audit log, and the pipelines users try: plans into subscriptions, months into the usage report.</summary>
    public class HistoryAndPipelineCmdletTests
    {
        private const string Plans =
            "New-MspServicePlan -Name Endpoint -Product WFBSS -AutoRenewalMonths 1 -DataCenter Germany\n" +
            "New-MspServicePlan -Name XDR -Product WFXDR -AutoRenewalMonths 1 -DataCenter @{ '*' = 'Germany'; CAS = 'Europe' }\n" +
            "New-MspServicePlan -Name 'WF Standard' -Product WFBS-STD -AutoRenewalMonths 1";

        /// <summary>Contoso and Fabrikam on Endpoint since 15 January (20 and 10 seats).</summary>
        private static ModuleSession TwoCustomers()
        {
            var s = new ModuleSession();
            s.NewCustomer("Contoso");
            s.NewCustomer("Fabrikam");
            s.Ok(Plans);
            s.Ok("New-MspSubscription Contoso Endpoint -Seats 20 -StartDate 2026-01-15; New-MspSubscription Fabrikam Endpoint -Seats 10 -StartDate 2026-01-15");
            return s;
        }

        [Fact]
        public void A_customers_history_is_every_change_that_concerns_it_and_none_of_another_customer()
        {
            using var s = TwoCustomers();
            s.Ok("Set-MspSubscription Contoso -Seats 25 -Date 2026-02-01");
            s.Ok("Set-MspSubscription Fabrikam -Seats 12 -Date 2026-02-01");
            s.Ok("Get-MspLicense -Customer Contoso | Set-MspLicense -Used 18 -Date 2026-02-10");
            s.Ok("Set-MspUsageReport -Month 2026-02 -Customer Contoso -Product WFBSS -Chargeable 20 -Comment 'Raised by mistake'");
            s.Ok("Invoke-MspCrossgrade -Customer Contoso -ServicePlan XDR -Date 2026-03-01");
            s.Ok("Register-MspProduct -Customer Contoso -Product WFBS-STD -LicenseType Standard -Seats 15 -ExpirationDate 2027-06-30 -ActivationCode WF-AAAA-BBBBB-CCCCC-DDDDD-EEEEE-FFFFF");
            s.Ok("Start-MspLicenseMigration -ActivationCode WF-AAAA-BBBBB-CCCCC-DDDDD-EEEEE-FFFFF -ServicePlan 'WF Standard'");
            s.Ok("New-MspTemplate -Name 'WF baseline' -Product WFBSS -Setting @{ RealTimeScan = 'On' }; Set-MspCustomer Contoso -Template 'WF baseline'");

            var history = s.Ok("Get-MspCustomer Contoso | Get-MspAuditLog").Objects<AuditEntry>().ToList();
            Assert.Equal(new[]
            {
                "New-MspCustomer Create Customer", "New-MspSubscription Create Subscription", "Set-MspSubscription Update Subscription",
                "Set-MspLicense Update License", "Set-MspUsageReport Update UsageReport", "Invoke-MspCrossgrade Crossgrade Subscription",
                "Register-MspProduct Register License", "Start-MspLicenseMigration Create Subscription", "Start-MspLicenseMigration Migrate LicenseMigration",
                "Set-MspCustomer Update Customer",
            }, history.Select(e => $"{e.Command} {e.Action} {e.TargetType}").Reverse());
            var contoso = s.Ok("(Get-MspCustomer Contoso).CustomerId").Objects<Guid>().Single();
            Assert.All(history, e => Assert.Equal(contoso, e.CustomerId));
            Assert.All(history, e => Assert.Equal("Contoso", e.Customer));
            Assert.DoesNotContain(history, e => e.Target.Contains("Fabrikam") || e.Summary.Contains("Fabrikam"));
            Assert.Contains(history, e => e.Summary == "Templates: '' -> 'WF baseline'");

            // -Customer by name or id gives the same history; the other filters narrow it.
            Assert.Equal(history.Select(e => e.Id), s.Ok("Get-MspAuditLog -Customer Contoso").Objects<AuditEntry>().Select(e => e.Id));
            Assert.Equal(history.Select(e => e.Id), s.Ok($"Get-MspAuditLog -Customer {contoso}").Objects<AuditEntry>().Select(e => e.Id));
            Assert.Equal(new[] { "Update", "Create" }, s.Ok("Get-MspAuditLog -Customer Fabrikam -TargetType Subscription").Objects<AuditEntry>().Select(e => e.Action));
            Assert.Equal(history.Take(2).Select(e => e.Id), s.Ok("Get-MspCustomer Contoso | Get-MspAuditLog -First 2").Objects<AuditEntry>().Select(e => e.Id));

            // Format-List shows the customer; the table stays within 80 columns.
            var list = s.Ok("Get-MspAuditLog -Customer Contoso -Command Set-MspLicense | Format-List | Out-String -Width 80").Output.Single().ToString();
            Assert.Matches(@"(?m)^Customer\s+: Contoso\s*$", list);
            Assert.Matches(@"(?m)^CustomerId\s+: " + contoso + @"\s*$", list);
            var table = s.Ok("Get-MspCustomer Contoso | Get-MspAuditLog | Out-String -Width 80").Output.Single().ToString();
            Assert.True(table.Split('\n').All(l => l.TrimEnd('\r').Length <= 80), table);
            Assert.Matches(@"(?m)^Time\s+Target\s+Summary\s*$", table);
        }

        [Fact]
        public void A_customer_for_the_history_must_exist_by_name_and_comes_either_by_object_or_by_name()
        {
            using var s = TwoCustomers();
            var unknown = s.Run("Get-MspAuditLog -Customer Nobody");
            Assert.Equal("MspLicensing.CustomerNotFound,MspLicensing.Commands.GetMspAuditLogCommand", unknown.Errors.Single().FullyQualifiedErrorId);
            Assert.Contains("No customer is named 'Nobody'", unknown.Errors.Single().Exception.Message);
            Assert.Empty(unknown.Output);
            var both = s.Run("Get-MspAuditLog -Customer Contoso -CustomerId ([guid]::NewGuid())");
            Assert.Equal("AmbiguousParameterSet,MspLicensing.Commands.GetMspAuditLogCommand", both.Errors.Single().FullyQualifiedErrorId);
        }

        [Fact]
        public void A_plan_from_the_pipeline_lists_its_subscriptions_and_customers_still_list_theirs()
        {
            using var s = TwoCustomers();
            s.Ok("New-MspServicePlan -Name Mail -Product HES -AutoRenewalMonths 1 -DataCenter Germany; New-MspSubscription Fabrikam Mail -Seats 10 -StartDate 2026-01-15");

            Assert.Equal(new[] { "Contoso Endpoint", "Fabrikam Endpoint" },
                s.Ok("Get-MspServicePlan Endpoint | Get-MspSubscription").Objects<Subscription>().Select(x => $"{x.Customer} {x.ServicePlan}").OrderBy(x => x, StringComparer.Ordinal));
            Assert.Equal(new[] { "Fabrikam Mail" }, s.Ok("Get-MspServicePlan Mail | Get-MspSubscription").Objects<Subscription>().Select(x => $"{x.Customer} {x.ServicePlan}"));
            Assert.Equal(3, s.Ok("Get-MspServicePlan | Get-MspSubscription").Objects<Subscription>().Count());
            Assert.Equal(new[] { "Fabrikam Endpoint", "Fabrikam Mail" },
                s.Ok("Get-MspCustomer Fabrikam | Get-MspSubscription").Objects<Subscription>().Select(x => $"{x.Customer} {x.ServicePlan}").OrderBy(x => x, StringComparer.Ordinal));
            Assert.Equal(new[] { "Fabrikam Mail" }, s.Ok("Get-MspServicePlan Mail | Get-MspSubscription -Customer Fabrikam").Objects<Subscription>().Select(x => $"{x.Customer} {x.ServicePlan}"));
            Assert.Empty(s.Ok("Get-MspServicePlan Mail | Get-MspSubscription -Customer Contoso").Output);
        }

        [Fact]
        public void Months_from_the_pipeline_are_months_and_several_months_read_apart_by_their_month()
        {
            using var s = TwoCustomers();
            s.Ok("Set-MspSubscription Contoso -Seats 30 -Date 2026-02-10");

            var piped = s.Ok("'2026-01', '2026-02' | Get-MspUsageReport").Objects<UsageSummary>().ToList();
            Assert.Equal(new[] { "2026-01 30", "2026-02 40" }, piped.Select(x => $"{x.Month} {x.Chargeable}"));
            Assert.Equal(piped.Select(x => $"{x.Month} {x.Chargeable}"), s.Ok("Get-MspUsageReport -Month 2026-01,2026-02").Objects<UsageSummary>().Select(x => $"{x.Month} {x.Chargeable}"));
            Assert.Equal(new[] { "2026-01", "2026-02" }, s.Ok("[datetime]'2026-01-20', (Get-Date -Year 2026 -Month 2 -Day 3) | Get-MspUsageReport").Objects<UsageSummary>().Select(x => x.Month));

            var range = s.Ok("Get-MspUsageReport -From 2026-01 -To 2026-03");
            Assert.Equal(new[] { "2026-01 30", "2026-02 40", "2026-03 40" }, range.Objects<UsageSummary>().Select(x => $"{x.Month} {x.Chargeable}"));
            Assert.Contains(range.Progress, p => p.StatusDescription == "2026-02 (2 of 3)");
            var text = s.Ok("Get-MspUsageReport -From 2026-01 -To 2026-03 | Out-String -Width 80").Output.Single().ToString();
            Assert.Matches(@"(?m)^2026-01\s+WFBSS\s+2\s+30\s+30\s+26-50\s+Preparing\s*$", text);
            Assert.Matches(@"(?m)^2026-03\s+WFBSS\s+2\s+40\s+40\s+26-50\s+Preparing\s*$", text);

            // Customers from the pipeline choose the rows of each month; by customer, the rows group by month.
            var lines = s.Ok("Get-MspCustomer Contoso | Get-MspUsageReport -From 2026-01 -To 2026-02 -ByCustomer").Objects<UsageLine>().ToList();
            Assert.Equal(new[] { "2026-01 Contoso 20", "2026-02 Contoso 30" }, lines.Select(l => $"{l.Month} {l.Customer} {l.Chargeable}"));
            var byCustomer = s.Ok("Get-MspUsageReport -Month 2026-01,2026-02 -ByCustomer | Out-String -Width 80").Output.Single().ToString();
            Assert.Contains("Month: 2026-01", byCustomer);
            Assert.Contains("Month: 2026-02", byCustomer);
            Assert.Equal(new[] { "2026-02 Fabrikam 10" },
                s.Ok("Get-MspCustomer Fabrikam | Get-MspUsageReport -Month 2026-02 -ByCustomer").Objects<UsageLine>().Select(l => $"{l.Month} {l.Customer} {l.Chargeable}"));
            Assert.Equal(new[] { "2026-02 40" }, s.Ok("[pscustomobject]@{ Month = '2026-02' } | Get-MspUsageReport").Objects<UsageSummary>().Select(x => $"{x.Month} {x.Chargeable}"));
        }

        [Fact]
        public void Bad_months_and_ranges_are_refused_naming_the_values()
        {
            using var s = TwoCustomers();
            var reversed = s.Run("Get-MspUsageReport -From 2026-05 -To 2026-02");
            Assert.Equal("MspLicensing.MonthRangeReversed,MspLicensing.Commands.GetMspUsageReportCommand", reversed.Errors.Single().FullyQualifiedErrorId);
            Assert.Equal(ErrorCategory.InvalidArgument, reversed.Errors.Single().CategoryInfo.Category);
            Assert.Contains("From '2026-05' is after To '2026-02'", reversed.ErrorText);
            var tooLong = s.Run("Get-MspUsageReport -From 2020-01 -To 2026-02");
            Assert.Contains("From '2020-01' to '2026-02' covers 74 months; a report covers at most 36 months", tooLong.ErrorText);
            var both = s.Run("Get-MspUsageReport -Month 2026-01 -From 2026-02");
            Assert.Equal("MspLicensing.MonthAndRange,MspLicensing.Commands.GetMspUsageReportCommand", both.Errors.Single().FullyQualifiedErrorId);
            Assert.Contains("-Month (2026-01)", both.ErrorText);
            var name = s.Run("'Contoso' | Get-MspUsageReport");
            Assert.Contains("Month 'Contoso' is not valid: give a month as yyyy-MM", name.ErrorText);
            var customer = s.Run("Get-MspUsageReport -Month (Get-MspCustomer Contoso)");
            Assert.Contains("'Contoso' (Customer) is not a month", customer.ErrorText);
            Assert.Contains("From '2026-13' is not valid", s.Run("Get-MspUsageMonth -From 2026-13").ErrorText);
            Assert.Equal("MspLicensing.MonthRangeReversed,MspLicensing.Commands.GetMspUsageMonthCommand", s.Run("Get-MspUsageMonth -From 2026-03 -To 2026-01").Errors.Single().FullyQualifiedErrorId);
        }

        [Fact]
        public void The_months_are_listed_newest_first_with_the_status_of_their_reports_and_pipe_on()
        {
            using var s = TwoCustomers();
            s.Ok("Submit-MspUsageReport -Month 2026-01; Approve-MspUsageReport -Month 2026-01");
            s.Ok("Submit-MspUsageReport -Month 2026-02; Deny-MspUsageReport -Month 2026-02 -Reason 'Seats do not match' -Confirm:$false");
            s.Ok("Submit-MspUsageReport -Month 2026-03");

            var months = s.Ok("Get-MspUsageMonth").Objects<UsageMonth>().ToList();
            var current = DateTime.Today;
            Assert.Equal(new DateTime(current.Year, current.Month, 1).ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture), months[0].Month);
            Assert.Equal(new[] { "2026-03 Submitted", "2026-02 Rejected", "2026-01 Approved" }, months.TakeLast(3).Select(m => $"{m.Month} {m.Status}"));
            Assert.All(months.SkipLast(3), m => Assert.Equal(UsageReportStatus.Preparing, m.Status));
            Assert.All(months, m => Assert.Equal((2, 2, 30), (m.Lines, m.Customers, m.Chargeable)));
            Assert.NotNull(months.Single(m => m.Month == "2026-01").ApprovedUtc);
            Assert.Equal("Seats do not match", months.Single(m => m.Month == "2026-02").RejectedReason);

            Assert.Equal(new[] { "2026-03", "2026-02" }, s.Ok("Get-MspUsageMonth -From 2026-02 -To 2026-03").Objects<UsageMonth>().Select(m => m.Month));
            Assert.Equal(new[] { "2026-02" }, s.Ok("Get-MspUsageMonth -Status Rejected").Objects<UsageMonth>().Select(m => m.Month));
            Assert.Single(s.Ok("Get-MspUsageMonth -First 1").Output);

            var text = s.Ok("Get-MspUsageMonth -To 2026-03 | Out-String -Width 80").Output.Single().ToString();
            Assert.True(text.Split('\n').All(l => l.TrimEnd('\r').Length <= 79), text);
            Assert.Matches(@"(?m)^Month\s+Status\s+Lines\s+Customers\s+Chargeable\s+Adjustments\s+Submitted\s+Approved\s*$", text);
            Assert.Matches(@"(?m)^2026-01\s+Approved\s+2\s+2\s+30\s+0\s+\d{4}-\d\d-\d\d\s+\d{4}-\d\d-\d\d\s*$", text);
            Assert.Matches(@"(?m)^2026-02\s+Rejected\s+2\s+2\s+30\s+0\s+\d{4}-\d\d-\d\d\s*$", text);

            // The rows give their Month to the report cmdlets.
            Assert.Equal(new[] { "2026-02 Rejected" },
                s.Ok("Get-MspUsageMonth -Status Rejected | Get-MspUsageReport").Objects<UsageSummary>().Select(x => $"{x.Month} {x.Status}"));
            s.Ok("Get-MspUsageMonth -Status Rejected | Submit-MspUsageReport");
            Assert.Empty(s.Ok("Get-MspUsageMonth -Status Rejected").Output);
        }
    }
}
