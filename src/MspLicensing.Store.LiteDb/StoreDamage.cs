using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using LiteDB;

namespace MspLicensing.Store
{
    /// <summary>
    /// Tells a damaged store from other failures. LiteDB reports damage in many ways: its own consistency error
    /// (LiteException 999), and whatever .NET throws while it decodes garbage (DecoderFallbackException,
    /// NotSupportedException "BSON type not supported", NotImplementedException, IndexOutOfRangeException,
    /// InvalidCastException …). An exception counts as damage when it is a LiteException other than the expected
    /// ones (a duplicate key, a wrong password, a lock timeout), or when it was thrown while LiteDB or the store's
    /// readers were decoding stored data (a frame of theirs is on its stack trace). Exceptions of the domain, of the
    /// caller and of the file system are not damage.
    /// </summary>
    internal static class StoreDamage
    {
        private static readonly HashSet<int> Expected = new HashSet<int>
        {
            LiteException.INDEX_DUPLICATE_KEY,
            LiteException.LOCK_TIMEOUT,
            LiteException.INVALID_PASSWORD,
            LiteException.NOT_ENCRYPTED,
            LiteException.FILE_SIZE_EXCEEDED,
            LiteException.ALREADY_OPEN_DATAFILE,
            LiteException.FILE_NOT_FOUND,
        };

        private static readonly System.Reflection.Assembly LiteDbAssembly = typeof(LiteDatabase).Assembly;

        /// <summary>What the damage is, in words, or null when <paramref name="ex"/> is not damage.</summary>
        internal static string Describe(Exception ex)
        {
            switch (ex)
            {
                case null:
                case MspException _:
                case OperationCanceledException _:
                    return null;
                case DamagedException damaged:
                    return damaged.Message;
                case LiteException lite:
                    return Expected.Contains(lite.ErrorCode) ? null : "LiteDB reports: " + lite.Message;
                case IOException io when !(io is EndOfStreamException):
                    return null;
            }
            return FromStoredData(ex) ? $"its data cannot be decoded ({ex.GetType().Name}: {ex.Message})" : null;
        }

        private static bool FromStoredData(Exception ex)
        {
            StackFrame[] frames;
            try
            {
                frames = new StackTrace(ex, false).GetFrames();
            }
            catch (Exception)
            {
                return false;
            }
            if (frames == null) return false;
            return frames.Any(frame =>
            {
                Type type = frame.GetMethod()?.DeclaringType;
                while (type?.DeclaringType != null) type = type.DeclaringType;
                return type != null && (type.Assembly == LiteDbAssembly || type == typeof(Readers) || type == typeof(Mapping));
            });
        }

        internal static MspException Error(string path, string what, Exception inner = null) =>
            new MspException("StoreDamaged", ErrorKind.InvalidData,
                $"The store '{path}' is damaged: {what}. Nothing was changed. Restore the latest copy made with Backup-MspStore " +
                $"(Connect-MspStore -Path <copy>), or ask for help with the file kept as it is; Test-MspStore -Path '{path}' lists what is wrong.",
                path, inner);
    }
}
