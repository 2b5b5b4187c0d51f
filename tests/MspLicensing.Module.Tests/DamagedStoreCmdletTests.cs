using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Management.Automation;
using System.Security.Cryptography;
using MspLicensing.Module.Tests.Hosting;
using MspLicensing.Store;
using Xunit;

namespace MspLicensing.Module.Tests
{
    /// <summary>
    /// Damaged store files through the cmdlets, as real files: Connect-MspStore refuses them with StoreDamaged, no
    /// command writes to them, Test-MspStore lists what is wrong, and none of it changes a byte.
    /// </summary>
    public class DamagedStoreCmdletTests
    {
        internal const int Customers = 400;

        /// <summary>A store of 400 customers (about 1.1 MB) made through New-MspCustomer; returns its bytes.</summary>
        internal static byte[] GoodStore(ModuleSession s)
        {
            s.Ok($"1..{Customers} | ForEach-Object {{ [pscustomobject]@{{ Name = \"Customer $_\"; Country = 'US'; City = 'Seattle'; ContactFirstName = 'Ann'; ContactLastName = 'Lee'; Email = 'ann@example.com' }} }} | New-MspCustomer | Out-Null");
            return File.ReadAllBytes(s.StorePath);
        }

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
            if (kind == "missing its last page") return good.Take(good.Length - 8192).ToArray();
            if (kind == "a random second page") new Random(7).NextBytes(bytes.AsSpan(8192, 8192));
            else if (kind == "random bytes mid-file") new Random(11).NextBytes(bytes.AsSpan(InDocument(bytes), 64));
            else throw new ArgumentException(kind);
            return bytes;
        }

        /// <summary>
        /// Where the name of a customer in the middle of the file is stored: the store's layout depends on how the
        /// pipeline batched its items, so the damage goes where a document surely is.
        /// </summary>
        private static int InDocument(byte[] bytes)
        {
            var name = System.Text.Encoding.UTF8.GetBytes($"Customer {Customers / 2}\0");
            int at = bytes.AsSpan().IndexOf(name);
            Assert.True(at > 0);
            return at;
        }

