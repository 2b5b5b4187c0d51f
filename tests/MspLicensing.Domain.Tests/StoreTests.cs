using System;
using System.IO;
using System.Linq;
using LiteDB;
using MspLicensing.Store;
using Xunit;

namespace MspLicensing.Domain.Tests
{
    public class StoreTests
    {
        private static readonly DateTime Now = new DateTime(2026, 11, 23, 10, 0, 0, DateTimeKind.Utc);

        [Fact]
        public void New_store_is_created_with_its_folder_and_the_current_schema()
        {
            using var t = new TestStore();
            string path = Path.Combine(t.Folder, "a", "b", "msp.db");
            using (var store = LiteDbStore.Open(path))
            {
                var info = store.GetInfo();
                Assert.Equal(path, info.Path);
                Assert.Equal(Schema.Current, info.SchemaVersion);
                Assert.False(info.Encrypted);
                Assert.Equal(0, info.Customers);
                Assert.True(info.SizeBytes >= 8192);
            }
            Assert.DoesNotContain(Directory.GetFiles(Path.GetDirectoryName(path)), f => !f.EndsWith("msp.db"));
        }

        [Fact]
        public void The_store_its_log_and_backups_are_the_owners_alone_whatever_the_umask()
        {
            if (OperatingSystem.IsWindows()) return; // Windows keeps the ACLs of the profile or folder.
            using var t = new TestStore();
            string path = Path.Combine(t.Folder, "private", "nested", "msp.db");
            const UnixFileMode File0600 = UnixFileMode.UserRead | UnixFileMode.UserWrite;
            const UnixFileMode Folder0700 = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;
            using (var store = LiteDbStore.Open(path))
            {
                UnixFileMode? logDuringWrite = null;
                store.Write("Test", s =>
                {
                    logDuringWrite = File.GetUnixFileMode(LiteDbStore.LogFileOf(path));
                    return 0;
                });
                Assert.Equal(File0600, logDuringWrite);
                store.Backup(Path.Combine(t.Folder, "backups", "b.db"));
            }
            Assert.Equal(File0600, File.GetUnixFileMode(path));
            Assert.Equal(Folder0700, File.GetUnixFileMode(Path.Combine(t.Folder, "private")));
            Assert.Equal(Folder0700, File.GetUnixFileMode(Path.Combine(t.Folder, "private", "nested")));
            Assert.Equal(File0600, File.GetUnixFileMode(Path.Combine(t.Folder, "backups", "b.db")));
            Assert.Equal(Folder0700, File.GetUnixFileMode(Path.Combine(t.Folder, "backups")));
        }

        public static TheoryData<string, byte[]> NotStores()
        {
            var data = new TheoryData<string, byte[]>
            {
                { "empty", new byte[0] },
                { "text", System.Text.Encoding.UTF8.GetBytes("Name,Country\nContoso,US\n") },
                { "random page", Random(8192) },
                { "random pages", Random(8192 * 3) },
            };
            return data;
        }

        private static byte[] Random(int n)
        {
            var bytes = new byte[n];
            new System.Random(42).NextBytes(bytes);
            bytes[0] = 0;
            return bytes;
        }

        [Theory]
        [MemberData(nameof(NotStores))]
        public void A_file_that_is_not_a_store_is_refused_and_left_untouched(string kind, byte[] content)
        {
            using var t = new TestStore();
            string path = t.File(kind.Replace(' ', '-') + ".db");
            File.WriteAllBytes(path, content);
            var ex = Assert.Throws<MspException>(() => LiteDbStore.Open(path));
            Assert.Contains(path, ex.Message);
            Assert.Equal("StoreInvalid", ex.ErrorId);
            Assert.Equal(content, File.ReadAllBytes(path));
        }

        private static byte[] RealStore(TestStore t, string password = null)
        {
            using (var store = t.Open(password))
                store.Write("New-MspCustomer", s => CustomerOperations.Create(s, TestStore.Fields("Contoso"), Now));
            return File.ReadAllBytes(t.Path_);
        }

        [Fact]
        public void A_truncated_store_is_refused_and_left_untouched()
        {
            using var t = new TestStore();
            var bytes = RealStore(t);
            foreach (int length in new[] { 5000, 8192 + 100, bytes.Length - 1 })
            {
                string path = t.File("truncated-" + length + ".db");
                File.WriteAllBytes(path, bytes.Take(length).ToArray());
                var ex = Assert.Throws<MspException>(() => LiteDbStore.Open(path));
                Assert.Contains(path, ex.Message);
                Assert.Equal(bytes.Take(length).ToArray(), File.ReadAllBytes(path));
            }
        }

