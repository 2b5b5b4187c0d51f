using System;
using System.Collections.Generic;
using System.Linq;
using Xunit;

namespace MspLicensing.Domain.Tests
{
    /// <summary>R13: an onboarding that stopped half-way runs again and completes what is missing.</summary>
    public class OnboardingRuleTests
    {
        private static readonly DateTime Now = SubscriptionFixture.Now;
        private static readonly DateTime Jan15 = new DateTime(2026, 1, 15);

        private static Creation<Customer> CreateUnlessExists(SubscriptionFixture f, CustomerFields fields) =>
            f.Store.Write("New-MspCustomer", s => CustomerOperations.CreateUnlessExists(s, CustomerOperations.Prepare(fields), fields, Now));

        private static Creation<Subscription> AssignUnlessAssigned(SubscriptionFixture f, string plan, DateTime start, int? seats = null, string customer = "Contoso") =>
            f.Store.Write("New-MspSubscription", s => SubscriptionOperations.AssignUnlessAssigned(s, new Assignment
            {
                Customer = CustomerRef.ByName(customer),
                ServicePlan = ServicePlanRef.ByName(plan),
                Seats = seats,
                StartDate = start,
            }, Now, SubscriptionFixture.Today));

        [Fact]
        public void An_existing_customer_is_passed_on_as_it_is_and_what_the_input_would_change_is_named_R13()
        {
            using var f = new SubscriptionFixture();
            var given = TestStore.Fields("CONTOSO");
            given.City = "Portland";
            given.ExternalId = new Dictionary<string, string> { ["Autotask"] = "0815" };

            var skipped = CreateUnlessExists(f, given);

            Assert.True(skipped.Skipped);
            Assert.Equal(f.Customer.CustomerId, skipped.Value.CustomerId);
            Assert.Equal("Contoso", skipped.Value.Name);
            Assert.Equal("City: 'Seattle' -> 'Portland'; ExternalId: '' -> 'Autotask=0815'", skipped.Differences);
            var stored = f.Store.Read(s => s.FindCustomerByName("Contoso"));
            Assert.Equal("Seattle", stored.City);
            Assert.Empty(stored.ExternalId);
            Assert.Equal(f.Customer.Revision, stored.Revision);
            Assert.Equal(1, f.Store.Read(s => s.Customers.Count()));
        }

        [Fact]
        public void An_existing_customer_the_input_matches_has_no_differences_and_fields_not_given_do_not_count_R13()
        {
            using var f = new SubscriptionFixture();
            f.Store.Write("Set-MspCustomer", s => CustomerOperations.Update(s, CustomerRef.ByName("Contoso"),
                new CustomerFields { Phone = "+1 206 555 0100", Enabled = false }, Now));

            var skipped = CreateUnlessExists(f, TestStore.Fields("Contoso"));

            Assert.True(skipped.Skipped);
            Assert.Equal(string.Empty, skipped.Differences);
            Assert.False(skipped.Value.Enabled);
        }

        [Fact]
        public void A_new_name_is_created_and_a_name_twice_in_one_batch_is_created_once_R13()
        {
            using var f = new SubscriptionFixture();
            var rows = new[] { TestStore.Fields("Fabrikam"), TestStore.Fields("Tailspin"), TestStore.Fields("fabrikam") };
            var results = f.Store.WriteEach("New-MspCustomer", rows, (s, fields) => CustomerOperations.CreateUnlessExists(s, CustomerOperations.Prepare(fields), fields, Now));

            Assert.All(results, r => Assert.True(r.Succeeded));
            Assert.Equal(new[] { false, false, true }, results.Select(r => r.Value.Skipped));
            Assert.Equal(results[0].Value.Value.CustomerId, results[2].Value.Value.CustomerId);
            Assert.Equal(3, f.Store.Read(s => s.Customers.Count()));
            // Without skipping, the same name is refused as before (R10).
            var ex = Assert.Throws<MspException>(() => f.Store.Write("New-MspCustomer", s => CustomerOperations.Create(s, TestStore.Fields("TAILSPIN"), Now)));
            Assert.Equal("CustomerNameTaken", ex.ErrorId);
        }

        [Fact]
        public void A_plan_the_customer_holds_is_not_assigned_again_and_its_seats_stay_R13()
        {
            using var f = new SubscriptionFixture();
            f.Plan("Monthly", "WFBSS", initial: 12, renewal: 1);
            var first = f.Assign("Monthly", Jan15, seats: 10);

            var again = AssignUnlessAssigned(f, "Monthly", new DateTime(2026, 11, 23), seats: 25);

            Assert.True(again.Skipped);
            Assert.Equal(first.SubscriptionId, again.Value.SubscriptionId);
            Assert.Equal("Contoso", again.Value.Customer);
            Assert.Equal("WFBSS: 10 seats -> 25", again.Differences);
            Assert.Equal(1, f.Store.Read(s => s.Subscriptions.Count()));
            Assert.Equal(10, f.Licenses(first).Single().Seats);
            // The same seats, or none given: nothing differs.
            Assert.Equal(string.Empty, AssignUnlessAssigned(f, "Monthly", Jan15, seats: 10).Differences);
            Assert.Equal(string.Empty, AssignUnlessAssigned(f, "Monthly", Jan15).Differences);
        }

        [Fact]
        public void A_plan_not_held_is_assigned_and_seats_given_are_checked_even_when_skipping_R13()
        {
            using var f = new SubscriptionFixture();
            f.Plan("Monthly", "WFBSS", initial: 12, renewal: 1);
            var created = AssignUnlessAssigned(f, "Monthly", Jan15, seats: 10);
            Assert.False(created.Skipped);
            Assert.Single(f.Licenses(created.Value));

            var ex = Assert.Throws<MspException>(() => AssignUnlessAssigned(f, "Monthly", Jan15, seats: 0));
            Assert.Equal("InvalidValue", ex.ErrorId);
            Assert.Contains("Seats", ex.Message);
        }

        [Fact]
        public void A_subscription_of_the_plan_that_ended_does_not_count_R13()
        {
            using var f = new SubscriptionFixture();
            f.Plan("Monthly", "WFBSS", initial: 12, renewal: 1);
            var first = f.Assign("Monthly", Jan15);
            f.Store.Write("Stop-MspSubscription", s => SubscriptionOperations.Cancel(s, SubscriptionRef.ById(first.SubscriptionId), new DateTime(2026, 2, 20), Now));

            var again = AssignUnlessAssigned(f, "Monthly", new DateTime(2026, 3, 1));

            Assert.False(again.Skipped);
            Assert.NotEqual(first.SubscriptionId, again.Value.SubscriptionId);
            Assert.Equal(2, f.Store.Read(s => s.Subscriptions.Count()));
        }

        [Fact]
        public void Products_held_through_another_plan_still_need_a_crossgrade_R13()
        {
            using var f = new SubscriptionFixture();
            f.Plan("Monthly", "WFBSS", initial: 12, renewal: 1);
            f.Plan("Yearly", "WFBSS", initial: 12);
            f.Assign("Monthly", Jan15);

            var ex = Assert.Throws<MspException>(() => AssignUnlessAssigned(f, "Yearly", Jan15));

            Assert.Equal("CrossgradeRequired", ex.ErrorId);
            Assert.Equal(1, f.Store.Read(s => s.Subscriptions.Count()));
        }
    }
}
