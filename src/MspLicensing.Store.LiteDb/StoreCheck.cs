using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;

namespace MspLicensing.Store
{
    /// <summary>
    /// Checks the layout of a store file without LiteDB's engine, reading only (<see cref="StorePages"/>). LiteDB
    /// trusts its file: on a damaged one it throws unrelated exceptions, reads on into garbage, and marks the file for a
    /// rebuild (it writes to it) when an internal check fails. So the store looks first.
    /// <see cref="Header"/> reads the header page, every collection page and the first and last page of every index
    /// (a few dozen pages, run at every open); <see cref="AllPages"/> reads every page and checks its header and slot
    /// table. Each returns what is wrong, in words; an empty list when nothing is.
    /// </summary>
    internal static class StoreCheck
    {
        private const int PageSize = StorePages.PageSize;
        private const byte EmptyPage = 0, HeaderPage = 1, CollectionPage = 2, IndexPage = 3, DataPage = 4, Damaged = 255;
        private const uint None = uint.MaxValue;
        private const int MaxProblems = 20;

        /// <summary>What the header page says: the collections by name with their page, and the last page id.</summary>
        internal sealed class Layout
        {
            public uint LastPageId;
            public readonly Dictionary<string, uint> Collections = new Dictionary<string, uint>(StringComparer.Ordinal);
            /// <summary>
            /// By collection page: the top-level field each index slot keys on (an index on "$.Field"); null for an
            /// index on another expression.
            /// </summary>
            public readonly Dictionary<uint, byte[][]> IndexFields = new Dictionary<uint, byte[][]>();
        }

        /// <summary>The cheap check of every open: header page, collection pages, index end pages, file length.</summary>
        internal static List<string> Header(StorePages pages, out Layout layout)
        {
            var problems = new List<string>();
            layout = null;
            var page = new byte[PageSize];
            if (!pages.Read(0, page))
            {
                problems.Add("its header page cannot be read");
                return problems;
            }
            if (page[4] != HeaderPage || BitConverter.ToUInt32(page, 0) != 0)
                problems.Add($"its first page is not a header page (page type {page[4]}, page id {BitConverter.ToUInt32(page, 0)})");
            if (page[59] != 8)
                problems.Add($"its header gives file format {page[59]}, and this LiteDB writes format 8");
            if (page[191] != 0)
                problems.Add("LiteDB marked it as damaged (the invalid-datafile flag of the header page is set)");
            uint last = BitConverter.ToUInt32(page, 64);
            uint freeEmpty = BitConverter.ToUInt32(page, 60);
            if (last == None || last > int.MaxValue / PageSize)
            {
                problems.Add($"its header gives an impossible last page id ({last})");
                return problems;
            }
            long missing = CountMissing(pages, last);
            if (missing > 0)
            {
                problems.Add($"it is truncated: the header says it has {Pages(last + 1L)} ({((last + 1L) * PageSize).ToString("N0", CultureInfo.InvariantCulture)} bytes), and {Pages(missing)} of them are missing");
                return problems;
            }
            if (freeEmpty != None && (freeEmpty == 0 || freeEmpty > last))
                problems.Add($"its header points to free page {freeEmpty}, outside the file's {Pages(last + 1L)}");

            var collections = ReadCollections(page, problems);
            if (collections == null) return problems;
            layout = new Layout { LastPageId = last };
            foreach (var c in collections)
            {
                if (c.Value == 0 || c.Value > last)
                {
                    problems.Add($"its header puts collection '{c.Key}' on page {c.Value}, outside the file's {Pages(last + 1L)}");
                    continue;
                }
                layout.Collections[c.Key] = c.Value;
            }
            var collectionPages = new HashSet<uint>(layout.Collections.Values);
            foreach (var c in layout.Collections)
            {
                if (problems.Count >= MaxProblems) break;
                CheckCollection(pages, c.Key, c.Value, last, collectionPages, page, problems, layout);
            }
            return problems;
        }

        /// <summary>The pages from 0 to <paramref name="last"/> that neither the data file nor the log holds.</summary>
        private static long CountMissing(StorePages pages, uint last)
        {
            if (last < pages.DataPages) return 0;
            long missing = 0;
            for (long id = pages.DataPages; id <= last; id++)
                if (!pages.FromLog.ContainsKey((uint)id)) missing++;
            return missing;
        }

