using System;

namespace MspLicensing
{
    /// <summary>The ids of new records (customers, subscriptions, licenses and the rest).</summary>
    public static class RecordId
    {
        private static readonly DateTime UnixEpoch = new DateTime(1970, 1, 1, 0, 0, 0, DateTimeKind.Utc);

        /// <summary>
        /// A new id made at <paramref name="nowUtc"/> (the time the change is recorded at): a version 7 UUID (RFC 9562),
        /// that millisecond followed by 74 random bits. Ids made later sort after ids made earlier (as
        /// <see cref="Guid.CompareTo(Guid)"/> orders them), so the records a pipeline adds sit side by side in the store's
        /// index of ids instead of at random places in it: a batch writes a few index pages, not one per record.
        /// </summary>
        public static Guid New(DateTime nowUtc) => New(nowUtc, Guid.NewGuid());

        /// <summary>The id made at <paramref name="utc"/> from the random bits of <paramref name="random"/> (a version 4 UUID).</summary>
        internal static Guid New(DateTime utc, Guid random)
        {
            long ms = (long)(utc - UnixEpoch).TotalMilliseconds;
            var r = random.ToByteArray();
            // The layout of Guid(int, short, short, byte...): the 48-bit time in the first two fields, then the
            // version (7) over 12 random bits, then the variant (10) over 62 random bits. A version 4 UUID's random bits
            // are all but its byte 7's high half (its version) and byte 8's top two bits (its variant).
            return new Guid((int)(ms >> 16), (short)(ms & 0xFFFF), (short)(0x7000 | ((r[7] & 0x0F) << 8) | r[6]),
                (byte)(0x80 | (r[8] & 0x3F)), r[9], r[10], r[11], r[12], r[13], r[14], r[15]);
        }
    }
}
