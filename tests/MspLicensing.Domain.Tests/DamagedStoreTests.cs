using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Security.Cryptography;
using System.Text;
using LiteDB;
using MspLicensing.Store;
using Xunit;

namespace MspLicensing.Domain.Tests
{
    /// <summary>A store of 400 customers (135 pages, about 1.1 MB), built once for the damaged-file tests.</summary>
    public sealed class DamagedStoreFixture : IDisposable
    {
        public DamagedStoreFixture()
        {
            using var t = new TestStore();
            using (var store = t.Open())
                store.WriteEach("New-MspCustomer", Enumerable.Range(1, Customers).Select(i => "Customer " + i).ToList(),
                    (s, name) => CustomerOperations.Create(s, TestStore.Fields(name), DamagedStoreTests.Now));
            Bytes = File.ReadAllBytes(t.Path_);
        }

        public const int Customers = 400;
        public byte[] Bytes { get; }

        public void Dispose()
        {
        }
    }

    /// <summary>
    /// Store files damaged as a disk, a copy or a person damages them: cut short, a page overwritten, bytes changed.
    /// Each case is a real file; opening and reading must leave it byte for byte as it was.
    /// </summary>
    public class DamagedStoreTests : IClassFixture<DamagedStoreFixture>
    {
        internal static readonly DateTime Now = new DateTime(2026, 11, 23, 10, 0, 0, DateTimeKind.Utc);
        private readonly byte[] _good;

        public DamagedStoreTests(DamagedStoreFixture fixture) => _good = fixture.Bytes;

        /// <summary>The named cases of the damage report: four truncations, a missing last page, a random second page, random bytes mid-file.</summary>
        public static TheoryData<string> Cases() => new TheoryData<string>
        {
            "truncated to 8192", "truncated to 16384", "truncated to 65536", "truncated to 409600",
            "missing its last page", "a random second page", "random bytes mid-file",
        };

        internal static byte[] Damage(byte[] good, string kind)
        {
            if (kind.StartsWith("truncated to ", StringComparison.Ordinal))
                return good.Take(int.Parse(kind.Substring("truncated to ".Length), System.Globalization.CultureInfo.InvariantCulture)).ToArray();
            var bytes = (byte[])good.Clone();
            switch (kind)
            {
                case "missing its last page":
                    return good.Take(good.Length - 8192).ToArray();
                case "a random second page":
                    new Random(7).NextBytes(bytes.AsSpan(8192, 8192));
                    return bytes;
                case "random bytes mid-file":
                    new Random(11).NextBytes(bytes.AsSpan(bytes.AsSpan().IndexOf(Encoding.UTF8.GetBytes("Customer 200\0")), 64));
                    return bytes;
            }
            throw new ArgumentException(kind);
        }

        /// <summary>40 copies with 1 to 8 bytes changed at random places (fixed seed).</summary>
        internal static IEnumerable<byte[]> Fuzzed(byte[] good)
        {
            var random = new Random(2026);
            for (int i = 0; i < 40; i++)
            {
                var bytes = (byte[])good.Clone();
                int flips = 1 + random.Next(8);
                for (int f = 0; f < flips; f++) bytes[random.Next(bytes.Length)] ^= (byte)(1 + random.Next(255));
                yield return bytes;
            }
        }

