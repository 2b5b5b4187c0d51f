using System;
using System.Collections;
using System.Collections.Generic;
using System.Collections.ObjectModel;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Management.Automation;
using System.Management.Automation.Runspaces;
using System.Runtime.InteropServices;

// The performance benchmark of PRODUCT.md §7: it hosts PowerShell in this process, imports the module from the root
// manifest, works on a fresh temporary store (10,000 customers, 30,000 subscriptions, a year of seat changes) and
// prints each measurement beside its target. It is a report, not a
// test: missed targets still exit 0; an error (a failed command, a missing customer) exits 1.
//
//   dotnet run -c Release --project bench/MspLicensing.Bench
//
// With --import-only it is the child process of the cold-import measurement: it starts the engine, times one
// Import-Module and prints "<engine ms> <import ms>".
internal static class Program
{
    private const string ImportOnlyArgument = "--import-only";
    private const int CustomerCount = 10_000;
    private const int ColdImportRuns = 3;
    private const int LookupCalls = 50;

    private static int Main(string[] args)
    {
        try
        {
            string manifest = Path.Combine(FindRepoRoot(), "MspLicensing.psd1");
            if (args.Contains(ImportOnlyArgument))
                return ImportOnly(manifest);
            return Benchmark(manifest);
        }
        catch (Exception ex)
        {
            Console.Error.WriteLine($"benchmark failed: {ex}");
            return 1;
        }
    }

