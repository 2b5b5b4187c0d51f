using System;
using System.IO;
using System.Linq;
using System.Management.Automation;
using MspLicensing.Module.Tests.Hosting;
using Xunit;

namespace MspLicensing.Module.Tests
{
    /// <summary>R13: an onboarding pipeline that stopped half-way runs again with -SkipExisting, end to end.</summary>
    public class OnboardingCmdletTests
    {
        private const string Plan = "New-MspServicePlan -Name 'WF Services Monthly Rolling' -Product WFBSS -InitialPeriodMonths 12 -AutoRenewalMonths 1 -DataCenter Germany";
        private const string Onboard = "Import-Csv ./customers.csv | New-MspCustomer{0} | New-MspSubscription -ServicePlan 'WF Services Monthly Rolling' -Seats 10{0}";
        private const int Customers = 12;

        private static string Row(int i) => $"Customer {i:00},DE,Berlin,Jonas,Weber,jonas{i}@example.com";

        /// <summary>
        /// A store in which the first run of the onboarding stopped half-way: the first half of the customers were
        /// created, and the first three of them subscribed.
        /// </summary>
        private static ModuleSession Interrupted()
        {
            var s = new ModuleSession();
            s.Ok(Plan);
            File.WriteAllText(Path.Combine(s.Directory, "customers.csv"),
                "Name,Country,City,ContactFirstName,ContactLastName,Email\n" + string.Join("\n", Enumerable.Range(1, Customers).Select(Row)) + "\n");
            s.Ok($"Import-Csv ./customers.csv | Select-Object -First {Customers / 2} | New-MspCustomer | Out-Null");
            s.Ok("Get-MspCustomer | Select-Object -First 3 | New-MspSubscription -ServicePlan 'WF Services Monthly Rolling' -Seats 10");
            Assert.Equal(Customers / 2, s.Ok("(Get-MspStore).Customers").Objects<int>().Single());
            Assert.Equal(3, s.Ok("(Get-MspStore).Subscriptions").Objects<int>().Single());
            return s;
        }

        [Fact]
        public void An_interrupted_onboarding_runs_again_with_SkipExisting_and_completes_without_errors_R13()
        {
            using var s = Interrupted();

            var r = s.Run(string.Format(Onboard, " -SkipExisting -Verbose"));

            Assert.True(r.Exception == null && r.Errors.Count == 0, r.ErrorText);
            Assert.Empty(r.Warnings);
            var subscriptions = r.Objects<Subscription>().ToList();
            Assert.Equal(Enumerable.Range(1, Customers).Select(i => $"Customer {i:00}"), subscriptions.Select(x => x.Customer));
            Assert.All(subscriptions, x => Assert.Equal("WF Services Monthly Rolling", x.ServicePlan));
            // Every customer and subscription exists exactly once.
            var customers = s.Ok("Get-MspCustomer").Objects<Customer>().ToList();
            Assert.Equal(Enumerable.Range(1, Customers).Select(i => $"Customer {i:00}"), customers.Select(c => c.Name));
            var stored = s.Ok("Get-MspSubscription").Objects<Subscription>().ToList();
            Assert.Equal(Customers, stored.Count);
            Assert.Equal(Customers, stored.Select(x => x.Customer).Distinct().Count());
            Assert.Equal(stored.Select(x => x.SubscriptionId).OrderBy(id => id), subscriptions.Select(x => x.SubscriptionId).OrderBy(id => id));
            Assert.Equal(Customers, s.Ok("Get-MspLicense").Objects<License>().Count());
            // A verbose line names each skipped customer and subscription.
            var verbose = r.Verbose.Select(v => v.Message).ToList();
            Assert.Equal(Enumerable.Range(1, Customers / 2).Select(i => $"Customer 'Customer {i:00}' exists; skipped."),
                verbose.Where(v => v.StartsWith("Customer '", StringComparison.Ordinal) && v.EndsWith("skipped.", StringComparison.Ordinal)));
            Assert.Equal(Enumerable.Range(1, 3).Select(i => $"Subscription of customer 'Customer {i:00}' to service plan 'WF Services Monthly Rolling' exists; skipped."),
                verbose.Where(v => v.StartsWith("Subscription of", StringComparison.Ordinal)));
            // Progress counts the skipped items apart: they are neither created nor failed.
            Assert.Contains(r.Progress, p => p.StatusDescription == $"{Customers / 2} customers created, {Customers / 2} skipped, 0 failed");
            Assert.Contains(r.Progress, p => p.StatusDescription == $"{Customers - 3} subscriptions created, 3 skipped, 0 failed");

            // A third run changes nothing and still passes every subscription on.
            var third = s.Ok(string.Format(Onboard, " -SkipExisting"));
            Assert.Equal(Customers, third.Objects<Subscription>().Count());
            Assert.Equal(Customers, s.Ok("(Get-MspStore).Subscriptions").Objects<int>().Single());
        }

