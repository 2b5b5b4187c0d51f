using System;
using System.IO;
using System.Linq;
using LiteDB;
using MspLicensing.Store;
using Xunit;

namespace MspLicensing.Domain.Tests
{
    /// <summary>What only the store file has: its layout on disk, damage, encryption and file permissions. What every
    /// store kind does is in <see cref="StoreContractTests"/>.</summary>
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

        /// <summary>
        /// LiteDB keeps in a new file the culture of the session that writes it and compares every string of its indexes
        /// by that culture's rules for good: a store, and a backup of it, written in a Turkish or a German session compare
        /// their keys as one written anywhere else does.
        /// </summary>
        [Theory]
        [InlineData("tr-TR")]
        [InlineData("de-DE")]
        public void A_store_file_and_its_backup_compare_their_keys_the_same_whatever_the_culture_that_wrote_them(string culture)
        {
            using var t = new TestStore();
            string path = Path.Combine(t.Folder, "msp.db"), backup = Path.Combine(t.Folder, "backup.db");
            var before = System.Globalization.CultureInfo.CurrentCulture;
            try
            {
                System.Globalization.CultureInfo.CurrentCulture = new System.Globalization.CultureInfo(culture);
                using (var store = LiteDbStore.Open(path))
                    store.Backup(backup);
            }
            finally
            {
                System.Globalization.CultureInfo.CurrentCulture = before;
            }
            foreach (string file in new[] { path, backup })
                using (var db = new LiteDatabase(new ConnectionString { Filename = file, Connection = ConnectionType.Shared, ReadOnly = true }))
                    Assert.Equal("/IgnoreCase", db.Pragma("COLLATION").AsString);
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
        public void A_LiteDB_client_in_shared_mode_waits_for_a_transaction_of_the_store_and_the_store_for_it()
        {
            using var t = new TestStore();
            using var store = t.Open();
            // LiteDB's shared mode on the same file, from another thread (a named mutex belongs to its thread, as to a process).
            int CountFromLiteDb()
            {
                using var db = new LiteDatabase(new ConnectionString { Filename = t.Path_, Connection = ConnectionType.Shared });
                return db.GetCollection("customers").Count();
            }

            System.Threading.Tasks.Task<int> client = null;
            store.Write("New-MspCustomer", s =>
            {
                CustomerOperations.Create(s, TestStore.Fields("Contoso"), Now);
                client = System.Threading.Tasks.Task.Run(CountFromLiteDb);
                Assert.False(client.Wait(300), "A LiteDB client read the file while a transaction of the store held it.");
                return 0;
            });
            Assert.True(client.Wait(10_000));
            Assert.Equal(1, client.Result);

            using var held = new System.Threading.ManualResetEventSlim();
            using var release = new System.Threading.ManualResetEventSlim();
            var holder = System.Threading.Tasks.Task.Run(() =>
            {
                using var db = new LiteDatabase(new ConnectionString { Filename = t.Path_, Connection = ConnectionType.Shared });
                db.BeginTrans();
                db.GetCollection("customers").Count();
                held.Set();
                release.Wait();
                db.Rollback();
            });
            Assert.True(held.Wait(10_000));
            var read = System.Threading.Tasks.Task.Run(() => store.Read(s => s.Customers.Count()));
            Assert.False(read.Wait(300), "The store read the file while a LiteDB client's transaction held it.");
            release.Set();
            Assert.True(read.Wait(10_000));
            Assert.Equal(1, read.Result);
            holder.Wait();
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
    }
}
