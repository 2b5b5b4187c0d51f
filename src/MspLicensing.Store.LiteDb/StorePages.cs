using System;
using System.Collections.Generic;
using System.IO;
using LiteDB.Engine;

namespace MspLicensing.Store
{
    /// <summary>
    /// The pages of a store as LiteDB would see them, read without LiteDB's engine and without ever writing: the data
    /// file (decrypted when it has a password), with the pages of the confirmed transactions of its log file on top,
    /// as LiteDB applies them when it opens the store. The file checks (<see cref="StoreCheck"/>) read through it.
    /// </summary>
    internal sealed class StorePages : IDisposable
    {
        internal const int PageSize = StoreFile.PageSize;

        private readonly Stream _data;
        private readonly Stream _log;
        private readonly Dictionary<uint, long> _fromLog = new Dictionary<uint, long>();

        private StorePages(Stream data, Stream log)
        {
            _data = data;
            _log = log;
            DataPages = data.Length / PageSize;
        }

        /// <summary>How many whole pages the data file holds (the encryption page not counted).</summary>
        internal long DataPages { get; }

        /// <summary>Pages whose latest confirmed version is in the log file.</summary>
        internal IReadOnlyDictionary<uint, long> FromLog => _fromLog;

        /// <summary>
        /// Opens the store's files for reading only. A wrong password throws LiteDB's password error; an unreadable log
        /// is a damaged store.
        /// </summary>
        internal static StorePages Open(string path, string password, string logPath)
        {
            Stream data = OpenRead(path, password);
            Stream log = null;
            try
            {
                if (File.Exists(logPath) && new FileInfo(logPath).Length >= PageSize)
                    log = OpenRead(logPath, password);
                var pages = new StorePages(data, log);
                if (log != null) pages.ReadLog();
                return pages;
            }
            catch
            {
                log?.Dispose();
                data.Dispose();
                throw;
            }
        }

        private static Stream OpenRead(string file, string password)
        {
            var stream = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete, PageSize, FileOptions.RandomAccess);
            if (password == null) return stream;
            try
            {
                // LiteDB's own cipher stream: it reads the salt page and checks the password; on a stream opened for
                // reading it cannot write.
                return new AesStream(password, stream);
            }
            catch
            {
                stream.Dispose();
                throw;
            }
        }

        /// <summary>Finds the confirmed transactions of the log, as LiteDB's WAL index does when it opens the store.</summary>
        private void ReadLog()
        {
            var pending = new Dictionary<uint, List<KeyValuePair<uint, long>>>();
            var page = new byte[PageSize];
            long count = _log.Length / PageSize;
            for (long i = 0; i < count; i++)
            {
                long position = i * PageSize;
                if (!ReadAt(_log, position, page)) break;
                if (Blank(page)) continue;
                uint pageId = BitConverter.ToUInt32(page, 0);
                uint transaction = BitConverter.ToUInt32(page, 14);
                if (!pending.TryGetValue(transaction, out var list)) pending[transaction] = list = new List<KeyValuePair<uint, long>>();
                list.Add(new KeyValuePair<uint, long>(pageId, position));
                if (page[18] != 0)
                {
                    foreach (var p in list) _fromLog[p.Key] = p.Value;
                    list.Clear();
                }
            }
        }

        /// <summary>Whether the page exists (in the data file or the log).</summary>
        internal bool Exists(uint pageId) => pageId < DataPages || _fromLog.ContainsKey(pageId);

        /// <summary>Reads page <paramref name="pageId"/> into <paramref name="buffer"/>; false when the files do not hold it.</summary>
        internal bool Read(uint pageId, byte[] buffer)
        {
            if (_fromLog.TryGetValue(pageId, out long logPosition))
                return ReadAt(_log, logPosition, buffer);
            if (pageId >= DataPages) return false;
            return ReadAt(_data, (long)pageId * PageSize, buffer);
        }

        private static bool ReadAt(Stream stream, long position, byte[] buffer)
        {
            stream.Position = position;
            int total = 0;
            while (total < PageSize)
            {
                int n = stream.Read(buffer, total, PageSize - total);
                if (n <= 0) return false;
                total += n;
            }
            return true;
        }

        /// <summary>LiteDB's test for a log page that was never written: its first 16 bytes are zero.</summary>
        private static bool Blank(byte[] page)
        {
            for (int i = 0; i < 16; i++)
                if (page[i] != 0) return false;
            return true;
        }

        public void Dispose()
        {
            _log?.Dispose();
            _data.Dispose();
        }
    }
}
