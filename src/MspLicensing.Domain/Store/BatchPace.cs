using System;

namespace MspLicensing.Store
{
    /// <summary>
    /// Decides, by time, when a bulk change through the pipeline commits its pending items and when it shows
    /// progress (R64). Pending items are committed when a batch is full or the oldest has waited one interval; each
    /// batch is sized from the last one so that its commit takes about the batch time (every commit of a large store
    /// costs tens of milliseconds however few items it holds, so fewer, larger commits finish a bulk change sooner,
    /// while one commit still holds the store for under a second); progress is due when an interval has passed since
    /// it was last shown. So slow items (a migration that takes a second each) land and
    /// show a moving count a few times a second, and fast ones (customers from a CSV file) share large transactions.
    /// The time comes from the caller (a stopwatch started with the command), so a test can drive it.
    /// </summary>
    public sealed class BatchPace
    {
        /// <summary>The most items one transaction of a pipeline takes.</summary>
        public const int MaxBatch = 5000;

        /// <summary>How long one commit of a pipeline's batch may hold the store: half a second.</summary>
        public static readonly TimeSpan DefaultBatchTime = TimeSpan.FromMilliseconds(500);

        private readonly int _maxBatch;

        /// <summary>The size of the first batch, before the time an item takes is known.</summary>
        public const int FirstBatch = 4;

        /// <summary>How often progress moves and pending items wait at the most: a quarter of a second.</summary>
        public static readonly TimeSpan DefaultInterval = TimeSpan.FromMilliseconds(250);

        private readonly Func<TimeSpan> _now;
        private TimeSpan? _pendingSince;
        private TimeSpan _lastReport;

        /// <param name="now">The time since the command started.</param>
        /// <param name="interval">How often progress is due; <see cref="DefaultInterval"/> unless a test wants another.</param>
        /// <param name="maxBatch">The most items one transaction takes; <see cref="MaxBatch"/> unless the items are cheap and many.</param>
        /// <param name="firstBatch">The size of the first batch; <see cref="FirstBatch"/> unless the items are known to be cheap.</param>
        /// <param name="batchTime">How long a commit is to take; the interval unless given.</param>
        public BatchPace(Func<TimeSpan> now, TimeSpan interval, int maxBatch = MaxBatch, int firstBatch = FirstBatch, TimeSpan? batchTime = null)
        {
            _maxBatch = Math.Max(1, maxBatch);
            BatchSize = Math.Max(1, Math.Min(firstBatch, _maxBatch));
            _now = now ?? throw new ArgumentNullException(nameof(now));
            Interval = interval < TimeSpan.Zero ? TimeSpan.Zero : interval;
            BatchTime = batchTime.HasValue && batchTime.Value > TimeSpan.Zero ? batchTime.Value : Interval;
        }

        public TimeSpan Interval { get; }

        /// <summary>How long one commit is to take: the next batch is sized to it.</summary>
        public TimeSpan BatchTime { get; }

        /// <summary>How many pending items make a full batch now.</summary>
        public int BatchSize { get; private set; } = FirstBatch;

        /// <summary>Whether the <paramref name="pending"/> items (the last just added) are to be committed now.</summary>
        public bool CommitDue(int pending)
        {
            if (pending <= 0) return false;
            TimeSpan now = _now();
            if (_pendingSince == null) _pendingSince = now;
            return pending >= BatchSize || now - _pendingSince.Value >= Interval;
        }

        /// <summary>Records a commit of <paramref name="items"/> items that took <paramref name="took"/>, and sizes the next batch.</summary>
        public void Committed(int items, TimeSpan took)
        {
            _pendingSince = null;
            if (items <= 0) return;
            long perItem = Math.Max(1, took.Ticks / items);
            long fit = BatchTime.Ticks / perItem;
            // Grow step by step (a fast first batch may flatter the ones after it); shrink at once.
            long size = Math.Min(fit, Math.Min(_maxBatch, 4L * Math.Max(BatchSize, items)));
            BatchSize = (int)Math.Max(1, size);
        }

        /// <summary>Whether progress is to be shown now: an interval has passed since the start or since it was last shown.</summary>
        public bool ReportDue()
        {
            TimeSpan now = _now();
            if (now - _lastReport < Interval) return false;
            _lastReport = now;
            return true;
        }
    }
}
