using System;
using System.Globalization;
using System.Text;

namespace MspLicensing.Store
{
    /// <summary>
    /// Checks stored bytes the way LiteDB 5 decodes them, without building objects: documents (BSON) and index keys.
    /// Each check returns what is wrong, or null. Whatever passes decodes in LiteDB without an exception.
    /// </summary>
    internal static class Bson
    {
        private const int MaxDepth = 32;
        private static readonly Encoding StrictUtf8 = new UTF8Encoding(false, true);
        private const long MinDateMs = -62135596800000L;
        private const long MaxDateMs = 253402300800000L;

        /// <summary>A whole document in <paramref name="count"/> bytes from <paramref name="start"/>.</summary>
        internal static string Problem(byte[] b, int start, int count)
        {
            int p = start;
            string problem = Document(b, ref p, start + count, 0);
            return problem == null ? null : "its document " + problem;
        }

        private static string Document(byte[] b, ref int p, int end, int depth)
        {
            if (depth > MaxDepth) return "nests too deep";
            if (p + 5 > end) return "is cut short";
            int length = BitConverter.ToInt32(b, p);
            if (length < 5 || length > end - p) return $"gives a length of {length.ToString(CultureInfo.InvariantCulture)} bytes, outside what it holds";
            int docEnd = p + length;
            if (b[docEnd - 1] != 0) return "does not end where its length says";
            p += 4;
            while (p < docEnd - 1)
            {
                byte type = b[p++];
                int nameStart = p;
                while (p < docEnd - 1 && b[p] != 0) p++;
                if (p >= docEnd - 1) return "has a field name that does not end";
                if (!Utf8(b, nameStart, p - nameStart)) return "has a field name that is not text";
                p++;
                string problem = Value(b, type, ref p, docEnd - 1, depth);
                if (problem != null) return problem;
            }
            if (p != docEnd - 1) return "has a field that runs past its end";
            p = docEnd;
            return null;
        }

        private static string Value(byte[] b, byte type, ref int p, int end, int depth)
        {
            switch (type)
            {
                case 0x01: // double
                case 0x12: // int64
                    return Skip(ref p, 8, end);
                case 0x09: // date
                {
                    if (p + 8 > end) return "is cut short";
                    long ms = BitConverter.ToInt64(b, p);
                    p += 8;
                    return ms >= MinDateMs && ms <= MaxDateMs ? null : "holds a date out of range";
                }
                case 0x10: // int32
                    return Skip(ref p, 4, end);
                case 0x13: // decimal
                {
                    if (p + 16 > end) return "is cut short";
                    int flags = BitConverter.ToInt32(b, p + 12);
                    p += 16;
                    return (flags & 0x7F00FFFF) == 0 && ((flags >> 16) & 0xFF) <= 28 ? null : "holds a decimal number that is not valid";
                }
                case 0x07: // object id
                    return Skip(ref p, 12, end);
                case 0x08: // boolean
                    return Skip(ref p, 1, end);
                case 0x0A: // null
                case 0x7F: // max value
                case 0xFF: // min value
                    return null;
                case 0x02: // string: int32 length with the terminating zero, then UTF-8
                {
                    if (p + 4 > end) return "is cut short";
                    int n = BitConverter.ToInt32(b, p);
                    p += 4;
                    if (n < 1 || n > end - p) return "holds a string longer than the document";
                    if (b[p + n - 1] != 0 || !Utf8(b, p, n - 1)) return "holds a string that is not text";
                    p += n;
                    return null;
                }
                case 0x03: // document
                case 0x04: // array
                    return Document(b, ref p, end, depth + 1);
                case 0x05: // binary: int32 length, subtype (0 bytes, 4 Guid), bytes
                {
                    if (p + 5 > end) return "is cut short";
                    int n = BitConverter.ToInt32(b, p);
                    byte subtype = b[p + 4];
                    p += 5;
                    if (n < 0 || n > end - p) return "holds binary data longer than the document";
                    if (subtype != 0 && subtype != 4) return $"holds binary data of unknown kind {subtype.ToString(CultureInfo.InvariantCulture)}";
                    if (subtype == 4 && n != 16) return "holds a Guid that is not 16 bytes";
                    p += n;
                    return null;
                }
                default:
                    return $"holds a value of unknown type {type.ToString(CultureInfo.InvariantCulture)}";
            }
        }

        private static string Skip(ref int p, int n, int end)
        {
            if (p + n > end) return "is cut short";
            p += n;
            return null;
        }