        private static string Hash(string path) => Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(path)));

        private static T Damaged<T>(Func<T> action) where T : class
        {
            var ex = Assert.Throws<MspException>(() => action());
            Assert.Equal("StoreDamaged", ex.ErrorId);
            return null;
        }

        /// <summary>
        /// A customer renamed in the file by another program: its name changed, the name key its index finds it by not.
        /// The check reports it (it would not be found by its name), opening the store with the check refuses it, and
        /// the file is left as it was; so is an external id key that says otherwise than the customer's ids. A key whose
        /// letters beyond ASCII another runtime upper-cased otherwise is no damage, nor are external id keys in another order.
        /// </summary>
        [Fact]
        public void A_customer_renamed_outside_MspLicensing_is_reported_and_the_file_is_left_as_it_was()
        {
            using var t = new TestStore();
            string path = t.File("renamed.db");
            using (var store = LiteDbStore.Open(path))
            {
                store.Write("New-MspCustomer", s => CustomerOperations.Create(s, TestStore.Fields("Contoso"), Now));
                store.Write("New-MspCustomer", s => CustomerOperations.Create(s, TestStore.Fields("École Été"), Now));
            }
            void Edit(string name, Action<BsonDocument> edit) => EditDocument(path, Schema.CustomerCollection, d => d["Name"].AsString == name, edit);
            // Written by a runtime that left the accented letters as they were; external id keys in another order.
            Edit("École Été", d =>
            {
                d["NameKey"] = "éCOLE éTé";
                d["ExternalId"] = new BsonDocument { ["Autotask"] = "A-1", ["ConnectWiseManage"] = "4711" };
                d["ExternalIdKeys"] = new BsonArray { "CONNECTWISEMANAGE=4711", "AUTOTASK=A-1" };
            });
            Assert.True(LiteDbStore.Test(path).Healthy, string.Join("; ", LiteDbStore.Test(path).Problems));
            Edit("École Été", d => d["ExternalIdKeys"] = new BsonArray { "CONNECTWISEMANAGE=4712", "AUTOTASK=A-1" });
            Assert.Contains(LiteDbStore.Test(path).Problems, p => p.Contains("ExternalIdKeys") && p.Contains("4712"));
            Edit("École Été", d => d["ExternalIdKeys"] = new BsonArray { "AUTOTASK=A-1", "CONNECTWISEMANAGE=4711" });
            Assert.True(LiteDbStore.Test(path).Healthy, string.Join("; ", LiteDbStore.Test(path).Problems));

            Edit("Contoso", d => d["Name"] = "Fabrikam");
            string before = Hash(path);
            var health = LiteDbStore.Test(path);
            Assert.False(health.Healthy);
            Assert.Contains(health.Problems, p => p.Contains("does not read as its kind of object") && p.Contains("NameKey \"CONTOSO\"") && p.Contains("\"FABRIKAM\""));
            Assert.Equal("StoreDamaged", Assert.Throws<MspException>(() => LiteDbStore.Open(path, verify: true)).ErrorId);
            Assert.Equal(before, Hash(path));
        }

        /// <summary>
        /// A license moved in the file by another program into a subscription of another customer, or into one that is
        /// not in the store: a customer's licenses are read by the subscriptions they sit in, so the check reports it,
        /// opening the store with the check refuses it, and the file is left as it was.
        /// </summary>
        [Fact]
        public void A_license_in_a_subscription_of_another_customer_or_of_none_is_reported_and_the_file_is_left_as_it_was()
        {
            using var t = new TestStore();
            string path = t.Path_;
            Guid other, contosos;
            using (var store = t.Open())
            {
                var contoso = store.Write("New-MspCustomer", s => CustomerOperations.Create(s, TestStore.Fields("Contoso"), Now));
                other = store.Write("New-MspCustomer", s => CustomerOperations.Create(s, TestStore.Fields("Fabrikam"), Now)).CustomerId;
                store.Write("New-MspServicePlan", s => ServicePlanOperations.Create(s, new ServicePlanFields
                {
                    Name = "Monthly", Products = new List<string> { "WFBSS" }, InitialPeriodMonths = 1, AutoRenewalMonths = 1,
                }, Now));
                foreach (var (customer, seats) in new[] { ("Contoso", 10), ("Fabrikam", 5) })
                    store.Write("New-MspSubscription", s => SubscriptionOperations.Assign(s, new Assignment
                    {
                        Customer = CustomerRef.ByName(customer), ServicePlan = ServicePlanRef.ByName("Monthly"), Seats = seats, StartDate = new DateTime(2026, 1, 15),
                    }, Now, Now.Date));
                contosos = store.Read(s => s.LicensesOfCustomer(contoso.CustomerId)).Single().LicenseId;
            }
            Assert.True(LiteDbStore.Test(path).Healthy, string.Join("; ", LiteDbStore.Test(path).Problems));
            void Edit(Action<BsonDocument> edit) => EditDocument(path, Schema.LicenseCollection, d => d["_id"].AsGuid == contosos, edit);
            Edit(d => d["CustomerId"] = other);
            string before = Hash(path);
            var health = LiteDbStore.Test(path);
            Assert.False(health.Healthy);
            Assert.Contains(health.Problems, p => p.Contains($"of customer {other} sits in subscription") && p.Contains("of customer"));
            Assert.Equal("StoreDamaged", Assert.Throws<MspException>(() => LiteDbStore.Open(path, verify: true)).ErrorId);
            Assert.Equal(before, Hash(path));

            var nowhere = Guid.NewGuid();
            Edit(d => d["SubscriptionId"] = nowhere);
            Assert.Contains(LiteDbStore.Test(path).Problems, p => p.Contains($"sits in subscription {nowhere}, which is not in the store"));
        }

        /// <summary>Changes one document of a store file as another program would, through LiteDB alone.</summary>
        private static void EditDocument(string path, string collection, Func<BsonDocument, bool> which, Action<BsonDocument> edit)
        {
            using var db = new LiteDatabase(new ConnectionString { Filename = path, Connection = ConnectionType.Shared });
            var col = db.GetCollection(collection);
            var doc = col.FindAll().Single(which);
            edit(doc);
            col.Update(doc);
        }

        [Theory]
        [MemberData(nameof(Cases))]
        public void A_damaged_store_is_refused_with_StoreDamaged_and_left_byte_for_byte_as_it_was(string kind)
        {
            using var t = new TestStore();
            string path = t.File("damaged.db");
            File.WriteAllBytes(path, Damage(_good, kind));
            string before = Hash(path);

            var ex = Assert.Throws<MspException>(() => LiteDbStore.Open(path, verify: true));
            Assert.Equal("StoreDamaged", ex.ErrorId);
            Assert.Equal(ErrorKind.InvalidData, ex.Kind);
            Assert.Contains(path, ex.Message);
            Assert.Contains("Backup-MspStore", ex.Message);
            Assert.Contains("Test-MspStore", ex.Message);
            Assert.Equal(before, Hash(path));

            // The check of every open (without reading every page) refuses the cut and overwritten files too; damage
            // inside a document is met when it is read, and then nothing more is written.
            try
            {
                using var store = LiteDbStore.Open(path);
                Assert.Equal("random bytes mid-file", kind);
                Damaged(() => store.Read(s => s.Customers.All().ToList()));
                Damaged(() => store.Write("New-MspCustomer", s => CustomerOperations.Create(s, TestStore.Fields("New"), Now)));
            }
            catch (MspException refused)
            {
                Assert.Equal("StoreDamaged", refused.ErrorId);
            }
            Assert.Equal(before, Hash(path));

            var health = LiteDbStore.Test(path);
            Assert.False(health.Healthy);
            Assert.NotEmpty(health.Problems);
            Assert.Equal(before, Hash(path));
        }

        [Fact]
        public void A_truncated_store_says_how_many_pages_are_missing()
        {
            using var t = new TestStore();
            string path = t.File("short.db");
            File.WriteAllBytes(path, Damage(_good, "missing its last page"));
            var ex = Assert.Throws<MspException>(() => LiteDbStore.Open(path));
            Assert.Contains("truncated", ex.Message);
            Assert.Contains("1 page of them are missing", ex.Message);
        }

        [Fact]
        public void Fuzzed_copies_are_refused_or_read_whole_and_never_changed_by_reading()
        {
            using var t = new TestStore();
            int refused = 0, accepted = 0, n = 0;
            foreach (var bytes in Fuzzed(_good))
            {
                string path = t.File($"fuzz-{n++}.db");
                File.WriteAllBytes(path, bytes);
                string before = Hash(path);
                LiteDbStore store;
                try
                {
                    store = LiteDbStore.Open(path, verify: true);
                }
                catch (MspException ex)
                {
                    Assert.True(ex.ErrorId == "StoreDamaged" || ex.ErrorId == "StoreInvalid", $"copy {n}: {ex.ErrorId}: {ex.Message}");
                    Assert.Equal(before, Hash(path));
                    Assert.False(LiteDbStore.Test(path).Healthy, $"copy {n}");
                    Assert.Equal(before, Hash(path));
                    refused++;
                    continue;
                }
                // Bytes that still decode but no longer map (a changed enum value) pass the open check, which does not map
                // documents: Test-MspStore maps every one and lists them, and nothing is changed.
                var health = LiteDbStore.Test(path);
                if (!health.Healthy)
                {
                    store.Dispose();
                    Assert.All(health.Problems, p => Assert.Contains("does not read as its kind of object", p));
                    Assert.Equal(before, Hash(path));
                    refused++;
                    continue;
                }
                // Accepted: the changed bytes were in free space, and the store reads and writes as a healthy one.
                using (store)
                {
                    var info = store.GetInfo();
                    Assert.Equal(DamagedStoreFixture.Customers, info.Customers);
                    var customers = store.Read(s => s.Customers.All().ToList());
                    Assert.All(customers, c => Assert.Equal(c.CustomerId, store.Read(s => s.FindCustomerByName(c.Name)).CustomerId));
                    Assert.Equal(DamagedStoreFixture.Customers, store.Read(s => s.AuditLog(new AuditQuery()).Count()));
                    Assert.Equal(before, Hash(path));
                    Assert.True(LiteDbStore.Test(path).Healthy, $"copy {n}: " + string.Join("; ", LiteDbStore.Test(path).Problems));
                    store.Write("New-MspCustomer", s => CustomerOperations.Create(s, TestStore.Fields("Added"), Now));
                }
                var after = LiteDbStore.Test(path);
                Assert.True(after.Healthy, $"copy {n} after a write: " + string.Join("; ", after.Problems));
                accepted++;
            }
            Assert.True(refused >= 25, $"{refused} of 40 refused");
            Assert.Equal(40, refused + accepted);
        }

        [Fact]
        public void Fuzzed_copies_opened_without_the_full_check_give_module_errors_only_and_reading_changes_nothing()
        {
            using var t = new TestStore();
            int n = 0;
            foreach (var bytes in Fuzzed(_good))
            {
                string path = t.File($"quick-{n++}.db");
                File.WriteAllBytes(path, bytes);
                string before = Hash(path);
                bool damaged = false;
                try
                {
                    using var store = LiteDbStore.Open(path);
                    try
                    {
                        store.GetInfo();
                        var customers = store.Read(s => s.Customers.All().ToList());
                        foreach (var c in customers.Take(50)) store.Read(s => s.FindCustomerByName(c.Name));
                        store.Read(s => s.AuditLog(new AuditQuery()).ToList());
                        store.Read(s => s.Outbox.All().ToList());
                    }
                    catch (MspException ex)
                    {
                        Assert.Equal("StoreDamaged", ex.ErrorId);
                        damaged = true;
                    }
                    Assert.Equal(before, Hash(path));
                    if (damaged)
                        Damaged(() => store.Write("New-MspCustomer", s => CustomerOperations.Create(s, TestStore.Fields("Added"), Now)));
                }
                catch (MspException ex)
                {
                    Assert.True(ex.ErrorId == "StoreDamaged" || ex.ErrorId == "StoreInvalid", $"copy {n}: {ex.ErrorId}: {ex.Message}");
                    damaged = true;
                }
                if (damaged) Assert.Equal(before, Hash(path));
            }
        }

        /// <summary>Finds the first data page holding <paramref name="text"/> and breaks the slot table entry of its first document.</summary>
        private static byte[] BreakSlotOfPageWith(byte[] good, string text)
        {
            var bytes = (byte[])good.Clone();
            var needle = Encoding.UTF8.GetBytes(text);
            for (int page = 1; page < bytes.Length / 8192; page++)
            {
                int start = page * 8192;
                if (bytes[start + 4] != 4 || bytes.AsSpan(start, 8192).IndexOf(needle) < 0) continue;
                // Slot 0: length at the page's last 4 bytes, position after it. A position inside the page header.
                bytes[start + 8192 - 4 + 2] = 8;
                bytes[start + 8192 - 4 + 3] = 0;
                return bytes;
            }
            throw new InvalidOperationException("no data page holds " + text);
        }

        [Fact]
        public void Damage_met_inside_a_write_refuses_it_and_every_later_write_and_takes_back_LiteDBs_mark()
        {
            using var t = new TestStore();
            string path = t.File("slot.db");
            File.WriteAllBytes(path, BreakSlotOfPageWith(_good, "Customer 1\0"));
            string before = Hash(path);
            // Every page looks whole from the outside: only the full check sees the broken slot.
            Assert.Equal("StoreDamaged", Assert.Throws<MspException>(() => LiteDbStore.Open(path, verify: true)).ErrorId);

            using (var store = LiteDbStore.Open(path))
            {
                // The write reads every customer through LiteDB's writing engine, which meets the broken slot, stops
                // with its internal consistency error and marks the file for a rebuild (byte 191): the store takes the
                // mark back.
                var ex = Assert.Throws<MspException>(() => store.Write("Set-MspCustomer", s => s.Customers.All().Count()));
                Assert.Equal("StoreDamaged", ex.ErrorId);
                Assert.Contains(path, ex.Message);
                Assert.Equal(0, File.ReadAllBytes(path)[191]);
                Assert.Equal(before, Hash(path));

                var again = Assert.Throws<MspException>(() => store.Write("New-MspCustomer", s => CustomerOperations.Create(s, TestStore.Fields("Later"), Now)));
                Assert.Equal("StoreDamaged", again.ErrorId);
                var batch = Assert.Throws<MspException>(() => store.WriteEach("New-MspCustomer", new[] { "A", "B" }, (s, name) => CustomerOperations.Create(s, TestStore.Fields(name), Now)));
                Assert.Equal("StoreDamaged", batch.ErrorId);
            }
            Assert.Equal(before, Hash(path));
        }

        [Fact]
        public void Damage_met_by_the_first_item_of_a_batch_ends_the_batch_with_StoreDamaged()
        {
            using var t = new TestStore();
            string path = t.File("batch.db");
            File.WriteAllBytes(path, BreakSlotOfPageWith(_good, "Customer 1\0"));
            string before = Hash(path);
            using (var store = LiteDbStore.Open(path))
            {
                var ex = Assert.Throws<MspException>(() => store.WriteEach("Set-MspCustomer", new[] { 1, 2, 3 }, (s, i) => s.Customers.All().Count()));
                Assert.Equal("StoreDamaged", ex.ErrorId);
            }
            Assert.Equal(before, Hash(path));
        }

        [Fact]
        public void Reading_a_damaged_document_through_LiteDB_never_marks_the_file()
        {
            using var t = new TestStore();
            string path = t.File("read.db");
            File.WriteAllBytes(path, BreakSlotOfPageWith(_good, "Customer 1\0"));
            string before = Hash(path);
            using (var store = LiteDbStore.Open(path))
            {
                Damaged(() => store.Read(s => s.Customers.All().ToList()));
                Damaged(() => store.Write("New-MspCustomer", s => CustomerOperations.Create(s, TestStore.Fields("After a read"), Now)));
            }
            Assert.Equal(before, Hash(path));
        }

        [Fact]
        public void Test_reports_a_healthy_store_and_the_problems_of_a_damaged_one_without_changing_either()
        {
            using var t = new TestStore();
            string good = t.File("good.db"), bad = t.File("bad.db");
            File.WriteAllBytes(good, _good);
            File.WriteAllBytes(bad, Damage(_good, "random bytes mid-file"));
            string goodHash = Hash(good), badHash = Hash(bad);

            var healthy = LiteDbStore.Test(good);
            Assert.True(healthy.Healthy);
            Assert.Empty(healthy.Problems);
            Assert.Equal(Schema.Current, healthy.SchemaVersion);
            Assert.Equal(_good.Length / 8192, healthy.Pages);
            Assert.True(healthy.Documents > 3 * DamagedStoreFixture.Customers);

            var damaged = LiteDbStore.Test(bad);
            Assert.False(damaged.Healthy);
            Assert.Contains(damaged.Problems, p => p.Contains("page "));
            Assert.Equal(goodHash, Hash(good));
            Assert.Equal(badHash, Hash(bad));

            Assert.Equal("StoreNotFound", Assert.Throws<MspException>(() => LiteDbStore.Test(t.File("none.db"))).ErrorId);
            Assert.False(File.Exists(t.File("none.db")));
        }

        [Fact]
        public void Test_finds_a_document_that_decodes_but_does_not_read_as_its_object()
        {
            using var t = new TestStore();
            using (var store = t.Open())
                store.Write("New-MspCustomer", s => CustomerOperations.Create(s, TestStore.Fields("Contoso"), Now));
            using (var db = new LiteDatabase(new ConnectionString { Filename = t.Path_, Connection = ConnectionType.Shared }))
            {
                var doc = db.GetCollection("customers").FindAll().Single();
                doc["Country"] = new BsonDocument { ["not"] = "a country" };
                db.GetCollection("customers").Update(doc);
            }
            var health = LiteDbStore.Test(t.Path_);
            Assert.False(health.Healthy);
            Assert.Contains(health.Problems, p => p.Contains("collection 'customers'") && p.Contains("does not read"));
        }

        [Fact]
        public void A_document_whose_id_changed_is_refused_by_the_full_check_and_when_read_by_its_id()
        {
            using var t = new TestStore();
            Customer contoso;
            using (var store = t.Open())
                contoso = store.Write("New-MspCustomer", s => CustomerOperations.Create(s, TestStore.Fields("Contoso"), Now));
            // The _id element of the stored document (type 5, "_id", 16 bytes of subtype 4): one bit of the id flips,
            // and the primary key index still finds the document under the old id.
            var bytes = File.ReadAllBytes(t.Path_);
            var element = new byte[] { 0x05, (byte)'_', (byte)'i', (byte)'d', 0, 16, 0, 0, 0, 4 }.Concat(contoso.CustomerId.ToByteArray()).ToArray();
            int at = bytes.AsSpan().IndexOf(element);
            Assert.True(at > 0);
            bytes[at + element.Length - 1] ^= 0x01;
            File.WriteAllBytes(t.Path_, bytes);
            string before = Hash(t.Path_);

            var health = LiteDbStore.Test(t.Path_);
            Assert.False(health.Healthy);
            Assert.Contains(health.Problems, p => p.Contains("holds another key than its document"));
            Assert.Contains("holds another key", Assert.Throws<MspException>(() => LiteDbStore.Open(t.Path_, verify: true)).Message);
            // Opened with the check of every command, the read by id finds the document under the old id and refuses it.
            using (var store = t.Open())
            {
                var ex = Assert.Throws<MspException>(() => store.Read(s => s.Customers.Get(contoso.CustomerId)));
                Assert.Equal("StoreDamaged", ex.ErrorId);
                Assert.Contains("reads as id", ex.Message);
                Damaged(() => store.Write("Set-MspCustomer", s => s.Customers.Get(contoso.CustomerId)));
            }
            Assert.Equal(before, Hash(t.Path_));
        }

        [Fact]
        public void An_encrypted_store_is_checked_through_its_password()
        {
            using var t = new TestStore();
            using (var store = t.Open("S3cret!pw"))
                store.WriteEach("New-MspCustomer", Enumerable.Range(1, 100).Select(i => "C" + i).ToList(), (s, name) => CustomerOperations.Create(s, TestStore.Fields(name), Now));
            Assert.True(LiteDbStore.Test(t.Path_, "S3cret!pw").Healthy);
            using (LiteDbStore.Open(t.Path_, "S3cret!pw", verify: true)) { }
            Assert.Equal("StoreWrongPassword", Assert.Throws<MspException>(() => LiteDbStore.Test(t.Path_, "wrong")).ErrorId);

            var bytes = File.ReadAllBytes(t.Path_);
            string path = t.File("cut.db");
            File.WriteAllBytes(path, bytes.Take(bytes.Length - 8192).ToArray());
            var ex = Assert.Throws<MspException>(() => LiteDbStore.Open(path, "S3cret!pw"));
            Assert.Equal("StoreDamaged", ex.ErrorId);
            Assert.Equal(bytes.Take(bytes.Length - 8192).ToArray(), File.ReadAllBytes(path));
        }

        [Fact]
        public void A_store_whose_last_changes_wait_in_its_log_is_checked_with_them()
        {
            using var t = new TestStore();
            File.WriteAllBytes(t.Path_, _good);
            // Committed changes that were not yet copied into the data file (as after a crash): the log holds them.
            using (var db = new LiteDatabase(new ConnectionString { Filename = t.Path_, Connection = ConnectionType.Direct }, new BsonMapper()))
            {
                db.Pragma("CHECKPOINT", 0);
                var col = db.GetCollection("customers");
                var doc = col.FindAll().First();
                for (int i = 0; i < 300; i++)
                {
                    doc["_id"] = Guid.NewGuid();
                    doc["Name"] = doc["NameKey"] = "LOGGED " + i;
                    col.Insert(doc);
                }
            }
            Assert.True(new FileInfo(LiteDbStore.LogFileOf(t.Path_)).Length > 0);
            var health = LiteDbStore.Test(t.Path_);
            Assert.True(health.Healthy, string.Join("; ", health.Problems));
            using (var store = LiteDbStore.Open(t.Path_, verify: true))
                Assert.Equal(DamagedStoreFixture.Customers + 300, store.GetInfo().Customers);
        }
        /// <summary>The verified stamp beside a store: a hidden file named after it.</summary>
        private static string Stamp(string store) => Path.Combine(Path.GetDirectoryName(store), "." + Path.GetFileName(store) + ".verified");

        /// <summary>Flips one bit of a customer's stored id: the pages stay sound, only the full check of documents finds it.</summary>
        private static void FlipIdOf(string path, Customer customer)
        {
            var bytes = File.ReadAllBytes(path);
            var element = new byte[] { 0x05, (byte)'_', (byte)'i', (byte)'d', 0, 16, 0, 0, 0, 4 }.Concat(customer.CustomerId.ToByteArray()).ToArray();
            int at = bytes.AsSpan().IndexOf(element);
            Assert.True(at > 0);
            bytes[at + element.Length - 1] ^= 0x01;
            File.WriteAllBytes(path, bytes);
        }

        [Fact]
        public void A_verified_stamp_spares_the_full_check_while_only_the_module_changed_the_store()
        {
            using var t = new TestStore();
            Customer contoso;
            using (var store = LiteDbStore.Open(t.Path_, verify: true))
            {
                Assert.True(File.Exists(Stamp(t.Path_)));
                contoso = store.Write("New-MspCustomer", s => CustomerOperations.Create(s, TestStore.Fields("Contoso"), Now));
                store.WriteEach("New-MspCustomer", new[] { "Fabrikam", "contoso" }, (s, name) => CustomerOperations.Create(s, TestStore.Fields(name), Now));
            }
            string stamp = File.ReadAllText(Stamp(t.Path_));

            // Damage that keeps the file's length, time and header page is not seen by the stamp: the full check is
            // skipped (the stamp saves work; the reads of every command still refuse the damaged document).
            var time = File.GetLastWriteTimeUtc(t.Path_);
            FlipIdOf(t.Path_, contoso);
            File.SetLastWriteTimeUtc(t.Path_, time);
            using (var store = LiteDbStore.Open(t.Path_, verify: true))
                Assert.Equal("StoreDamaged", Assert.Throws<MspException>(() => store.Read(s => s.Customers.Get(contoso.CustomerId))).ErrorId);
            Assert.False(File.Exists(Stamp(t.Path_)));

            // The same file with the time the change gave it: the full check runs and refuses it.
            File.SetLastWriteTimeUtc(t.Path_, time.AddSeconds(1));
            Assert.Contains("holds another key", Assert.Throws<MspException>(() => LiteDbStore.Open(t.Path_, verify: true)).Message);
            Assert.False(File.Exists(Stamp(t.Path_)));
            Assert.NotEqual(string.Empty, stamp);
        }

        [Fact]
        public void A_store_changed_by_another_program_after_its_stamp_is_checked_fully_again()
        {
            using var t = new TestStore();
            using (var store = LiteDbStore.Open(t.Path_, verify: true))
                store.Write("New-MspCustomer", s => CustomerOperations.Create(s, TestStore.Fields("Contoso"), Now));
            Assert.True(File.Exists(Stamp(t.Path_)));
            using (var db = new LiteDatabase(new ConnectionString { Filename = t.Path_, Connection = ConnectionType.Shared }))
            {
                var doc = db.GetCollection("customers").FindAll().Single();
                doc["Country"] = new BsonDocument { ["not"] = "a country" };
                db.GetCollection("customers").Update(doc);
            }
            var ex = Assert.Throws<MspException>(() => LiteDbStore.Open(t.Path_, verify: true));
            Assert.Equal("StoreDamaged", ex.ErrorId);
            Assert.Contains("does not read", ex.Message);
            Assert.False(File.Exists(Stamp(t.Path_)));
        }

        /// <summary>Test-MspStore checks a copy when the disk has room for one, and the store itself when not: the same findings.</summary>
        [Theory]
        [InlineData(true)]
        [InlineData(false)]
        public void Test_stamps_a_healthy_store_and_takes_the_stamp_of_a_damaged_one(bool copy)
        {
            using var t = new TestStore();
            Customer contoso;
            using (var store = t.Open())
                contoso = store.Write("New-MspCustomer", s => CustomerOperations.Create(s, TestStore.Fields("Contoso"), Now));
            Assert.False(File.Exists(Stamp(t.Path_)));
            var health = LiteDbStore.Test(t.Path_, null, null, null, copy, null);
            Assert.True(health.Healthy);
            Assert.Equal(t.Path_, health.Path);
            Assert.True(File.Exists(Stamp(t.Path_)));
            FlipIdOf(t.Path_, contoso);
            health = LiteDbStore.Test(t.Path_, null, null, null, copy, null);
            Assert.False(health.Healthy);
            Assert.Equal(t.Path_, health.Path);
            Assert.Contains(health.Problems, p => p.Contains("holds another key"));
            Assert.False(File.Exists(Stamp(t.Path_)));
            Assert.Empty(Directory.GetFiles(t.Folder, "*.check*"));
        }

        /// <summary>
        /// Adds a customer in another session: a thread of its own (the gate nests on one thread), which waits at most a
        /// second for the store and then fails with StoreBusy.
        /// </summary>
        private static void AddInAnotherSession(string path, string name)
        {
            Exception failed = null;
            var session = new System.Threading.Thread(() =>
            {
                try
                {
                    using var other = LiteDbStore.Open(path, timeout: TimeSpan.FromSeconds(1));
                    other.Write("New-MspCustomer", s => CustomerOperations.Create(s, TestStore.Fields(name), Now));
                }
                catch (Exception ex)
                {
                    failed = ex;
                }
            });
            session.Start();
            session.Join();
            Assert.Null(failed);
        }

        [Fact]
        public void A_copy_that_a_killed_check_left_behind_is_deleted_by_a_later_check_once_it_is_a_day_old()
        {
            using var t = new TestStore();
            using (var store = t.Open())
                store.Write("New-MspCustomer", s => CustomerOperations.Create(s, TestStore.Fields("Contoso"), Now));
            string Leftover(string id, TimeSpan age)
            {
                string file = t.File(".store.db." + id + ".check");
                File.Copy(t.Path_, file);
                File.WriteAllBytes(LiteDbStore.LogFileOf(file), new byte[0]);
                File.SetLastWriteTimeUtc(file, DateTime.UtcNow - age);
                File.SetLastWriteTimeUtc(LiteDbStore.LogFileOf(file), DateTime.UtcNow - age);
                return file;
            }
            string old = Leftover("0123456789ab", StoreSnapshot.Abandoned + TimeSpan.FromMinutes(1));
            string recent = Leftover("ba9876543210", StoreSnapshot.Abandoned - TimeSpan.FromHours(1));
            // Another store's copy in the same folder is its own.
            string other = t.File(".other.db.0123456789ab.check");
            File.Copy(old, other);
            File.SetLastWriteTimeUtc(other, DateTime.UtcNow - StoreSnapshot.Abandoned - TimeSpan.FromMinutes(1));

            Assert.True(LiteDbStore.Test(t.Path_).Healthy);
            Assert.False(File.Exists(old));
            Assert.False(File.Exists(LiteDbStore.LogFileOf(old)));
            Assert.True(File.Exists(recent));
            Assert.True(File.Exists(LiteDbStore.LogFileOf(recent)));
            Assert.True(File.Exists(other));
        }

        [Fact]
        public void Connect_checks_a_copy_so_other_sessions_change_the_store_meanwhile_and_stamps_only_a_store_unchanged_since()
        {
            using var t = new TestStore();
            using (var store = t.Open())
                store.Write("New-MspCustomer", s => CustomerOperations.Create(s, TestStore.Fields("Contoso"), Now));
            Assert.False(File.Exists(Stamp(t.Path_)));
            int copies = 0;
            using (var store = LiteDbStore.Open(t.Path_, null, null, null, TimeSpan.FromSeconds(1), null, verify: true, whileChecking: () =>
            {
                copies = Directory.GetFiles(t.Folder, ".store.db.*.check").Length;
                AddInAnotherSession(t.Path_, "Fabrikam");
            }))
            {
                Assert.Equal(2, copies);
                Assert.Equal(2, store.GetInfo().Customers);
            }
            // What changed after the copy was not checked: no stamp, and the next session checks fully again.
            Assert.False(File.Exists(Stamp(t.Path_)));
            Assert.Empty(Directory.GetFiles(t.Folder, "*.check*"));
            bool checkedAgain = false;
            using (LiteDbStore.Open(t.Path_, null, null, null, null, null, verify: true, whileChecking: () => checkedAgain = true)) { }
            Assert.True(checkedAgain);
            Assert.True(File.Exists(Stamp(t.Path_)));
            Assert.Empty(Directory.GetFiles(t.Folder, "*.check*"));
            using (LiteDbStore.Open(t.Path_, null, null, null, null, null, verify: true, whileChecking: () => Assert.Fail("The stamp holds: no copy is checked."))) { }
        }

        [Fact]
        public void Test_checks_a_copy_so_other_sessions_change_the_store_meanwhile_and_stamps_only_a_store_unchanged_since()
        {
            using var t = new TestStore();
            using (var store = t.Open())
                store.Write("New-MspCustomer", s => CustomerOperations.Create(s, TestStore.Fields("Contoso"), Now));
            string[] copies = null;
            var health = LiteDbStore.Test(t.Path_, null, TimeSpan.FromSeconds(1), null, copy: true, whileChecking: () =>
            {
                copies = Directory.GetFiles(t.Folder, ".store.db.*.check");
                if (!OperatingSystem.IsWindows())
                    Assert.All(copies, c => Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(c)));
                AddInAnotherSession(t.Path_, "Fabrikam");
            });
            Assert.True(health.Healthy, string.Join("; ", health.Problems));
            // The copy and its log.
            Assert.Equal(2, copies.Length);
            // The copy held one customer (and the account and the audit entry); the store holds both customers now, and
            // no stamp: what changed after the copy was not checked.
            using (var store = t.Open())
                Assert.Equal(2, store.GetInfo().Customers);
            Assert.False(File.Exists(Stamp(t.Path_)));
            Assert.Empty(Directory.GetFiles(t.Folder, "*.check"));

            Assert.True(LiteDbStore.Test(t.Path_).Healthy);
            Assert.True(File.Exists(Stamp(t.Path_)));
            Assert.Empty(Directory.GetFiles(t.Folder, "*.check*"));
        }
    }
}
