using System;
using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Threading;

namespace MspLicensing.Store
{
    /// <summary>
    /// One store is used by one command at a time across every process (LiteDB's shared mode locks it for each
    /// transaction and waits for that lock without end). The gate is taken first, with a bound: a holder that hangs
    /// (a renewal stopped with SIGSTOP, a debugger) makes the others wait at most the timeout, telling what they wait
    /// for, and then fail with StoreBusy before anything was written.
    /// </summary>
    /// <remarks>
    /// A named mutex of the machine, one per store path, so an interactive session, a scheduled task and an RMM
    /// script (other logon sessions) share it. A holder that dies leaves it abandoned, and the next taker gets it.
    /// Taking it again on the same thread (a read inside a write) nests.
    /// </remarks>
    internal sealed class StoreGate : IDisposable
    {
        /// <summary>How long a command waits for the store by default.</summary>
        internal static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(30);
        private static readonly TimeSpan Tick = TimeSpan.FromSeconds(1);

        private readonly Mutex _mutex;
        private readonly string _path;
        private readonly TimeSpan _timeout;
        private readonly Action<string> _waiting;

        internal StoreGate(string path, TimeSpan? timeout, Action<string> waiting)
        {
            _path = path;
            _timeout = timeout ?? DefaultTimeout;
            _waiting = waiting;
            try
            {
                _mutex = new Mutex(false, @"Global\MspLicensing-" + Hash(path));
            }
            catch (Exception ex) when (ex is UnauthorizedAccessException || ex is WaitHandleCannotBeOpenedException || ex is PlatformNotSupportedException || ex is System.IO.IOException)
            {
                // Another user made the gate and this one may not open it: LiteDB's own lock still keeps the data
                // whole, only the bound on waiting is lost.
                _mutex = null;
            }
        }

        /// <summary>Runs <paramref name="action"/> holding the gate; throws StoreBusy when the gate stays taken past the timeout.</summary>
        internal T Run<T>(Func<T> action)
        {
            bool held = Enter();
            try
            {
                return action();
            }
            finally
            {
                if (held) _mutex.ReleaseMutex();
            }
        }

        private bool Enter()
        {
            if (_mutex == null) return false;
            try
            {
                if (_mutex.WaitOne(0)) return true;
                var watch = Stopwatch.StartNew();
                _waiting?.Invoke($"Waiting for the store '{_path}': another command is using it (waiting at most {Seconds(_timeout)}).");
                while (true)
                {
                    var left = _timeout - watch.Elapsed;
                    if (left <= TimeSpan.Zero)
                        throw new MspException("StoreBusy", ErrorKind.ResourceUnavailable,
                            $"The store '{_path}' stayed in use by another command for {Seconds(_timeout)}, so this command gave up before changing anything. " +
                            "A command that hangs (stopped, or waiting for input) holds it: end it, or wait longer with Connect-MspStore -Timeout.", _path);
                    if (_mutex.WaitOne(left < Tick ? left : Tick)) return true;
                    _waiting?.Invoke($"Waiting for the store '{_path}': {Seconds(watch.Elapsed)} so far.");
                }
            }
            catch (AbandonedMutexException)
            {
                // The holder died holding it: it is ours now (LiteDB recovers its own log).
                return true;
            }
        }

        private static string Seconds(TimeSpan t) => ((int)Math.Ceiling(t.TotalSeconds)).ToString(CultureInfo.InvariantCulture) + " s";

        private static string Hash(string path)
        {
            using (var sha = SHA256.Create())
            {
                var bytes = sha.ComputeHash(Encoding.UTF8.GetBytes(path.ToLowerInvariant()));
                var sb = new StringBuilder();
                for (int i = 0; i < 16; i++) sb.Append(bytes[i].ToString("x2", CultureInfo.InvariantCulture));
                return sb.ToString();
            }
        }

        public void Dispose() => _mutex?.Dispose();
    }
}