        /// <summary>
        /// The collections of the header page: a BSON document at offset 192 of up to 8,000 bytes, each element an
        /// int32 page id under the collection's name.
        /// </summary>
        private static List<KeyValuePair<string, uint>> ReadCollections(byte[] page, List<string> problems)
        {
            const int start = 192, size = 8000;
            int length = BitConverter.ToInt32(page, start);
            if (length < 5 || length > size || page[start + length - 1] != 0)
            {
                problems.Add($"its list of collections in the header page is damaged (length {length})");
                return null;
            }
            var list = new List<KeyValuePair<string, uint>>();
            int p = start + 4, end = start + length - 1;
            while (p < end)
            {
                byte type = page[p++];
                string name = CString(page, ref p, end);
                if (type != 0x10 || name == null || p + 4 > end)
                {
                    problems.Add("its list of collections in the header page is damaged");
                    return null;
                }
                list.Add(new KeyValuePair<string, uint>(name, BitConverter.ToUInt32(page, p)));
                p += 4;
            }
            return list;
        }

        private static void CheckCollection(StorePages pages, string name, uint id, uint last, HashSet<uint> collectionPages, byte[] page, List<string> problems, Layout layout)
        {
            string what = $"the page of collection '{name}' (page {id})";
            if (!pages.Read(id, page))
            {
                problems.Add(what + " cannot be read");
                return;
            }
            if (BitConverter.ToUInt32(page, 0) != id || page[4] != CollectionPage)
            {
                problems.Add($"{what} is not a collection page (it says page {BitConverter.ToUInt32(page, 0)}, type {page[4]})");
                return;
            }
            for (int i = 0; i < 5; i++)
            {
                uint free = BitConverter.ToUInt32(page, 32 + i * 4);
                if (free != None && (free == 0 || free > last))
                    problems.Add($"{what} lists free data page {free}, outside the file");
            }
            var indexes = new List<(string Name, uint HeadPage, byte HeadSlot, uint TailPage, byte TailSlot)>();
            int p = 96;
            int count = page[p++];
            bool hasId = false;
            var fields = new byte[256][];
            for (int i = 0; i < count; i++)
            {
                byte slot = page[p];
                p += 2; // slot, index type
                string indexName = CString(page, ref p, PageSize);
                string expression = CString(page, ref p, PageSize);
                if (indexName == null || expression == null || p + 1 + 5 + 5 + 1 + 4 > PageSize)
                {
                    problems.Add($"{what} has a damaged list of indexes");
                    return;
                }
                p += 1; // unique
                uint headPage = BitConverter.ToUInt32(page, p);
                byte headSlot = page[p + 4];
                uint tailPage = BitConverter.ToUInt32(page, p + 5);
                byte tailSlot = page[p + 9];
                p += 10 + 1 + 4; // head, tail, reserved, free index page list
                if (indexName == "_id") hasId = true;
                indexes.Add((indexName, headPage, headSlot, tailPage, tailSlot));
                fields[slot] = TopLevelField(expression);
            }
            int slots = 0;
            for (int i = 0; i < fields.Length; i++)
                if (fields[i] != null) slots = i + 1;
            Array.Resize(ref fields, slots);
            layout.IndexFields[id] = fields;
            if (!hasId)
            {
                problems.Add($"{what} has no primary key index");
                return;
            }
            foreach (var index in indexes)
            {
                CheckNode(pages, $"index '{index.Name}' of collection '{name}'", "first", index.HeadPage, index.HeadSlot, id, last, page, problems);
                CheckNode(pages, $"index '{index.Name}' of collection '{name}'", "last", index.TailPage, index.TailSlot, id, last, page, problems);
            }
        }

        private static void CheckNode(StorePages pages, string index, string end, uint pageId, byte slot, uint collection, uint last, byte[] page, List<string> problems)
        {
            if (pageId == 0 || pageId > last)
            {
                problems.Add($"the {end} node of the {index} is on page {pageId}, outside the file");
                return;
            }
            if (!pages.Read(pageId, page))
            {
                problems.Add($"the {end} node of the {index} (page {pageId}) cannot be read");
                return;
            }
            string bad = PageProblem(page, pageId, collection);
            if (bad == null && page[4] != IndexPage) bad = $"it is not an index page (type {page[4]})";
            if (bad == null && !SlotUsed(page, slot)) bad = $"its slot {slot} is empty";
            if (bad != null) problems.Add($"the {end} node of the {index} (page {pageId}) is damaged: {bad}");
        }

