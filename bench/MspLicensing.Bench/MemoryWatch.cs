using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Threading;

/// <summary>
/// The largest working set of this process while the module's commands run, sampled every 20 ms: the floors run in
/// the same process (LiteDB holds a transaction's pages in memory until it commits, up to about 800 MB in the one
/// transaction of a large floor), so the process's own peak says little about the module.
/// </summary>
internal sealed class MemoryWatch : IDisposable
{
    /// <summary>The garbage collected before a command: more than this on the heap since the last collection here.</summary>
    private const long LeftOver = 256L << 20;

    /// <summary>What the heap held after the last collection here.</summary>
    private long _collected;

    /// <summary>The working set after the last collection here.</summary>
    private long _collectedWorkingSet;

    private readonly Thread _thread;
    private readonly ManualResetEventSlim _stop = new ManualResetEventSlim();
    private int _watching;
    private long _peak;

    public MemoryWatch()
    {
        _thread = new Thread(Sample) { IsBackground = true, Name = "MemoryWatch" };
        _thread.Start();
    }

    /// <summary>The largest working set sampled while <see cref="While{T}"/> ran, in bytes.</summary>
    public long Peak => Interlocked.Read(ref _peak);

    /// <summary>
    /// The pipeline that ran when <see cref="Peak"/> was sampled (<see cref="Program.Running"/>), the working set it
    /// began with and the managed heap (live objects and garbage not yet collected) at the peak.
    /// </summary>
    public string PeakDuring => Volatile.Read(ref _peakDuring);

    private string _peakDuring = "no command";

    /// <summary>The working set when the command that runs now began, after the collection before it.</summary>
    private long _began;

    /// <summary>
    /// Runs <paramref name="work"/> with the sampling on, and takes a sample at its end too. First, when the heap or the
    /// working set has grown by more than 256 MB since the last such collection (a floor's one transaction holds
    /// hundreds of megabytes until it commits; the collector keeps the memory of collected garbage for reuse), the
    /// garbage of what ran before is collected and its memory given back, so the command starts as it would in a
    /// process of its own and its peak is its own. A process that grew less is left as it is: a lookup timed warm stays
    /// warm.
    /// </summary>
    public T While<T>(Func<T> work)
    {
        using (var process = Process.GetCurrentProcess())
        {
            if (GC.GetTotalMemory(false) > _collected + LeftOver || process.WorkingSet64 > _collectedWorkingSet + LeftOver)
            {
                GC.Collect(2, GCCollectionMode.Aggressive, blocking: true, compacting: true);
                _collected = GC.GetTotalMemory(false);
                process.Refresh();
                _collectedWorkingSet = process.WorkingSet64;
            }
            Interlocked.Exchange(ref _began, process.WorkingSet64);
        }
        Interlocked.Increment(ref _watching);
        try
        {
            return work();
        }
        finally
        {
            Record();
            Interlocked.Decrement(ref _watching);
        }
    }

    private void Sample()
    {
        using (var process = Process.GetCurrentProcess())
        {
            while (!_stop.Wait(20))
            {
                if (Volatile.Read(ref _watching) == 0) continue;
                process.Refresh();
                Raise(process.WorkingSet64);
            }
        }
    }

    private void Record()
    {
        using (var process = Process.GetCurrentProcess())
            Raise(process.WorkingSet64);
    }

    /// <summary>The largest working set sampled in each pipeline, by its commands' names.</summary>
    private readonly Dictionary<string, long> _byPipeline = new Dictionary<string, long>(StringComparer.Ordinal);

    /// <summary>The pipelines with the largest peaks after the first, and their peaks: how near they came.</summary>
    public string NextPeaks(int count)
    {
        lock (_byPipeline)
            return string.Join("; ", _byPipeline.OrderByDescending(p => p.Value).Skip(1).Take(count).Select(p => $"{p.Key} {p.Value >> 20:N0} MB"));
    }

    private void Raise(long bytes)
    {
        string running = Program.Running ?? "no command";
        lock (_byPipeline)
            if (!_byPipeline.TryGetValue(running, out long before) || bytes > before) _byPipeline[running] = bytes;
        long seen;
        while (bytes > (seen = Interlocked.Read(ref _peak)))
        {
            if (Interlocked.CompareExchange(ref _peak, bytes, seen) != seen) continue;
            Volatile.Write(ref _peakDuring, $"{Program.Running} (which began at {Interlocked.Read(ref _began) >> 20:N0} MB; the managed heap at the peak {GC.GetTotalMemory(false) >> 20:N0} MB)");
            return;
        }
    }

    public void Dispose()
    {
        _stop.Set();
        _thread.Join();
        _stop.Dispose();
    }
}
