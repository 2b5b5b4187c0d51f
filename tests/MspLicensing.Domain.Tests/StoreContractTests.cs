using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using LiteDB;
using MspLicensing.Store;
using MspLicensing.Tests;
using Xunit;

namespace MspLicensing.Domain.Tests
{
    /// <summary>One store of the kind under test, thrown away afterwards.</summary>
    public abstract class StoreKind : IDisposable
    {
        /// <summary>Opens (and at first creates) the store.</summary>
        public abstract IMspStore Open();

        /// <summary>Opens the store with one more schema step (version Schema.Current + 1) that may run only once.</summary>
        public abstract IMspStore OpenWithNextStep();

        /// <summary>Records another schema version in the store, as a newer module would.</summary>
        public abstract void SetSchemaVersion(int version);

        /// <summary>Writes a customer straight into the store, past the rules (its name key as the store keeps it).</summary>
        public abstract void InsertPastTheRules(Customer customer);

        /// <summary>Takes the usage ledgers out of the store and records schema version 9, as a store written before them was.</summary>
        public abstract void AsBeforeLedgers();

        public abstract void Dispose();
    }

    public sealed class LiteDbKind : StoreKind
    {
        private readonly TestStore _t = new TestStore();
        private int _applied;

        public override IMspStore Open() => _t.Open();

        public override IMspStore OpenWithNextStep() => LiteDbStore.Open(_t.Path_, null, Schema.Steps.Concat(new[]
        {
            new SchemaStep(Schema.Current + 1, "test step", db =>
            {
                if (++_applied > 1) throw new InvalidOperationException("the step ran twice");
                db.GetCollection("customers").EnsureIndex("City", "$.City");
            }),
        }).ToList());

        public override void SetSchemaVersion(int version)
        {
            using var db = new LiteDatabase(new ConnectionString { Filename = _t.Path_, Connection = ConnectionType.Shared });
            var meta = db.GetCollection("meta").FindById("schema");
            meta["Version"] = version;
            db.GetCollection("meta").Update(meta);
        }

        public override void InsertPastTheRules(Customer customer)
        {
            using var db = new LiteDatabase(new ConnectionString { Filename = _t.Path_, Connection = ConnectionType.Shared });
            var doc = new BsonDocument { ["_id"] = customer.CustomerId, ["Name"] = customer.Name, ["NameKey"] = customer.Name.Trim().ToUpperInvariant(), ["Revision"] = 1 };
            try
            {
                db.GetCollection("customers").Insert(doc);
            }
            catch (LiteException ex)
            {
                throw new MspException("StoreDuplicateKey", ErrorKind.ResourceExists, ex.Message, null, ex);
            }
        }

        public override void AsBeforeLedgers()
        {
            using var db = new LiteDatabase(new ConnectionString { Filename = _t.Path_, Connection = ConnectionType.Shared });
            db.DropCollection("ledgers");
            db.DropCollection("ledgermonths");
            var meta = db.GetCollection("meta").FindById("schema");
            meta["Version"] = 9;
            db.GetCollection("meta").Update(meta);
        }

        public override void Dispose() => _t.Dispose();
    }

    public sealed class PostgresKind : StoreKind
    {
        private readonly PostgresServer _server;

        public PostgresKind()
        {
            _server = PostgresServer.Require();
            ConnectionString = _server.CreateDatabase();
        }

        public string ConnectionString { get; }

        public override IMspStore Open() => PostgresStore.Open(ConnectionString);

        public override IMspStore OpenWithNextStep() => PostgresStore.Open(ConnectionString, steps: PostgresSchema.Steps.Concat(new[]
        {
            // CREATE INDEX fails when the index exists: the step may run only once.
            new PostgresSchemaStep(Schema.Current + 1, "test step", $"CREATE INDEX customers_city ON {PostgresSchema.Name}.customers ((body->>'City'))"),
        }).ToList());

        public override void SetSchemaVersion(int version) =>
            PostgresServer.Execute(ConnectionString, $"UPDATE {PostgresSchema.Name}.schema_version SET version = {version}");

        public override void InsertPastTheRules(Customer customer)
        {
            try
            {
                PostgresServer.Execute(ConnectionString,
                    $"INSERT INTO {PostgresSchema.Name}.customers (id, revision, body) VALUES ('{customer.CustomerId}', 1, " +
                    $"jsonb_build_object('_id', jsonb_build_object('$guid', '{customer.CustomerId}'), 'Name', '{customer.Name}', 'NameKey', upper(btrim('{customer.Name}')), 'Revision', 1))");
            }
            catch (Npgsql.PostgresException ex) when (ex.SqlState == "23505")
            {
                throw new MspException("StoreDuplicateKey", ErrorKind.ResourceExists, ex.MessageText, null, ex);
            }
        }

        public override void AsBeforeLedgers() =>
            PostgresServer.Execute(ConnectionString, $"DROP TABLE {PostgresSchema.Name}.ledgers; DROP TABLE {PostgresSchema.Name}.ledgermonths; UPDATE {PostgresSchema.Name}.schema_version SET version = 9");

        public override void Dispose() => _server.DropDatabase(ConnectionString);
    }

    /// <summary>The store-level behaviours every store kind has: the same test bodies run against each kind.</summary>
    public abstract class StoreContractTests
    {
        protected static readonly DateTime Now = new DateTime(2026, 11, 23, 10, 0, 0, DateTimeKind.Utc);

        protected abstract StoreKind NewKind();

        protected static CustomerFields WithExternalId(CustomerFields fields, params string[] toolsAndIds)
        {
            fields.ExternalId = new Dictionary<string, string>();
            for (int i = 0; i < toolsAndIds.Length; i += 2) fields.ExternalId[toolsAndIds[i]] = toolsAndIds[i + 1];
            return fields;
        }

        [SkippableFact]
        public void Many_names_find_their_customers_in_a_few_queries_ignoring_case_each_customer_once()
        {
            using var kind = NewKind();
            using var store = kind.Open();
            store.WriteEach("New-MspCustomer", Enumerable.Range(1, 1200).Select(i => "Customer " + i.ToString("D4", System.Globalization.CultureInfo.InvariantCulture)).ToList(),
                (s, name) => CustomerOperations.Create(s, TestStore.Fields(name), Now));

            // More names than one query takes, in other cases, with blanks, repeats and names nobody has.
            var names = Enumerable.Range(1, 1300).Select(i => "CUSTOMER " + i.ToString("D4", System.Globalization.CultureInfo.InvariantCulture))
                .Concat(new[] { " customer 0001 ", "customer 0002", "", "   ", "Nobody" }).ToList();
            var found = store.Read(s => s.FindCustomersByName(names)).Select(c => c.Name).OrderBy(n => n, StringComparer.Ordinal).ToList();

            Assert.Equal(Enumerable.Range(1, 1200).Select(i => "Customer " + i.ToString("D4", System.Globalization.CultureInfo.InvariantCulture)).ToList(), found);
            Assert.Empty(store.Read(s => s.FindCustomersByName(new string[0])));
        }

        [SkippableFact]
        public void Customer_names_are_read_by_id_as_the_transaction_left_them()
        {
            using var kind = NewKind();
            using var store = kind.Open();
            var c = NewCustomers(store, 3);
            Guid added = Guid.Empty;
            var inside = store.Write("Set-MspCustomer", s =>
            {
                CustomerOperations.Update(s, CustomerRef.ById(c[0].CustomerId), new CustomerFields { Name = "Renamed" }, Now);
                s.Customers.Delete(s.Customers.Get(c[1].CustomerId));
                added = CustomerOperations.Create(s, TestStore.Fields("Added"), Now).CustomerId;
                return s.CustomerNames();
            });
            var expected = new Dictionary<Guid, string> { [c[0].CustomerId] = "Renamed", [c[2].CustomerId] = "C02", [added] = "Added" };
            Assert.Equal(expected.OrderBy(p => p.Key), inside.OrderBy(p => p.Key));
            Assert.Equal(expected.OrderBy(p => p.Key), store.Read(s => s.CustomerNames()).OrderBy(p => p.Key));
        }

        /// <summary>Customers C00, C01, … created in one batch.</summary>
        protected static List<Customer> NewCustomers(IMspStore store, int count) =>
            store.WriteEach("New-MspCustomer", Enumerable.Range(0, count).Select(i => "C" + i.ToString("D2")).ToList(),
                (s, name) => CustomerOperations.Create(s, TestStore.Fields(name), Now)).Select(r => r.Value).ToList();

        private static ServicePlan Plan(IMspStore store, string name, string products, int initial, int renewal) =>
            store.Write("New-MspServicePlan", s => ServicePlanOperations.Create(s, new ServicePlanFields
            {
                Name = name,
                Products = products.Split(',').Select(p => p.Trim()).ToList(),
                InitialPeriodMonths = initial,
                AutoRenewalMonths = renewal,
                Seats = 5,
            }, Now));

        private static Subscription Assign(IMspStore store, string customer, string plan, DateTime start, int seats) =>
            store.Write("New-MspSubscription", s => SubscriptionOperations.Assign(s, new Assignment
            {
                Customer = CustomerRef.ByName(customer),
                ServicePlan = ServicePlanRef.ByName(plan),
                Seats = seats,
                StartDate = start,
            }, Now, Now.Date));

        private static void Seats(IMspStore store, Subscription sub, int seats, DateTime date) =>
            store.Write("Set-MspSubscription", s => SubscriptionOperations.Change(s, SubscriptionRef.ById(sub.SubscriptionId), new SubscriptionChanges { Seats = seats, Date = date }, Now, Now.Date));

        private static string Bill(IMspStore store, string month) =>
            string.Join("; ", store.Read(s => UsageOperations.Lines(s, BillingMonth.Parse("Month", month), true))
                .Select(l => l.Customer + " " + l.Product + " " + l.Provisioned + (l.Used.HasValue ? "/" + l.Used : string.Empty)));

        /// <summary>A store of two customers whose licenses met most kinds of change, back-dated ones among them.</summary>
        private static void BillingHistory(IMspStore store)
        {
            store.Write("New-MspCustomer", s => CustomerOperations.Create(s, TestStore.Fields("Contoso"), Now));
            store.Write("New-MspCustomer", s => CustomerOperations.Create(s, TestStore.Fields("Fabrikam"), Now));
            Plan(store, "Monthly", "WFBSS", 1, 1);
            Plan(store, "XDR", "WFXDR", 1, 1);
            Plan(store, "Year", "CAS", 12, 0);
            var monthly = Assign(store, "Contoso", "Monthly", new DateTime(2026, 1, 15), 20);
            var year = Assign(store, "Fabrikam", "Year", new DateTime(2026, 2, 1), 10);
            var fabrikam = Assign(store, "Fabrikam", "Monthly", new DateTime(2026, 1, 1), 8);
            Seats(store, monthly, 35, new DateTime(2026, 3, 10));
            Seats(store, monthly, 22, new DateTime(2026, 3, 20));
            // Back-dated: February changes after March did.
            Seats(store, monthly, 25, new DateTime(2026, 2, 5));
            var code = store.Read(s => s.LicensesOfSubscription(monthly.SubscriptionId)).Single().LicenseId;
            store.Write("Set-MspLicense", s => LicenseOperations.SetUsed(s, code, 18, new DateTime(2026, 3, 25), Now, Now.Date));
            store.Write("Invoke-MspCrossgrade", s => CrossgradeOperations.Invoke(s, new CrossgradeRequest
            {
                Customer = CustomerRef.ByName("Contoso"),
                ServicePlan = ServicePlanRef.ByName("XDR"),
                Date = new DateTime(2026, 4, 15),
            }, Now));
            store.Write("Stop-MspSubscription", s => SubscriptionOperations.Cancel(s, SubscriptionRef.ById(fabrikam.SubscriptionId), new DateTime(2026, 5, 15), Now));
            // A batch with an item that fails: what the others changed is settled, nothing of the failed one.
            var items = new[] { (year, 12, new DateTime(2026, 6, 1)), (fabrikam, 9, new DateTime(2026, 6, 1)), (year, 14, new DateTime(2026, 7, 1)) };
            var results = store.WriteEach("Set-MspSubscription", items, (s, item) =>
                SubscriptionOperations.Change(s, SubscriptionRef.ById(item.Item1.SubscriptionId), new SubscriptionChanges { Seats = item.Item2, Date = item.Item3 }, Now, Now.Date));
            Assert.Null(results[0].Error);
            Assert.NotNull(results[1].Error);
            Assert.Null(results[2].Error);
        }

