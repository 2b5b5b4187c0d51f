using System;
using System.Collections.Generic;
using System.Linq;
using MspLicensing.Store;

namespace MspLicensing.Domain.Tests
{
    /// <summary>A store with a customer and helpers to make plans and subscriptions in it.</summary>
    public sealed class SubscriptionFixture : IDisposable
    {
        public static readonly DateTime Now = new DateTime(2026, 11, 23, 10, 0, 0, DateTimeKind.Utc);

        /// <summary>The day the tests run on, as the cmdlets pass "today" to the operations that show a status.</summary>
        public static readonly DateTime Today = Now.Date;
        private readonly TestStore _files = new TestStore();

        public SubscriptionFixture()
        {
            Store = _files.Open();
            Customer = Store.Write("New-MspCustomer", s => CustomerOperations.Create(s, TestStore.Fields("Contoso"), Now));
        }

        public LiteDbStore Store { get; }
        public Customer Customer { get; }
        public string StorePath => _files.Path_;

        public ServicePlan Plan(string name, string products, int initial = 12, int? renewal = null, PlanVersion version = PlanVersion.Full, int notice = 30, int seats = 5, IDictionary<string, string> dataCenters = null) =>
            Store.Write("New-MspServicePlan", s => ServicePlanOperations.Create(s, new ServicePlanFields
            {
                Name = name,
                Products = products.Split(',').Select(p => p.Trim()).ToList(),
                InitialPeriodMonths = initial,
                AutoRenewalMonths = renewal ?? 0,
                Version = version,
                ExpirationNoticeDays = notice,
                Seats = seats,
                DataCenters = dataCenters,
            }, Now));

        public Subscription Assign(string plan, DateTime start, int? seats = null, IDictionary<string, int> productSeats = null, string customer = "Contoso") =>
            Store.Write("New-MspSubscription", s => SubscriptionOperations.Assign(s, new Assignment
            {
                Customer = CustomerRef.ByName(customer),
                ServicePlan = ServicePlanRef.ByName(plan),
                Seats = seats,
                ProductSeats = productSeats,
                StartDate = start,
            }, Now, Today));

        public List<License> Licenses(Subscription s) =>
            Store.Read(x => LicenseOperations.Find(x, new LicenseQuery { SubscriptionId = s.SubscriptionId, AsOf = new DateTime(2026, 11, 23) })).ToList();

        public Subscription Get(Subscription s, DateTime asOf) =>
            Store.Read(x => SubscriptionOperations.Find(x, new SubscriptionQuery { SubscriptionId = new[] { s.SubscriptionId }, AsOf = asOf })).Single();

        public List<RenewalAction> Renew(DateTime asOf)
        {
            var run = Store.Read(s => RenewalOperations.Due(s, asOf));
            return Store.WriteEach("Invoke-MspRenewal", run.Due, (s, planned) => RenewalOperations.Apply(s, planned, Now))
                .SelectMany(r => r.Value).ToList();
        }

        public void Dispose()
        {
            Store.Dispose();
            _files.Dispose();
        }
    }
}
