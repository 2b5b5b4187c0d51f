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
// manifest, works on a fresh temporary store (N customers, three subscriptions each, M months of seat changes) and
// prints each measurement beside its target and beside the raw floor measured in the same run: LiteDB alone for a store
// file (Floor.cs), Npgsql alone for the team store (PostgresFloor.cs), and for the cold start a module of one cmdlet
// that does nothing (bench/MspLicensing.Bench.ColdFloor, ColdStart.cs). With --store postgres the same scenarios then run
// on a store file too, and each line shows the store file's figure of the same run beside the team store's (the lines
// are printed at the end). It is a report, not a test: missed targets still exit 0; an error (a failed command, a
// missing customer) exits 1.
//
//   dotnet run -c Release --project bench/MspLicensing.Bench [-- --scale 10000 --months 12]
//   dotnet run -c Release --project bench/MspLicensing.Bench -- --store postgres --connection-string 'Host=db;Username=admin;Database=postgres'
//
// --scale N  customers (default 10,000; targets are set at 10,000 and 100,000 and scale between)
// --months M months of seat changes (default 12)
// --store file|postgres  the kind of store (default file: a store file in a temporary folder)
// --connection-string CS the PostgreSQL server for --store postgres (else $env:MSPLICENSING_CONNECTION); its role
//                        creates a database for the run (and two for the contention measurement) and drops them after
//
// With --child it is the child process of the cold-start measurement: it starts the engine, imports the module and,
// given a store, runs one Get-MspCustomer -Name on it, and prints "<engine ms> <import ms> <first command ms>".
internal static class Program
{
    private const string ChildArgument = "--child";
    private const int ColdRuns = 5;
    private const int LookupCalls = 50;
    /// <summary>
    /// The most items one transaction of a pipeline or a renewal run takes in the module (BatchPace.MaxBatch); the
    /// module sizes its batches by time up to it, so the floor's batches are never smaller than the module's.
    /// </summary>
    private const int ModuleBatch = 5000;
    /// <summary>The items of each pipeline that warms the process up before the measurements (<see cref="Run.WarmUp"/>).</summary>
    private const int WarmUpItems = 10_000;
    /// <summary>The manifest of the cold start's floor (bench/MspLicensing.Bench.ColdFloor), which the build copies beside this program.</summary>
    private static string ColdFloorManifest => Path.Combine(AppContext.BaseDirectory, "ColdFloor.psd1");

    private static int Main(string[] args)
    {
        try
        {
            string manifest = Path.Combine(FindRepoRoot(), "MspLicensing.psd1");
            if (args.Length > 0 && args[0] == ChildArgument)
                return Child(manifest, args.Skip(1).ToArray());
            var options = Options.Parse(args);
            if (options == null) return 2;
            if (!options.Postgres)
            {
                var report = new Report(Console.Out);
                new Run(manifest, options, report, Console.Out).Benchmark();
                report.Summary();
                return 0;
            }
            // The team store, then the same scenarios on a store file in the same process: each line shows both.
            var team = new Report(Console.Out, besideFile: true);
            new Run(manifest, options, team, Console.Out).Benchmark();
            Console.WriteLine("  file    : the same scenarios on a store file in this run, for the file column (its own floors and verdicts are not shown)");
            Console.WriteLine();
            var file = new Report(TextWriter.Null);
            new Run(manifest, options.OnFile(), file, TextWriter.Null).Benchmark();
            team.PrintBeside(file.Figures);
            team.Summary();
            return 0;
        }
        catch (Exception ex)
        {
            Console.Error.WriteLine($"benchmark failed: {ex}");
            return 1;
        }
    }

    internal sealed class Options
    {
        public int Scale { get; private set; } = 10_000;
        public int Months { get; private set; } = 12;
        /// <summary>Whether the run works on the team store in PostgreSQL rather than on a store file.</summary>
        public bool Postgres { get; private set; }
        /// <summary>The PostgreSQL server (a connection string) for <see cref="Postgres"/>.</summary>
        public string ConnectionString { get; private set; }

        /// <summary>The same scale and months on a store file.</summary>
        public Options OnFile() => new Options { Scale = Scale, Months = Months };