        private static void AssertTheBillOfTheHistory(IMspStore store)
        {
            Assert.Empty(store.Read(UsageLedgers.Disagreeing));
            Assert.Equal("Contoso WFBSS 20; Fabrikam WFBSS 8", Bill(store, "2026-01"));
            Assert.Equal("Contoso WFBSS 25; Fabrikam CAS 10; Fabrikam WFBSS 8", Bill(store, "2026-02"));
            Assert.Equal("Contoso WFBSS 35/18; Fabrikam CAS 10; Fabrikam WFBSS 8", Bill(store, "2026-03"));
            Assert.Equal("Contoso WFXDR 22; Fabrikam CAS 10; Fabrikam WFBSS 8", Bill(store, "2026-04"));
            Assert.Equal("Contoso WFXDR 22; Fabrikam CAS 10; Fabrikam WFBSS 8", Bill(store, "2026-05"));
            Assert.Equal("Contoso WFXDR 22; Fabrikam CAS 12", Bill(store, "2026-06"));
            Assert.Equal("Contoso WFXDR 22; Fabrikam CAS 14", Bill(store, "2026-07"));
            // The year's plan ends on 2027-02-01 without renewing; the monthly suite renews for ever (R56).
            Assert.Equal("Contoso WFXDR 22; Fabrikam CAS 14", Bill(store, "2027-01"));
            Assert.Equal("Contoso WFXDR 22", Bill(store, "2027-02"));
            Assert.Equal("Contoso WFXDR 22", Bill(store, "2035-12"));
            Assert.Equal("", Bill(store, "2025-12"));
            Assert.Equal(new BillingMonth?(BillingMonth.Parse("Month", "2026-01")), store.Read(UsageLedgers.FirstMonth));
        }

        [SkippableFact]
        public void R52_the_usage_ledgers_follow_every_change_of_the_licenses_and_the_month_reads_them()
        {
            using var kind = NewKind();
            using var store = kind.Open();
            BillingHistory(store);
            AssertTheBillOfTheHistory(store);
            // The months before the open lines are documents of their own; the open lines are the ledger's.
            var ledger = store.Read(s => s.Ledgers.Get(s.FindCustomerByName("Contoso").CustomerId));
            Assert.Equal(202601, ledger.FirstMonth);
            Assert.Equal(202604, ledger.OpenFrom);
            Assert.Equal(3, store.Read(s => s.LedgerMonths.All().Count(m => m.CustomerId == ledger.CustomerId)));
        }

        /// <summary>
        /// Ledgers that bill otherwise, as an edit of the store by other tools leaves them: Contoso's March with other
        /// seats, a month's document of Fabrikam left over in December 2025, and the ledger of a customer no longer
        /// stored. Returns the ids of Contoso and Fabrikam.
        /// </summary>
        private static (Guid Contoso, Guid Fabrikam, Guid Gone) TamperWithTheLedgers(IMspStore store)
        {
            var contoso = store.Read(s => s.FindCustomerByName("Contoso")).CustomerId;
            var fabrikam = store.Read(s => s.FindCustomerByName("Fabrikam")).CustomerId;
            var gone = Guid.NewGuid();
            store.Write("Edit", s =>
            {
                var march = s.LedgerMonths.All().Single(m => m.CustomerId == contoso && m.Month == 202603);
                s.LedgerMonths.Delete(march);
                s.LedgerMonths.Insert(new UsageLedgerMonth { Id = march.Id, CustomerId = contoso, Month = 202603, Lines = march.Lines.Replace("\t35\t", "\t36\t") });
                s.LedgerMonths.Insert(new UsageLedgerMonth { Id = Guid.NewGuid(), CustomerId = fabrikam, Month = 202512, Lines = "WFBSS\t3\t\tMonthly\tWF-0000" });
                s.Ledgers.Insert(new UsageLedger { CustomerId = gone, FirstMonth = 202601, OpenFrom = 202601, OpenLines = "WFBSS\t1\t\tMonthly\tWF-0001", Months = string.Empty, Subscriptions = string.Empty });
                return 0;
            });
            return (contoso, fabrikam, gone);
        }

        [SkippableFact]
        public void A_ledger_that_bills_otherwise_is_found_with_its_months_and_a_repair_rewrites_it_alone_with_an_audit_entry()
        {
            using var kind = NewKind();
            using var store = kind.Open();
            BillingHistory(store);
            Assert.Empty(store.Read(UsageLedgerCheck.Find));
            string Others() => store.Read(s => string.Join("|", s.Licenses.All().OrderBy(l => l.LicenseId).Select(l => l.LicenseId + ":" + l.Revision))
                                               + string.Join("|", s.Subscriptions.All().OrderBy(x => x.SubscriptionId).Select(x => x.SubscriptionId + ":" + x.Revision)));
            string before = Others();
            var (contoso, fabrikam, gone) = TamperWithTheLedgers(store);

            var found = store.Read(UsageLedgerCheck.Find);
            Assert.Equal(new[] { "Contoso", "Fabrikam", null }, found.Select(d => d.Customer));
            Assert.Equal(new[] { contoso, fabrikam, gone }, found.Select(d => d.CustomerId));
            Assert.Equal(new[] { "2026-03" }, found[0].Months);
            Assert.False(found[0].AndLater);
            Assert.Equal(new[] { "2025-12" }, found[1].Months);
            // The ledger of no one bills from January 2026 on, every month after it as well.
            Assert.Equal(new[] { "2026-01" }, found[2].Months);
            Assert.True(found[2].AndLater);
            Assert.Equal(found.Select(d => d.CustomerId), store.Read(UsageLedgers.Disagreeing));
            Assert.Equal("The usage ledgers of 3 customers bill otherwise than their licenses and subscriptions: 'Contoso' in 2026-03; 'Fabrikam' in 2025-12; "
                + $"a customer no longer stored ({gone}) in 2026-01 and every month after; Repair-MspStore rewrites them from them.", UsageLedgerCheck.Describe(found));

            var repaired = store.Write("Repair-MspStore", s => UsageLedgerCheck.Repair(s, found));
            Assert.Equal(found.Select(d => d.CustomerId), repaired.Select(d => d.CustomerId));
            Assert.Equal(new[] { "2026-03" }, repaired[0].Months);
            Assert.Empty(store.Read(UsageLedgerCheck.Find));
            AssertTheBillOfTheHistory(store);
            Assert.Null(store.Read(s => s.Ledgers.Get(gone)));
            // Only the ledgers changed; each rewrite is in the log with the months it billed otherwise.
            Assert.Equal(before, Others());
            var entries = store.Read(s => s.AuditLog(new AuditQuery { TargetType = UsageLedgerCheck.TargetType }).ToList());
            Assert.Equal(3, entries.Count);
            Assert.All(entries, e => Assert.Equal("Repair", e.Action));
            Assert.Contains(entries, e => e.CustomerId == contoso && e.Summary.EndsWith("months it billed otherwise: 2026-03", StringComparison.Ordinal));
            // A repair of what the check found before, now that every ledger agrees, rewrites nothing.
            Assert.Empty(store.Write("Repair-MspStore", s => UsageLedgerCheck.Repair(s, found)));
            Assert.Equal(3, store.Read(s => s.AuditLog(new AuditQuery { TargetType = UsageLedgerCheck.TargetType }).Count()));
        }

        [SkippableFact]
        public void A_ledger_whose_record_alone_differs_is_found_with_no_month_and_rewritten()
        {
            using var kind = NewKind();
            using var store = kind.Open();
            BillingHistory(store);
            var fabrikam = store.Read(s => s.FindCustomerByName("Fabrikam")).CustomerId;
            store.Write("Edit", s =>
            {
                var ledger = s.Ledgers.Get(fabrikam);
                ledger.Subscriptions = string.Empty;
                s.Ledgers.Update(ledger);
                return 0;
            });
            var found = store.Read(UsageLedgerCheck.Find);
            Assert.Equal("Fabrikam", found.Single().Customer);
            Assert.Empty(found.Single().Months);
            Assert.Equal("The usage ledger of 'Fabrikam' bills otherwise than its licenses and subscriptions (its record only; every month bills right); Repair-MspStore rewrites it from them.",
                UsageLedgerCheck.Describe(found));
            Assert.Empty(store.Write("Repair-MspStore", s => UsageLedgerCheck.Repair(s, found)).Single().Months);
            Assert.Empty(store.Read(UsageLedgerCheck.Find));
            AssertTheBillOfTheHistory(store);
        }

        [SkippableFact]
        public void R56_a_renewal_run_writes_no_ledger_as_renewing_subscriptions_bill_every_month_already()
        {
            using var kind = NewKind();
            using var store = kind.Open();
            BillingHistory(store);
            string Ledgers() => store.Read(s => string.Join("|", s.Ledgers.All().OrderBy(l => l.CustomerId).Select(l => l.CustomerId + ":" + l.Revision))
                                                + string.Join("|", s.LedgerMonths.All().OrderBy(m => m.Id).Select(m => m.Id + ":" + m.Revision)));
            string before = Ledgers();
            var run = store.Read(s => RenewalOperations.Due(s, new DateTime(2026, 11, 30)));
            Assert.NotEmpty(run.Due);
            var renewed = store.WriteEach("Invoke-MspRenewal", run.Due, (s, planned) => RenewalOperations.Apply(s, planned, Now));
            Assert.All(renewed, r => Assert.Null(r.Error));
            Assert.Equal(before, Ledgers());
            AssertTheBillOfTheHistory(store);
        }

        [SkippableFact]
        public void A_store_written_before_the_usage_ledgers_gets_them_when_it_is_opened_and_bills_as_before()
        {
            using var kind = NewKind();
            using (var store = kind.Open()) BillingHistory(store);
            kind.AsBeforeLedgers();
            using (var store = kind.Open())
            {
                Assert.Equal(Schema.Current, store.GetInfo().SchemaVersion);
                AssertTheBillOfTheHistory(store);
            }
        }

        [SkippableFact]
        public void Piped_customers_find_their_licenses_in_a_few_reads_each_as_a_query_of_its_own_would()
        {
            using var kind = NewKind();
            using var store = kind.Open();
            BillingHistory(store);
            var contoso = store.Read(s => s.FindCustomerByName("Contoso"));
            var fabrikam = store.Read(s => s.FindCustomerByName("Fabrikam"));
            var queries = new[]
            {
                new LicenseQuery { Customer = CustomerRef.ById(contoso.CustomerId), AsOf = Now.Date },
                new LicenseQuery { Customer = CustomerRef.ByName(" fabrikam "), AsOf = Now.Date },
                new LicenseQuery { Customer = CustomerRef.ByName("Nobody"), AsOf = Now.Date },
                new LicenseQuery { Customer = CustomerRef.ById(Guid.NewGuid()), AsOf = Now.Date },
                new LicenseQuery { Customer = CustomerRef.ByObject(fabrikam), Product = "CAS", AsOf = Now.Date },
                new LicenseQuery { Customer = CustomerRef.ByName("Contoso"), ActivationCode = "WF-*", AsOf = Now.Date },
                // A pattern the rules refuse is that item's error alone.
                new LicenseQuery { Customer = CustomerRef.ByName("Contoso"), ActivationCode = "WF-[", AsOf = Now.Date },
            };
            // A query's licenses, or its error.
            string Text(Func<Found<License>> read)
            {
                try
                {
                    return string.Join(",", read().Items.Select(l => l.ActivationCode + " " + l.Status + " " + l.Customer));
                }
                catch (MspException error)
                {
                    return error.ErrorId + ": " + error.Message;
                }
            }
            // The queries of a batch read in one session, after the batch's reads together.
            List<string> Batch(IReadOnlyList<LicenseQuery> batch) => store.Read(s =>
            {
                var read = LicenseOperations.GetMany(s, batch);
                return batch.Select(q => Text(() => read(q))).ToList();
            });
            var many = Batch(queries);
            var one = queries.Select(q => Text(() => store.Read(s => LicenseOperations.Get(s, q)))).ToList();
            Assert.Equal(one, many);
            Assert.StartsWith("CustomerNotFound", many[2]);
            Assert.StartsWith("CustomerNotFound", many[3]);
            Assert.StartsWith("InvalidWildcardPattern", many[6]);
            Assert.NotEqual("", many[0]);
            // A customer changed since it was read is refused as stale, as on its own.
            store.Write("Set-MspCustomer", s =>
            {
                var c = s.Customers.Get(fabrikam.CustomerId);
                c.City = "Dublin";
                s.Customers.Update(c);
                return 0;
            });
            var stale = store.Read(s =>
            {
                var read = LicenseOperations.GetMany(s, new[] { queries[0], queries[4] });
                return (First: read(queries[0]), Second: Record.Exception(() => read(queries[4])));
            });
            Assert.NotNull(stale.First);
            Assert.True(Assert.IsType<MspException>(stale.Second).IsStaleObject);
            Assert.Equal(2, store.Read(s => s.CustomersByIds(new[] { contoso.CustomerId, fabrikam.CustomerId, Guid.NewGuid() })).Count);
        }

