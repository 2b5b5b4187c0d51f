using System;
using System.Globalization;
using System.IO;
using System.Security.Cryptography;

namespace MspLicensing.Store
{
    /// <summary>
    /// A small file beside the store that says: every page, document and index of the store was checked and found
    /// sound, and since then only this module changed the file. It holds the store's fingerprint (the length and last
    /// write time of the store file and its log, and a hash of the header page) as it was after the check, and after
    /// each change the module committed while the stamp still held.
    /// </summary>
    /// <remarks>
    /// Connect-MspStore and the first command of a session check the store fully unless the stamp holds, so a
    /// scheduled task does not read the whole store at every start. Anything else that changes the file (another
    /// program, a copy with new times, an older module) changes the fingerprint: the next session checks fully again.
    /// Bytes a failing disk changes in place are not seen by the stamp; the reads of every command refuse them. A failed check and damage met later remove the stamp, and so does a change made while
    /// the disk is nearly full. The stamp is a hint that saves work, never a reason to trust a file more: when it
    /// cannot be read or written the store is checked.
    /// Test-MspStore always checks fully.
    /// </remarks>
    internal static class VerifiedStamp
    {
        private const string Format = "MspLicensing verified 1";

        /// <summary>The stamp of <paramref name="store"/>: a hidden file in the same folder.</summary>
        internal static string PathOf(string store) =>
            System.IO.Path.Combine(System.IO.Path.GetDirectoryName(store) ?? ".", "." + System.IO.Path.GetFileName(store) + ".verified");

        /// <summary>Whether the stamp is there and the store is as it was when the stamp was written.</summary>
        internal static bool Holds(string store, string logFile)
        {
            try
            {
                string stamp = PathOf(store);
                if (!File.Exists(stamp)) return false;
                string fingerprint = Fingerprint(store, logFile);
                return fingerprint != null && string.Equals(File.ReadAllText(stamp), fingerprint, StringComparison.Ordinal);
            }
            catch (Exception ex) when (ex is IOException || ex is UnauthorizedAccessException)
            {
                return false;
            }
        }

        /// <summary>
        /// The free space the store's disk must have for the stamp to be written, beyond twice the log: on a nearly full
        /// disk the stamp could take the room LiteDB needs to close its log, and the store matters more than the time saved.
        /// </summary>
        internal const long Room = 64L * 1024 * 1024;

        /// <summary>
        /// Writes the stamp for the store as it is now. A disk with less than <see cref="Room"/> free (or one whose free
        /// space cannot be read, such as a network share) and a folder that takes no file get no stamp: the store is
        /// checked fully by the next session then.
        /// </summary>
        internal static void Write(string store, string logFile)
        {
            if (!HasRoom(store, logFile))
            {
                Remove(store);
                return;
            }
            try
            {
                string fingerprint = Fingerprint(store, logFile);
                if (fingerprint == null) return;
                string stamp = PathOf(store);
                string staging = stamp + "." + Guid.NewGuid().ToString("N").Substring(0, 8);
                File.WriteAllText(staging, fingerprint);
                PrivateFiles.Restrict(staging);
                try
                {
                    if (File.Exists(stamp)) File.Delete(stamp);
                    File.Move(staging, stamp);
                }
                finally
                {
                    PrivateFiles.TryDelete(staging);
                }
            }
            catch (Exception ex) when (ex is IOException || ex is UnauthorizedAccessException)
            {
                Remove(store);
            }
        }

        private static bool HasRoom(string store, string logFile)
        {
            try
            {
                var log = new FileInfo(logFile);
                return HasRoom(store, 2 * (log.Exists ? log.Length : 0));
            }
            catch (Exception ex) when (ex is IOException || ex is UnauthorizedAccessException)
            {
                return false;
            }
        }

        /// <summary>
        /// Whether the disk of <paramref name="store"/> has <paramref name="bytes"/> free beyond <see cref="Room"/>; false
        /// when its free space cannot be read (a network share).
        /// </summary>
        internal static bool HasRoom(string store, long bytes)
        {
            try
            {
                // On Windows the drive of the path; elsewhere the file system that holds the folder.
                var disk = new DriveInfo(System.IO.Path.GetDirectoryName(store) ?? store);
                return disk.AvailableFreeSpace >= Room + bytes;
            }
            catch (Exception ex) when (ex is ArgumentException || ex is IOException || ex is UnauthorizedAccessException)
            {
                return false;
            }
        }

        /// <summary>Removes the stamp: the next session checks the store fully.</summary>
        internal static void Remove(string store) => PrivateFiles.TryDelete(PathOf(store));

        /// <summary>The length and last write time of the store and its log, and a hash of the first page; null when the store cannot be read.</summary>
        internal static string Fingerprint(string store, string logFile)
        {
            var data = new FileInfo(store);
            if (!data.Exists) return null;
            var log = new FileInfo(logFile);
            byte[] header = new byte[StoreFile.PageSize];
            int read = 0;
            using (var file = new FileStream(store, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete))
            {
                int n;
                while (read < header.Length && (n = file.Read(header, read, header.Length - read)) > 0) read += n;
            }
            string hash;
            using (var sha = SHA256.Create())
                hash = Convert.ToBase64String(sha.ComputeHash(header, 0, read));
            return string.Join("|",
                Format,
                data.Length.ToString(CultureInfo.InvariantCulture),
                data.LastWriteTimeUtc.Ticks.ToString(CultureInfo.InvariantCulture),
                // An empty log holds nothing (the store creates one before each change): the same as none.
                log.Exists && log.Length > 0 ? log.Length.ToString(CultureInfo.InvariantCulture) : "-",
                log.Exists && log.Length > 0 ? log.LastWriteTimeUtc.Ticks.ToString(CultureInfo.InvariantCulture) : "-",
                hash);
        }
    }
}