        [Fact]
        public void A_store_with_a_damaged_header_is_refused_and_left_untouched()
        {
            using var t = new TestStore();
            var bytes = RealStore(t);
            bytes[0x25] ^= 0xFF;
            string path = t.File("damaged.db");
            File.WriteAllBytes(path, bytes);
            var ex = Assert.Throws<MspException>(() => LiteDbStore.Open(path));
            Assert.Contains("header", ex.Message);
            Assert.Equal(bytes, File.ReadAllBytes(path));
        }

        [Fact]
        public void A_LiteDB_file_of_another_application_is_refused_and_left_untouched()
        {
            using var t = new TestStore();
            string path = t.File("other.db");
            using (var db = new LiteDatabase(path))
                db.GetCollection("things").Insert(new BsonDocument { ["x"] = 1 });
            var before = File.ReadAllBytes(path);
            var ex = Assert.Throws<MspException>(() => LiteDbStore.Open(path));
            Assert.Contains("not an MspLicensing store", ex.Message);
            Assert.Equal(before, File.ReadAllBytes(path));
        }

        [Fact]
        public void Encrypted_store_needs_the_right_password_and_is_left_untouched_otherwise()
        {
            using var t = new TestStore();
            var bytes = RealStore(t, "S3cret!pw");
            Assert.Equal(1, bytes[0]);

            var missing = Assert.Throws<MspException>(() => LiteDbStore.Open(t.Path_));
            Assert.Equal("StorePasswordRequired", missing.ErrorId);
            var wrong = Assert.Throws<MspException>(() => LiteDbStore.Open(t.Path_, "wrong"));
            Assert.Equal("StoreWrongPassword", wrong.ErrorId);
            Assert.Contains(t.Path_, wrong.Message);
            Assert.Equal(bytes, File.ReadAllBytes(t.Path_));

            using var store = LiteDbStore.Open(t.Path_, "S3cret!pw");
            Assert.True(store.GetInfo().Encrypted);
            Assert.Equal(1, store.GetInfo().Customers);
        }

        [Fact]
        public void Password_for_a_plain_store_is_refused()
        {
            using var t = new TestStore();
            var bytes = RealStore(t);
            var ex = Assert.Throws<MspException>(() => LiteDbStore.Open(t.Path_, "pw"));
            Assert.Equal("StoreNotEncrypted", ex.ErrorId);
            Assert.Equal(bytes, File.ReadAllBytes(t.Path_));
        }

        [Fact]
        public void A_store_of_a_newer_schema_is_refused_and_left_untouched()
        {
            using var t = new TestStore();
            RealStore(t);
            using (var db = new LiteDatabase(new ConnectionString { Filename = t.Path_, Connection = ConnectionType.Shared }))
            {
                var meta = db.GetCollection("meta").FindById("schema");
                meta["Version"] = Schema.Current + 1;
                db.GetCollection("meta").Update(meta);
            }
            var before = File.ReadAllBytes(t.Path_);
            var ex = Assert.Throws<MspException>(() => t.Open());
            Assert.Equal("StoreSchemaTooNew", ex.ErrorId);
            Assert.Contains($"schema version {Schema.Current + 1}", ex.Message);
            Assert.Equal(before, File.ReadAllBytes(t.Path_));
        }

        [Fact]
        public void An_older_store_is_upgraded_by_the_missing_steps()
        {
            using var t = new TestStore();
            RealStore(t);
            int applied = 0;
            var steps = Schema.Steps.Concat(new[]
            {
                new SchemaStep(Schema.Current + 1, "test step", db =>
                {
                    applied++;
                    db.GetCollection("customers").EnsureIndex("City", "$.City");
                }),
            }).ToList();
            using (var store = LiteDbStore.Open(t.Path_, null, steps))
            {
                Assert.Equal(Schema.Current + 1, store.GetInfo().SchemaVersion);
                Assert.Equal(1, store.GetInfo().Customers);
            }
            using (var again = LiteDbStore.Open(t.Path_, null, steps))
                Assert.Equal(1, applied);
            // The module of today refuses the upgraded file rather than misreading it.
            Assert.Equal("StoreSchemaTooNew", Assert.Throws<MspException>(() => t.Open()).ErrorId);
        }

        [Fact]
        public void A_failed_write_leaves_the_store_as_it_was()
        {
            using var t = new TestStore();
            using var store = t.Open();
            Assert.Throws<InvalidOperationException>(() => store.Write("Test", s =>
            {
                CustomerOperations.Create(s, TestStore.Fields("Contoso"), Now);
                throw new InvalidOperationException("fails after writing");
#pragma warning disable CS0162
                return 0;
#pragma warning restore CS0162
            }));
            Assert.Equal(0, store.Read(s => s.Customers.Count()));
            Assert.Empty(store.Read(s => s.AuditLog(new AuditQuery()).ToList()));
        }