        /// <summary>
        /// What a batch's lookups of the customers Contoso, Fabrikam and Nobody (and an id nobody has) find: the
        /// customers by id and by name, their subscriptions and licenses, each subscription by id with its licenses,
        /// and the plans by name; one line per lookup, each document with its revision.
        /// </summary>
        private static string Lookups(IStoreSession s, IReadOnlyList<Guid> customerIds, IReadOnlyList<Guid> subscriptionIds)
        {
            string Customer(Customer c) => c == null ? "-" : c.Name + " r" + c.Revision;
            string Subscriptions(IEnumerable<Subscription> list) => string.Join(",", list.OrderBy(x => x.SubscriptionId).Select(x => x.ServicePlan + " " + x.ExpirationDate.ToString("yyyy-MM-dd") + " r" + x.Revision));
            string Licenses(IEnumerable<License> list) => string.Join(",", list.OrderBy(l => l.LicenseId).Select(l => l.ActivationCode + " " + l.CustomerId + " " + l.Seats + " " + l.ExpirationDate.ToString("yyyy-MM-dd") + " r" + l.Revision));
            var lines = new List<string>();
            foreach (var id in customerIds)
                lines.Add($"{Customer(s.Customers.Get(id))} | {Subscriptions(s.SubscriptionsOfCustomer(id))} | {Licenses(s.LicensesOfCustomer(id))}");
            lines.Add($"all: {Subscriptions(s.SubscriptionsOfCustomers(customerIds))} | {Licenses(s.LicensesOfCustomers(customerIds))}");
            foreach (var name in new[] { "contoso", " FABRIKAM ", "Fabrikam Ltd", "Nobody" })
                lines.Add(name + ": " + Customer(s.FindCustomerByName(name)));
            foreach (var id in subscriptionIds)
                lines.Add($"{Subscriptions(new[] { s.Subscriptions.Get(id) }.Where(x => x != null))} | {Licenses(s.LicensesOfSubscription(id))}");
            foreach (var name in new[] { "monthly", "XDR", "None" })
                lines.Add(name + ": " + (s.FindServicePlanByName(name)?.Name ?? "-"));
            return string.Join("\n", lines);
        }

        [SkippableFact]
        public void Every_subscription_comes_with_its_licenses_as_reading_them_all_gives_them()
        {
            using var kind = NewKind();
            using var store = kind.Open();
            BillingHistory(store);
            // A license of no subscription, and one whose subscription is gone, belong to none.
            store.Write("Test", s =>
            {
                var license = s.Licenses.All().First();
                var loose = new License { LicenseId = Guid.NewGuid(), CustomerId = license.CustomerId, Product = "WFBSS", ActivationCode = "WF-LOOSE", StartDate = license.StartDate, ExpirationDate = license.ExpirationDate };
                s.Licenses.Insert(loose);
                var orphan = new License { LicenseId = Guid.NewGuid(), CustomerId = license.CustomerId, SubscriptionId = Guid.NewGuid(), Product = "CAS", ActivationCode = "CA-ORPHAN", StartDate = license.StartDate, ExpirationDate = license.ExpirationDate };
                s.Licenses.Insert(orphan);
                return 0;
            });
            string Text(IEnumerable<KeyValuePair<Subscription, IReadOnlyList<License>>> pairs) => string.Join("\n", pairs.OrderBy(p => p.Key.SubscriptionId).Select(p =>
                $"{p.Key.ServicePlan} {p.Key.ExpirationDate:yyyy-MM-dd}: " + string.Join(", ", p.Value.OrderBy(l => l.ActivationCode, StringComparer.Ordinal).Select(l => $"{l.ActivationCode} {l.ExpirationDate:yyyy-MM-dd} r{l.Revision}"))));

            string read = store.Read(s => Text(s.SubscriptionsWithLicenses().ToList()));

            Assert.Equal(store.Read(s => Text(SessionReads.SubscriptionsWithLicenses(s))), read);
            // A store file reads a large store in transactions of some thousand subscriptions, each going on after the last.
            foreach (int perSnapshot in new[] { 1, 2, 3, 4 })
                if (store.Read(s => s is LiteDbSession file ? Text(file.SubscriptionsWithLicenses(perSnapshot).ToList()) : null) is string inParts)
                    Assert.Equal(read, inParts);
            Assert.Equal(4, read.Split('\n').Length);
            Assert.DoesNotContain("LOOSE", read);
            Assert.DoesNotContain("ORPHAN", read);
        }

        /// <remarks>
        /// With the licenses of the customers read ahead, each subscription finds its licenses among those of its
        /// customer; without, they are read by subscription.
        /// </remarks>
        [SkippableTheory]
        [InlineData(true)]
        [InlineData(false)]
        public void What_a_batch_reads_ahead_is_what_each_lookup_reads_and_follows_the_writes_of_its_items(bool licensesOfCustomers)
        {
            using var kind = NewKind();
            using var store = kind.Open();
            BillingHistory(store);
            Plan(store, "Edge", "CE", 12, 12);
            var contoso = store.Read(s => s.FindCustomerByName("Contoso"));
            var fabrikam = store.Read(s => s.FindCustomerByName("Fabrikam"));
            var customerIds = new[] { contoso.CustomerId, fabrikam.CustomerId, Guid.NewGuid() };
            var subscriptionIds = store.Read(s => s.Subscriptions.All().Select(x => x.SubscriptionId).ToList()).Concat(new[] { Guid.NewGuid() }).ToList();
            var what = new ReadAhead { SubscriptionsOfCustomers = true, LicensesOfCustomers = licensesOfCustomers, LicensesOfSubscriptions = true };
            foreach (var id in customerIds) what.CustomerIds.Add(id);
            foreach (var name in new[] { "Contoso", "fabrikam", "Nobody", "Fabrikam Ltd" }) what.CustomerNames.Add(name);
            foreach (var id in subscriptionIds) what.SubscriptionIds.Add(id);
            foreach (var name in new[] { "Monthly", "xdr", "None" }) what.ServicePlanNames.Add(name);
            string stored = store.Read(s => Lookups(s, customerIds, subscriptionIds));

            var (readAhead, changed) = store.Write("Test", s =>
            {
                s.ReadAhead(what);
                string first = Lookups(s, customerIds, subscriptionIds);
                // What a lookup gives is the caller's own: changing it without writing it changes nothing read later.
                s.LicensesOfCustomer(contoso.CustomerId)[0].CustomerId = Guid.NewGuid();
                s.Subscriptions.Get(subscriptionIds[0]).ExpirationDate = new DateTime(2040, 1, 1);
                s.FindCustomerByName("Contoso").Name = "Changed";
                Assert.Equal(first, Lookups(s, customerIds, subscriptionIds));

                // Writes of every kind read ahead: a license moves to another customer, a subscription goes, a plan is
                // assigned, a customer is renamed and another created under a name that found no one.
                var moved = s.LicensesOfCustomer(contoso.CustomerId).First(l => !l.EndState.HasValue);
                moved.CustomerId = fabrikam.CustomerId;
                s.Licenses.Update(moved);
                var gone = s.SubscriptionsOfCustomer(fabrikam.CustomerId).First(x => x.CancelledOn.HasValue);
                foreach (var license in s.LicensesOfSubscription(gone.SubscriptionId)) s.Licenses.Delete(license);
                s.Subscriptions.Delete(gone);
                var year = s.SubscriptionsOfCustomer(fabrikam.CustomerId).Single(x => x.ServicePlan == "Year");
                s.Subscriptions.Update(year);
                SubscriptionOperations.Assign(s, new Assignment { Customer = CustomerRef.ById(contoso.CustomerId), ServicePlan = ServicePlanRef.ByName("Edge"), Seats = 3, StartDate = new DateTime(2026, 8, 1) }, Now, Now.Date);
                var renamed = s.Customers.Get(fabrikam.CustomerId);
                renamed.Name = "Fabrikam Ltd";
                s.Customers.Update(renamed);
                CustomerOperations.Create(s, TestStore.Fields("Nobody"), Now);
                return (first, Lookups(s, customerIds, subscriptionIds));
            });

            Assert.Equal(stored, readAhead);
            // What the items saw after their writes is what the store holds once they are committed.
            Assert.Equal(store.Read(s => Lookups(s, customerIds, subscriptionIds)), changed);
            Assert.NotEqual(readAhead, changed);
            Assert.Contains("Fabrikam Ltd: Fabrikam Ltd r2", changed);
            Assert.Contains(" FABRIKAM : -", changed);
            Assert.Contains("Nobody: Nobody r1", changed);
        }

        [SkippableFact]
        public void A_batch_that_reads_ahead_runs_each_item_on_what_the_items_before_it_wrote()
        {
            using var kind = NewKind();
            using var store = kind.Open();
            var customers = NewCustomers(store, 4);
            Plan(store, "Monthly", "WFBSS", 1, 1);
            // The second item assigns the plan the first assigned to the same customer (R40); the third fails after it
            // wrote; the last names a customer that does not exist.
            var items = new[]
            {
                (Customer: CustomerRef.ByObject(customers[0]), Seats: 5),
                (Customer: CustomerRef.ByName("c00"), Seats: 6),
                (Customer: CustomerRef.ById(customers[1].CustomerId), Seats: -1),
                (Customer: CustomerRef.ByName("C02"), Seats: 7),
                (Customer: CustomerRef.ById(customers[1].CustomerId), Seats: 8),
                (Customer: CustomerRef.ByName("Nobody"), Seats: 9),
            };
            var results = store.WriteEach("New-MspSubscription", items, (s, item) =>
            {
                var subscription = SubscriptionOperations.Assign(s, new Assignment { Customer = item.Customer, ServicePlan = ServicePlanRef.ByName("monthly"), Seats = Math.Abs(item.Seats), StartDate = Now.Date }, Now, Now.Date);
                if (item.Seats < 0) throw new InvalidOperationException("fails after it wrote");
                return subscription;
            }, readAhead: (s, batch) => SubscriptionOperations.ReadAhead(s, batch.Select(i => new Assignment { Customer = i.Customer, ServicePlan = ServicePlanRef.ByName("Monthly") }).ToList(), skipExisting: false));

            Assert.Equal(new[] { true, false, false, true, true, false }, results.Select(r => r.Succeeded).ToArray());
            Assert.Equal("CrossgradeRequired", Assert.IsType<MspException>(results[1].Error).ErrorId);
            Assert.Equal("CustomerNotFound", Assert.IsType<MspException>(results[5].Error).ErrorId);
            Assert.Equal("C00 5; C01 8; C02 7", store.Read(s => string.Join("; ", s.Licenses.All().Select(l => s.Customers.Get(l.CustomerId).Name + " " + l.Seats).OrderBy(x => x, StringComparer.Ordinal))));

            // Changes of the subscriptions read ahead: the second change of one subscription sees the first. The first
            // names its subscription as read (so by its customer as well), the others by id or by customer.
            var subscriptions = results.Where(r => r.Succeeded).Select(r => r.Value).ToList();
            var targets = new[] { SubscriptionRef.ByObject(subscriptions[0]), SubscriptionRef.ByCustomer(CustomerRef.ByName("C01"), null), SubscriptionRef.ById(subscriptions[0].SubscriptionId), SubscriptionRef.ById(Guid.NewGuid()) };
            var seats = new Queue<int>(new[] { 11, 12, 13, 14 });
            var changes = store.WriteEach("Set-MspSubscription", targets, (s, target) =>
                SubscriptionOperations.Change(s, target, new SubscriptionChanges { Seats = seats.Dequeue(), Date = Now.Date.AddDays(1) }, Now, Now.Date), readAhead: SubscriptionOperations.ReadAhead);
            Assert.Equal(new[] { true, true, true, false }, changes.Select(r => r.Succeeded).ToArray());
            Assert.Equal(new[] { 2, 2, 3 }, changes.Take(3).Select(r => r.Value.Revision).ToArray());
            Assert.Equal("C00 13; C01 12; C02 7", store.Read(s => string.Join("; ", s.Licenses.All().Select(l => s.Customers.Get(l.CustomerId).Name + " " + l.SeatsOn(Now.Date.AddDays(1))).OrderBy(x => x, StringComparer.Ordinal))));
            Assert.Empty(store.Read(UsageLedgers.Disagreeing));
        }

