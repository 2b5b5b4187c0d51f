using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;

/// <summary>
/// Prints measurements as they come, each beside the raw floor measured in the same run (where there is one), the
/// ratio to it and the target, and counts the missed targets. A report of the team store keeps its lines instead and
/// prints them once the same scenarios ran on a store file, with the file's figure beside each (<see cref="PrintBeside"/>).
/// </summary>
internal sealed class Report
{
    private const int LabelWidth = 56;

    private readonly TextWriter _output;
    private readonly bool _besideFile;
    private readonly Dictionary<string, double> _figures = new Dictionary<string, double>(StringComparer.Ordinal);
    private readonly List<(string Label, Func<string, string> Line)> _lines = new List<(string, Func<string, string>)>();

    /// <param name="output">Where the lines go (TextWriter.Null for a run whose figures only go beside another's).</param>
    /// <param name="besideFile">Whether the lines wait for <see cref="PrintBeside"/>, to show a store file's figures beside them.</param>
    public Report(TextWriter output, bool besideFile = false)
    {
        _output = output;
        _besideFile = besideFile;
    }

    public int Missed { get; private set; }

    /// <summary>Each measurement's time (milliseconds) by its label.</summary>
    public IReadOnlyDictionary<string, double> Figures => _figures;

    public void Header()
    {
        if (_besideFile) return;
        _output.WriteLine($"{"measurement".PadRight(LabelWidth)} {"ours",10} {"floor",10} {"x floor",8}  {"target",-17} verdict");
        _output.WriteLine(new string('-', LabelWidth + 60));
    }

    /// <summary>The kept lines, each with the time of the same measurement on a store file (<paramref name="file"/>, by label) in a column of its own.</summary>
    public void PrintBeside(IReadOnlyDictionary<string, double> file)
    {
        _output.WriteLine($"{"measurement".PadRight(LabelWidth)} {"ours",10} {"file",10} {"floor",10} {"x floor",8}  {"target",-17} verdict");
        _output.WriteLine(new string('-', LabelWidth + 71));
        foreach (var (label, line) in _lines)
            _output.WriteLine(line(" " + (file.TryGetValue(label, out double ms) ? Ms(ms) : "-").PadLeft(10)));
    }

    /// <summary>A time with a target in milliseconds.</summary>
    public void Target(string label, double ms, double? floorMs, double limitMs, string detail)
    {
        bool met = ms < limitMs;
        if (!met) Missed++;
        Write(label, ms, floorMs, $"< {Ms(limitMs).Trim()}", met ? "PASS" : "FAIL", detail);
    }

    /// <summary>A time whose target is a multiple of another time measured in the same run.</summary>
    public void Ratio(string label, double ms, double baseMs, double maxRatio, string detail)
    {
        bool met = ms < maxRatio * baseMs;
        if (!met) Missed++;
        Add(label, ms, file => $"{label.PadRight(LabelWidth)} {Ms(ms),10}{file} {Ms(baseMs),10} {Times(ms / baseMs),8}  {"< " + maxRatio.ToString("0.0#", CultureInfo.InvariantCulture) + " x",-17} {(met ? "PASS" : "FAIL"),-4}  ({detail})");
    }

    public void Info(string label, double ms, double? floorMs, string detail) => Write(label, ms, floorMs, "no target", "info", detail);

    /// <summary>A memory figure, with a target in bytes or none (null).</summary>
    public void Memory(string label, long bytes, long? limitBytes, string detail)
    {
        bool met = limitBytes == null || bytes < limitBytes;
        if (!met) Missed++;
        string target = limitBytes == null ? "no target" : "< " + Mb(limitBytes.Value);
        string verdict = limitBytes == null ? "info" : met ? "PASS" : "FAIL";
        Add(label, null, file => $"{label.PadRight(LabelWidth)} {Mb(bytes),10}{(file.Length == 0 ? "" : " " + "".PadLeft(10))} {"",10} {"",8}  {target,-17} {verdict,-4}  ({detail})");
    }

    /// <summary>The last line: how many targets were missed.</summary>
    public void Summary()
    {
        _output.WriteLine();
        _output.WriteLine(Missed == 0 ? "all targets met" : $"{Missed} target{(Missed == 1 ? "" : "s")} missed");
    }

    private void Write(string label, double ms, double? floorMs, string target, string verdict, string detail) =>
        Add(label, ms, file => $"{label.PadRight(LabelWidth)} {Ms(ms),10}{file} {(floorMs.HasValue ? Ms(floorMs.Value) : "-"),10} {(floorMs.HasValue ? Times(ms / floorMs.Value) : "-"),8}  {target,-17} {verdict,-4}  ({detail})");

    /// <summary>Prints a line now (with no file column), or keeps it for <see cref="PrintBeside"/>.</summary>
    private void Add(string label, double? ms, Func<string, string> line)
    {
        if (ms.HasValue) _figures[label] = ms.Value;
        if (_besideFile) _lines.Add((label, line));
        else _output.WriteLine(line(""));
    }

    internal static string Ms(double ms) =>
        (ms < 100 ? ms.ToString("0.0", CultureInfo.InvariantCulture) : ms.ToString("N0", CultureInfo.InvariantCulture)) + " ms";

    private static string Times(double ratio) =>
        double.IsInfinity(ratio) || double.IsNaN(ratio) ? "-" : ratio.ToString(ratio < 10 ? "0.00" : "N0", CultureInfo.InvariantCulture) + " x";

    private static string Mb(long bytes) => (bytes / 1024d / 1024d).ToString("N0", CultureInfo.InvariantCulture) + " MB";
}

internal static class Stats
{
    public static double Median(IEnumerable<double> values)
    {
        var sorted = values.OrderBy(v => v).ToArray();
        int mid = sorted.Length / 2;
        return sorted.Length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
    }
}
