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

        private static Process Start(string store, string prefix, int customers, int increments)
        {
            var psi = new ProcessStartInfo("dotnet")
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            };
            foreach (var a in new[] { WriterDll(), ModuleSession.ManifestPath, store, prefix, customers.ToString(), increments.ToString() })
                psi.ArgumentList.Add(a);
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
            Assert.Equal(1 + 2 * increments, shared.Version);
        }
    }
}