        /// <summary>
        /// A batch longer than a store reads ahead at a time (the store file: <see cref="LiteDbStore.ReadAheadItems"/>)
        /// settles the ledgers of every part, and each item sees what the items before it wrote, in its part or an
        /// earlier one, also after an item that failed part-way sent the batch back to its start.
        /// </summary>
        [SkippableFact]
        public void A_batch_longer_than_one_read_ahead_settles_every_ledger_and_runs_each_item_on_what_the_items_before_it_wrote()
        {
            using var kind = NewKind();
            using var store = kind.Open();
            int count = LiteDbStore.ReadAheadItems + LiteDbStore.ReadAheadItems / 2;
            var customers = NewCustomers(store, count);
            Plan(store, "Monthly", "WFBSS", 1, 1);
            var assigned = store.WriteEach("New-MspSubscription", customers, (s, c) =>
                SubscriptionOperations.Assign(s, new Assignment { Customer = CustomerRef.ByObject(c), ServicePlan = ServicePlanRef.ByName("Monthly"), Seats = 5, StartDate = Now.Date }, Now, Now.Date),
                readAhead: (s, batch) => SubscriptionOperations.ReadAhead(s, batch.Select(c => new Assignment { Customer = CustomerRef.ByObject(c), ServicePlan = ServicePlanRef.ByName("Monthly") }).ToList(), skipExisting: false));
            Assert.All(assigned, r => Assert.True(r.Succeeded, r.Error?.Message));
            var subscriptions = assigned.Select(r => r.Value).ToList();

            // Every subscription to 6 seats; then, past the first part, the first one again by its id (it sees the first
            // change), and one that fails after it wrote.
            var targets = subscriptions.Select(x => (Target: SubscriptionRef.ByObject(x), Seats: 6, Fails: false)).ToList();
            targets.Add((SubscriptionRef.ById(subscriptions[0].SubscriptionId), 7, false));
            targets.Insert(count - 5, (SubscriptionRef.ById(subscriptions[1].SubscriptionId), 9, true));
            var results = store.WriteEach("Set-MspSubscription", targets, (s, item) =>
            {
                var changed = SubscriptionOperations.Change(s, item.Target, new SubscriptionChanges { Seats = item.Seats, Date = Now.Date.AddDays(1) }, Now, Now.Date);
                if (item.Fails) throw new InvalidOperationException("fails after it wrote");
                return changed;
            }, readAhead: (s, batch) => SubscriptionOperations.ReadAhead(s, batch.Select(i => i.Target).ToList()));

            Assert.Equal(Enumerable.Range(0, targets.Count).Select(i => i != count - 5).ToArray(), results.Select(r => r.Succeeded).ToArray());
            Assert.Equal(3, results[targets.Count - 1].Value.Revision);
            var seats = store.Read(s => s.Licenses.All().ToDictionary(l => l.SubscriptionId, l => l.SeatsOn(Now.Date.AddDays(1))));
            Assert.Equal(7, seats[subscriptions[0].SubscriptionId]);
            Assert.All(subscriptions.Skip(1), x => Assert.Equal(6, seats[x.SubscriptionId]));
            Assert.Empty(store.Read(UsageLedgers.Disagreeing));
        }

        [SkippableFact]
        public void Customers_are_found_by_an_external_id_ignoring_case_and_after_a_change_only_by_the_new_one()
        {
            using var kind = NewKind();
            using var store = kind.Open();
            store.Write("New-MspCustomer", s => CustomerOperations.Create(s, WithExternalId(TestStore.Fields("Contoso"), "ConnectWiseManage", "4711", "Autotask", "ab-1"), Now));
            store.Write("New-MspCustomer", s => CustomerOperations.Create(s, WithExternalId(TestStore.Fields("Fabrikam"), "ConnectWiseManage", "4712"), Now));
            store.Write("New-MspCustomer", s => CustomerOperations.Create(s, TestStore.Fields("Northwind"), Now));
            string[] Found(string tool, string id) => store.Read(s => s.FindCustomersByExternalId(tool, id)).Select(c => c.Name).ToArray();

            Assert.Equal(new[] { "Contoso" }, Found("connectwisemanage", "4711"));
            Assert.Equal(new[] { "Contoso" }, Found("AUTOTASK", "AB-1"));
            Assert.Equal(new[] { "Fabrikam" }, Found("ConnectWiseManage", "4712"));
            Assert.Empty(Found("ConnectWiseManage", "471"));
            Assert.Empty(Found("Autotask", "4711"));

            store.Write("Set-MspCustomer", s => CustomerOperations.Update(s, CustomerRef.ByName("Contoso"), WithExternalId(new CustomerFields(), "ConnectWiseManage", "9000"), Now));
            Assert.Empty(Found("ConnectWiseManage", "4711"));
            Assert.Equal(new[] { "Contoso" }, Found("ConnectWiseManage", "9000"));
        }

        [SkippableFact]
        public void External_ids_looked_up_together_each_find_what_they_find_alone()
        {
            using var kind = NewKind();
            using var store = kind.Open();
            store.Write("New-MspCustomer", s => CustomerOperations.Create(s, WithExternalId(TestStore.Fields("Contoso"), "ConnectWiseManage", "4711", "Autotask", "x-9"), Now));
            store.Write("New-MspCustomer", s => CustomerOperations.Create(s, WithExternalId(TestStore.Fields("Fabrikam"), "ConnectWiseManage", "4712", "Autotask", "X-9"), Now));
            store.Write("New-MspCustomer", s => CustomerOperations.Create(s, TestStore.Fields("Northwind"), Now));
            var ids = new[]
            {
                ("connectwisemanage", "4711"), ("Autotask", "X-9"), ("ConnectWiseManage", "4712"), ("ConnectWiseManage", "471"),
                ("Autotask", "4711"), ("CONNECTWISEMANAGE", "4711"),
            }.Select(p => new KeyValuePair<string, string>(p.Item1, p.Item2)).ToList();
            // More ids than one query of the team store takes: the answers stay in the order asked.
            ids.AddRange(Enumerable.Range(0, 1100).Select(i => new KeyValuePair<string, string>("Autotask", "none-" + i)));
            ids.Add(new KeyValuePair<string, string>("ConnectWiseManage", "4712"));

            var (together, alone) = store.Read(s => (s.CustomerIdsByExternalIds(ids),
                ids.Select(id => s.FindCustomersByExternalId(id.Key, id.Value).Select(c => c.CustomerId).OrderBy(g => g).ToList()).ToList()));

            Assert.Equal(ids.Count, together.Count);
            Assert.Equal(alone, together.Select(found => found.OrderBy(g => g).ToList()).ToList());
            var names = store.Read(s => s.CustomerNames());
            Assert.Equal(new[] { "Contoso", "Fabrikam" }, together[1].Select(g => names[g]).OrderBy(n => n));
            Assert.Equal(new[] { "Contoso" }, together[5].Select(g => names[g]));
            Assert.Empty(together[3]);
            Assert.Equal(new[] { "Fabrikam" }, together[ids.Count - 1].Select(g => names[g]));
            Assert.Empty(store.Read(s => s.CustomerIdsByExternalIds(new KeyValuePair<string, string>[0])));
        }

        [SkippableFact]
        public void A_new_store_has_the_current_schema_and_nothing_in_it()
        {
            using var kind = NewKind();
            using var store = kind.Open();
            var info = store.GetInfo();
            Assert.Equal(Schema.Current, info.SchemaVersion);
            Assert.Equal(0, info.Customers);
            Assert.Equal(0, info.AuditEntries);
            Assert.Equal(store.Path, info.Path);
        }

        [SkippableFact]
        public void A_store_of_a_newer_schema_is_refused_and_left_untouched()
        {
            using var kind = NewKind();
            using (var store = kind.Open())
                store.Write("New-MspCustomer", s => CustomerOperations.Create(s, TestStore.Fields("Contoso"), Now));
            kind.SetSchemaVersion(Schema.Current + 1);
            var ex = Assert.Throws<MspException>(() => kind.Open());
            Assert.Equal("StoreSchemaTooNew", ex.ErrorId);
            Assert.Contains($"schema version {Schema.Current + 1}", ex.Message);
            kind.SetSchemaVersion(Schema.Current);
            using (var store = kind.Open())
                Assert.Equal(1, store.GetInfo().Customers);
        }

        [SkippableFact]
        public void An_older_store_is_upgraded_by_the_missing_steps_once()
        {
            using var kind = NewKind();
            using (var store = kind.Open())
                store.Write("New-MspCustomer", s => CustomerOperations.Create(s, TestStore.Fields("Contoso"), Now));
            using (var store = kind.OpenWithNextStep())
            {
                Assert.Equal(Schema.Current + 1, store.GetInfo().SchemaVersion);
                Assert.Equal(1, store.GetInfo().Customers);
            }
            using (var again = kind.OpenWithNextStep())
                Assert.Equal(Schema.Current + 1, again.GetInfo().SchemaVersion);
            // The module of today refuses the upgraded store rather than misreading it.
            Assert.Equal("StoreSchemaTooNew", Assert.Throws<MspException>(() => kind.Open()).ErrorId);
        }

        [SkippableFact]
        public void A_failed_write_leaves_the_store_as_it_was_audit_included()
        {
            using var kind = NewKind();
            using var store = kind.Open();
            Assert.Throws<InvalidOperationException>(() => store.Write<int>("Test", s =>
            {
                CustomerOperations.Create(s, TestStore.Fields("Contoso"), Now);
                throw new InvalidOperationException("fails after writing");
            }));
            Assert.Equal(0, store.Read(s => s.Customers.Count()));
            Assert.Empty(store.Read(s => s.AuditLog(new AuditQuery()).ToList()));
        }

        [SkippableFact]
        public void A_change_and_its_audit_entry_land_in_one_transaction()
        {
            using var kind = NewKind();
            using var store = kind.Open();
            var c = store.Write("New-MspCustomer", s => CustomerOperations.Create(s, TestStore.Fields("Contoso"), Now));
            var entry = Assert.Single(store.Read(s => s.AuditLog(new AuditQuery { CustomerId = c.CustomerId }).ToList()));
            Assert.Equal("New-MspCustomer", entry.Command);
            Assert.Equal("Contoso", entry.Customer);
            Assert.Equal(c.CustomerId.ToString(), entry.TargetId);
            Assert.InRange(entry.TimeUtc, DateTime.UtcNow.AddMinutes(-5), DateTime.UtcNow.AddMinutes(1));
            Assert.Single(store.Read(s => s.AuditLog(new AuditQuery { TargetId = c.CustomerId.ToString(), Command = "New-*" }).ToList()));
        }