        /// <summary>
        /// Reads every page from 1 to the header's last page id: the header and slot table of each page (the page id it
        /// carries, its type, its collection, its counters, every slot inside the page), every document (its blocks
        /// chained from first to last, and its bytes well-formed BSON as LiteDB decodes them) and every index node (its
        /// key, which must be the value of its field in the document, and its links to documents and to other nodes). Two
        /// passes over the file: the second reads the index pages again to follow each link.
        /// </summary>
        internal static List<string> AllPages(StorePages pages, Layout layout)
        {
            var problems = new List<string>();
            var collections = new HashSet<uint>(layout.Collections.Values);
            var page = new byte[PageSize];
            int bad = 0;
            long total = layout.LastPageId + 1L;
            var types = new byte[total];
            var used = new ulong[total * 4];   // used slots of data and index pages, 256 bits a page
            var first = new ulong[total * 4];  // slots of data pages that hold the first block of a document
            var chainStarts = new List<KeyValuePair<long, long>>();
            var continuations = new Dictionary<long, Block>();
            var firstBlocks = new Dictionary<long, byte[]>();
            var keys = new Dictionary<long, ulong[]>(); // by first block: the key each index slot must hold for the document
            var collectionOf = new Dictionary<long, uint>(); // the collection of each document of more than one block
            void Report(uint id, string problem)
            {
                if (++bad <= MaxProblems) problems.Add($"page {id} is damaged: {problem}");
            }

            for (uint id = 1; id <= layout.LastPageId; id++)
            {
                if (!pages.Read(id, page))
                {
                    Report(id, "it cannot be read");
                    continue;
                }
                string problem = PageProblem(page, id, null);
                byte type = page[4];
                if (problem == null && (type == IndexPage || type == DataPage) && !collections.Contains(BitConverter.ToUInt32(page, 19)))
                    problem = $"it belongs to collection page {BitConverter.ToUInt32(page, 19)}, which is not a collection";
                if (problem == null && type == CollectionPage && !collections.Contains(id))
                    problem = "it is a collection page that no collection uses";
                if (problem != null)
                {
                    Report(id, problem);
                    continue;
                }
                types[id] = type;
                if (type != IndexPage && type != DataPage) continue;
                int highest = page[30];
                if (highest == byte.MaxValue) continue;
                for (int slot = 0; slot <= highest; slot++)
                {
                    int length = BitConverter.ToUInt16(page, PageSize - (slot + 1) * 4);
                    int position = BitConverter.ToUInt16(page, PageSize - (slot + 1) * 4 + 2);
                    if (length == 0) continue;
                    long address = Address(id, (byte)slot);
                    Set(used, address);
                    problem = type == DataPage
                        ? ReadBlock(page, position, length, address, first, chainStarts, continuations, firstBlocks)
                        : ReadNode(page, position, length);
                    if (problem == null && type == DataPage && page[position] == 0)
                    {
                        uint collection = BitConverter.ToUInt32(page, 19);
                        if (AddressAt(page, position + 1) == EmptyAddress) keys[address] = Bson.Keys(page, position + 6, layout.IndexFields[collection]);
                        else collectionOf[address] = collection;
                    }
                    if (problem != null)
                    {
                        Report(id, $"{(type == DataPage ? "the data block" : "the index node")} in slot {slot} {problem}");
                        types[id] = Damaged; // nothing links here, and its links are not followed
                        break;
                    }
                }
            }

            // Documents of more than one block: follow each chain and check the document as a whole.
            int badChains = 0;
            foreach (var start in chainStarts)
            {
                string problem = null;
                var bytes = new List<byte>(firstBlocks[start.Key]);
                long next = start.Value;
                for (int hops = 0; next != EmptyAddress; hops++)
                {
                    if (hops > total || !continuations.TryGetValue(next, out var block))
                    {
                        problem = $"its next block (page {next >> 8} slot {next & 0xFF}) is missing";
                        break;
                    }
                    bytes.AddRange(block.Data);
                    next = block.Next;
                }
                if (problem == null)
                {
                    var whole = bytes.ToArray();
                    problem = Bson.Problem(whole, 0, whole.Length);
                    if (problem == null) keys[start.Key] = Bson.Keys(whole, 0, layout.IndexFields[collectionOf[start.Key]]);
                }
                if (problem != null && ++badChains <= 3)
                    problems.Add($"the document that starts at page {start.Key >> 8} slot {start.Key & 0xFF} is damaged: {problem}");
            }
            if (badChains > 3) problems.Add($"and {(badChains - 3).ToString(CultureInfo.InvariantCulture)} more damaged documents");

            // Links between pages, now that every page was read: every link of every index node goes to a node, or to
            // the first block of a document.
            int badLinks = 0;
            for (uint id = 1; id <= layout.LastPageId && badLinks <= 3; id++)
            {
                if (types[id] != IndexPage || !pages.Read(id, page)) continue;
                int highest = page[30];
                if (highest == byte.MaxValue) continue;
                for (int slot = 0; slot <= highest; slot++)
                {
                    int length = BitConverter.ToUInt16(page, PageSize - (slot + 1) * 4);
                    int position = BitConverter.ToUInt16(page, PageSize - (slot + 1) * 4 + 2);
                    if (length == 0) continue;
                    int levels = page[position + 1];
                    long document = AddressAt(page, position + 2);
                    if (document != EmptyAddress && keys.TryGetValue(document, out var documentKeys))
                    {
                        ulong expected = page[position] < documentKeys.Length ? documentKeys[page[position]] : Bson.AnyKey;
                        if (expected != Bson.AnyKey && expected != Bson.KeyHash(page, position + 12 + levels * 10) && ++badLinks <= 3)
                            problems.Add($"the index node in page {id} slot {slot} holds another key than its document at page {document >> 8} slot {document & 0xFF}");
                    }
                    for (int link = -1; link < 1 + levels * 2; link++)
                    {
                        bool toDocument = link < 0;
                        long address = AddressAt(page, toDocument ? position + 2 : link == 0 ? position + 7 : position + 12 + (link - 1) * 5);
                        if (address == EmptyAddress) continue;
                        uint target = (uint)(address >> 8);
                        if (target < total && Get(used, address) && types[target] == (toDocument ? DataPage : IndexPage) && (!toDocument || Get(first, address)))
                            continue;
                        if (++badLinks <= 3)
                            problems.Add($"the index node in page {id} slot {slot} links to {(toDocument ? "a document" : "a node")} at page {target} slot {address & 0xFF}, which is not there");
                    }
                }
            }
            if (badLinks > 3) problems.Add("and more broken index links");

            if (bad > MaxProblems) problems.Add($"and {(bad - MaxProblems).ToString(CultureInfo.InvariantCulture)} more damaged pages");
            return problems;
        }

