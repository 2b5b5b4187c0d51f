using System;
using System.Collections.Generic;
using System.Linq;
using Xunit;

namespace MspLicensing.Domain.Tests
{
    public class RecordIdTests
    {
        [Fact]
        public void A_new_id_is_a_version_7_uuid_of_the_millisecond_it_was_made()
        {
            var made = new DateTime(2026, 11, 30, 12, 34, 56, 789, DateTimeKind.Utc);
            var id = RecordId.New(made, Guid.Parse("ffffffff-ffff-4fff-bfff-ffffffffffff"));
            long ms = (long)(made - new DateTime(1970, 1, 1, 0, 0, 0, DateTimeKind.Utc)).TotalMilliseconds;
            string text = id.ToString("N");
            Assert.Equal(ms.ToString("x12"), text.Substring(0, 12));
            Assert.Equal('7', text[12]);
            Assert.Contains(text[16], "89ab");
            Assert.Equal("01a22c7380957fffbfffffffffffffff", RecordId.New(made, Guid.Parse("ffffffff-ffff-4fff-bfff-ffffffffffff")).ToString("N"));
            Assert.Equal("01a22c73809570008000000000000000", RecordId.New(made, Guid.Parse("00000000-0000-4000-8000-000000000000")).ToString("N"));
        }

        [Fact]
        public void Ids_made_later_sort_after_ids_made_earlier_and_ids_of_one_millisecond_differ()
        {
            var start = new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc);
            // Across the points where the time's low 16 bits and then its high 32 bits carry over.
            var times = Enumerable.Range(0, 200_000).Select(i => start.AddMilliseconds(i * 7L)).ToList();
            var ids = times.Select(t => RecordId.New(t, Guid.NewGuid())).ToList();
            for (int i = 1; i < ids.Count; i++)
                Assert.True(ids[i - 1].CompareTo(ids[i]) < 0, $"{ids[i - 1]} ({times[i - 1]:O}) does not sort before {ids[i]} ({times[i]:O})");
            var sameMillisecond = Enumerable.Range(0, 10_000).Select(_ => RecordId.New(start, Guid.NewGuid())).ToList();
            Assert.Equal(sameMillisecond.Count, new HashSet<Guid>(sameMillisecond).Count);
            Assert.NotEqual(RecordId.New(start), RecordId.New(start));
        }
    }
}