        [SkippableFact]
        public void WriteEach_keeps_each_item_whole_and_lands_the_good_ones()
        {
            using var kind = NewKind();
            using var store = kind.Open();
            var names = new[] { "A", "B", "a", "C", "FAIL", "D" };
            var results = store.WriteEach("New-MspCustomer", names, (s, name) =>
            {
                var c = CustomerOperations.Create(s, TestStore.Fields(name), Now);
                if (name == "FAIL") throw new InvalidOperationException("fails after its customer was written");
                return c;
            });
            Assert.Equal(new[] { true, true, false, true, false, true }, results.Select(r => r.Succeeded).ToArray());
            Assert.Equal("CustomerNameTaken", ((MspException)results[2].Error).ErrorId);
            Assert.Equal(new[] { "A", "B", "C", "D" }, store.Read(s => s.Customers.All().Select(c => c.Name).OrderBy(n => n).ToArray()));
            Assert.Equal(4, store.Read(s => s.AuditLog(new AuditQuery()).Count()));
        }

        [SkippableFact]
        public void WriteEach_runs_each_item_at_most_twice_however_many_fail()
        {
            using var kind = NewKind();
            using var store = kind.Open();
            // Every tenth item fails: a rerun of the whole batch after each would run the first items ten times.
            var names = Enumerable.Range(0, 100).Select(i => i % 10 == 9 ? "FAIL" + i : "C" + i).ToArray();
            var runs = new Dictionary<string, int>();
            var results = store.WriteEach("New-MspCustomer", names, (s, name) =>
            {
                runs[name] = runs.TryGetValue(name, out int n) ? n + 1 : 1;
                var c = CustomerOperations.Create(s, TestStore.Fields(name), Now);
                if (name.StartsWith("FAIL")) throw new InvalidOperationException("fails after its customer was written");
                return c;
            });
            Assert.Equal(90, results.Count(r => r.Succeeded));
            Assert.All(runs.Values, n => Assert.InRange(n, 1, 2));
            Assert.Equal(names.Where(n => n.StartsWith("C")).OrderBy(n => n, StringComparer.Ordinal),
                store.Read(s => s.Customers.All().Select(c => c.Name).OrderBy(n => n, StringComparer.Ordinal).ToArray()));
            Assert.Equal(90, store.Read(s => s.AuditLog(new AuditQuery()).Count()));
        }

        [SkippableFact]
        public void WriteEach_runs_each_item_once_when_the_failing_ones_changed_nothing()
        {
            using var kind = NewKind();
            using var store = kind.Open();
            store.WriteEach("New-MspCustomer", Enumerable.Range(0, 50).Select(i => "C" + (i * 2)).ToArray(), (s, name) => CustomerOperations.Create(s, TestStore.Fields(name), Now));
            var names = Enumerable.Range(0, 100).Select(i => "C" + i).ToArray();
            var runs = new Dictionary<string, int>();
            var results = store.WriteEach("New-MspCustomer", names, (s, name) =>
            {
                runs[name] = runs.TryGetValue(name, out int n) ? n + 1 : 1;
                return CustomerOperations.Create(s, TestStore.Fields(name), Now);
            });
            Assert.Equal(50, results.Count(r => r.Succeeded));
            Assert.All(results.Where((r, i) => i % 2 == 0), r => Assert.Equal("CustomerNameTaken", ((MspException)r.Error).ErrorId));
            Assert.All(runs.Values, n => Assert.Equal(1, n));
            Assert.Equal(100, store.Read(s => s.Customers.Count()));
            Assert.Equal(100, store.Read(s => s.AuditLog(new AuditQuery()).Count()));
        }

        [SkippableFact]
        public void WriteEach_refuses_a_duplicate_only_the_store_sees_on_its_own_item_and_lands_the_others_whole()
        {
            using var kind = NewKind();
            using var store = kind.Open();
            store.Write("New-MspCustomer", s => CustomerOperations.Create(s, TestStore.Fields("Taken"), Now));
            // Each item writes a customer, its outbox item and its audit entry; two of them (one in the middle, one
            // last) also write a customer past the rules whose name only the store's unique index refuses.
            var names = new[] { "A", "B", "DUP1", "C", "D", "DUP2" };
            var runs = new Dictionary<string, int>();
            var results = store.WriteEach("New-MspCustomer", names, (s, name) =>
            {
                runs[name] = runs.TryGetValue(name, out int n) ? n + 1 : 1;
                var c = CustomerOperations.Create(s, TestStore.Fields(name), Now);
                if (name.StartsWith("DUP")) s.Customers.Insert(new Customer { CustomerId = Guid.NewGuid(), Name = " taken " });
                return c;
            });
            Assert.Equal(new[] { true, true, false, true, true, false }, results.Select(r => r.Succeeded).ToArray());
            Assert.Equal("StoreDuplicateKey", ((MspException)results[2].Error).ErrorId);
            Assert.Equal("StoreDuplicateKey", ((MspException)results[5].Error).ErrorId);
            Assert.All(runs.Values, n => Assert.InRange(n, 1, 2));
            var expected = new[] { "A", "B", "C", "D", "Taken" };
            Assert.Equal(expected, store.Read(s => s.Customers.All().Select(c => c.Name).OrderBy(n => n, StringComparer.Ordinal).ToArray()));
            Assert.Equal(expected.Length, store.Read(s => s.Outbox.Count()));
            var audit = store.Read(s => s.AuditLog(new AuditQuery()).ToList());
            Assert.Equal(expected, audit.Select(e => e.Target).OrderBy(n => n, StringComparer.Ordinal).ToArray());
        }

        [SkippableFact]
        public void WriteEach_refuses_a_stale_write_on_its_own_item_and_lands_the_others()
        {
            using var kind = NewKind();
            using var store = kind.Open();
            var created = store.WriteEach("New-MspCustomer", new[] { "A", "B", "C", "D" }, (s, name) => CustomerOperations.Create(s, TestStore.Fields(name), Now))
                .Select(r => r.Value).ToList();
            foreach (var changed in new[] { created[1], created[2] })
            {
                store.Write("Set-MspCustomer", s =>
                {
                    var theirs = s.Customers.Get(changed.CustomerId);
                    theirs.Notes = "theirs";
                    s.Customers.Update(theirs);
                    return 0;
                });
            }
            // Each item writes a customer as it was read at revision 1 (B and C were changed since) and its audit entry;
            // B reads the store again after its write, C does not.
            var results = store.WriteEach("Set-MspCustomer", created, (s, c) =>
            {
                var mine = s.Customers.Get(c.CustomerId);
                mine.Revision = 1;
                mine.Notes = "mine";
                s.Customers.Update(mine);
                s.Audit("Update", "Customer", mine.CustomerId.ToString(), mine.Name, "Notes", mine.CustomerId);
                if (mine.Name == "B") s.Customers.Count();
                return mine;
            });
            Assert.Equal(new[] { true, false, false, true }, results.Select(r => r.Succeeded).ToArray());
            Assert.Equal("StaleObject", ((MspException)results[1].Error).ErrorId);
            Assert.Equal("StaleObject", ((MspException)results[2].Error).ErrorId);
            Assert.Contains("read at revision 1, now revision 2", results[2].Error.Message);
            Assert.Equal(new[] { "mine", "theirs", "theirs", "mine" }, store.Read(s => created.Select(c => s.Customers.Get(c.CustomerId).Notes).ToArray()));
            Assert.Equal(new[] { "A", "D" }, store.Read(s => s.AuditLog(new AuditQuery { Command = "Set-*" }).Select(e => e.Target).OrderBy(n => n, StringComparer.Ordinal).ToArray()));
        }

        [SkippableFact]
        public void WriteEach_of_items_that_only_write_refuses_a_stale_one_in_the_middle_and_lands_the_others()
        {
            using var kind = NewKind();
            using var store = kind.Open();
            var created = NewCustomers(store, 30);
            var names = created.Select(c => c.Name).ToArray();
            store.Write("Set-MspCustomer", s =>
            {
                var theirs = s.Customers.Get(created[17].CustomerId);
                theirs.Notes = "theirs";
                s.Customers.Update(theirs);
                return 0;
            });
            // As a renewal run writes what it planned: no reads, each item a write of what was read at revision 1 and its audit entry.
            var runs = new Dictionary<string, int>();
            var results = store.WriteEach("Invoke-MspRenewal", created, (s, c) =>
            {
                runs[c.Name] = runs.TryGetValue(c.Name, out int n) ? n + 1 : 1;
                s.Customers.Update(new Customer { CustomerId = c.CustomerId, Name = c.Name, Notes = "renewed", Revision = 1 });
                s.Audit("Renew", "Customer", c.CustomerId.ToString(), c.Name, "renewed", c.CustomerId);
                return c.Name;
            });
            Assert.Equal(Enumerable.Range(0, 30).Select(i => i != 17).ToArray(), results.Select(r => r.Succeeded).ToArray());
            Assert.Equal("StaleObject", ((MspException)results[17].Error).ErrorId);
            Assert.All(runs.Values, n => Assert.InRange(n, 1, 2));
            Assert.Equal(Enumerable.Range(0, 30).Select(i => i == 17 ? "theirs" : "renewed").ToArray(),
                store.Read(s => created.Select(c => s.Customers.Get(c.CustomerId).Notes).ToArray()));
            Assert.Equal(names.Where((n, i) => i != 17).ToArray(),
                store.Read(s => s.AuditLog(new AuditQuery { Command = "Invoke-*" }).Select(e => e.Target).OrderBy(n => n, StringComparer.Ordinal).ToArray()));
        }

        [SkippableFact]
        public void WriteEach_of_items_that_only_write_two_kinds_of_document_lands_each_item_whole_when_one_is_stale()
        {
            using var kind = NewKind();
            using var store = kind.Open();
            var customers = NewCustomers(store, 30);
            var plans = customers.Select(c => Plan(store, "Plan " + c.Name, "WFBSS", 1, 1)).ToList();
            store.Write("Set-MspServicePlan", s =>
            {
                var theirs = s.ServicePlans.Get(plans[17].ServicePlanId);
                theirs.Description = "theirs";
                s.ServicePlans.Update(theirs);
                return 0;
            });
            // Each item writes a customer and then a plan, both as read at revision 1; item 17's plan was changed since.
            var results = store.WriteEach("Invoke-MspRenewal", Enumerable.Range(0, 30).ToList(), (s, i) =>
            {
                s.Customers.Update(new Customer { CustomerId = customers[i].CustomerId, Name = customers[i].Name, Notes = "renewed", Revision = 1 });
                var p = plans[i];
                s.ServicePlans.Update(new ServicePlan
                {
                    ServicePlanId = p.ServicePlanId, Name = p.Name, Products = p.Products, InitialPeriodMonths = p.InitialPeriodMonths,
                    AutoRenewalMonths = p.AutoRenewalMonths, Seats = p.Seats, Description = "renewed", Revision = 1,
                });
                s.Audit("Renew", "Customer", customers[i].CustomerId.ToString(), customers[i].Name, "renewed", customers[i].CustomerId);
                return i;
            });
            Assert.Equal(Enumerable.Range(0, 30).Select(i => i != 17).ToArray(), results.Select(r => r.Succeeded).ToArray());
            Assert.Equal("StaleObject", ((MspException)results[17].Error).ErrorId);
            Assert.Equal(Enumerable.Range(0, 30).Select(i => i == 17 ? null : "renewed").ToArray(),
                store.Read(s => customers.Select(c => s.Customers.Get(c.CustomerId).Notes).ToArray()));
            Assert.Equal(Enumerable.Range(0, 30).Select(i => i == 17 ? "theirs" : "renewed").ToArray(),
                store.Read(s => plans.Select(p => s.ServicePlans.Get(p.ServicePlanId).Description).ToArray()));
            Assert.Equal(29, store.Read(s => s.AuditLog(new AuditQuery { Command = "Invoke-*" }).Count()));
        }

        [SkippableFact]
        public void WriteEach_of_items_that_only_write_lands_each_change_of_a_document_that_several_items_write()
        {
            using var kind = NewKind();
            using var store = kind.Open();
            var created = NewCustomers(store, 10);
            // Items 0-9 write each customer at revision 1, items 10-19 the same customers at revision 2.
            var results = store.WriteEach("Set-MspCustomer", Enumerable.Range(0, 20).ToList(), (s, i) =>
            {
                var c = created[i % 10];
                s.Customers.Update(new Customer { CustomerId = c.CustomerId, Name = c.Name, Notes = i < 10 ? "first" : "second", Revision = 1 + i / 10 });
                return i;
            });
            Assert.All(results, r => Assert.Null(r.Error));
            Assert.All(store.Read(s => created.Select(c => s.Customers.Get(c.CustomerId)).ToList()), c =>
            {
                Assert.Equal("second", c.Notes);
                Assert.Equal(3, c.Revision);
            });
        }

