using System;
using System.IO;
using System.Text;

namespace MspLicensing.Store
{
    /// <summary>
    /// Checks a file before LiteDB sees it. LiteDB silently rewrites some files that are not databases (empty,
    /// short text, truncated) as new empty databases, so an existing file is only handed to LiteDB when it looks
    /// like one: at least one page long, a whole number of pages, and either the plain header text or the
    /// encryption marker.
    /// </summary>
    internal static class StoreFile
    {
        internal const int PageSize = 8192;
        private const string HeaderText = "** This is a LiteDB file **";
        private const int HeaderOffset = 0x20;

        /// <summary>Returns whether the existing file is encrypted; throws a clear error when it is not a store file.</summary>
        internal static bool Inspect(string path)
        {
            long length;
            byte[] head = new byte[HeaderOffset + HeaderText.Length];
            int read;
            try
            {
                using (var fs = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete))
                {
                    length = fs.Length;
                    read = ReadAll(fs, head);
                }
            }
            catch (UnauthorizedAccessException ex)
            {
                throw new MspException("StoreAccessDenied", ErrorKind.PermissionDenied,
                    $"Cannot read the store '{path}': access is denied ({ex.Message}). Check the file's permissions.", path, ex);
            }
            catch (IOException ex)
            {
                throw new MspException("StoreUnreadable", ErrorKind.ResourceUnavailable,
                    $"Cannot read the store '{path}': {ex.Message}", path, ex);
            }

            if (length < PageSize || length % PageSize != 0 || read < head.Length)
                throw NotAStore(path, $"it is {length} bytes long, and a store file is a whole number of {PageSize}-byte pages (is it empty, truncated or another kind of file?)");
            if (head[0] == 1)
                return true;
            if (Encoding.ASCII.GetString(head, HeaderOffset, HeaderText.Length) != HeaderText)
                throw NotAStore(path, "it does not start with a LiteDB header (is it another kind of file, or is the header damaged?)");
            return false;
        }

        internal static MspException NotAStore(string path, string reason) =>
            new MspException("StoreInvalid", ErrorKind.InvalidData,
                $"The file '{path}' is not a usable MspLicensing store: {reason}. It was left as it is; connect to another path with Connect-MspStore -Path.", path);

        private static int ReadAll(Stream s, byte[] buffer)
        {
            int total = 0;
            while (total < buffer.Length)
            {
                int n = s.Read(buffer, total, buffer.Length - total);
                if (n == 0) break;
                total += n;
            }
            return total;
        }
    }
}