        private const long EmptyAddress = ((long)uint.MaxValue << 8) | 0xFF;

        private static long Address(uint page, byte slot) => ((long)page << 8) | slot;

        private static long AddressAt(byte[] page, int offset) => Address(BitConverter.ToUInt32(page, offset), page[offset + 4]);

        private static void Set(ulong[] bits, long address) => bits[address >> 6] |= 1UL << (int)(address & 63);

        private static bool Get(ulong[] bits, long address) => (address >> 6) < bits.Length && (bits[address >> 6] & (1UL << (int)(address & 63))) != 0;

        private sealed class Block
        {
            public byte[] Data;
            public long Next;
        }

        /// <summary>
        /// A data block: extend flag (1), next block (5), then its part of the document. A first block that has no next
        /// block is a whole document and is checked here; the parts of longer ones are kept for their chain.
        /// </summary>
        private static string ReadBlock(byte[] page, int position, int length, long address, ulong[] first,
            List<KeyValuePair<long, long>> chainStarts, Dictionary<long, Block> continuations, Dictionary<long, byte[]> firstBlocks)
        {
            if (length < 6 + 1) return "is too short";
            bool extend = page[position] != 0;
            long next = AddressAt(page, position + 1);
            if (extend)
            {
                continuations[address] = new Block { Data = Slice(page, position + 6, length - 6), Next = next };
                return null;
            }
            Set(first, address);
            if (next == EmptyAddress)
                return Bson.Problem(page, position + 6, length - 6);
            firstBlocks[address] = Slice(page, position + 6, length - 6);
            chainStarts.Add(new KeyValuePair<long, long>(address, next));
            return null;
        }

