using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.Linq;

/// <summary>
/// The cold start of a scheduled task, as the issue of the distributor scale puts it: a new pwsh that imports the module
/// and runs one Get-MspCustomer -Name on the store, against a bare pwsh start. Both are the repository's PowerShell
/// tool (dotnet tool run pwsh, the one the tests use), timed from process start to exit, alternately, and the medians
/// compared. The store is named by the environment, as a scheduled task finds it. The floor is the same start with a
/// module of one binary cmdlet that does no work of its own (bench/MspLicensing.Bench.ColdFloor: a manifest, a format
/// file of one view, a netstandard2.0 dll), timed alternately with the others: what PowerShell costs any such module
/// to import and run a first command of, which the repository's PowerShell tool pays in full, as its own assemblies are
/// not precompiled (the packages of pwsh that users install are).
/// </summary>
/// <remarks>
/// The timed process runs only what such a task runs: the import and the command, which fails the process when the
/// customer is not found (an exact name that no customer has is an error). Timing inside the script would be measured
/// with it: the first .NET call of a new pwsh ([Diagnostics.Stopwatch]::StartNew(), a property such as .Count) costs
/// tens of milliseconds of its own. So the import and the first command are timed apart, by processes of their own
/// whose script times itself.
/// </remarks>
internal static class ColdStart
{
    internal sealed class Times
    {
        public double BareMs { get; set; }
        public double ModuleMs { get; set; }
        public double ImportMs { get; set; }
        public double FirstMs { get; set; }
        public double FloorMs { get; set; }
        public double OverBareMs => ModuleMs - BareMs;
        public double FloorOverBareMs => FloorMs - BareMs;
    }

    /// <summary>The medians of <paramref name="runs"/> starts of each kind; null when pwsh does not start (the tool is not restored).</summary>
    /// <param name="floorManifest">The manifest of the floor's module.</param>
    internal static Times Measure(string repo, string manifest, string floorManifest, string store, bool postgres, string name, int runs)
    {
        string floor = $"Import-Module {Quote(floorManifest)} -ErrorAction Stop; $null = Get-ColdFloorItem -Name {Quote(name)}";
        string import = $"Import-Module {Quote(manifest)} -ErrorAction Stop";
        string command = $"Get-MspCustomer -Name {Quote(name)} -ErrorAction Stop";
        string task = $"{import}; $null = {command}";
        string timed = "$w = [Diagnostics.Stopwatch]::StartNew(); "
                       + $"{import}; $i = $w.Elapsed.TotalMilliseconds; $null = {command}; "
                       + "[Console]::Out.WriteLine([string]::Format([cultureinfo]::InvariantCulture, '{0:0.0} {1:0.0}', $i, $w.Elapsed.TotalMilliseconds - $i))";
        var environment = new Dictionary<string, string> { [postgres ? "MSPLICENSING_CONNECTION" : "MSPLICENSING_STORE"] = store };
        // A first start of each kind warms the disk cache and the tool's shim; it is not counted.
        if (Run(repo, "exit 0", environment, out _) == null) return null;
        if (Run(repo, task, environment, out _) == null) return null;
        if (Run(repo, floor, environment, out _) == null) return null;
        var bare = new List<double>();
        var module = new List<double>();
        var floors = new List<double>();
        var inside = new List<double[]>();
        for (int i = 0; i < runs; i++)
        {
            double? b = Run(repo, "exit 0", environment, out _);
            double? m = Run(repo, task, environment, out _);
            double? nothing = Run(repo, floor, environment, out _);
            double? t = Run(repo, timed, environment, out string output);
            if (b == null || m == null || nothing == null || t == null) return null;
            bare.Add(b.Value);
            module.Add(m.Value);
            floors.Add(nothing.Value);
            inside.Add(output.Trim().Split(' ').Select(f => double.Parse(f, CultureInfo.InvariantCulture)).ToArray());
        }
        return new Times
        {
            BareMs = Stats.Median(bare),
            ModuleMs = Stats.Median(module),
            FloorMs = Stats.Median(floors),
            ImportMs = Stats.Median(inside.Select(x => x[0])),
            FirstMs = Stats.Median(inside.Select(x => x[1])),
        };
    }

    private static string Quote(string text) => "'" + text.Replace("'", "''") + "'";

    /// <summary>Runs pwsh with the command; its wall time in milliseconds, or null when it failed to start or failed.</summary>
    private static double? Run(string repo, string command, IDictionary<string, string> environment, out string output)
    {
        output = string.Empty;
        var start = new ProcessStartInfo("dotnet") { WorkingDirectory = repo, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (string arg in new[] { "tool", "run", "pwsh", "--", "-NoProfile", "-NonInteractive", "-Command", command }) start.ArgumentList.Add(arg);
        foreach (var pair in environment) start.Environment[pair.Key] = pair.Value;
        start.Environment["POWERSHELL_TELEMETRY_OPTOUT"] = "1";
        start.Environment["POWERSHELL_UPDATECHECK"] = "Off";
        var watch = Stopwatch.StartNew();
        try
        {
            using (var child = Process.Start(start))
            {
                var stderr = child.StandardError.ReadToEndAsync();
                output = child.StandardOutput.ReadToEnd();
                child.WaitForExit();
                watch.Stop();
                if (child.ExitCode != 0)
                {
                    Console.Error.WriteLine($"pwsh exited with {child.ExitCode}: {stderr.Result.Trim()}");
                    return null;
                }
            }
        }
        catch (System.ComponentModel.Win32Exception ex)
        {
            Console.Error.WriteLine($"pwsh did not start: {ex.Message}");
            return null;
        }
        return watch.Elapsed.TotalMilliseconds;
    }
}