        [Fact]
        public void WriteEach_keeps_each_item_whole_and_lands_the_good_ones()
        {
            using var t = new TestStore();
            using var store = t.Open();
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

        [Fact]
        public void WriteEach_runs_each_item_at_most_twice_however_many_fail()
        {
            using var t = new TestStore();
            using var store = t.Open();
            // Every tenth item fails: a rerun of the whole batch after each would run the first items ten times.
            var names = Enumerable.Range(0, 100).Select(i => i % 10 == 9 ? "FAIL" + i : "C" + i).ToArray();
            var runs = new System.Collections.Generic.Dictionary<string, int>();
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

        [Fact]
        public void WriteEach_runs_each_item_once_when_the_failing_ones_changed_nothing()
        {
            using var t = new TestStore();
            using var store = t.Open();
            store.WriteEach("New-MspCustomer", Enumerable.Range(0, 50).Select(i => "C" + (i * 2)).ToArray(), (s, name) => CustomerOperations.Create(s, TestStore.Fields(name), Now));
            // Every other row repeats a customer that exists (refused by the rule before anything is written), as an
            // import rerun over a half-imported file does: the new rows land in the same transaction, each run once.
            var names = Enumerable.Range(0, 100).Select(i => "C" + i).ToArray();
            var runs = new System.Collections.Generic.Dictionary<string, int>();
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

        [Fact]
        public void Backup_is_a_consistent_copy_that_opens()
        {
            using var t = new TestStore();
            using (var store = t.Open("pw"))
            {
                store.Write("New-MspCustomer", s => CustomerOperations.Create(s, TestStore.Fields("Contoso"), Now));
                store.Write("New-MspCustomer", s => CustomerOperations.Create(s, TestStore.Fields("Fabrikam"), Now));
                store.Backup(t.File("backup/copy.db"));
                var again = Assert.Throws<MspException>(() => store.Backup(t.File("backup/copy.db")));
                Assert.Equal("BackupTargetExists", again.ErrorId);
            }
            using (var copy = LiteDbStore.Open(t.File("backup/copy.db"), "pw"))
            {
                var info = copy.GetInfo();
                Assert.Equal(2, info.Customers);
                Assert.Equal(2, info.AuditEntries);
                Assert.NotNull(copy.Read(s => s.FindCustomerByName("CONTOSO")));
                // Indexes came along: the unique name still holds in the copy.
                Assert.Throws<MspException>(() => copy.Write("New-MspCustomer", s => CustomerOperations.Create(s, TestStore.Fields("contoso"), Now)));
            }
        }

        [Fact]
        public void Licenses_and_subscriptions_read_back_every_field_they_were_written_with()
        {
            using var t = new TestStore();
            using var store = t.Open();
            var license = new License
            {
                LicenseId = Guid.NewGuid(), CustomerId = Guid.NewGuid(), SubscriptionId = Guid.NewGuid(), Product = "CAS", Suite = "WFXDR",
                ActivationCode = "CA-AAAA-BBBBB-CCCCC-DDDDD-EEEEE-FFFFF", Description = "d", AuthorizationKey = "AAAAA-BBBBB-CCCCC-DDDDD",
                DataCenter = DataCenter.Europe, StartDate = new DateTime(2026, 1, 2), ExpirationDate = new DateTime(2027, 1, 2),
                LicenseModel = LicenseModel.NonMsp, LicenseType = "PayAsYouGo", EndState = LicenseStatus.Unbundled, EndDate = new DateTime(2026, 5, 6),
                RecordedStatus = LicenseStatus.InGrace,
                SeatHistory = { new SeatChange { Date = new DateTime(2026, 1, 2), Seats = 3 }, new SeatChange { Date = new DateTime(2026, 2, 2), Seats = 4 } },
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
            foreach (var p in typeof(Subscription).GetProperties().Where(p => p.CanWrite && p.Name != "Customer" && p.Name != "Status"))
                Assert.True(Equals(p.GetValue(subscription), p.GetValue(x)), $"Subscription.{p.Name}: {p.GetValue(subscription)} != {p.GetValue(x)}");
        }

        [Fact]
        public void Dates_keep_their_value_whatever_the_time_zone()
        {
            using var t = new TestStore();
            using (var store = t.Open())
                store.Write("New-MspCustomer", s => CustomerOperations.Create(s, TestStore.Fields("Contoso"), new DateTime(2026, 1, 31, 23, 59, 59, 123, DateTimeKind.Utc)));
            using (var store = t.Open())
                Assert.Equal(new DateTime(2026, 1, 31, 23, 59, 59, 123), store.Read(s => s.FindCustomerByName("Contoso")).CreatedUtc);
        }
    }
}
