using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;

/// <summary>Prints measurements as they come, each beside its target, and counts the missed targets.</summary>
internal sealed class Report
{
    private const int LabelWidth = 58;

    public int Missed { get; private set; }

    public void Target(string label, double ms, double limitMs, string detail)
    {
        bool met = ms < limitMs;
        if (!met) Missed++;
        Write(label, ms, $"target < {limitMs.ToString("N0", CultureInfo.InvariantCulture)} ms", met ? "PASS" : "FAIL", detail);
    }

    public void Info(string label, double ms, string detail) => Write(label, ms, "no target", "info", detail);

    private static void Write(string label, double ms, string target, string verdict, string detail) =>
        Console.WriteLine($"{label.PadRight(LabelWidth)} {Ms(ms),10}  {target,-19} {verdict,-4}  ({detail})");

    private static string Ms(double ms) => (ms < 100 ? ms.ToString("0.0", CultureInfo.InvariantCulture) : ms.ToString("N0", CultureInfo.InvariantCulture)) + " ms";
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
