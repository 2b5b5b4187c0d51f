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

        [SkippableFact]
        public void Eight_processes_writing_the_team_store_at_once_lose_nothing()
        {
            using var s = new ModuleSession(postgres: true);
            s.NewCustomer("Shared", "-Notes 0");
            s.Ok("New-MspServicePlan -Name Rolling -Product WFBSS -InitialPeriodMonths 1 -AutoRenewalMonths 1 -DataCenter Germany");
            s.Ok("1..60 | ForEach-Object { [pscustomobject]@{ Name = \"R-$_\"; Country = 'DE'; City = 'Berlin'; ContactFirstName = 'A'; ContactLastName = 'B'; Email = \"r$_@example.com\" } } | New-MspCustomer | New-MspSubscription -ServicePlan Rolling -Seats 10 -StartDate 2026-01-10");
            const int writers = 5, customers = 12, increments = 8, seatChanges = 15;
            var processes = Enumerable.Range(0, writers).Select(w => Start(s.ConnectionString, "W" + w, customers, increments)).ToList();
            // Seat changes on subscriptions the renewal run renews at the same time.
            processes.Add(Start(s.ConnectionString, "R-1", seatChanges, 0, "seats"));
            processes.Add(Start(s.ConnectionString, "R-2", seatChanges, 0, "seats"));
            processes.Add(Start(s.ConnectionString, "2026-06-15", 0, 0, "renewal"));
            var outputs = processes.Select(p => (Out: p.StandardOutput.ReadToEndAsync(), Err: p.StandardError.ReadToEndAsync())).ToList();
            for (int i = 0; i < processes.Count; i++)
            {
                Assert.True(processes[i].WaitForExit(300_000), "a writer did not finish");
                Assert.True(processes[i].ExitCode == 0, outputs[i].Out.Result + outputs[i].Err.Result);
            }
            for (int w = 0; w < writers; w++)
                Assert.Contains($"created={customers} increments={increments}", outputs[w].Out.Result);
            Assert.Contains($"seats={10 + seatChanges}", outputs[writers].Out.Result);
            Assert.Contains("renewed=", outputs[writers + 2].Out.Result);

            var names = s.Ok("Get-MspCustomer").Objects<Customer>().Select(c => c.Name).ToList();
            Assert.Equal(1 + 60 + writers * customers, names.Count);
            Assert.All(Enumerable.Range(0, writers), w => Assert.All(Enumerable.Range(1, customers), i => Assert.Contains($"W{w}-{i}", names)));
            // Every read-modify-write of the shared customer landed once: none overwrote another.
            var shared = s.Ok("Get-MspCustomer Shared").Objects<Customer>().Single();
            Assert.Equal((writers * increments).ToString(), shared.Notes);
            Assert.Equal(1 + writers * increments, shared.Revision);
            // Every seat change landed beside the renewals, and every subscription was renewed past the run's date.
            foreach (var customer in new[] { "R-1", "R-2" })
            {
                var license = s.Ok($"Get-MspLicense -Customer {customer}").Objects<License>().Single();
                Assert.Equal(10 + seatChanges, license.Seats);
            }
            var subscriptions = s.Ok("Get-MspSubscription -ServicePlan Rolling").Objects<Subscription>().ToList();
            Assert.Equal(60, subscriptions.Count);
            Assert.All(subscriptions, x => Assert.True(x.ExpirationDate > new DateTime(2026, 6, 15), x.Customer + " " + x.ExpirationDate));
            // Each change has its audit entry: one per customer created, one per increment.
            Assert.Equal(1 + 60 + writers * customers, s.Ok("(Get-MspAuditLog -TargetType Customer -Command New-MspCustomer).Count").Objects<int>().Single());
            Assert.Equal(writers * increments, s.Ok("(Get-MspAuditLog -Customer Shared -Command Set-MspCustomer).Count").Objects<int>().Single());
        }

        [SkippableFact]
        public void A_process_killed_in_the_middle_of_a_bulk_import_into_the_team_store_leaves_whole_customers_only()
        {
            using var s = new ModuleSession(postgres: true);
            s.NewCustomer("Before");
            var writer = Start(s.ConnectionString, "K", 200_000, 0, "bulk");
            var watch = Stopwatch.StartNew();
            int seen = 0;
            while (watch.Elapsed < TimeSpan.FromSeconds(90) && seen < 600)
            {
                System.Threading.Thread.Sleep(100);
                seen = (int)s.Ok("(Get-MspStore).Customers").Objects<int>().Single();
            }
            writer.Kill(entireProcessTree: true);
            writer.WaitForExit(30_000);
            Assert.True(seen >= 600, "the writer did not get going");

            var customers = s.Ok("Get-MspCustomer").Objects<Customer>().ToList();
            Assert.True(customers.Count >= seen && customers.Count < 200_001, $"{customers.Count} customers");
            Assert.All(customers.Where(c => c.Name.StartsWith("K-")), c =>
            {
                Assert.Equal("Berlin", c.City);
                Assert.Equal(c.Name.Substring(2), c.ExternalId["Autotask"]);
                Assert.Equal(1, c.Revision);
            });
            // Each customer landed with its audit entry in the same transaction, or neither did.
            Assert.Equal(customers.Count, s.Ok("(Get-MspAuditLog -TargetType Customer).Count").Objects<int>().Single());
            s.NewCustomer("After");
        }
    }
}