        [SkippableFact]
        public void WriteEach_goes_on_after_items_that_fail_before_they_touch_the_store()
        {
            using var kind = NewKind();
            using var store = kind.Open();
            var names = new[] { "BAD1", "A", "BAD2", "BAD3", "B" };
            var results = store.WriteEach("New-MspCustomer", names, (s, name) =>
            {
                if (name.StartsWith("BAD")) throw new InvalidOperationException("refused before anything was read or written");
                return CustomerOperations.Create(s, TestStore.Fields(name), Now);
            });
            Assert.Equal(new[] { false, true, false, false, true }, results.Select(r => r.Succeeded).ToArray());
            Assert.Equal(new[] { "A", "B" }, store.Read(s => s.Customers.All().Select(c => c.Name).OrderBy(n => n, StringComparer.Ordinal).ToArray()));
            Assert.Equal(2, store.Read(s => s.AuditLog(new AuditQuery()).Count()));
        }

        [SkippableFact]
        public void A_batch_item_reads_what_the_items_before_it_wrote_and_nothing_of_a_failed_one()
        {
            using var kind = NewKind();
            using var store = kind.Open();
            var results = store.WriteEach("Set-MspAccount", new[] { "First", "Second", "Third" }, (s, name) =>
            {
                string before = s.GetAccount().Name;
                var account = s.GetAccount();
                account.Name = name;
                s.SaveAccount(account);
                if (name == "Second") throw new InvalidOperationException("fails after the account was written");
                return before;
            });
            Assert.Equal(new[] { true, false, true }, results.Select(r => r.Succeeded).ToArray());
            Assert.Equal("First", results[2].Value);
            Assert.Equal("Third", store.Read(s => s.GetAccount().Name));
            Assert.Equal(3, store.Read(s => s.GetAccount().Revision));
        }

        [SkippableFact]
        public void A_stale_write_is_refused_and_nothing_is_overwritten()
        {
            using var kind = NewKind();
            using var store = kind.Open();
            var created = store.Write("New-MspCustomer", s => CustomerOperations.Create(s, TestStore.Fields("Contoso"), Now));
            var mine = store.Read(s => s.Customers.Get(created.CustomerId));
            var theirs = store.Read(s => s.Customers.Get(created.CustomerId));
            theirs.Notes = "theirs";
            store.Write("Set-MspCustomer", s => { s.Customers.Update(theirs); return 0; });
            mine.Notes = "mine";
            var ex = Assert.Throws<MspException>(() => store.Write("Set-MspCustomer", s => { s.Customers.Update(mine); return 0; }));
            Assert.Equal("StaleObject", ex.ErrorId);
            Assert.Contains("changed by someone else", ex.Message);
            Assert.Contains("read at revision 1, now revision 2", ex.Message);
            var stored = store.Read(s => s.Customers.Get(created.CustomerId));
            Assert.Equal("theirs", stored.Notes);
            Assert.Equal(2, stored.Revision);
            var delete = Assert.Throws<MspException>(() => store.Write("Remove-MspCustomer", s => { s.Customers.Delete(mine); return 0; }));
            Assert.Equal("StaleObject", delete.ErrorId);
            Assert.Equal(1, store.Read(s => s.Customers.Count()));
        }

        [SkippableFact]
        public void Names_are_unique_whatever_the_case_in_the_store_itself_not_only_by_the_rules()
        {
            using var kind = NewKind();
            using (var store = kind.Open())
                store.Write("New-MspCustomer", s => CustomerOperations.Create(s, TestStore.Fields("Contoso"), Now));
            var ex = Assert.Throws<MspException>(() => kind.InsertPastTheRules(new Customer { CustomerId = Guid.NewGuid(), Name = " CONTOSO " }));
            Assert.Equal("StoreDuplicateKey", ex.ErrorId);
            using (var store = kind.Open())
            {
                Assert.Equal(1, store.GetInfo().Customers);
                // A duplicate written past the rule inside a change is refused by the store, and the change rolled back.
                var dup = Assert.Throws<MspException>(() => store.Write("Test", s =>
                {
                    var c = CustomerOperations.Create(s, TestStore.Fields("Fabrikam"), Now);
                    s.Customers.Insert(new Customer { CustomerId = Guid.NewGuid(), Name = "contoso" });
                    return c;
                }));
                Assert.Equal("StoreDuplicateKey", dup.ErrorId);
                Assert.Equal(1, store.GetInfo().Customers);
                Assert.Equal(1, store.GetInfo().AuditEntries);
            }
        }

        [SkippableFact]
        public void Activation_codes_are_unique_in_the_store_itself_R32()
        {
            using var kind = NewKind();
            using var store = kind.Open();
            NewCustomers(store, 2);
            Plan(store, "Monthly", "WFBSS", 1, 1);
            var first = Assign(store, "C00", "Monthly", Now.Date, 5);
            var taken = store.Read(s => s.LicensesOfSubscription(first.SubscriptionId).Single());
            int audit = store.GetInfo().AuditEntries;
            // A new license drawn with a code that is taken (as a code drawn twice would be) is refused with its change.
            var ex = Assert.Throws<MspException>(() => store.Write("New-MspSubscription", s =>
            {
                var subscription = SubscriptionOperations.Assign(s, new Assignment { Customer = CustomerRef.ByName("C01"), ServicePlan = ServicePlanRef.ByName("Monthly"), Seats = 3, StartDate = Now.Date }, Now, Now.Date);
                var license = s.LicensesOfSubscription(subscription.SubscriptionId).Single();
                s.Licenses.Insert(new License { LicenseId = Guid.NewGuid(), CustomerId = license.CustomerId, SubscriptionId = license.SubscriptionId, Product = license.Product, ActivationCode = taken.ActivationCode, StartDate = license.StartDate, ExpirationDate = license.ExpirationDate });
                return subscription;
            }));
            Assert.Equal("StoreDuplicateKey", ex.ErrorId);
            Assert.Equal(1, store.GetInfo().Licenses);
            Assert.Equal(1, store.GetInfo().Subscriptions);
            Assert.Equal(audit, store.GetInfo().AuditEntries);
        }

        [SkippableFact]
        public void Writers_at_the_same_time_lose_nothing()
        {
            using var kind = NewKind();
            Customer created;
            using (var first = kind.Open())
                created = first.Write("New-MspCustomer", s => CustomerOperations.Create(s, TestStore.Fields("Shared"), Now));
            const int writers = 4, increments = 15;
            Parallel.For(0, writers, new ParallelOptions { MaxDegreeOfParallelism = writers }, w =>
            {
                using var store = kind.Open();
                for (int i = 0; i < increments; i++)
                {
                    store.Write("Set-MspCustomer", s =>
                    {
                        var c = s.Customers.Get(created.CustomerId);
                        c.Notes = (int.Parse(string.IsNullOrEmpty(c.Notes) ? "0" : c.Notes) + 1).ToString();
                        s.Customers.Update(c);
                        s.Audit("Update", "Customer", c.CustomerId.ToString(), c.Name, "Notes +1", c.CustomerId);
                        return 0;
                    });
                    store.Write("New-MspCustomer", s => CustomerOperations.Create(s, TestStore.Fields($"W{w}-{i}"), Now));
                }
            });
            using var check = kind.Open();
            var shared = check.Read(s => s.Customers.Get(created.CustomerId));
            Assert.Equal((writers * increments).ToString(), shared.Notes);
            Assert.Equal(1 + writers * increments, shared.Revision);
            Assert.Equal(1 + writers * increments, check.GetInfo().Customers);
            Assert.Equal(1 + 2 * writers * increments, check.GetInfo().AuditEntries);
        }

        [SkippableFact]
        public void A_backup_is_a_store_file_that_opens_with_everything_in_it()
        {
            using var kind = NewKind();
            using var t = new TestStore();
            using (var store = kind.Open())
            {
                store.Write("New-MspCustomer", s => CustomerOperations.Create(s, TestStore.Fields("Contoso"), Now));
                store.Write("New-MspCustomer", s => CustomerOperations.Create(s, TestStore.Fields("Fabrikam"), Now));
                store.Backup(t.File("backup/copy.db"));
                Assert.Equal("BackupTargetExists", Assert.Throws<MspException>(() => store.Backup(t.File("backup/copy.db"))).ErrorId);
            }
            using var copy = LiteDbStore.Open(t.File("backup/copy.db"));
            var info = copy.GetInfo();
            Assert.Equal(2, info.Customers);
            Assert.Equal(2, info.AuditEntries);
            Assert.NotNull(copy.Read(s => s.FindCustomerByName("CONTOSO")));
            Assert.Throws<MspException>(() => copy.Write("New-MspCustomer", s => CustomerOperations.Create(s, TestStore.Fields("contoso"), Now)));
        }

        [SkippableFact]
        public void Customers_read_back_every_field_they_were_written_with()
        {
            using var kind = NewKind();
            using var store = kind.Open();
            var customer = new Customer
            {
                CustomerId = Guid.NewGuid(), Name = "Contoso Ltd", Country = "DE", City = "Berlin", State = "BE", ContactFirstName = "Ann", ContactLastName = "Lee",
                Email = "ann@contoso.example", Address = "Main St 1", PostalCode = "10115", Phone = "+49 30 1234", TimeZone = "Europe/Berlin", Language = "de",
                Notes = "n", Enabled = false, ExternalId = new ExternalIdMap { ["ConnectWiseManage"] = "4711", ["Autotask"] = "AB-1" },
                Origin = CustomerOrigin.RemoteManager, InLicensingManagementPlatform = false, InRemoteManager = false,
                Templates = new TextList<string> { "WF Default", "CE Branch" }, CreatedUtc = new DateTime(2026, 1, 2, 3, 4, 5), ModifiedUtc = new DateTime(2026, 1, 3, 3, 4, 5),
            };
            store.Write("Test", s => { s.Customers.Insert(customer); return 0; });
            foreach (var read in new[] { store.Read(s => s.Customers.Get(customer.CustomerId)), store.Read(s => s.FindCustomerByName("contoso ltd")), store.Read(s => s.Customers.All().Single()) })
            {
                foreach (var p in typeof(Customer).GetProperties().Where(p => p.CanWrite))
                {
                    var expected = p.GetValue(customer);
                    var actual = p.GetValue(read);
                    // A map in its text form, its keys in order: the team store's jsonb keeps no order of keys.
                    if (expected is ExternalIdMap) Assert.Equal(expected.ToString(), actual.ToString());
                    else if (expected is System.Collections.IEnumerable e && !(expected is string))
                        Assert.Equal(string.Join("|", e.Cast<object>()), string.Join("|", ((System.Collections.IEnumerable)actual).Cast<object>()));
                    else
                        Assert.True(Equals(expected, actual), $"Customer.{p.Name}: {expected} != {actual}");
                }
            }
        }