        public static Options Parse(string[] args)
        {
            var options = new Options();
            for (int i = 0; i < args.Length; i++)
            {
                string value = i + 1 < args.Length ? args[i + 1] : null;
                switch (args[i])
                {
                    case "--scale" when int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out int n) && n >= 100 && n <= 1_000_000:
                        options.Scale = n;
                        i++;
                        break;
                    case "--months" when int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out int m) && m >= 1 && m <= 36:
                        options.Months = m;
                        i++;
                        break;
                    case "--store" when value == "file" || value == "postgres":
                        options.Postgres = value == "postgres";
                        i++;
                        break;
                    case "--connection-string" when !string.IsNullOrWhiteSpace(value):
                        options.ConnectionString = value;
                        i++;
                        break;
                    default:
                        Console.Error.WriteLine($"Unknown or invalid argument '{args[i]}' {(value == null ? "" : $"'{value}'")}. Usage: [--scale N (100..1000000, default 10000)] [--months M (1..36, default 12)] [--store file|postgres] [--connection-string CS]");
                        return null;
                }
            }
            if (options.Postgres && string.IsNullOrWhiteSpace(options.ConnectionString))
                options.ConnectionString = Environment.GetEnvironmentVariable("MSPLICENSING_CONNECTION");
            if (options.Postgres && string.IsNullOrWhiteSpace(options.ConnectionString))
            {
                Console.Error.WriteLine("--store postgres needs the server: --connection-string 'Host=…;Username=…;Database=postgres' or $env:MSPLICENSING_CONNECTION.");
                return null;
            }
            return options;
        }
    }

    private sealed class Run
    {
        private readonly string _manifest;
        private readonly int _customers;
        private readonly int _months;
        private readonly Report _report;
        private readonly TextWriter _out;
        private readonly Targets _targets;
        private string _folder;
        private readonly string _server;
        private readonly List<string> _databases = new List<string>();
        /// <summary>The store of the run: a store file's path, or the connection string of the team store's database.</summary>
        private string _store;
        private IFloor _floor;
        private Runspace _runspace;
        private MemoryWatch _memory;

        private bool Postgres => _server != null;

        public Run(string manifest, Options options, Report report, TextWriter output)
        {
            _manifest = manifest;
            _report = report;
            _out = output;
            _customers = options.Scale;
            _months = options.Months;
            _targets = new Targets(options.Scale, options.Months, options.Postgres);
            _server = options.Postgres ? options.ConnectionString : null;
        }

        /// <summary>A new, empty store: a file in the run's folder, or a database on the server.</summary>
        private string NewStore(string name)
        {
            if (!Postgres) return Path.Combine(_folder, name + ".db");
            string database = PostgresFloor.CreateDatabase(_server, name);
            _databases.Add(database);
            return database;
        }

        private int Subscriptions => _customers * 3;

        public int Benchmark()
        {
            _out.WriteLine("MspLicensing benchmark");
            _out.WriteLine($"  machine : {Environment.ProcessorCount} processors, {RuntimeInformation.OSDescription} ({RuntimeInformation.OSArchitecture})");
            _out.WriteLine($"  runtime : {RuntimeInformation.FrameworkDescription}, PowerShell {FileVersionInfo.GetVersionInfo(typeof(PSObject).Assembly.Location).ProductVersion.Split(' ')[0]}");
            if (File.Exists("/proc/loadavg"))
                _out.WriteLine($"  load    : {string.Join(" ", File.ReadAllText("/proc/loadavg").Split(' ').Take(3))} (1/5/15-minute load average at start; other work on the machine skews the timings)");
            _out.WriteLine($"  module  : {_manifest}");
            _out.WriteLine($"  scale   : {_customers:N0} customers, {Subscriptions:N0} subscriptions, {_months} months of seat changes (--scale, --months)");
            _folder = Path.Combine(Path.GetTempPath(), "msplicensing-bench-" + Guid.NewGuid().ToString("N"));
            Directory.CreateDirectory(_folder);
            try
            {
                _store = NewStore("main");
                _floor = Postgres ? new PostgresFloor(_store) : (IFloor)new LiteDbFloor(_store, _folder);
                _out.WriteLine($"  store   : {(Postgres ? "the team store, PostgreSQL " + PostgresFloor.ServerVersion(_store) + " at " + PostgresFloor.Display(_store) + " (--store postgres)" : "a store file (--store file)")}");
                _out.WriteLine($"  floor   : {_floor.Description}: one transaction, and transactions of {ModuleBatch:N0} (the module's largest batch)");
                _out.WriteLine();
                _report.Header();
                using (_memory = new MemoryWatch())
                using (_runspace = OpenSession(_manifest, Postgres, _store))
                {
                    WarmUp();
                    MeasureCustomers();
                    MeasureSubscriptions();
                    MeasureReads();
                    MeasureReconciliation();
                    _report.Memory("peak memory while the module's commands ran", _memory.Peak, _targets.PeakBytes,
                        "working set of the module and the host, sampled every 20 ms during the timed commands above, a command after much garbage (a floor's) begins once it is collected; reached in " + _memory.PeakDuring + "; the next highest: " + _memory.NextPeaks(2));
                    _report.Memory("peak memory of this process, floors included", Process.GetCurrentProcess().PeakWorkingSet64, null,
                        "no target: a floor's one transaction keeps its pages in memory until it commits");
                    MeasureCheckBeside();
                    MeasureDuplicates();
                    Invoke(_runspace, ps => ps.AddCommand("Disconnect-MspStore"));
                }
                MeasureColdStart();
                MeasureContention();
            }
            finally
            {
                Directory.Delete(_folder, recursive: true);
                foreach (string database in _databases)
                    PostgresFloor.DropDatabase(_server, database);
            }
            return 0;
        }

        /// <summary>Times a write scenario, then replays its documents raw into copies of the store as it was before it.</summary>
        private (double Ms, Floor.Times Floor) Write(Func<double> scenario)
        {
            var before = _floor.Before();
            double ms = _memory.While(scenario);
            return (ms, _floor.Replay(before, ModuleBatch));
        }

        private static string Writes(Floor.Times floor) =>
            $"{floor.Inserts:N0} inserts and {floor.Updates:N0} updates in batches (in one transaction {Report.Ms(floor.OneTransactionMs).Trim()})";

        /// <summary>
        /// The first pipelines of a process also compile the code they run: PowerShell's, the module's and the store's
        /// (the store's ahead of time where the build could), in the background, on the cores the pipeline runs on. Here
        /// that takes some ten thousand items of each kind before the pipeline runs at its steady speed. So the process
        /// first runs each kind of write pipeline (customers, assignments, seat changes) on a store of its own, in a session
        /// of its own, timed as information; the measurements after it run warm, as their floors do (which run after them,
        /// in this process). A new process's import and first command are measured apart (the cold start).
        /// </summary>
        private void WarmUp()
        {
            int n = Math.Min(_customers, WarmUpItems);
            using (var session = OpenSession(_manifest, Postgres, NewStore("warmup")))
            {
                void Run(string what, string pipeline, Func<PowerShell, PowerShell> build, int expected)
                {
                    double ms = _memory.While(() =>
                    {
                        var watch = Stopwatch.StartNew();
                        int count = Count(session, build).Written;
                        if (count != expected) throw new InvalidOperationException($"The warm-up's {pipeline} wrote {count} objects, not {expected}.");
                        return watch.Elapsed.TotalMilliseconds;
                    });
                    _report.Info($"warm-up: the process's first {n:N0} {what}", ms, null, $"{pipeline}, {n / (ms / 1000):N0} per s with compiling, on a store of its own");
                }
                Run("customers", "New-MspCustomer", Piped(Enumerable.Range(1, n).Select(i => CsvRow(i, "WarmUp")), "New-MspCustomer"), n);
                Invoke(session, ps => ps.AddCommand("New-MspServicePlan").AddParameter("Name", "Warm-up").AddParameter("Product", "WFBSS")
                    .AddParameter("InitialPeriodMonths", 1).AddParameter("AutoRenewalMonths", 1));
                Run("assignments", "Get-MspCustomer | New-MspSubscription", ps => ps.AddCommand("Get-MspCustomer").AddCommand("New-MspSubscription")
                    .AddParameter("ServicePlan", "Warm-up").AddParameter("Seats", 10).AddParameter("StartDate", DateTime.Today.AddMonths(-1)), n);
                Run("seat changes", "Get-MspSubscription | Set-MspSubscription", ps => ps.AddCommand("Get-MspSubscription").AddCommand("Set-MspSubscription")
                    .AddParameter("Seats", 11).AddParameter("Date", DateTime.Today), 0);
            }
        }

        private void MeasureCustomers()
        {
            // Rows as Import-Csv delivers them: PSObjects with string NoteProperties, blank cells as empty strings, made
            // as they are piped in.
            var rows = Enumerable.Range(1, _customers).Select(CsvRow);
            int created = 0;
            var (ms, floor) = Write(() =>
            {
                var watch = Stopwatch.StartNew();
                created = Count(_runspace, Piped(rows, "New-MspCustomer")).Written;
                return watch.Elapsed.TotalMilliseconds;
            });
            if (created != _customers)
                throw new InvalidOperationException($"New-MspCustomer created {created} of {_customers} customers.");
            _report.Target($"{_customers:N0} customers through New-MspCustomer (warm)", ms, floor.BatchedMs, _targets.Import,
                $"{_customers / (ms / 1000):N0} per s; floor: {Writes(floor)}");
            _report.Ratio("  the same against the floor", ms, floor.BatchedMs, 1.5, "target: within 1.5 x the raw floor in batches");

            var names = Enumerable.Range(1, LookupCalls).Select(i => NameOf(i * _customers / LookupCalls)).ToList();
            Func<string, Func<PowerShell, PowerShell>> byName = n => ps => ps.AddCommand("Get-MspCustomer").AddParameter("Name", n);
            names.ForEach(n => Time(byName(n), expected: 1));
            var lookups = names.Select(n => Time(byName(n), expected: 1)).ToList();
            _report.Target("Get-MspCustomer -Name <one>", Stats.Median(lookups), _floor.Lookup("customers", "NameKey", names.Select(n => n.ToUpperInvariant()).ToList()),
                _targets.Lookup, $"median of {LookupCalls} warm calls, max {lookups.Max():0.0} ms; floor: an index lookup");

            var ids = Enumerable.Range(1, LookupCalls).Select(i => (i * _customers / LookupCalls).ToString(CultureInfo.InvariantCulture)).ToList();
            Func<string, Func<PowerShell, PowerShell>> byExternal = id => ps => ps.AddCommand("Get-MspCustomer").AddParameter("ExternalId", new Hashtable { ["ConnectWiseManage"] = id });
            Time(byExternal(ids[0]), expected: 1);
            var external = ids.Take(10).Select(id => Time(byExternal(id), expected: 1)).ToList();
            _report.Target("Get-MspCustomer -ExternalId @{ConnectWiseManage=<one>}", Stats.Median(external), _floor.Lookup("customers", "NameKey", names.Take(10).Select(n => n.ToUpperInvariant()).ToList()),
                _targets.Lookup, "median of 10 warm calls; floor: an index lookup");

            var many = Enumerable.Range(1, Math.Min(3_000, _customers)).Select(i => NameOf((int)((long)i * _customers / Math.Min(3_000, _customers)))).ToArray();
            Time(ps => ps.AddCommand("Get-MspCustomer").AddParameter("Name", many.Take(10).ToArray()), expected: 10);
            // A call of a tenth of a second or a second measures the collection that falls into it as much as the command:
            // the median of three calls, and of three floors.
            var keys = many.Select(n => n.ToUpperInvariant()).ToList();
            _report.Target($"Get-MspCustomer -Name <{many.Length:N0} names>", MedianOf3(() => Time(ps => ps.AddCommand("Get-MspCustomer").AddParameter("Name", many), expected: many.Length)),
                MedianOf3(() => _floor.LookupAll("customers", "NameKey", keys)), 100, "median of 3 calls; floor: one index lookup per name");

            _report.Target($"Get-MspCustomer (all {_customers:N0})", MedianOf3(() => Time(ps => ps.AddCommand("Get-MspCustomer"), expected: _customers)),
                MedianOf3(() => _floor.ReadAll("customers").Ms), _targets.AllCustomers, "median of 3 calls; floor: every customer document read");

            // Connect-MspStore reads every page, document and index node of the file before it switches the session to it,
            // unless the verified stamp beside the store says only the module changed it since a passed check (so here,
            // after the store was made through the module, it checks the header); on the team store it checks the
            // schema version. Test-MspStore always checks everything.
            Func<PowerShell, PowerShell> connect = ps => ps.AddCommand("Connect-MspStore").AddParameter(Postgres ? "ConnectionString" : "Path", _store);
            Time(connect, expected: 0);
            var connects = Enumerable.Range(0, 5).Select(_ => Time(connect, expected: 0)).ToList();
            _report.Info(Postgres ? "Connect-MspStore (checks the schema version)" : "Connect-MspStore (the stamp of a passed check holds)", Stats.Median(connects), _floor.ReadAll("customers").Ms,
                $"median of 5 calls; floor: every customer document read");
            _report.Info("Test-MspStore", Time(ps => ps.AddCommand("Test-MspStore"), expected: 1), null, "one call");
        }

        /// <summary>
        /// Three subscriptions per customer started M months ago, a seat change in each month since, then the renewal
        /// run over all of it (every subscription is due: catch-up renewals and initial terms ending today).
        /// </summary>
        private void MeasureSubscriptions()
        {
            var start = DateTime.Today.AddMonths(-_months);
            var plans = new[]
            {
                ("Bench Monthly", "WFBSS", 1, 1),
                ("Bench Mail", "TMEMS", 12, 1),
                ("Bench Edge", "CE", 12, 12),
            };
            var (ms, floor) = Write(() =>
            {
                var watch = Stopwatch.StartNew();
                foreach (var (name, product, initial, renewal) in plans)
                {
                    Invoke(_runspace, ps => ps.AddCommand("New-MspServicePlan").AddParameter("Name", name).AddParameter("Product", product)
                        .AddParameter("InitialPeriodMonths", initial).AddParameter("AutoRenewalMonths", renewal));
                    int assigned = Count(_runspace, ps => ps.AddCommand("Get-MspCustomer").AddCommand("New-MspSubscription")
                        .AddParameter("ServicePlan", name).AddParameter("Seats", 10).AddParameter("StartDate", start)).Written;
                    if (assigned != _customers)
                        throw new InvalidOperationException($"New-MspSubscription assigned {assigned} of {_customers} customers to {name}.");
                }
                return watch.Elapsed.TotalMilliseconds;
            });
            _report.Target($"assign 3 plans to each customer ({Subscriptions:N0} subscriptions)", ms, floor.BatchedMs, _targets.Assign,
                $"Get-MspCustomer | New-MspSubscription; floor: {Writes(floor)}");

            (ms, floor) = Write(() =>
            {
                var watch = Stopwatch.StartNew();
                for (int m = 1; m <= _months; m++)
                {
                    var date = start.AddMonths(m).AddDays(-1);
                    Count(_runspace, ps => ps.AddCommand("Get-MspSubscription").AddCommand("Set-MspSubscription")
                        .AddParameter("Seats", 10 + m).AddParameter("Date", date));
                }
                return watch.Elapsed.TotalMilliseconds;
            });
            _report.Target($"{_months} months of seat changes ({Subscriptions * _months:N0} changes)", ms, floor.BatchedMs, _targets.SeatChanges,
                $"Get-MspSubscription | Set-MspSubscription, {_months} times; floor: {Writes(floor)}");

            int renewed = 0;
            (ms, floor) = Write(() =>
            {
                var watch = Stopwatch.StartNew();
                renewed = Count(_runspace, ps => ps.AddCommand("Invoke-MspRenewal"), a => (string)a.Properties["Action"].Value == "Renewed").Matched;
                return watch.Elapsed.TotalMilliseconds;
            });
            // The monthly plan is due every month; the two with a twelve-month first term once it has run out.
            int due = _customers * (_months >= 12 ? 3 : 1);
            if (renewed != due)
                throw new InvalidOperationException($"Invoke-MspRenewal renewed {renewed} subscriptions; {due} were due.");
            double read = _floor.ReadAll("customers", "subscriptions", "licenses").Ms;
            _report.Target($"Invoke-MspRenewal over {Subscriptions:N0} subscriptions", ms, read + floor.BatchedMs, _targets.Renewal,
                $"{renewed:N0} renewed; floor: every customer, subscription and license read ({Report.Ms(read).Trim()}), then {Writes(floor)}");
            _report.Info("Invoke-MspRenewal again (nothing due)", Time(ps => ps.AddCommand("Invoke-MspRenewal"), expected: 0), read, "same day: no changes");
        }

        private void MeasureReads()
        {
            // The usage report of last month: every license active, the months of seat history behind it.
            var last = DateTime.Today.AddMonths(-1);
            string month = last.ToString("yyyy-MM", CultureInfo.InvariantCulture);
            Func<PowerShell, PowerShell> usage = ps => ps.AddCommand("Get-MspUsageReport").AddParameter("Month", month);
            // The floor reads what the report reads: the customers' usage ledgers of the month, through their indexes.
            var (read, ledgers) = _floor.ReadLedgers(last.Year * 100 + last.Month);
            _report.Target($"Get-MspUsageReport -Month ({Subscriptions:N0} licenses)", Time(usage, expected: 3), read, _targets.Report,
                $"one row per product, first call; floor: the month's {ledgers:N0} usage ledger documents read through their indexes");
            _report.Info("Get-MspUsageReport -Month again", Time(usage, expected: 3), read, "second call");
            _report.Target("Get-MspUsageReport -Month -ByCustomer", Time(ps => usage(ps).AddParameter("ByCustomer"), expected: Subscriptions),
                read + _floor.ReadAll("customers").Ms, _targets.ReportByCustomer,
                $"{Subscriptions:N0} rows; floor: the month's usage ledger documents and every customer read");

            var names = Enumerable.Range(1, LookupCalls).Select(i => NameOf(i * _customers / LookupCalls)).ToList();
            names.ForEach(n => Time(ps => ps.AddCommand("Get-MspSubscription").AddParameter("Customer", n), expected: 3));
            var lookups = names.Select(n => Time(ps => ps.AddCommand("Get-MspSubscription").AddParameter("Customer", n), expected: 3)).ToList();
            _report.Target("Get-MspSubscription -Customer <one>", Stats.Median(lookups), _floor.Lookup("customers", "NameKey", names.Select(n => n.ToUpperInvariant()).ToList()),
                _targets.Lookup * 4, $"median of {LookupCalls} warm calls, max {lookups.Max():0.0} ms; floor: an index lookup");

            var codes = Invoke(_runspace, ps => ps.AddScript($"'{names[0]}','{names[1]}','{names[2]}' | ForEach-Object {{ (Get-MspLicense -Customer $_).ActivationCode }}"))
                .Select(o => o.ToString()).ToList();
            codes.ForEach(c => Time(ps => ps.AddCommand("Get-MspLicense").AddParameter("ActivationCode", c), expected: 1));
            var byCode = codes.Select(c => Time(ps => ps.AddCommand("Get-MspLicense").AddParameter("ActivationCode", c), expected: 1)).ToList();
            _report.Target("Get-MspLicense -ActivationCode <one>", Stats.Median(byCode), _floor.Lookup("licenses", "ActivationCode", codes),
                _targets.Lookup, $"median of {codes.Count} warm calls; floor: an index lookup");

            _report.Target($"Get-MspCustomer | Get-MspLicense ({_customers:N0} customers)",
                Time(ps => ps.AddCommand("Get-MspCustomer").AddCommand("Get-MspLicense"), expected: Subscriptions),
                _floor.ReadAll("customers", "subscriptions", "licenses").Ms, _targets.CustomersLicenses,
                "floor: every customer, subscription and license read");
        }

        /// <summary>
        /// Month end (R80): last month's report against a PSA export of one row per customer and product (rows as
        /// Import-Csv makes them, matched by the ConnectWise Manage id), a third of them a seat short, piped in one by one
        /// as `Import-Csv export.csv | Compare-MspUsage` pipes them: the benchmark keeps the rows' text, not their
        /// objects. The floor is the same comparison with plain dictionaries over the report's rows, read beforehand.
        /// </summary>
        private void MeasureReconciliation()
        {
            string month = DateTime.Today.AddMonths(-1).ToString("yyyy-MM", CultureInfo.InvariantCulture);
            var lines = Invoke(_runspace, ps => ps.AddCommand("Get-MspUsageReport").AddParameter("Month", month).AddParameter("ByCustomer"))
                .Select(o => (Customer: (string)o.Properties["Customer"].Value, Product: (string)o.Properties["Product"].Value, Chargeable: (int)o.Properties["Chargeable"].Value))
                .ToList();
            var rows = lines.Select((l, i) => (ExternalId: l.Customer.Substring(l.Customer.LastIndexOf(' ') + 1).TrimStart('0'), l.Customer, l.Product,
                Quantity: (i % 3 == 0 ? l.Chargeable - 1 : l.Chargeable).ToString(CultureInfo.InvariantCulture))).ToList();
            var compare = Piped(rows.Select(r => PsaRow(r.ExternalId, r.Customer, r.Product, r.Quantity)), $"Compare-MspUsage -Month {month} -Psa ConnectWiseManage");
            var watch = Stopwatch.StartNew();
            var result = _memory.While(() => Count(_runspace, compare, o => o.Properties["Status"].Value.ToString() == "UnderBilled"));
            watch.Stop();
            int under = result.Matched;
            if (result.Written != lines.Count || under != (lines.Count + 2) / 3)
                throw new InvalidOperationException($"Compare-MspUsage wrote {result.Written} lines ({under} UnderBilled); {lines.Count} lines, {(lines.Count + 2) / 3} of them a seat short, were expected.");
            var floor = Floor.Compare(lines, rows, under);
            _report.Target($"Compare-MspUsage, {lines.Count:N0} report lines and {rows.Count:N0} PSA rows", watch.Elapsed.TotalMilliseconds, floor, _targets.Reconcile,
                $"{under:N0} UnderBilled; the rows made as they are piped in; floor: the same comparison with dictionaries over the report's rows");
        }

        private static PSObject PsaRow(string externalId, string customer, string product, string quantity)
        {
            var row = new PSObject();
            row.Properties.Add(new PSNoteProperty("ExternalId", externalId));
            row.Properties.Add(new PSNoteProperty("Customer", customer));
            row.Properties.Add(new PSNoteProperty("Product", product));
            row.Properties.Add(new PSNoteProperty("Quantity", quantity));
            return row;
        }

        /// <summary>A batch with failing items against the same batch without them (R64: each item stands alone).</summary>
        private void MeasureDuplicates()
        {
            const int Rows = 2_000;
            var clean = Enumerable.Range(1, Rows).Select(i => CsvRow(i, "Clean")).ToList();
            var cleanMs = TimeWithErrors(ps => ps.AddCommand("New-MspCustomer"), clean, expectedErrors: 0);
            // Every other row repeats a customer that exists, spread through the batch.
            var mixed = Enumerable.Range(1, Rows).Select(i => i % 2 == 0 ? CsvRow(i, "Clean") : CsvRow(i, "Mixed")).ToList();
            var mixedMs = TimeWithErrors(ps => ps.AddCommand("New-MspCustomer"), mixed, expectedErrors: Rows / 2);
            _report.Ratio($"{Rows:N0} rows with 50% duplicates against {Rows:N0} clean rows", mixedMs, cleanMs, 2,
                $"clean {Report.Ms(cleanMs).Trim()}; each duplicate is an error, the others land");
        }

        /// <summary>Child processes: a bare engine start, then the import and one command on the store.</summary>
        private void MeasureColdStart()
        {
            string name = NameOf(_customers / 2);
            // A new pwsh, as a scheduled task starts: the repository's PowerShell tool, against a bare start of it.
            var pwsh = global::ColdStart.Measure(Path.GetDirectoryName(_manifest), _manifest, ColdFloorManifest, _store, Postgres, name, ColdRuns);
            if (pwsh != null)
            {
                _report.Target("cold module import (new pwsh)", pwsh.ImportMs, null, 1000,
                    $"median of {ColdRuns} processes timing themselves; a bare pwsh start {Report.Ms(pwsh.BareMs).Trim()}");
                _report.Target("  import + Get-MspCustomer -Name, over a bare pwsh start", pwsh.OverBareMs, pwsh.FloorOverBareMs, 250,
                    $"whole processes, median of {ColdRuns}; the first command of a session on {_customers:N0} customers {Report.Ms(pwsh.FirstMs).Trim()}; "
                    + "floor: a module of one cmdlet that does nothing, imported and run");
            }
            // The same in a process that hosts PowerShell, where the engine's own start is not warmed by pwsh.
            var cold = Enumerable.Range(0, ColdRuns).Select(_ => ColdStart(_store, Postgres, name)).ToList();
            double engine = Stats.Median(cold.Select(c => c.EngineMs));
            _report.Info("cold module import (hosted engine, child process)", Stats.Median(cold.Select(c => c.ImportMs)), null,
                $"median of {ColdRuns} processes; engine start alone {Report.Ms(engine).Trim()}");
            _report.Info("  import + Get-MspCustomer -Name there", Stats.Median(cold.Select(c => c.ImportMs + c.FirstMs)), null,
                $"the first command {Report.Ms(Stats.Median(cold.Select(c => c.FirstMs))).Trim()}");
        }

        /// <summary>
        /// Test-MspStore of the whole store after the seat changes, while another session reads a customer by name again
        /// and again: the check of a store file reads a copy of it, so the reader waits only while the copy is made.
        /// </summary>
        private void MeasureCheckBeside()
        {
            var reads = new List<double>();
            var done = new System.Threading.ManualResetEventSlim();
            using (var reader = OpenSession(_manifest, Postgres, _store))
            {
                Invoke(reader, ps => ps.AddCommand("Get-MspAccount"));
                var work = System.Threading.Tasks.Task.Run(() =>
                {
                    var random = new Random(7);
                    while (!done.IsSet || reads.Count < 3)
                    {
                        string name = NameOf(random.Next(1, _customers + 1));
                        reads.Add(Program.Time(reader, ps => ps.AddCommand("Get-MspCustomer").AddParameter("Name", name), expected: 1));
                    }
                });
                System.Threading.Thread.Sleep(200);
                double check = Program.Time(_runspace, ps => ps.AddCommand("Test-MspStore"), expected: 1);
                done.Set();
                work.Wait();
                _report.Info("Test-MspStore after the seat changes", check, null, Postgres
                    ? "one call (not in the peak memory above); the team store is read in one transaction beside the others"
                    : $"one call, {new FileInfo(_store).Length / (1024.0 * 1024):N0} MB (not in the peak memory above); it checks a copy of the file made under the store's gate");
            }
            _report.Target("  longest read (Get-MspCustomer -Name) meanwhile", reads.Max(), null, 1_000,
                $"{reads.Count} reads in another session, median {Stats.Median(reads):0.0} ms");
        }

        private const int ContentionSubscriptions = 3_000;

        /// <summary>
        /// A renewal run beside two people changing seats and one reading (each in a session of its own, as processes at
        /// the prompt would be): the run alone, then on a copy of the same store with them. The run is to take at most
        /// twice as long, and no read or single change to wait more than a second.
        /// </summary>
        private void MeasureContention()
        {
            string alone = NewStore("renewal_alone"), beside = Postgres ? NewStore("renewal_beside") : Path.Combine(_folder, "renewal_beside.db");
            // The same store twice: a copy of the file, or the same commands on a second database.
            foreach (string store in Postgres ? new[] { alone, beside } : new[] { alone })
            using (var setup = OpenSession(_manifest, Postgres, store))
            {
                Invoke(setup, ps => ps.AddCommand("New-MspServicePlan").AddParameter("Name", "Contention Monthly").AddParameter("Product", "WFBSS")
                    .AddParameter("InitialPeriodMonths", 1).AddParameter("AutoRenewalMonths", 1));
                var rows = Enumerable.Range(1, ContentionSubscriptions).Select(i => CsvRow(i)).ToList();
                Invoke(setup, ps => ps.AddCommand("New-MspCustomer").AddCommand("New-MspSubscription").AddParameter("ServicePlan", "Contention Monthly")
                    .AddParameter("Seats", 10).AddParameter("StartDate", DateTime.Today.AddMonths(-3)), rows);
                Invoke(setup, ps => ps.AddCommand("Disconnect-MspStore"));
            }
            if (!Postgres) File.Copy(alone, beside);

            double aloneMs;
            using (var session = OpenSession(_manifest, Postgres, alone))
                aloneMs = Program.Time(session, ps => ps.AddCommand("Invoke-MspRenewal"), expected: -1);

            var renewal = OpenSession(_manifest, Postgres, beside);
            var others = Enumerable.Range(0, 3).Select(_ => OpenSession(_manifest, Postgres, beside)).ToList();
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
                        changes[changer].Add(Program.Time(others[changer], ps => ps.AddCommand("Set-MspSubscription").AddParameter("Customer", customer)
                            .AddParameter("Seats", seats), expected: 0));
                    }
                }));
            }
            workers.Add(System.Threading.Tasks.Task.Run(() =>
            {
                while (!done.IsSet || reads.Count < 3) reads.Add(Program.Time(others[2], ps => ps.AddCommand("Get-MspAccount"), expected: 1));
            }));
            System.Threading.Thread.Sleep(200);
            double besideMs = Program.Time(renewal, ps => ps.AddCommand("Invoke-MspRenewal"), expected: -1);
            done.Set();
            System.Threading.Tasks.Task.WaitAll(workers.ToArray());
            foreach (var session in others.Append(renewal)) session.Dispose();

            var allChanges = changes[0].Concat(changes[1]).ToList();
            _report.Info($"Invoke-MspRenewal over {ContentionSubscriptions:N0} subscriptions, alone", aloneMs, null, "the measure for the run below");
            _report.Ratio("  the same beside 2 seat-changers and a reader", besideMs, aloneMs, 2, "target: within 2 x the run alone");
            _report.Target("  longest single seat change meanwhile", allChanges.Max(), null, 1_000,
                $"{allChanges.Count} changes, median {Stats.Median(allChanges):0.0} ms");
            _report.Target("  longest read (Get-MspAccount) meanwhile", reads.Max(), null, 1_000,
                $"{reads.Count} reads, median {Stats.Median(reads):0.0} ms");
        }

        private double Time(Func<PowerShell, PowerShell> build, int expected) => _memory.While(() => Program.Time(_runspace, build, expected));

        private static double MedianOf3(Func<double> measure) => Stats.Median(Enumerable.Range(0, 3).Select(_ => measure()).ToList());

        private double TimeWithErrors(Func<PowerShell, PowerShell> build, IEnumerable<object> input, int expectedErrors)
        {
            using (var ps = PowerShell.Create())
            {
                ps.Runspace = _runspace;
                build(ps);
                var watch = Stopwatch.StartNew();
                ps.Invoke(input);
                watch.Stop();
                if (ps.Streams.Error.Count != expectedErrors)
                    throw new InvalidOperationException($"Expected {expectedErrors} errors, got {ps.Streams.Error.Count}" +
                        (ps.Streams.Error.Count > 0 ? $", the first: {ps.Streams.Error[0]}" : "."));
                return watch.Elapsed.TotalMilliseconds;
            }
        }
    }

    /// <summary>A session of its own with the module imported and connected to <paramref name="store"/>.</summary>
    private static Runspace OpenSession(string manifest, bool postgres, string store)
    {
        var runspace = RunspaceFactory.CreateRunspace(InitialSessionState.CreateDefault2());
        runspace.Open();
        Invoke(runspace, ps => ps.AddScript($"Import-Module '{manifest}' -ErrorAction Stop; Connect-MspStore -{(postgres ? "ConnectionString" : "Path")} '{store}' -ErrorAction Stop"));
        return runspace;
    }

    private static PSObject CsvRow(int n) => CsvRow(n, "Customer");

    private static PSObject CsvRow(int n, string kind)
    {
        var countries = new[] { ("US", "Seattle", "WA"), ("DE", "Berlin", ""), ("GB", "London", ""), ("CA", "Toronto", "ON"), ("JP", "Tokyo", "") };
        var (country, city, state) = countries[n % countries.Length];
        var row = new PSObject();
        void Add(string property, string value) => row.Properties.Add(new PSNoteProperty(property, value));
        Add("Name", NameOf(n, kind));
        Add("Country", country);
        Add("City", city);
        Add("State", state);
        Add("ContactFirstName", "Ann");
        Add("ContactLastName", $"Lee{n}");
        Add("Email", $"ann.lee{n}@{kind.ToLowerInvariant()}{n}.example.com");
        if (kind == "Customer") Add("ExternalId", $"ConnectWiseManage={n}");
        return row;
    }

    private static string NameOf(int n, string kind = "Customer") => $"Bench {kind} {n:D6}";

    /// <summary>Times one command in its own PowerShell instance, as a user's call would run it; expected -1 takes any count.</summary>
    private static double Time(Runspace runspace, Func<PowerShell, PowerShell> build, int expected)
    {
        var watch = Stopwatch.StartNew();
        int count = Count(runspace, build).Written;
        watch.Stop();
        if (expected >= 0 && count != expected)
            throw new InvalidOperationException($"Expected {expected} objects, got {count}.");
        return watch.Elapsed.TotalMilliseconds;
    }

    /// <summary>The pipeline the benchmark runs now (its commands' names), for the peak memory to name where it was reached.</summary>
    internal static volatile string Running;

    /// <summary>Runs a command and returns what it wrote; any error record makes the benchmark fail.</summary>
    private static Collection<PSObject> Invoke(Runspace runspace, Func<PowerShell, PowerShell> build, IEnumerable<object> input = null)
    {
        using (var ps = Pipeline(runspace, build))
        {
            var output = input == null ? ps.Invoke() : ps.Invoke(input);
            Check(ps);
            return output;
        }
    }

    /// <summary>Runs a command and counts what it wrote (and what of it <paramref name="matches"/>) without keeping it.</summary>
    private static Tally Count(Runspace runspace, Func<PowerShell, PowerShell> build, Func<PSObject, bool> matches = null)
    {
        using (var ps = Pipeline(runspace, build))
        {
            var tally = new Tally(matches);
            ps.Invoke<PSObject, PSObject>(null, tally, null);
            Check(ps);
            return tally;
        }
    }

    private static PowerShell Pipeline(Runspace runspace, Func<PowerShell, PowerShell> build)
    {
        var ps = PowerShell.Create();
        ps.Runspace = runspace;
        build(ps);
        Running = string.Join(" | ", ps.Commands.Commands.Select(c => c.CommandText));
        return ps;
    }

    private static void Check(PowerShell ps)
    {
        if (ps.Streams.Error.Count > 0)
            throw new InvalidOperationException($"{ps.Streams.Error.Count} errors, the first: {ps.Streams.Error[0]}");
    }

    /// <summary>
    /// <paramref name="pipeline"/> with <paramref name="rows"/> piped into it one by one as they are made, the way
    /// `Import-Csv file.csv | ...` pipes a file's rows: a script, because the host would gather input given to the
    /// command itself before the pipeline runs.
    /// </summary>
    private static Func<PowerShell, PowerShell> Piped(IEnumerable<PSObject> rows, string pipeline) =>
        ps => ps.AddScript("param($Rows) $Rows | " + pipeline).AddArgument(rows);

    /// <summary>Runs this program again with --child: a new process, so the import and the first command are really the first.</summary>
    private static (double EngineMs, double ImportMs, double FirstMs) ColdStart(string store, bool postgres, string name)
    {
        var start = new ProcessStartInfo(Environment.ProcessPath) { RedirectStandardOutput = true, RedirectStandardError = true };
        if (Path.GetFileNameWithoutExtension(Environment.ProcessPath) == "dotnet")
            start.ArgumentList.Add(typeof(Program).Assembly.Location);
        start.ArgumentList.Add(ChildArgument);
        start.ArgumentList.Add(store);
        start.ArgumentList.Add(name);
        if (postgres) start.ArgumentList.Add("postgres");
        using (var child = Process.Start(start))
        {
            var stderr = child.StandardError.ReadToEndAsync();
            string stdout = child.StandardOutput.ReadToEnd();
            child.WaitForExit();
            if (child.ExitCode != 0)
                throw new InvalidOperationException($"The cold-start child process failed ({child.ExitCode}): {stderr.Result}");
            var fields = stdout.Split(' ', StringSplitOptions.TrimEntries).Select(f => double.Parse(f, CultureInfo.InvariantCulture)).ToArray();
            return (fields[0], fields[1], fields[2]);
        }
    }

    /// <summary>The child: engine start, Import-Module, then Get-MspCustomer -Name on the store (a file, or the team store with "postgres") as a scheduled task's first command.</summary>
    private static int Child(string manifest, string[] args)
    {
        var engine = Stopwatch.StartNew();
        using (var runspace = RunspaceFactory.CreateRunspace(InitialSessionState.CreateDefault2()))
        {
            runspace.Open();
            engine.Stop();
            var import = Stopwatch.StartNew();
            Invoke(runspace, ps => ps.AddScript($"Import-Module '{manifest}' -ErrorAction Stop"));
            import.Stop();
            var first = Stopwatch.StartNew();
            // As a scheduled task finds its store: the environment names it.
            Environment.SetEnvironmentVariable(args.Length > 2 && args[2] == "postgres" ? "MSPLICENSING_CONNECTION" : "MSPLICENSING_STORE", args[0]);
            Time(runspace, ps => ps.AddCommand("Get-MspCustomer").AddParameter("Name", args[1]), expected: 1);
            first.Stop();
            Console.WriteLine(FormattableString.Invariant($"{engine.Elapsed.TotalMilliseconds:0.0} {import.Elapsed.TotalMilliseconds:0.0} {first.Elapsed.TotalMilliseconds:0.0}"));
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