        [Fact]
        public void Without_SkipExisting_the_rerun_reports_each_existing_customer_and_subscription_as_before_R13()
        {
            using var s = Interrupted();

            var r = s.Run(string.Format(Onboard, string.Empty));

            Assert.Null(r.Exception);
            Assert.Equal(Customers / 2, r.Errors.Count);
            Assert.All(r.Errors, e => Assert.Equal("MspLicensing.CustomerNameTaken,MspLicensing.Commands.NewMspCustomerCommand", e.FullyQualifiedErrorId));
            Assert.Contains("Customer 'Customer 01'", r.Errors[0].Exception.Message);
            // The customers that were missing are created and subscribed.
            Assert.Equal(Enumerable.Range(Customers / 2 + 1, Customers / 2).Select(i => $"Customer {i:00}"), r.Objects<Subscription>().Select(x => x.Customer));

            // The existing subscriptions are refused as duplicates of products (R40).
            var again = s.Run("Get-MspCustomer | New-MspSubscription -ServicePlan 'WF Services Monthly Rolling' -Seats 10");
            Assert.Equal(Customers / 2 + 3, again.Errors.Count);
            Assert.All(again.Errors, e => Assert.Equal("MspLicensing.CrossgradeRequired,MspLicensing.Commands.NewMspSubscriptionCommand", e.FullyQualifiedErrorId));
            Assert.Equal(3, again.Objects<Subscription>().Count());
            Assert.Equal(Customers, s.Ok("(Get-MspStore).Subscriptions").Objects<int>().Single());
        }

        [Fact]
        public void A_skipped_customer_keeps_its_fields_and_a_warning_names_what_the_input_would_change_R13()
        {
            using var s = new ModuleSession();
            s.NewCustomer("Contoso", "-Phone '+1 206 555 0100'");
            File.WriteAllText(Path.Combine(s.Directory, "c.csv"),
                "Name,Country,City,State,ContactFirstName,ContactLastName,Email,Enabled\n"
                + "CONTOSO,US,Portland,WA,Ann,Lee,ann@example.com,\n"
                + "Fabrikam,DE,Berlin,,Jonas,Weber,jonas@fabrikam.de,\n"
                + "Bad Mail,DE,Berlin,,Jo,Wu,not-an-email,\n"
                + "fabrikam,DE,Hamburg,,Jonas,Weber,jonas@fabrikam.de,no\n");

            var r = s.Run("Import-Csv ./c.csv | New-MspCustomer -SkipExisting");

            // The bad row fails alone; the skipped rows neither fail nor rerun the batch.
            var error = Assert.Single(r.Errors);
            Assert.Contains("Customer 'Bad Mail': Email 'not-an-email'", error.Exception.Message);
            Assert.Equal(new[] { "Contoso", "Fabrikam", "Fabrikam" }, r.Objects<Customer>().Select(c => c.Name));
            Assert.Equal(new[]
            {
                "Customer 'Contoso' exists and was left as it is, though the input would change City: 'Seattle' -> 'Portland'; use Set-MspCustomer for that.",
                "Customer 'Fabrikam' exists and was left as it is, though the input would change City: 'Berlin' -> 'Hamburg'; Enabled: 'True' -> 'False'; use Set-MspCustomer for that.",
            }, r.Warnings.Select(w => w.Message));
            Assert.Equal("1 customers created, 2 skipped, 1 failed", r.Progress.Last().StatusDescription);
            var contoso = s.Ok("Get-MspCustomer -Name Contoso").Objects<Customer>().Single();
            Assert.Equal("Seattle", contoso.City);
            Assert.Equal("+1 206 555 0100", contoso.Phone);
            Assert.Single(s.Ok("Get-MspAuditLog -Target Contoso").Output);
            Assert.Equal(2, s.Ok("(Get-MspStore).Customers").Objects<int>().Single());
        }

        [Fact]
        public void A_skipped_subscription_keeps_its_seats_and_a_plan_held_through_another_plan_is_still_refused_R13()
        {
            using var s = new ModuleSession();
            s.Ok(Plan);
            s.Ok("New-MspServicePlan -Name 'WF Services Yearly' -Product WFBSS -InitialPeriodMonths 12 -DataCenter Germany");
            s.NewCustomer("Contoso");
            s.NewCustomer("Fabrikam");
            var first = s.Ok("New-MspSubscription -Customer Contoso -ServicePlan 'WF Services Monthly Rolling' -Seats 5").Objects<Subscription>().Single();
            s.Ok("New-MspSubscription -Customer Fabrikam -ServicePlan 'WF Services Yearly' -Seats 5");

            var r = s.Run("Get-MspCustomer | New-MspSubscription -ServicePlan 'WF Services Monthly Rolling' -Seats 25 -SkipExisting");

            Assert.Equal(first.SubscriptionId, r.Objects<Subscription>().Single().SubscriptionId);
            Assert.Equal("Subscription of customer 'Contoso' to service plan 'WF Services Monthly Rolling' exists and was left as it is, though the input would change WFBSS: 5 seats -> 25; use Set-MspSubscription for that.",
                r.Warnings.Single().Message);
            Assert.Equal(5, s.Ok("Get-MspLicense -Customer Contoso").Objects<License>().Single().Seats);
            var error = Assert.Single(r.Errors);
            Assert.Equal("MspLicensing.CrossgradeRequired,MspLicensing.Commands.NewMspSubscriptionCommand", error.FullyQualifiedErrorId);
            Assert.Contains("Customer 'Fabrikam'", error.Exception.Message);
            Assert.Equal(2, s.Ok("(Get-MspStore).Subscriptions").Objects<int>().Single());

            // Seats given must still be valid, skipped or not.
            var bad = s.Run("New-MspSubscription -Customer Contoso -ServicePlan 'WF Services Monthly Rolling' -Seats 0 -SkipExisting");
            Assert.Equal("MspLicensing.InvalidValue,MspLicensing.Commands.NewMspSubscriptionCommand", bad.Errors.Single().FullyQualifiedErrorId);
        }
    }
}