    private static int Benchmark(string manifest)
    {
        Console.WriteLine("MspLicensing benchmark");
        Console.WriteLine($"  machine : {Environment.ProcessorCount} processors, {RuntimeInformation.OSDescription} ({RuntimeInformation.OSArchitecture})");
        Console.WriteLine($"  runtime : {RuntimeInformation.FrameworkDescription}, PowerShell {FileVersionInfo.GetVersionInfo(typeof(PSObject).Assembly.Location).ProductVersion.Split(' ')[0]}");
        if (File.Exists("/proc/loadavg"))
            Console.WriteLine($"  load    : {string.Join(" ", File.ReadAllText("/proc/loadavg").Split(' ').Take(3))} (1/5/15-minute load average at start; other work on the machine skews the timings)");
        Console.WriteLine($"  module  : {manifest}");
        Console.WriteLine();

        var report = new Report();

        var cold = Enumerable.Range(0, ColdImportRuns).Select(_ => ColdImport()).ToList();
        report.Info("engine start (child process, not counted)", Stats.Median(cold.Select(c => c.EngineMs)), $"median of {ColdImportRuns} processes");
        report.Target("cold module import", Stats.Median(cold.Select(c => c.ImportMs)), 1000,
            $"median of {ColdImportRuns} processes: {string.Join(", ", cold.Select(c => $"{c.ImportMs:0}"))} ms");

        string folder = Path.Combine(Path.GetTempPath(), "msplicensing-bench-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        try
        {
            using (var runspace = RunspaceFactory.CreateRunspace(InitialSessionState.CreateDefault2()))
            {
                runspace.Open();
                Invoke(runspace, ps => ps.AddScript(
                    $"Import-Module '{manifest}' -ErrorAction Stop; Connect-MspStore -Path '{Path.Combine(folder, "bench.db")}' -ErrorAction Stop"));
                MeasureCustomers(runspace, report);
                MeasureSubscriptions(runspace, report);
                Invoke(runspace, ps => ps.AddCommand("Disconnect-MspStore"));
            }
            MeasureContention(manifest, folder, report);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }

        Console.WriteLine();
        Console.WriteLine(report.Missed == 0 ? "all targets met" : $"{report.Missed} target{(report.Missed == 1 ? "" : "s")} missed");
        return 0;
    }

    private static void MeasureCustomers(Runspace runspace, Report report)
    {
        // Rows as Import-Csv delivers them: PSObjects with string NoteProperties, blank cells as empty strings.
        var rows = Enumerable.Range(1, CustomerCount).Select(CsvRow).ToList();
        var watch = Stopwatch.StartNew();
        int created = Invoke(runspace, ps => ps.AddCommand("New-MspCustomer"), rows).Count;
        watch.Stop();
        if (created != CustomerCount)
            throw new InvalidOperationException($"New-MspCustomer created {created} of {CustomerCount} customers.");
        report.Target($"bulk import of {CustomerCount:N0} customers (pipeline)", watch.Elapsed.TotalMilliseconds, 10_000,
            $"{created:N0} created, {CustomerCount / watch.Elapsed.TotalSeconds:N0} per s");

        string name = NameOf(CustomerCount / 2);
        Func<PowerShell, PowerShell> byName = ps => ps.AddCommand("Get-MspCustomer").AddParameter("Name", name);
        Time(runspace, byName, expected: 1);
        var lookups = Enumerable.Range(0, LookupCalls).Select(_ => Time(runspace, byName, expected: 1)).ToList();
        report.Target("Get-MspCustomer -Name <exact>", Stats.Median(lookups), 20,
            $"median of {LookupCalls} warm calls, max {lookups.Max():0.0} ms");

        // Connect-MspStore reads every page, document and index node of the file before it switches the session to it.
        string storePath = Invoke(runspace, ps => ps.AddScript("(Get-MspStore).Path")).Single().ToString();
        Func<PowerShell, PowerShell> connect = ps => ps.AddCommand("Connect-MspStore").AddParameter("Path", storePath);
        Time(runspace, connect, expected: 0);
        var connects = Enumerable.Range(0, 10).Select(_ => Time(runspace, connect, expected: 0)).ToList();
        report.Info($"Connect-MspStore (checks every page, document and index), {CustomerCount:N0} customers", Stats.Median(connects),
            $"median of 10 calls, max {connects.Max():0.0} ms");
        report.Info($"Test-MspStore with {CustomerCount:N0} customers", Time(runspace, ps => ps.AddCommand("Test-MspStore"), expected: 1), "one call");

        report.Info($"Get-MspCustomer (all {CustomerCount:N0})",
            Time(runspace, ps => ps.AddCommand("Get-MspCustomer"), expected: CustomerCount), "one call");
        report.Info("Get-MspCustomer -ExternalId @{ConnectWiseManage='5000'}",
            Time(runspace, ps => ps.AddCommand("Get-MspCustomer").AddParameter("ExternalId", new Hashtable { ["ConnectWiseManage"] = "5000" }), expected: 1),
            "one call");
    }

    /// <summary>
    /// Three subscriptions per customer started a year ago, a seat change in each of the twelve months since, then the
    /// renewal run over all of it (every subscription is due: catch-up renewals and initial terms ending today) and a
    /// customer's subscriptions.
    /// </summary>
    private static void MeasureSubscriptions(Runspace runspace, Report report)
    {
        var start = DateTime.Today.AddMonths(-12);
        var plans = new[]
        {
            ("Bench Monthly", "WFBSS", 1, 1),
            ("Bench Mail", "TMEMS", 12, 1),
            ("Bench Edge", "CE", 12, 12),
        };
        var watch = Stopwatch.StartNew();
        foreach (var (name, product, initial, renewal) in plans)
        {
            Invoke(runspace, ps => ps.AddCommand("New-MspServicePlan").AddParameter("Name", name).AddParameter("Product", product)
                .AddParameter("InitialPeriodMonths", initial).AddParameter("AutoRenewalMonths", renewal));
            int assigned = Invoke(runspace, ps => ps.AddCommand("Get-MspCustomer").AddCommand("New-MspSubscription")
                .AddParameter("ServicePlan", name).AddParameter("Seats", 10).AddParameter("StartDate", start)).Count;
            if (assigned != CustomerCount)
                throw new InvalidOperationException($"New-MspSubscription assigned {assigned} of {CustomerCount} customers to {name}.");
        }
        int subscriptions = CustomerCount * plans.Length;
        report.Info($"assign 3 plans to each customer ({subscriptions:N0} subscriptions)", watch.Elapsed.TotalMilliseconds,
            $"{subscriptions / watch.Elapsed.TotalSeconds:N0} per s, Get-MspCustomer | New-MspSubscription");

        watch.Restart();
        for (int m = 1; m <= 12; m++)
        {
            var date = start.AddMonths(m).AddDays(-1);
            Invoke(runspace, ps => ps.AddCommand("Get-MspSubscription").AddCommand("Set-MspSubscription")
                .AddParameter("Seats", 10 + m).AddParameter("Date", date));
        }
        report.Info($"a year of monthly seat changes ({subscriptions * 12:N0} changes)", watch.Elapsed.TotalMilliseconds,
            $"{subscriptions * 12 / watch.Elapsed.TotalSeconds:N0} per s, Get-MspSubscription | Set-MspSubscription, 12 times");

        watch.Restart();
        var actions = Invoke(runspace, ps => ps.AddCommand("Invoke-MspRenewal"));
        watch.Stop();
        int renewed = actions.Count(a => (string)a.Properties["Action"].Value == "Renewed");
        if (renewed != subscriptions)
            throw new InvalidOperationException($"Invoke-MspRenewal renewed {renewed} of {subscriptions} subscriptions.");
        report.Target($"Invoke-MspRenewal over {subscriptions:N0} subscriptions", watch.Elapsed.TotalMilliseconds, 5_000,
            $"{renewed:N0} renewed, {actions.Count:N0} actions");
        report.Info("Invoke-MspRenewal again (nothing due)", Time(runspace, ps => ps.AddCommand("Invoke-MspRenewal"), expected: 0), "same day: no changes");

        // The usage report of last month: every license active, twelve months of seat history behind it.
        string month = DateTime.Today.AddMonths(-1).ToString("yyyy-MM", CultureInfo.InvariantCulture);
        Func<PowerShell, PowerShell> usage = ps => ps.AddCommand("Get-MspUsageReport").AddParameter("Month", month);
        var products = Time(runspace, usage, expected: plans.Length);
        report.Target("Get-MspUsageReport -Month (30,000 licenses)", products, 1_000, "one row per product, first call");
        report.Info("Get-MspUsageReport -Month again", Time(runspace, usage, expected: plans.Length), "second call");
        report.Target("Get-MspUsageReport -Month -ByCustomer", Time(runspace, ps => usage(ps).AddParameter("ByCustomer"), expected: subscriptions), 3_000,
            $"{subscriptions:N0} rows");

        string customer = NameOf(CustomerCount / 3);
        Func<PowerShell, PowerShell> ofCustomer = ps => ps.AddCommand("Get-MspSubscription").AddParameter("Customer", customer);
        Time(runspace, ofCustomer, expected: plans.Length);
        var lookups = Enumerable.Range(0, LookupCalls).Select(_ => Time(runspace, ofCustomer, expected: plans.Length)).ToList();
        report.Target("Get-MspSubscription -Customer <one>", Stats.Median(lookups), 20,
            $"median of {LookupCalls} warm calls, max {lookups.Max():0.0} ms");
    }

    private const int ContentionSubscriptions = 3_000;

    /// <summary>
    /// A renewal run beside two people changing seats and one reading (each in a session of its own, as processes at
    /// the prompt would be): the run alone, then on a copy of the same store with them. The run is to take at most
    /// twice as long, and no read or single change to wait more than a second.
    /// </summary>
    private static void MeasureContention(string manifest, string folder, Report report)
    {
        string alone = Path.Combine(folder, "renewal-alone.db"), beside = Path.Combine(folder, "renewal-beside.db");
        using (var setup = OpenSession(manifest, alone))
        {
            Invoke(setup, ps => ps.AddCommand("New-MspServicePlan").AddParameter("Name", "Contention Monthly").AddParameter("Product", "WFBSS")
                .AddParameter("InitialPeriodMonths", 1).AddParameter("AutoRenewalMonths", 1));
            var rows = Enumerable.Range(1, ContentionSubscriptions).Select(CsvRow).ToList();
            Invoke(setup, ps => ps.AddCommand("New-MspCustomer").AddCommand("New-MspSubscription").AddParameter("ServicePlan", "Contention Monthly")
                .AddParameter("Seats", 10).AddParameter("StartDate", DateTime.Today.AddMonths(-3)), rows);
            Invoke(setup, ps => ps.AddCommand("Disconnect-MspStore"));
        }
        File.Copy(alone, beside);

        double aloneMs;
        using (var session = OpenSession(manifest, alone))
            aloneMs = Time(session, ps => ps.AddCommand("Invoke-MspRenewal"), expected: -1);

        var renewal = OpenSession(manifest, beside);
        var others = Enumerable.Range(0, 3).Select(_ => OpenSession(manifest, beside)).ToList();
        // A session's first command checks the whole file: do that before the clock runs.
        foreach (var session in others.Append(renewal)) Invoke(session, ps => ps.AddCommand("Get-MspAccount"));
        var changes = new List<double>[2] { new List<double>(), new List<double>() };
        var reads = new List<double>();
        var done = new System.Threading.ManualResetEventSlim();
        var workers = new List<System.Threading.Tasks.Task>();
        for (int c = 0; c < 2; c++)
        {
            int changer = c;
            workers.Add(System.Threading.Tasks.Task.Run(() =>
            {
                var random = new Random(changer);
                while (!done.IsSet || changes[changer].Count < 3)
                {
                    string customer = NameOf(random.Next(1, ContentionSubscriptions + 1));
                    int seats = random.Next(11, 50);
                    changes[changer].Add(Time(others[changer], ps => ps.AddCommand("Set-MspSubscription").AddParameter("Customer", customer)
                        .AddParameter("Seats", seats), expected: 0));
                }
            }));
        }
        workers.Add(System.Threading.Tasks.Task.Run(() =>
        {
            while (!done.IsSet || reads.Count < 3) reads.Add(Time(others[2], ps => ps.AddCommand("Get-MspAccount"), expected: 1));
        }));
        System.Threading.Thread.Sleep(200);
        double besideMs = Time(renewal, ps => ps.AddCommand("Invoke-MspRenewal"), expected: -1);
        done.Set();
        System.Threading.Tasks.Task.WaitAll(workers.ToArray());
        foreach (var session in others.Append(renewal)) session.Dispose();

        var allChanges = changes[0].Concat(changes[1]).ToList();
        report.Info($"Invoke-MspRenewal over {ContentionSubscriptions:N0} subscriptions, alone", aloneMs, "the floor for the run below");
        report.Target("  the same beside 2 seat-changers and a reader", besideMs, 2 * aloneMs,
            $"{besideMs / aloneMs:0.00} x alone (target < 2 x)");
        report.Target("  longest single seat change meanwhile", allChanges.Max(), 1_000,
            $"{allChanges.Count} changes, median {Stats.Median(allChanges):0.0} ms");
        report.Target("  longest read (Get-MspAccount) meanwhile", reads.Max(), 1_000,
            $"{reads.Count} reads, median {Stats.Median(reads):0.0} ms");
    }

    /// <summary>A session of its own with the module imported and connected to <paramref name="store"/>.</summary>
    private static Runspace OpenSession(string manifest, string store)
    {
        var runspace = RunspaceFactory.CreateRunspace(InitialSessionState.CreateDefault2());
        runspace.Open();
        Invoke(runspace, ps => ps.AddScript($"Import-Module '{manifest}' -ErrorAction Stop; Connect-MspStore -Path '{store}' -ErrorAction Stop"));
        return runspace;
    }

    private static PSObject CsvRow(int n)
    {
        var countries = new[] { ("US", "Seattle", "WA"), ("DE", "Berlin", ""), ("GB", "London", ""), ("CA", "Toronto", "ON"), ("JP", "Tokyo", "") };
        var (country, city, state) = countries[n % countries.Length];
        var row = new PSObject();
        void Add(string property, string value) => row.Properties.Add(new PSNoteProperty(property, value));
        Add("Name", NameOf(n));
        Add("Country", country);
        Add("City", city);
        Add("State", state);
        Add("ContactFirstName", "Ann");
        Add("ContactLastName", $"Lee{n}");
        Add("Email", $"ann.lee{n}@customer{n}.example.com");
        Add("ExternalId", $"ConnectWiseManage={n}");
        return row;
    }

    private static string NameOf(int n) => $"Bench Customer {n:D5}";

    /// <summary>Times one command in its own PowerShell instance, as a user's call would run it; expected -1 takes any count.</summary>
    private static double Time(Runspace runspace, Func<PowerShell, PowerShell> build, int expected)
    {
        var watch = Stopwatch.StartNew();
        int count = Invoke(runspace, build).Count;
        watch.Stop();
        if (expected >= 0 && count != expected)
            throw new InvalidOperationException($"Expected {expected} objects, got {count}.");
        return watch.Elapsed.TotalMilliseconds;
    }

    /// <summary>Runs a command; any error record makes the benchmark fail.</summary>
    private static Collection<PSObject> Invoke(Runspace runspace, Func<PowerShell, PowerShell> build, IEnumerable<object> input = null)
    {
        using (var ps = PowerShell.Create())
        {
            ps.Runspace = runspace;
            build(ps);
            var output = input == null ? ps.Invoke() : ps.Invoke(input);
            if (ps.Streams.Error.Count > 0)
                throw new InvalidOperationException($"{ps.Streams.Error.Count} errors, the first: {ps.Streams.Error[0]}");
            return output;
        }
    }

    /// <summary>Runs this program again with --import-only: a new process, so the import is really the first one.</summary>
    private static (double EngineMs, double ImportMs) ColdImport()
    {
        var start = new ProcessStartInfo(Environment.ProcessPath) { RedirectStandardOutput = true, RedirectStandardError = true };
        if (Path.GetFileNameWithoutExtension(Environment.ProcessPath) == "dotnet")
            start.ArgumentList.Add(typeof(Program).Assembly.Location);
        start.ArgumentList.Add(ImportOnlyArgument);
        using (var child = Process.Start(start))
        {
            var stderr = child.StandardError.ReadToEndAsync();
            string stdout = child.StandardOutput.ReadToEnd();
            child.WaitForExit();
            if (child.ExitCode != 0)
                throw new InvalidOperationException($"The import-only child process failed ({child.ExitCode}): {stderr.Result}");
            var fields = stdout.Split(' ', StringSplitOptions.TrimEntries).Select(f => double.Parse(f, CultureInfo.InvariantCulture)).ToArray();
            return (fields[0], fields[1]);
        }
    }

    private static int ImportOnly(string manifest)
    {
        var engine = Stopwatch.StartNew();
        using (var runspace = RunspaceFactory.CreateRunspace(InitialSessionState.CreateDefault2()))
        {
            runspace.Open();
            engine.Stop();
            var import = Stopwatch.StartNew();
            Invoke(runspace, ps => ps.AddScript($"Import-Module '{manifest}' -ErrorAction Stop; Get-Command -Module MspLicensing | Out-Null"));
            import.Stop();
            Console.WriteLine(FormattableString.Invariant($"{engine.Elapsed.TotalMilliseconds:0.0} {import.Elapsed.TotalMilliseconds:0.0}"));
        }
        return 0;
    }

    private static string FindRepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir != null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "MspLicensing.sln")))
                return dir.FullName;
        throw new InvalidOperationException($"No MspLicensing.sln above {AppContext.BaseDirectory}.");
    }
}