        [SkippableFact]
        public void Licenses_and_subscriptions_read_back_every_field_they_were_written_with()
        {
            using var kind = NewKind();
            using var store = kind.Open();
            var license = new License
            {
                LicenseId = Guid.NewGuid(), CustomerId = Guid.NewGuid(), SubscriptionId = Guid.NewGuid(), Product = "CAS", Suite = "WFXDR",
                ActivationCode = "CA-AAAA-BBBBB-CCCCC-DDDDD-EEEEE-FFFFF", Description = "d", AuthorizationKey = "AAAAA-BBBBB-CCCCC-DDDDD",
                DataCenter = DataCenter.Europe, StartDate = new DateTime(2026, 1, 2), ExpirationDate = new DateTime(2027, 1, 2),
                LicenseModel = LicenseModel.NonMsp, LicenseType = "PayAsYouGo", EndState = LicenseStatus.Unbundled, EndDate = new DateTime(2026, 5, 6),
                RecordedStatus = LicenseStatus.InGrace,
                SeatHistory = { new SeatChange { Date = new DateTime(2026, 1, 2), Seats = 3 }, new SeatChange { Date = new DateTime(2026, 2, 2), Seats = 4 }, new SeatChange { Date = new DateTime(2026, 2, 9, 13, 45, 30, 123), Seats = 0 } },
                UsedHistory = { new UsedCount { Date = new DateTime(2026, 3, 3), Used = 2 } },
                Placements = { new LicensePlacement { From = new DateTime(2026, 1, 2), SubscriptionId = Guid.NewGuid(), Suite = "WFXDR", LicenseType = "Full" } },
            };
            var subscription = new Subscription
            {
                SubscriptionId = license.SubscriptionId, CustomerId = license.CustomerId, ServicePlanId = Guid.NewGuid(), ServicePlan = "P",
                PlanVersion = PlanVersion.Trial, StartDate = new DateTime(2026, 1, 2), ExpirationDate = new DateTime(2027, 1, 2), RenewalDay = 2,
                InitialPeriodMonths = 12, AutoRenewalMonths = 1, AutoRenewal = true, ExpirationNoticeDays = 14, Renewals = 3,
                SuspendedOn = new DateTime(2026, 2, 1), CancelledOn = new DateTime(2026, 3, 1), DeactivatedOn = new DateTime(2026, 4, 1), ConvertedOn = new DateTime(2026, 5, 1),
                RecordedStatus = SubscriptionStatus.Suspended, CreatedUtc = new DateTime(2026, 1, 2, 3, 4, 5), ModifiedUtc = new DateTime(2026, 1, 3, 3, 4, 5),
            };
            store.Write("Test", s => { s.Subscriptions.Insert(subscription); s.Licenses.Insert(license); return 0; });
            var (l, x) = store.Read(s => (s.Licenses.Get(license.LicenseId), s.Subscriptions.Get(subscription.SubscriptionId)));
            foreach (var p in typeof(License).GetProperties().Where(p => p.CanWrite && p.Name != "Customer" && p.Name != "ServicePlan" && p.Name != "Status"))
            {
                var expected = p.GetValue(license);
                var actual = p.GetValue(l);
                if (expected is System.Collections.IEnumerable e && !(expected is string))
                    Assert.Equal(string.Join("|", e.Cast<object>()), string.Join("|", ((System.Collections.IEnumerable)actual).Cast<object>()));
                else
                    Assert.True(Equals(expected, actual), $"License.{p.Name}: {expected} != {actual}");
            }
            Assert.Equal(license.Placements.Single().SubscriptionId, l.Placements.Single().SubscriptionId);
            // The histories keep each date to the tick (a time of day too) and each count.
            Assert.Equal(license.SeatHistory.Select(c => (c.Date, c.Seats)), l.SeatHistory.Select(c => (c.Date, c.Seats)));
            Assert.Equal(license.UsedHistory.Select(c => (c.Date, c.Used)), l.UsedHistory.Select(c => (c.Date, c.Used)));
            foreach (var p in typeof(Subscription).GetProperties().Where(p => p.CanWrite && p.Name != "Customer" && p.Name != "Status"))
                Assert.True(Equals(p.GetValue(subscription), p.GetValue(x)), $"Subscription.{p.Name}: {p.GetValue(subscription)} != {p.GetValue(x)}");
            Assert.Equal(subscription.SubscriptionId, Assert.Single(store.Read(s => s.SubscriptionsOfCustomer(license.CustomerId))).SubscriptionId);
            Assert.Equal(license.LicenseId, Assert.Single(store.Read(s => s.LicensesOfSubscription(license.SubscriptionId))).LicenseId);
            Assert.Equal(license.LicenseId, store.Read(s => s.FindLicenseByActivationCode(license.ActivationCode)).LicenseId);
            Assert.True(store.Read(s => s.CustomerHoldsProducts(license.CustomerId)));
            Assert.True(store.Read(s => s.ServicePlanInUse(subscription.ServicePlanId)));
        }

        [SkippableFact]
        public void Dates_keep_their_value_whatever_the_time_zone()
        {
            using var kind = NewKind();
            using (var store = kind.Open())
                store.Write("New-MspCustomer", s => CustomerOperations.Create(s, TestStore.Fields("Contoso"), new DateTime(2026, 1, 31, 23, 59, 59, 123, DateTimeKind.Utc)));
            using (var store = kind.Open())
                Assert.Equal(new DateTime(2026, 1, 31, 23, 59, 59, 123), store.Read(s => s.FindCustomerByName("Contoso")).CreatedUtc);
        }

        [SkippableFact]
        public void The_account_and_usage_reports_refuse_stale_writes()
        {
            using var kind = NewKind();
            using var store = kind.Open();
            var account = store.Read(s => s.GetAccount());
            var other = store.Read(s => s.GetAccount());
            other.Name = "Other";
            store.Write("Set-MspAccount", s => { s.SaveAccount(other); return 0; });
            account.Name = "Mine";
            Assert.Equal("StaleObject", Assert.Throws<MspException>(() => store.Write("Set-MspAccount", s => { s.SaveAccount(account); return 0; })).ErrorId);
            Assert.Equal("Other", store.Read(s => s.GetAccount()).Name);

            var report = new UsageReport { Month = "2026-10" };
            store.Write("Test", s => { s.SaveUsageReport(report); return 0; });
            Assert.Equal(1, report.Revision);
            var twice = new UsageReport { Month = "2026-10" };
            Assert.Equal("StaleObject", Assert.Throws<MspException>(() => store.Write("Test", s => { s.SaveUsageReport(twice); return 0; })).ErrorId);
            Assert.Equal(new[] { "2026-10" }, store.Read(s => s.UsageReportMonths()));
            Assert.Equal(1, store.Read(s => s.GetUsageReport("2026-10")).Revision);
        }
    }

    public sealed class LiteDbStoreContractTests : StoreContractTests
    {
        protected override StoreKind NewKind() => new LiteDbKind();

        [Fact]
        public void A_store_of_schema_7_gets_the_keys_of_its_customers_external_ids_and_finds_them_by_the_index()
        {
            using var t = new TestStore();
            using (var old = LiteDbStore.Open(t.Path_, null, Schema.Steps.Take(7).ToList()))
                old.Write("New-MspCustomer", s => CustomerOperations.Create(s, WithExternalId(TestStore.Fields("Contoso"), "ConnectWiseManage", "4711"), Now));
            // As a module of schema 7 wrote it: no keys.
            using (var db = new LiteDatabase(new ConnectionString { Filename = t.Path_, Connection = ConnectionType.Shared }))
            {
                var doc = db.GetCollection("customers").FindAll().Single();
                doc.Remove("ExternalIdKeys");
                db.GetCollection("customers").Update(doc);
            }
            using (var store = t.Open())
            {
                Assert.Equal(Schema.Current, store.GetInfo().SchemaVersion);
                Assert.Equal("Contoso", store.Read(s => s.FindCustomersByExternalId("connectwisemanage", "4711")).Single().Name);
            }
            var health = LiteDbStore.Test(t.Path_);
            Assert.True(health.Healthy, string.Join("; ", health.Problems));
        }

        [Fact]
        public void A_license_written_before_schema_9_with_its_histories_as_arrays_reads_the_same_and_is_written_as_text_when_it_changes()
        {
            using var f = new SubscriptionFixture();
            f.Plan("Basic", "WFBSS", renewal: 1);
            var sub = f.Assign("Basic", new DateTime(2026, 1, 15), seats: 10);
            var id = f.Store.Read(s => s.LicensesOfSubscription(sub.SubscriptionId)).Single().LicenseId;
            // As a module of schema 8 wrote it: arrays of small documents, dates as ticks.
            using (var db = new LiteDatabase(new ConnectionString { Filename = f.StorePath, Connection = ConnectionType.Shared }))
            {
                var doc = db.GetCollection("licenses").FindById(id);
                Assert.Equal("2026-01-15=10", doc["SeatHistory"].AsString);
                doc["SeatHistory"] = new BsonArray(new BsonValue[]
                {
                    new BsonDocument { ["Date"] = new DateTime(2026, 1, 15).Ticks, ["Seats"] = 10 },
                    new BsonDocument { ["Date"] = new DateTime(2026, 1, 20, 9, 30, 0).Ticks, ["Seats"] = 11 },
                });
                doc["UsedHistory"] = new BsonArray(new BsonValue[] { new BsonDocument { ["Date"] = new DateTime(2026, 1, 25).Ticks, ["Used"] = 7 } });
                db.GetCollection("licenses").Update(doc);
            }
            var read = f.Store.Read(s => s.Licenses.Get(id));
            Assert.Equal(new[] { "2026-01-15: 10", "2026-01-20: 11" }, read.SeatHistory.Select(c => c.ToString()));
            Assert.Equal(new DateTime(2026, 1, 20, 9, 30, 0), read.SeatHistory[1].Date);
            Assert.Equal(new[] { "2026-01-25: 7" }, read.UsedHistory.Select(c => c.ToString()));

            f.Store.Write("Set-MspSubscription", s => SubscriptionOperations.Change(s, SubscriptionRef.ById(sub.SubscriptionId), new SubscriptionChanges { Seats = 12, Date = new DateTime(2026, 2, 1) }, Now, SubscriptionFixture.Today));
            using (var db = new LiteDatabase(new ConnectionString { Filename = f.StorePath, Connection = ConnectionType.Shared }))
            {
                var doc = db.GetCollection("licenses").FindById(id);
                Assert.Equal("2026-01-15=10;2026-01-20T09:30:00.0000000=11;2026-02-01=12", doc["SeatHistory"].AsString);
                Assert.Equal("2026-01-25=7", doc["UsedHistory"].AsString);
            }
            Assert.Equal(new[] { 10, 11, 12 }, f.Store.Read(s => s.Licenses.Get(id)).SeatHistory.Select(c => c.Seats));
            var health = LiteDbStore.Test(f.StorePath);
            Assert.True(health.Healthy, string.Join("; ", health.Problems));
        }

        [Fact]
        public void A_month_of_a_ledger_is_deleted_without_reading_it_so_a_missing_one_is_written_again_when_a_change_replaces_it()
        {
            using var f = new SubscriptionFixture();
            f.Plan("Basic", "WFBSS", renewal: 1);
            var sub = f.Assign("Basic", new DateTime(2026, 1, 15), seats: 10);
            void Seats(int seats, DateTime date) => f.Store.Write("Set-MspSubscription", s => SubscriptionOperations.Change(s, SubscriptionRef.ById(sub.SubscriptionId),
                new SubscriptionChanges { Seats = seats, Date = date }, Now, SubscriptionFixture.Today));
            // January and February are months of their own; the open lines start in March.
            Seats(12, new DateTime(2026, 3, 1));
            // February's document is lost (a month's document is written once and deleted when its lines change).
            using (var db = new LiteDatabase(new ConnectionString { Filename = f.StorePath, Connection = ConnectionType.Shared }))
                Assert.Equal(1, db.GetCollection("ledgermonths").DeleteMany("$.Month = 202602"));
            Assert.NotEmpty(f.Store.Read(UsageLedgers.Disagreeing));
            // A back-dated change of February replaces it: the change lands and the ledger agrees again.
            Seats(11, new DateTime(2026, 2, 10));
            Assert.Empty(f.Store.Read(UsageLedgers.Disagreeing));
            Assert.Equal(11, f.Store.Read(s => UsageLedgers.Lines(s, BillingMonth.Parse("Month", "2026-02"), false).ToList()).Single().Provisioned);
        }

        [Fact]
        public void A_store_with_customers_of_no_one_and_two_external_ids_is_healthy()
        {
            using var t = new TestStore();
            using (var store = t.Open())
            {
                store.Write("New-MspCustomer", s => CustomerOperations.Create(s, WithExternalId(TestStore.Fields("Contoso"), "ConnectWiseManage", "4711", "Autotask", "AB-1"), Now));
                store.Write("New-MspCustomer", s => CustomerOperations.Create(s, WithExternalId(TestStore.Fields("Fabrikam"), "Autotask", "AB-2"), Now));
                store.Write("New-MspCustomer", s => CustomerOperations.Create(s, TestStore.Fields("Northwind"), Now));
            }
            var health = LiteDbStore.Test(t.Path_);
            Assert.True(health.Healthy, string.Join("; ", health.Problems));
            // Opening it checks it as Test-MspStore does.
            using var again = LiteDbStore.Open(t.Path_, verify: true);
            Assert.Equal(2, again.Read(s => s.FindCustomersByExternalId("Autotask", "AB-1").Count + s.FindCustomersByExternalId("Autotask", "AB-2").Count));
        }
    }

