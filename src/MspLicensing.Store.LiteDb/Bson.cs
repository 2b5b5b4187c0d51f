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