        /// <summary>
        /// An index key at <paramref name="p"/> (before <paramref name="end"/>): its type in the low 6 bits of the first
        /// byte, a length in the next byte and the high 2 bits of the first, then the value.
        /// </summary>
        internal static string KeyProblem(byte[] b, int p, int end)
        {
            if (p + 1 > end) return "has no key";
            int type = b[p] & 0x3F;
            int length = ((b[p] & 0xC0) << 2) | (p + 1 < end ? b[p + 1] : 0);
            p++;
            int size;
            switch (type)
            {
                case 0: case 1: case 14: size = 0; break;                // min, null, max
                case 2: size = 4; break;                                // int32
                case 3: case 4: case 13: size = 8; break;               // int64, double, date
                case 5: size = 16; break;                               // decimal
                case 6:                                                 // string
                    if (p + 1 + length > end) return "has a key longer than the node";
                    return Utf8(b, p + 1, length) ? null : "has a key that is not text";
                case 9: size = 1 + length; break;                       // binary
                case 10: size = 12; break;                              // object id
                case 11: size = 16; break;                              // Guid
                case 12: size = 1; break;                               // boolean
                case 7: case 8:                                         // document, array
                {
                    int q = p;
                    string problem = Document(b, ref q, end, 0);
                    return problem == null ? null : "has a key that " + problem;
                }
                default:
                    return $"has a key of unknown type {type.ToString(CultureInfo.InvariantCulture)}";
            }
            return p + size > end ? "has a key longer than the node" : null;
        }

        /// <summary>A key that is not compared (an index on an expression, or a value of a type the check does not follow).</summary>
        internal const ulong AnyKey = 0;

        /// <summary>
        /// For each index slot that keys on a top-level field (<paramref name="fields"/>), the key the document must
        /// have in that index: its field's value, or null when it has no such field. The document was checked already.
        /// </summary>
        internal static ulong[] Keys(byte[] b, int start, byte[][] fields)
        {
            var keys = new ulong[fields.Length];
            for (int i = 0; i < fields.Length; i++)
                keys[i] = fields[i] == null ? AnyKey : Hash(1, b, 0, 0);
            int end = start + BitConverter.ToInt32(b, start) - 1;
            int p = start + 4;
            while (p < end)
            {
                byte type = b[p++];
                int name = p;
                while (b[p] != 0) p++;
                int nameLength = p - name;
                p++;
                int size = ValueSize(b, type, p);
                for (int i = 0; i < fields.Length; i++)
                    if (fields[i] != null && fields[i].Length == nameLength && b.AsSpanEquals(name, fields[i]))
                        keys[i] = ValueKey(b, type, p);
                p += size;
            }
            return keys;
        }

        private static bool AsSpanEquals(this byte[] b, int start, byte[] other)
        {
            for (int i = 0; i < other.Length; i++)
                if (b[start + i] != other[i]) return false;
            return true;
        }

        private static int ValueSize(byte[] b, byte type, int p)
        {
            switch (type)
            {
                case 0x01: case 0x09: case 0x12: return 8;
                case 0x10: return 4;
                case 0x13: return 16;
                case 0x07: return 12;
                case 0x08: return 1;
                case 0x02: return 4 + BitConverter.ToInt32(b, p);
                case 0x03: case 0x04: return BitConverter.ToInt32(b, p);
                case 0x05: return 5 + BitConverter.ToInt32(b, p);
                default: return 0;
            }
        }

        /// <summary>The key of a document value, as <see cref="KeyHash"/> gives it for an index node.</summary>
        private static ulong ValueKey(byte[] b, byte type, int p)
        {
            switch (type)
            {
                case 0x02: return Hash(6, b, p + 4, BitConverter.ToInt32(b, p) - 1);
                case 0x05: return b[p + 4] == 4 && BitConverter.ToInt32(b, p) == 16 ? Hash(11, b, p + 5, 16) : AnyKey;
                case 0x10: return Hash(2, b, p, 4);
                case 0x12: return Hash(3, b, p, 8);
                case 0x0A: return Hash(1, b, p, 0);
                case 0x08: return Hash(12, new[] { b[p] == 0 ? (byte)0 : (byte)1 }, 0, 1);
                default: return AnyKey;
            }
        }

        /// <summary>The key of the index node whose key starts at <paramref name="k"/> (type and length in 2 bytes, then the value).</summary>
        internal static ulong KeyHash(byte[] b, int k)
        {
            int type = b[k] & 0x3F;
            int length = ((b[k] & 0xC0) << 2) | b[k + 1];
            switch (type)
            {
                case 6: return Hash(6, b, k + 2, length);
                case 11: return Hash(11, b, k + 1, 16);
                case 2: return Hash(2, b, k + 1, 4);
                case 3: return Hash(3, b, k + 1, 8);
                case 1: return Hash(1, b, k, 0);
                case 12: return Hash(12, new[] { b[k + 1] == 0 ? (byte)0 : (byte)1 }, 0, 1);
                default: return AnyKey;
            }
        }

        /// <summary>FNV-1a of a type and bytes; never <see cref="AnyKey"/>.</summary>
        private static ulong Hash(byte type, byte[] b, int start, int count)
        {
            ulong h = 14695981039346656037UL;
            h = (h ^ type) * 1099511628211UL;
            for (int i = start; i < start + count; i++) h = (h ^ b[i]) * 1099511628211UL;
            return h == AnyKey ? 1 : h;
        }

        private static bool Utf8(byte[] b, int start, int count)
        {
            bool ascii = true;
            for (int i = start; i < start + count && ascii; i++)
                ascii = b[i] < 0x80;
            if (ascii) return true;
            try
            {
                StrictUtf8.GetCharCount(b, start, count);
                return true;
            }
            catch (DecoderFallbackException)
            {
                return false;
            }
        }
    }
}