        private static byte[] Slice(byte[] page, int start, int count)
        {
            var bytes = new byte[count];
            Buffer.BlockCopy(page, start, bytes, 0, count);
            return bytes;
        }

        /// <summary>
        /// An index node: slot (1), levels (1), document (5), next node of the same document (5), previous and next
        /// node on each level (10 each), then the key (type and length in 2 bytes, then the value).
        /// </summary>
        private static string ReadNode(byte[] page, int position, int length)
        {
            int end = position + length;
            if (length < 12 + 10 + 1) return "is too short";
            int levels = page[position + 1];
            if (levels < 1 || levels > 32) return $"has {levels} levels";
            int key = position + 12 + levels * 10;
            if (key + 1 > end) return "is shorter than its levels";
            return Bson.KeyProblem(page, key, end);
        }
        /// <summary>What is wrong with the header and slot table of a page, or null.</summary>
        private static string PageProblem(byte[] page, uint id, uint? collection)
        {
            uint carried = BitConverter.ToUInt32(page, 0);
            byte type = page[4];
            if (carried != id) return $"it carries page id {carried}";
            if (type > DataPage || type == HeaderPage) return $"its page type {type} is unknown here";
            if (collection.HasValue && BitConverter.ToUInt32(page, 19) != collection.Value)
                return $"it belongs to collection page {BitConverter.ToUInt32(page, 19)}, not {collection.Value}";
            if (type == EmptyPage || type == CollectionPage) return null;
            int items = page[23];
            int used = BitConverter.ToUInt16(page, 24);
            int fragmented = BitConverter.ToUInt16(page, 26);
            int nextFree = BitConverter.ToUInt16(page, 28);
            int highest = page[30];
            int footer = highest == byte.MaxValue ? 0 : (highest + 1) * 4;
            if (nextFree < 32 || nextFree > PageSize - footer) return $"its next free position {nextFree} is outside the page";
            if (used > PageSize - 32 - footer || fragmented > PageSize - 32) return $"its used byte count {used} is impossible";
            if (highest == byte.MaxValue)
                return items == 0 && used == 0 ? null : $"it counts {items} items but has no slots";
            int found = 0, total = 0;
            for (int slot = 0; slot <= highest; slot++)
            {
                int length = BitConverter.ToUInt16(page, PageSize - (slot + 1) * 4);
                int position = BitConverter.ToUInt16(page, PageSize - (slot + 1) * 4 + 2);
                if (length == 0 && position == 0) continue;
                if (position < 32 || length == 0 || position + length > PageSize - footer)
                    return $"its slot {slot} points outside the page ({position.ToString(CultureInfo.InvariantCulture)}+{length.ToString(CultureInfo.InvariantCulture)})";
                found++;
                total += length;
            }
            if (found != items) return $"it counts {items} items and holds {found}";
            if (total != used) return $"it counts {used} used bytes and holds {total}";
            return null;
        }

        private static bool SlotUsed(byte[] page, byte slot)
        {
            int highest = page[30];
            if (highest == byte.MaxValue || slot > highest) return false;
            return BitConverter.ToUInt16(page, PageSize - (slot + 1) * 4) != 0;
        }

        /// <summary>The field of an index expression "$.Field" as UTF-8, or null for any other expression.</summary>
        private static byte[] TopLevelField(string expression)
        {
            if (!expression.StartsWith("$.", StringComparison.Ordinal) || expression.Length == 2) return null;
            string field = expression.Substring(2);
            foreach (char c in field)
                if (!(char.IsLetterOrDigit(c) || c == '_')) return null;
            return Encoding.UTF8.GetBytes(field);
        }

        /// <summary>A zero-terminated UTF-8 name of at most 255 bytes ending before <paramref name="end"/>; null when there is none.</summary>
        private static string CString(byte[] page, ref int p, int end)
        {
            int start = p;
            while (p < end && page[p] != 0 && p - start < 256) p++;
            if (p >= end || page[p] != 0 || p == start) return null;
            string text;
            try
            {
                text = new UTF8Encoding(false, true).GetString(page, start, p - start);
            }
            catch (ArgumentException)
            {
                return null;
            }
            p++;
            return text;
        }

        private static string Pages(long n) => n == 1 ? "1 page" : n.ToString("N0", CultureInfo.InvariantCulture) + " pages";
    }
}