        internal static string Hash(string path) => Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(path)));

        internal static void AssertNoRawError(RunResult r)
        {
            foreach (var e in r.Errors)
            {
                Assert.StartsWith("MspLicensing.", e.FullyQualifiedErrorId);
                Assert.DoesNotContain("UnexpectedError", e.FullyQualifiedErrorId);
                Assert.NotEqual(ErrorCategory.NotSpecified, e.CategoryInfo.Category);
            }
        }

        [Theory]
        [MemberData(nameof(Cases))]
        public void Connect_MspStore_refuses_a_damaged_store_with_StoreDamaged_and_Test_MspStore_lists_the_damage_without_changing_it(string kind)
        {
            using var s = new ModuleSession();
            var good = GoodStore(s);
            string path = Path.Combine(s.Directory, "damaged.db");
            File.WriteAllBytes(path, Damage(good, kind));
            string before = Hash(path);

            var r = s.Run($"Connect-MspStore -Path '{path}'; 'still running'");
            var error = Assert.Single(r.Errors);
            Assert.Equal("MspLicensing.StoreDamaged,MspLicensing.Commands.ConnectMspStoreCommand", error.FullyQualifiedErrorId);
            Assert.Equal(ErrorCategory.InvalidData, error.CategoryInfo.Category);
            Assert.Equal(path, error.TargetObject);
            Assert.Contains(path, error.Exception.Message);
            Assert.Contains("Backup-MspStore", error.Exception.Message);
            Assert.Equal(before, Hash(path));
            // The session stays on its store.
            Assert.Equal(Customers, s.Ok("Get-MspCustomer").Output.Count);

            var health = s.Ok($"Test-MspStore -Path '{path}'").Objects<StoreHealth>().Single();
            Assert.False(health.Healthy);
            Assert.NotEmpty(health.Problems);
            Assert.Equal(path, health.Path);
            Assert.Equal(false, s.Ok($"Test-MspStore -Path '{path}' -Quiet").Output.Single().BaseObject);
            Assert.Equal(before, Hash(path));
        }

        [Fact]
        public void Fuzzed_copies_are_refused_at_connect_or_read_write_and_test_as_healthy_ones()
        {
            using var s = new ModuleSession();
            var good = GoodStore(s);
            var random = new Random(2026);
            int refused = 0;
            for (int i = 0; i < 40; i++)
            {
                var bytes = (byte[])good.Clone();
                int flips = 1 + random.Next(8);
                for (int f = 0; f < flips; f++) bytes[random.Next(bytes.Length)] ^= (byte)(1 + random.Next(255));
                string path = Path.Combine(s.Directory, $"fuzz-{i}.db");
                File.WriteAllBytes(path, bytes);
                string before = Hash(path);

                var r = s.Run($"Connect-MspStore -Path '{path}'");
                AssertNoRawError(r);
                if (r.Errors.Count > 0)
                {
                    Assert.Matches(@"^MspLicensing\.Store(Damaged|Invalid),", r.Errors.Single().FullyQualifiedErrorId);
                    Assert.Equal(before, Hash(path));
                    Assert.Equal(false, s.Ok($"Test-MspStore -Path '{path}' -Quiet").Output.Single().BaseObject);
                    Assert.Equal(before, Hash(path));
                    refused++;
                    continue;
                }
                var read = s.Run("Get-MspCustomer | Measure-Object | ForEach-Object Count; Get-MspAuditLog -First 5 | Out-Null; Get-MspStore | Out-Null");
                AssertNoRawError(read);
                Assert.Equal(before, Hash(path));
                if (read.Errors.Count > 0 || read.Exception != null)
                {
                    // Bytes that still decode but no longer map to a customer (a changed enum value): only the full
                    // check maps every document. The read says so, and Test-MspStore lists it.
                    Assert.All(read.Errors, e => Assert.StartsWith("MspLicensing.StoreDamaged,", e.FullyQualifiedErrorId));
                    Assert.Equal(false, s.Ok("Test-MspStore -Quiet").Output.Single().BaseObject);
                    Assert.Equal(before, Hash(path));
                    refused++;
                    continue;
                }
                Assert.Equal(Customers, (int)read.Output.Single().BaseObject);
                var problems = s.Ok("(Test-MspStore).Problems").Output.Select(o => o.ToString()).ToList();
                if (problems.Count > 0)
                {
                    // The same, in a collection these reads did not map (the outbox, say): Test-MspStore lists it.
                    Assert.All(problems, p => Assert.Contains("does not read as its kind of object", p));
                    Assert.Equal(before, Hash(path));
                    refused++;
                    continue;
                }
                s.NewCustomer("Added " + i);
                Assert.Equal(true, s.Ok("Test-MspStore -Quiet").Output.Single().BaseObject);
            }
            Assert.True(refused >= 25, $"{refused} of 40 refused");
        }

        [Fact]
        public void A_command_that_meets_damage_after_connect_stops_with_StoreDamaged_and_changes_nothing()
        {
            using var s = new ModuleSession();
            var good = GoodStore(s);
            // Damage inside documents after the session checked the store: the check of every command (header,
            // collection and index pages) passes, and the read meets it.
            File.WriteAllBytes(s.StorePath, Damage(good, "random bytes mid-file"));
            string before = Hash(s.StorePath);
            var r = s.Run("try { Get-MspCustomer | Out-Null; 'after' } catch { $_.FullyQualifiedErrorId; $_.CategoryInfo.Category; $_.Exception.Message }");
            Assert.Equal("MspLicensing.StoreDamaged,MspLicensing.Commands.GetMspCustomerCommand", r.Output[0].ToString());
            Assert.Equal("InvalidData", r.Output[1].ToString());
            Assert.Contains(s.StorePath, r.Output[2].ToString());
            Assert.Equal(before, Hash(s.StorePath));
            var test = s.Ok("Test-MspStore").Objects<StoreHealth>().Single();
            Assert.False(test.Healthy);
            Assert.Equal(before, Hash(s.StorePath));
        }

        [Fact]
        public void Test_MspStore_reports_the_session_store_and_piped_files_and_says_when_there_is_no_file()
        {
            using var s = new ModuleSession();
            s.NewCustomer("Contoso");
            string before = Hash(s.StorePath);
            var health = s.Ok("Test-MspStore").Objects<StoreHealth>().Single();
            Assert.True(health.Healthy);
            Assert.Empty(health.Problems);
            Assert.Equal(s.StorePath, health.Path);
            Assert.Equal(Schema.Current, health.SchemaVersion);
            Assert.True(health.Documents >= 3);
            Assert.Equal(before, Hash(s.StorePath));
            Assert.Matches(@"Healthy\s+Problems\s+Documents\s+Path", s.Ok("Test-MspStore | Out-Default").Text);
            Assert.Equal(true, s.Ok("Test-MspStore -Quiet").Output.Single().BaseObject);

            s.Ok("Backup-MspStore ./copy.db | Out-Null");
            Assert.Equal(2, s.Ok("Get-ChildItem -Path . -Filter *.db | Test-MspStore").Objects<StoreHealth>().Count(h => h.Healthy));

            var missing = s.Run("Test-MspStore -Path ./none.db; 'still running'");
            Assert.Equal("MspLicensing.StoreNotFound,MspLicensing.Commands.TestMspStoreCommand", missing.Errors.Single().FullyQualifiedErrorId);
            Assert.Equal(ErrorCategory.ObjectNotFound, missing.Errors.Single().CategoryInfo.Category);
            Assert.Equal("still running", missing.Output.Single().ToString());
            Assert.False(File.Exists(Path.Combine(s.Directory, "none.db")));
        }
    }

    [Collection(ProcessEnvironment.Name)]
    public class DamagedStoreEnvironmentTests
    {
        [Theory]
        [MemberData(nameof(DamagedStoreCmdletTests.Cases), MemberType = typeof(DamagedStoreCmdletTests))]
        public void New_MspCustomer_on_a_damaged_store_is_refused_and_the_file_is_left_as_it_was(string kind)
        {
            using var s = new ModuleSession();
            var good = DamagedStoreCmdletTests.GoodStore(s);
            string path = Path.Combine(s.Directory, "env-damaged.db");
            File.WriteAllBytes(path, DamagedStoreCmdletTests.Damage(good, kind));
            string before = DamagedStoreCmdletTests.Hash(path);
            // A session that never connected uses MSPLICENSING_STORE: its first command checks the file.
            var r = s.Run($"$env:MSPLICENSING_STORE = '{path}'; try {{ Disconnect-MspStore; try {{ New-MspCustomer -Name New -Country US -City Seattle -ContactFirstName Ann -ContactLastName Lee -Email ann@example.com; 'created' }} catch {{ $_.FullyQualifiedErrorId }} }} finally {{ $env:MSPLICENSING_STORE = $null }}");
            Assert.Equal("MspLicensing.StoreDamaged,MspLicensing.Commands.NewMspCustomerCommand", r.Output.Single().ToString());
            Assert.Equal(before, DamagedStoreCmdletTests.Hash(path));
        }
    }
}
