using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;

/// <summary>
/// Prints measurements as they come, each beside the raw floor measured in the same run (where there is one), the
/// ratio to it and the target, and counts the missed targets.
/// </summary>
internal sealed class Report
{
    private const int LabelWidth = 56;

    public int Missed { get; private set; }

    public void Header()
    {
        Console.WriteLine($"{"measurement".PadRight(LabelWidth)} {"ours",10} {"floor",10} {"x floor",8}  {"target",-17} verdict");
        Console.WriteLine(new string('-', LabelWidth + 60));
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
        Console.WriteLine($"{label.PadRight(LabelWidth)} {Ms(ms),10} {Ms(baseMs),10} {Times(ms / baseMs),8}  {"< " + maxRatio.ToString("0.0#", CultureInfo.InvariantCulture) + " x",-17} {(met ? "PASS" : "FAIL"),-4}  ({detail})");
    }

    public void Info(string label, double ms, double? floorMs, string detail) => Write(label, ms, floorMs, "no target", "info", detail);

    public void Memory(string label, long bytes, long limitBytes, string detail)
    {
        bool met = bytes < limitBytes;
        if (!met) Missed++;
        Console.WriteLine($"{label.PadRight(LabelWidth)} {Mb(bytes),10} {"",10} {"",8}  {"< " + Mb(limitBytes),-17} {(met ? "PASS" : "FAIL"),-4}  ({detail})");
    }

    private static void Write(string label, double ms, double? floorMs, string target, string verdict, string detail) =>
        Console.WriteLine($"{label.PadRight(LabelWidth)} {Ms(ms),10} {(floorMs.HasValue ? Ms(floorMs.Value) : "-"),10} {(floorMs.HasValue ? Times(ms / floorMs.Value) : "-"),8}  {target,-17} {verdict,-4}  ({detail})");

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
