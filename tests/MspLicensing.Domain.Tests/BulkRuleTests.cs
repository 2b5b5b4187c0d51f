using System;
using MspLicensing.Store;
using Xunit;

namespace MspLicensing.Domain.Tests
{
    /// <summary>Bulk changes through the pipeline (R64): errors that name their item, and commits and progress paced by time.</summary>
    public class BulkRuleTests
    {
        private sealed class Clock
        {
            public TimeSpan Now;
            public void Advance(int milliseconds) => Now += TimeSpan.FromMilliseconds(milliseconds);
        }

        private static readonly TimeSpan Quarter = TimeSpan.FromMilliseconds(250);

        [Fact]
        public void R64_an_error_about_one_item_begins_with_the_item_and_keeps_its_id_kind_target_and_rule()
        {
            var error = MspException.ForRule(Rules.R31, "InvalidValue", ErrorKind.InvalidArgument, "Seats '0' is not valid", 0);
            var named = error.About("Customer 'Contoso', service plan 'Basic'");

            Assert.StartsWith("Customer 'Contoso', service plan 'Basic': Seats '0' is not valid (R31: ", named.Message);
            Assert.Equal(("InvalidValue", ErrorKind.InvalidArgument, (object)0, "R31"), (named.ErrorId, named.Kind, named.Target, named.Rule));
            Assert.Same(error, named.InnerException);
        }

        [Fact]
        public void R64_an_error_that_names_its_item_already_stays_as_it_is()
        {
            var error = MspException.StaleObject("Customer", "Contoso", 1, 2, "Get-MspCustomer");
            Assert.Same(error, error.About("Customer 'Contoso'"));
            Assert.Same(error, error.About(null));
            // Another customer named in the message (a name taken by 'Contoso') does not name the item 'contoso'.
            var taken = new MspException("CustomerNameTaken", ErrorKind.ResourceExists, "Name 'contoso' is already used by Customer 'Contoso'.");
            Assert.StartsWith("Customer 'contoso': Name 'contoso'", taken.About("Customer 'contoso'").Message);
        }

        [Fact]
        public void R64_progress_is_due_once_per_interval_from_the_start()
        {
            var clock = new Clock();
            var pace = new BatchPace(() => clock.Now, Quarter);

            Assert.False(pace.ReportDue());
            clock.Advance(249);
            Assert.False(pace.ReportDue());
            clock.Advance(1);
            Assert.True(pace.ReportDue());
            Assert.False(pace.ReportDue());
            clock.Advance(100);
            Assert.False(pace.ReportDue());
            clock.Advance(150);
            Assert.True(pace.ReportDue());
        }

        [Fact]
        public void R64_pending_items_are_committed_when_the_batch_is_full_or_the_oldest_waited_an_interval()
        {
            var clock = new Clock();
            var pace = new BatchPace(() => clock.Now, Quarter);
            Assert.Equal(BatchPace.FirstBatch, pace.BatchSize);

            for (int pending = 1; pending < BatchPace.FirstBatch; pending++) Assert.False(pace.CommitDue(pending));
            Assert.True(pace.CommitDue(BatchPace.FirstBatch));

            // Items that come slowly wait one interval at the most.
            pace.Committed(BatchPace.FirstBatch, TimeSpan.FromMilliseconds(1));
            Assert.False(pace.CommitDue(1));
            clock.Advance(200);
            Assert.False(pace.CommitDue(2));
            clock.Advance(50);
            Assert.True(pace.CommitDue(3));
            Assert.False(pace.CommitDue(0));
        }

        [Fact]
        public void R64_slow_items_get_batches_that_commit_about_once_per_interval()
        {
            var pace = new BatchPace(() => TimeSpan.Zero, Quarter);

            // A migration that takes 66 ms an item: batches of three, so progress moves a few times a second.
            pace.Committed(BatchPace.FirstBatch, TimeSpan.FromMilliseconds(66 * BatchPace.FirstBatch));
            Assert.Equal(3, pace.BatchSize);
            // An item that takes longer than the interval goes alone.
            pace.Committed(3, TimeSpan.FromSeconds(3));
            Assert.Equal(1, pace.BatchSize);
        }

        [Fact]
        public void R64_a_renewal_run_starts_with_large_batches_bounded_by_time_and_its_own_largest()
        {
            var half = TimeSpan.FromMilliseconds(500);
            var pace = new BatchPace(() => TimeSpan.Zero, half, maxBatch: 5000, firstBatch: 500);
            Assert.Equal(500, pace.BatchSize);
            // 0.1 ms a renewal: 5,000 would fit half a second; growth is at most four times a step.
            pace.Committed(500, TimeSpan.FromMilliseconds(50));
            Assert.Equal(2000, pace.BatchSize);
            pace.Committed(2000, TimeSpan.FromMilliseconds(200));
            Assert.Equal(5000, pace.BatchSize);
            // Slower renewals (another process holds the disk busy): the batch shrinks to what fits half a second.
            pace.Committed(5000, TimeSpan.FromSeconds(2));
            Assert.Equal(1250, pace.BatchSize);
        }

        [Fact]
        public void R64_fast_items_grow_their_batches_step_by_step_up_to_the_largest()
        {
            // A pipeline's pace: progress every quarter second, commits of about half a second.
            var pace = new BatchPace(() => TimeSpan.Zero, Quarter, batchTime: BatchPace.DefaultBatchTime);
            int[] sizes = new int[7];
            for (int i = 0; i < sizes.Length; i++)
            {
                int items = pace.BatchSize;
                pace.Committed(items, TimeSpan.FromTicks(items * TimeSpan.TicksPerMillisecond / 10));
                sizes[i] = pace.BatchSize;
            }
            // 0.1 ms an item: 5,000 fit half a second, the most a batch takes.
            Assert.Equal(new[] { 16, 64, 256, 1024, 4096, BatchPace.MaxBatch, BatchPace.MaxBatch }, sizes);

            // Items whose commits take longer than half a second make smaller batches at once.
            pace.Committed(5000, TimeSpan.FromSeconds(1));
            Assert.Equal(2500, pace.BatchSize);
        }
    
        [Fact]
        public void A_rule_error_quotes_its_rule_by_number_and_title_in_one_line_R64()
        {
            var error = MspException.ForRule(Rules.R12, "CustomerDeletionNotAllowed", ErrorKind.PermissionDenied, "Customer 'Contoso' cannot be deleted.");
            Assert.Equal("Customer 'Contoso' cannot be deleted. (R12: Deleting customers; see about_MspLicensing_Rules)", error.Message);
            Assert.Equal("R12", error.Rule);
            Assert.All(Rules.All, r => Assert.True(r.Title.Length <= 45, r.Id + "'s title is too long to quote in one line"));
        }
    }
}
