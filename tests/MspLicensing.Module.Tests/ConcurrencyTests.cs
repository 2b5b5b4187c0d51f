using System;
using System.Diagnostics;
using System.IO;
using System.Linq;
using MspLicensing.Module.Tests.Hosting;
using Xunit;

namespace MspLicensing.Module.Tests
{
    public class ConcurrencyTests
    {
        private static string WriterDll()
        {
            string config = new DirectoryInfo(AppContext.BaseDirectory).Parent!.Name; // bin/<Configuration>/net10.0
            string dll = Path.Combine(ModuleSession.RepoRoot, "tests", "MspLicensing.StoreWriter", "bin", config, "net10.0", "MspLicensing.StoreWriter.dll");
            Assert.True(File.Exists(dll), "The StoreWriter helper is not built: " + dll);
            return dll;
        }

        private static Process Start(string store, string prefix, int customers, int increments, string mode = null)
        {
            var psi = new ProcessStartInfo("dotnet")
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            };
            foreach (var a in new[] { WriterDll(), ModuleSession.ManifestPath, store, prefix, customers.ToString(), increments.ToString(), mode })
                if (a != null) psi.ArgumentList.Add(a);
            return Process.Start(psi);
        }

        [Fact]
        public void Two_processes_writing_one_store_at_once_lose_nothing()
        {
            using var s = new ModuleSession();
            s.NewCustomer("Shared", "-Notes 0");
            const int customers = 60, increments = 40;
            var a = Start(s.StorePath, "A", customers, increments);
            var b = Start(s.StorePath, "B", customers, increments);
            string outA = a.StandardOutput.ReadToEnd(), errA = a.StandardError.ReadToEnd();
            string outB = b.StandardOutput.ReadToEnd(), errB = b.StandardError.ReadToEnd();
            Assert.True(a.WaitForExit(180_000) && b.WaitForExit(180_000), "writers did not finish");
            Assert.True(a.ExitCode == 0, outA + errA);
            Assert.True(b.ExitCode == 0, outB + errB);
            Assert.Contains($"created={customers} increments={increments}", outA);
            Assert.Contains($"created={customers} increments={increments}", outB);

            var names = s.Ok("Get-MspCustomer").Objects<Customer>().Select(c => c.Name).ToList();
            Assert.Equal(1 + 2 * customers, names.Count);
            Assert.All(Enumerable.Range(1, customers), i => Assert.Contains($"A-{i}", names));
            Assert.All(Enumerable.Range(1, customers), i => Assert.Contains($"B-{i}", names));
            // Every read-modify-write of the shared customer landed once: none overwrote another.
            var shared = s.Ok("Get-MspCustomer Shared").Objects<Customer>().Single();
            Assert.Equal((2 * increments).ToString(), shared.Notes);
            Assert.Equal(1 + 2 * increments, shared.Revision);
        }
    
        [Fact]
        public void A_process_killed_in_the_middle_of_a_bulk_import_leaves_a_store_that_opens_with_whole_customers_only()
        {
            using var s = new ModuleSession();
            s.NewCustomer("Before");
            var writer = Start(s.StorePath, "K", 200_000, 0, "bulk");
            var watch = Stopwatch.StartNew();
            int seen = 0;
            while (watch.Elapsed < TimeSpan.FromSeconds(60) && seen < 600)
            {
                System.Threading.Thread.Sleep(100);
                seen = (int)s.Ok("(Get-MspStore).Customers").Objects<int>().Single();
            }
            writer.Kill(entireProcessTree: true);
            writer.WaitForExit(30_000);
            Assert.True(seen >= 600, "the writer did not get going");

            using var after = new ModuleSession(storePath: s.StorePath);
            var customers = after.Ok("Get-MspCustomer").Objects<Customer>().ToList();
            Assert.True(customers.Count >= seen && customers.Count < 200_001, $"{customers.Count} customers");
            var bulk = customers.Where(c => c.Name.StartsWith("K-")).ToList();
            Assert.All(bulk, c =>
            {
                Assert.Equal("Berlin", c.City);
                Assert.Equal(c.Name.Substring(2), c.ExternalId["Autotask"]);
                Assert.Equal(1, c.Revision);
            });
            // Each customer landed with its audit entry in the same transaction, or neither did.
            Assert.Equal(customers.Count, after.Ok("(Get-MspAuditLog -TargetType Customer).Count").Objects<int>().Single());
            after.NewCustomer("After");
        }
    }
}
