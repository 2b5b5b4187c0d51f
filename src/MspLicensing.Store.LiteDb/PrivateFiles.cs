using System;
using System.Collections.Generic;
using System.IO;
using System.Reflection;
using System.Runtime.InteropServices;

namespace MspLicensing.Store
{
    /// <summary>
    /// Files and folders that hold customer and billing data (the store, its log, backups, exports) are the owner's
    /// alone: on Linux and macOS they are created 0600 and their new folders 0700, whatever the umask; on Windows they
    /// keep the ACLs of the user's profile or the folder they are in.
    /// </summary>
    /// <remarks>
    /// The module targets netstandard2.0, which has no Unix file modes. PowerShell 7 runs on .NET, whose
    /// FileStreamOptions.UnixCreateMode creates a file with its mode from the first moment (no window in which another
    /// user could open it) and File.SetUnixFileMode sets one; both are found by name. Windows PowerShell never runs on
    /// Unix, so where they are missing there is nothing to do.
    /// </remarks>
    public static class PrivateFiles
    {
        private const int OwnerReadWrite = 0x180;        // 0600
        private const int OwnerReadWriteExecute = 0x1C0; // 0700

        private static readonly bool Unix = !RuntimeInformation.IsOSPlatform(OSPlatform.Windows);
        private static readonly Assembly CoreLibrary = typeof(FileStream).Assembly;
        private static readonly Type UnixFileMode = CoreLibrary.GetType("System.IO.UnixFileMode");
        private static readonly Type FileStreamOptions = CoreLibrary.GetType("System.IO.FileStreamOptions");
        private static readonly MethodInfo SetMode = UnixFileMode == null ? null
            : typeof(File).GetMethod("SetUnixFileMode", new[] { typeof(string), UnixFileMode });
        private static readonly ConstructorInfo StreamWithOptions = FileStreamOptions == null ? null
            : typeof(FileStream).GetConstructor(new[] { typeof(string), FileStreamOptions });

        /// <summary>
        /// Opens <paramref name="path"/> for writing; a file it creates is the owner's alone from the start. An existing
        /// file keeps its mode (FileMode.Create truncates it, FileMode.CreateNew refuses it).
        /// </summary>
        public static FileStream Open(string path, FileMode mode, FileShare share = FileShare.None)
        {
            if (Unix && StreamWithOptions != null && UnixFileMode != null)
            {
                object options = Activator.CreateInstance(FileStreamOptions);
                FileStreamOptions.GetProperty("Mode").SetValue(options, mode);
                FileStreamOptions.GetProperty("Access").SetValue(options, FileAccess.Write);
                FileStreamOptions.GetProperty("Share").SetValue(options, share);
                if (mode != FileMode.Open && mode != FileMode.Truncate && mode != FileMode.Append)
                    FileStreamOptions.GetProperty("UnixCreateMode").SetValue(options, Enum.ToObject(UnixFileMode, OwnerReadWrite));
                try
                {
                    return (FileStream)StreamWithOptions.Invoke(new[] { path, options });
                }
                catch (TargetInvocationException ex) when (ex.InnerException != null)
                {
                    System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(ex.InnerException).Throw();
                    throw;
                }
            }
            return new FileStream(path, mode, FileAccess.Write, share);
        }

        /// <summary>
        /// Writes <paramref name="content"/> to <paramref name="target"/> whole or not at all: into a hidden staging file
        /// beside it (.name.partial, the owner's alone), which then takes the target's place. With
        /// <paramref name="replace"/> an existing target is replaced; a symbolic link there is replaced itself, never
        /// followed to the file it points to. A failure (a full disk) removes the staging file; one that a killed
        /// process left is taken over by the next write to the same target.
        /// </summary>
        public static void WriteWhole(string target, byte[] content, bool replace)
        {
            string folder = Path.GetDirectoryName(target);
            CreateFolder(folder);
            string staging = Path.Combine(folder, "." + Path.GetFileName(target) + ".partial");
            bool moved = false;
            try
            {
                // OpenOrCreate, then truncate: a second writer to the same target that is still writing holds the lock,
                // and FileMode.Create would have emptied its file before finding that out.
                using (var file = Open(staging, FileMode.OpenOrCreate, FileShare.None))
                {
                    file.SetLength(0);
                    file.Write(content, 0, content.Length);
                    file.Flush(true);
                }
                if (replace && (File.Exists(target) || IsLink(target))) File.Delete(target);
                File.Move(staging, target);
                moved = true;
            }
            finally
            {
                if (!moved) TryDelete(staging);
            }
        }

        /// <summary>Deletes a leftover file (a staging or temporary file) when it can; one it cannot delete stays.</summary>
        internal static void TryDelete(string file)
        {
            try
            {
                if (File.Exists(file)) File.Delete(file);
            }
            catch (IOException)
            {
            }
            catch (UnauthorizedAccessException)
            {
            }
        }

        private static bool IsLink(string path)
        {
            try
            {
                return (File.GetAttributes(path) & FileAttributes.ReparsePoint) != 0;
            }
            catch (IOException)
            {
                return false;
            }
        }

        /// <summary>Creates an empty file for LiteDB to fill, the owner's alone; false when it exists already (it is left as it is).</summary>
        public static bool TryCreateEmpty(string path)
        {
            try
            {
                using (Open(path, FileMode.CreateNew, FileShare.ReadWrite | FileShare.Delete)) { }
                return true;
            }
            catch (IOException) when (File.Exists(path))
            {
                return false;
            }
        }

        /// <summary>Creates <paramref name="folder"/> and the missing folders above it; the ones it creates are the owner's alone.</summary>
        public static void CreateFolder(string folder)
        {
            var missing = new List<string>();
            for (string f = Path.GetFullPath(folder); !string.IsNullOrEmpty(f) && !Directory.Exists(f); f = Path.GetDirectoryName(f))
                missing.Add(f);
            Directory.CreateDirectory(folder);
            for (int i = missing.Count - 1; i >= 0; i--)
                Restrict(missing[i], OwnerReadWriteExecute);
        }

        /// <summary>Makes an existing file the owner's alone (for files another library created).</summary>
        public static void Restrict(string file) => Restrict(file, OwnerReadWrite);

        private static void Restrict(string path, int mode)
        {
            if (!Unix || SetMode == null) return;
            try
            {
                SetMode.Invoke(null, new[] { path, Enum.ToObject(UnixFileMode, mode) });
            }
            catch (TargetInvocationException ex) when (ex.InnerException is IOException || ex.InnerException is UnauthorizedAccessException)
            {
                // Not ours to change (another user's folder above ours): its own mode stays.
            }
        }
    }
}
