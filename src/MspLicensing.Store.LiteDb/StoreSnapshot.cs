using System;
using System.IO;

namespace MspLicensing.Store
{
    /// <summary>
    /// A copy of a store file and its log, taken beside it while the caller holds the store's gate, so that a check
    /// which reads everything (Test-MspStore: about 24 s for 10,000 customers after a year of seat changes, minutes at
    /// 100,000; the first check of a session whose stamp does not hold) reads the copy while the commands of other
    /// sessions go on using the store. Copying takes about a second for a few hundred megabytes, the only time others
    /// wait.
    /// </summary>
    /// <remarks>
    /// The copy is two hidden files in the store's folder (.name.random.check and its log), the owner's alone, and
    /// encrypted as the store is; disposing deletes them, and a later copy deletes those a killed
    /// check left behind once they are <see cref="Abandoned"/>. The fingerprint of the store (<see cref="VerifiedStamp"/>) is
    /// taken before and after copying: when they differ, something that does not take the gate wrote meanwhile and
    /// there is no copy. There is none either when the disk lacks room for it and for the log the store may need
    /// (<see cref="VerifiedStamp.Room"/>), or when the folder takes no file: the caller then checks the store itself.
    /// </remarks>
    internal sealed class StoreSnapshot : IDisposable
    {
        private const int Buffer = 1 << 20;

        private StoreSnapshot(string path, string fingerprint)
        {
            Path = path;
            Fingerprint = fingerprint;
        }

        /// <summary>The copy of the store file; its log is <see cref="LiteDbStore.LogFileOf"/> of it.</summary>
        internal string Path { get; }

        /// <summary>The store's fingerprint when it was copied.</summary>
        private string Fingerprint { get; }

        /// <summary>
        /// How old a copy must be before a later check takes it for one that a killed check left behind and deletes it:
        /// no check reads its copy that long, and a scheduled check that a timeout kills every night leaves one at most.
        /// </summary>
        internal static readonly TimeSpan Abandoned = TimeSpan.FromDays(1);

        /// <summary>Copies <paramref name="store"/> and <paramref name="logFile"/>; null when there is no room, the copy fails or the store changed meanwhile.</summary>
        internal static StoreSnapshot TryTake(string store, string logFile)
        {
            string folder = System.IO.Path.GetDirectoryName(store) ?? ".";
            string prefix = "." + System.IO.Path.GetFileName(store) + ".";
            string copy = System.IO.Path.Combine(folder, prefix + Guid.NewGuid().ToString("N").Substring(0, 12) + ".check");
            string copyLog = LiteDbStore.LogFileOf(copy);
            try
            {
                DeleteAbandoned(folder, prefix);
                var data = new FileInfo(store);
                var log = new FileInfo(logFile);
                long logLength = log.Exists ? log.Length : 0;
                // The copy, and beyond it the room the store's log may need (as for the stamp).
                if (!VerifiedStamp.HasRoom(store, data.Length + 3 * logLength)) return null;
                string before = VerifiedStamp.Fingerprint(store, logFile);
                if (before == null) return null;
                CopyFile(store, copy);
                if (logLength > 0) CopyFile(logFile, copyLog);
                else PrivateFiles.TryCreateEmpty(copyLog);
                var snapshot = new StoreSnapshot(copy, before);
                if (snapshot.StillMatches(store, logFile)) return snapshot;
            }
            catch (Exception ex) when (ex is IOException || ex is UnauthorizedAccessException)
            {
            }
            Delete(copy);
            return null;
        }

        /// <summary>Whether the store is as it was when copied (false when it cannot be read): the copy's check then stands for it.</summary>
        internal bool StillMatches(string store, string logFile)
        {
            try
            {
                return VerifiedStamp.Fingerprint(store, logFile) == Fingerprint;
            }
            catch (Exception ex) when (ex is IOException || ex is UnauthorizedAccessException)
            {
                return false;
            }
        }

        /// <summary>Deletes the copies of this store (and their logs) older than <see cref="Abandoned"/>.</summary>
        private static void DeleteAbandoned(string folder, string prefix)
        {
            foreach (string file in Directory.GetFiles(folder, prefix + "*.check"))
            {
                if (DateTime.UtcNow - File.GetLastWriteTimeUtc(file) < Abandoned) continue;
                PrivateFiles.TryDelete(file);
            }
        }

        private static void CopyFile(string from, string to)
        {
            using (var source = new FileStream(from, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete, Buffer))
            using (var target = PrivateFiles.Open(to, FileMode.CreateNew))
                source.CopyTo(target, Buffer);
        }

        private static void Delete(string copy)
        {
            PrivateFiles.TryDelete(copy);
            PrivateFiles.TryDelete(LiteDbStore.LogFileOf(copy));
        }

        public void Dispose() => Delete(Path);
    }
}