    public sealed class PostgresStoreContractTests : StoreContractTests
    {
        protected override StoreKind NewKind() => new PostgresKind();

        [Fact]
        public void The_team_store_has_the_schema_versions_of_the_store_file()
        {
            Assert.Equal(Schema.Current, PostgresSchema.Current);
        }

        [SkippableFact]
        public void A_stale_write_names_who_changed_the_document_and_when()
        {
            using var kind = new PostgresKind();
            var clock = new DateTime(2026, 11, 30, 8, 15, 0, DateTimeKind.Utc);
            using var store = PostgresStore.Open(kind.ConnectionString, utcNow: () => clock);
            var created = store.Write("New-MspCustomer", s => CustomerOperations.Create(s, TestStore.Fields("Contoso"), Now));
            var mine = store.Read(s => s.Customers.Get(created.CustomerId));
            clock = clock.AddMinutes(5);
            store.Write("Set-MspCustomer", s =>
            {
                var theirs = s.Customers.Get(created.CustomerId);
                theirs.Notes = "theirs";
                s.Customers.Update(theirs);
                return 0;
            });
            mine.Notes = "mine";
            var ex = Assert.Throws<MspException>(() => store.Write("Set-MspCustomer", s => { s.Customers.Update(mine); return 0; }));
            Assert.Equal("StaleObject", ex.ErrorId);
            Assert.Contains($"(by '{Environment.UserName}", ex.Message);
            Assert.Contains("at 2026-11-30 08:20:00 UTC; read at revision 1, now revision 2", ex.Message);
            Assert.Contains("nothing was written", ex.Message);
            Assert.Equal("theirs", store.Read(s => s.Customers.Get(created.CustomerId)).Notes);
        }

        [SkippableFact]
        public void A_store_file_copied_into_the_team_store_and_back_holds_the_same_documents()
        {
            using var file = new LiteDbKind();
            using var team = new PostgresKind();
            using var t = new TestStore();
            using (var source = file.Open())
            {
                var c = source.Write("New-MspCustomer", s => CustomerOperations.Create(s, TestStore.Fields("Contoso"), Now));
                source.Write("New-MspCustomer", s => CustomerOperations.Create(s, TestStore.Fields("Fabrikam"), Now));
                source.Write("Test", s => { s.SaveUsageReport(new UsageReport { Month = "2026-10" }); s.Audit("Update", "Customer", c.CustomerId.ToString(), "Contoso", "x", c.CustomerId); return 0; });
                using var destination = (ITransferableStore)team.Open();
                var copy = StoreCopy.Run((ITransferableStore)source, destination, replace: false);
                Assert.Equal((2, 3, StoreKinds.PostgreSql), (copy.Customers, copy.AuditEntries, copy.DestinationKind));
                Assert.Equal("StoreNotEmpty", Assert.Throws<MspException>(() => StoreCopy.Run((ITransferableStore)source, destination, replace: false)).ErrorId);
                using var back = LiteDbStore.Open(t.File("back.db"));
                StoreCopy.Run(destination, back, replace: false);
                Assert.Equal(Canonical(((ITransferableStore)source).Export()), Canonical(back.Export()));
            }
        }

        [SkippableFact]
        public void A_batch_that_keeps_meeting_other_changes_is_split_until_its_parts_land_each_item_whole()
        {
            using var kind = new PostgresKind();
            using var store = kind.Open();
            // Another technician's change gets in the way of every transaction that runs more than two items, as short
            // changes of the same rows do to a long renewal batch; without the split the batch would fail as StoreBusy.
            IStoreSession current = null;
            int inTransaction = 0, transactions = 0;
            var names = Enumerable.Range(0, 16).Select(i => "C" + i).ToArray();
            var results = store.WriteEach("New-MspCustomer", names, (s, name) =>
            {
                if (!ReferenceEquals(s, current))
                {
                    current = s;
                    inTransaction = 0;
                    transactions++;
                }
                if (++inTransaction > 2)
                    throw new Npgsql.PostgresException("could not serialize access due to read/write dependencies among transactions", "ERROR", "ERROR", "40001");
                return CustomerOperations.Create(s, TestStore.Fields(name), Now);
            });
            Assert.All(results, r => Assert.True(r.Succeeded, r.Error?.Message));
            Assert.Equal(names, results.Select(r => r.Value.Name).ToArray());
            Assert.Equal(names.OrderBy(n => n, StringComparer.Ordinal), store.Read(s => s.Customers.All().Select(c => c.Name).OrderBy(n => n, StringComparer.Ordinal).ToArray()));
            Assert.Equal(16, store.Read(s => s.AuditLog(new AuditQuery()).Count()));
            // 16 items: three tries of the whole, of each half and of each quarter, then eight pairs that land.
            Assert.Equal(3 + 2 * 3 + 4 * 3 + 8, transactions);
        }

        [SkippableFact]
        public void A_batch_that_only_writes_refuses_a_document_changed_while_it_runs_for_that_item_alone_and_does_not_run_again()
        {
            using var kind = new PostgresKind();
            using var store = kind.Open();
            using var other = kind.Open();
            var created = NewCustomers(store, 30);
            var runs = new int[30];
            var results = store.WriteEach("Invoke-MspRenewal", Enumerable.Range(0, 30).ToList(), (s, i) =>
            {
                runs[i]++;
                // Item 0 only reads, so that the transaction has begun before another technician changes customer 20.
                if (i == 0) return s.Customers.Get(created[0].CustomerId).Name;
                if (i == 5 && runs[i] == 1)
                    other.Write("Set-MspCustomer", o =>
                    {
                        var theirs = o.Customers.Get(created[20].CustomerId);
                        theirs.Notes = "theirs";
                        o.Customers.Update(theirs);
                        return 0;
                    });
                var c = created[i];
                s.Customers.Update(new Customer { CustomerId = c.CustomerId, Name = c.Name, Notes = "renewed", Revision = 1 });
                s.Audit("Renew", "Customer", c.CustomerId.ToString(), c.Name, "renewed", c.CustomerId);
                return c.Name;
            }, writesOnly: true);
            Assert.Equal(Enumerable.Range(0, 30).Select(i => i != 20).ToArray(), results.Select(r => r.Succeeded).ToArray());
            Assert.Equal("StaleObject", ((MspException)results[20].Error).ErrorId);
            // Not run again as a whole, as a serializable batch would be when a row it writes changed after it began:
            // only the items after the refused one, whose writes went with it, run a second time.
            Assert.Equal(Enumerable.Repeat(1, 21), runs.Take(21));
            Assert.Equal(Enumerable.Range(0, 30).Select(i => i == 0 ? null : i == 20 ? "theirs" : "renewed").ToArray(),
                store.Read(s => created.Select(c => s.Customers.Get(c.CustomerId).Notes).ToArray()));
            Assert.Equal(28, store.Read(s => s.AuditLog(new AuditQuery { Command = "Invoke-*" }).Count()));
        }

        [SkippableFact]
        public void A_change_that_waits_longer_than_the_timeout_for_rows_another_change_holds_is_StoreBusy_and_changes_nothing()
        {
            using var kind = new PostgresKind();
            Customer created;
            using (var first = kind.Open())
                created = first.Write("New-MspCustomer", s => CustomerOperations.Create(s, TestStore.Fields("Contoso"), Now));
            using var holder = new Npgsql.NpgsqlConnection(kind.ConnectionString);
            holder.Open();
            using var held = holder.BeginTransaction();
            using (var cmd = new Npgsql.NpgsqlCommand($"SELECT 1 FROM {PostgresSchema.Name}.customers WHERE id = '{created.CustomerId}' FOR UPDATE", holder, held))
                cmd.ExecuteScalar();
            using var store = PostgresStore.Open(kind.ConnectionString, timeout: TimeSpan.FromSeconds(1));
            var watch = System.Diagnostics.Stopwatch.StartNew();
            var ex = Assert.Throws<MspException>(() => store.Write("Set-MspCustomer", s =>
            {
                var c = s.Customers.Get(created.CustomerId);
                c.Notes = "waited";
                s.Customers.Update(c);
                s.Audit("Update", "Customer", c.CustomerId.ToString(), c.Name, "Notes", c.CustomerId);
                return 0;
            }));
            Assert.Equal("StoreBusy", ex.ErrorId);
            Assert.Contains("nothing of this change was stored", ex.Message);
            Assert.InRange(watch.Elapsed.TotalSeconds, 0.9, 20);
            held.Rollback();
            Assert.Null(store.Read(s => s.Customers.Get(created.CustomerId)).Notes);
            Assert.Equal(1, store.GetInfo().AuditEntries);
        }

        [Fact]
        public void Documents_read_from_jsonb_are_the_values_LiteDBs_reader_makes_of_them()
        {
            var customer = new Customer
            {
                CustomerId = Guid.NewGuid(), Name = "Contoso \"Ltd\" \\ Ünïcode \u0001 \n tab\t", Country = "US", Notes = "", Revision = 7,
                CreatedUtc = new DateTime(2026, 1, 2, 3, 4, 5, DateTimeKind.Utc),
            };
            var texts = new List<string>
            {
                Json.Write(Json.ToDocument(customer)),
                Json.Write(Json.ToDocument(new Subscription { SubscriptionId = Guid.NewGuid(), CustomerId = Guid.NewGuid(), ExpirationDate = DateTime.MaxValue })),
                Json.Write(Json.ToDocument(new License { LicenseId = Guid.NewGuid(), ActivationCode = "WF-1234", ExpirationDate = DateTime.MinValue })),
                // As jsonb gives documents back: keys reordered, a space after each colon and comma.
                "{\"a\": 1, \"b\": [1, 2.5, -3, true, false, null, \"t\", [], {}], \"c\": {\"$guid\": \"6f1c1b2e-8f0a-4f43-9b55-0b8d1f6f7a10\"}}",
                "{\"int\": 2147483647, \"long\": 2147483648, \"negative\": -2147483649, \"big\": 9223372036854775808, \"double\": 1.0, \"exp\": 1e5, \"tiny\": -1.5E-7}",
                "{\"zero\": -0.0, \"ticks\": {\"$numberLong\": \"-5\"}, \"money\": {\"$numberDecimal\": \"12.50\"}, \"date\": {\"$date\": \"2026-01-01T00:00:00Z\"}}",
                "{\"s\": \"x\\\"y\\\\z\\u00e9\\n\\/\", \"$odd\": 1}",
                "{\"first\": 1, \"$guid\": \"not first\"}",
                "{\"broken\": [1, 2}",
                "[1, 2]",
            };
            foreach (string text in texts)
            {
                string Outcome(Func<string, BsonValue> read)
                {
                    try { return Sorted(read(text)); }
                    catch (Exception ex) { return ex.GetType().Name; }
                }
                Assert.Equal(Outcome(t => LiteDB.JsonSerializer.Deserialize(t).AsDocument), Outcome(t => Json.Read(t)));
            }
        }

        /// <summary>Every document as text with its fields in one order, by collection: jsonb keeps no field order.</summary>
        private static string Canonical(StoreContent content) =>
            string.Join("\n", StoreContent.Collections.Select(c => c + ":" + string.Join("|",
                content[c].Select(json => Sorted(LiteDB.JsonSerializer.Deserialize(json))).OrderBy(x => x, StringComparer.Ordinal))));

        private static string Sorted(BsonValue value)
        {
            if (value.IsDocument)
                return "{" + string.Join(",", value.AsDocument.Keys.OrderBy(k => k, StringComparer.Ordinal).Select(k => k + ":" + Sorted(value.AsDocument[k]))) + "}";
            if (value.IsArray) return "[" + string.Join(",", value.AsArray.Select(Sorted)) + "]";
            return value.Type + "=" + LiteDB.JsonSerializer.Serialize(value);
        }
    }
}
