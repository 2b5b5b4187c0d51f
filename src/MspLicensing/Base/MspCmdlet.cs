using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Management.Automation;
using MspLicensing.Store;

namespace MspLicensing.Commands
{
    /// <summary>
    /// The base of every MspLicensing cmdlet: it opens the session's store on first use and closes it when the
    /// pipeline ends, and turns domain errors into ErrorRecords. It keeps no state beyond one invocation.
    /// </summary>
    public abstract class MspCmdlet : PSCmdlet, IDisposable
    {
        private IMspStore _store;

        /// <summary>The store of this session, opened on first use; a failure to open it is terminating.</summary>
        protected IMspStore Store
        {
            get
            {
                if (_store == null)
                {
                    var connection = StoreConnection.Current(this);
                    try
                    {
                        _store = LiteDbStore.Open(connection.Path, connection.PlainPassword, timeout: connection.Timeout, waiting: WaitingForStore);
                    }
                    catch (MspException ex)
                    {
                        ThrowTerminatingError(Errors.Record(ex, connection.Path));
                    }
                }
                return _store;
            }
        }

        protected string CommandName => MyInvocation.MyCommand.Name;

        /// <summary>Tells, while another command holds the store, that this one waits (verbose, and a progress line at the prompt).</summary>
        protected void WaitingForStore(string message)
        {
            WriteVerbose(message);
            WriteProgress(new ProgressRecord(2, "Waiting for the store", message));
        }

        /// <summary>Whether the user gave the parameter (for value types whose default means "not given").</summary>
        protected bool Bound(string parameterName) => MyInvocation.BoundParameters.ContainsKey(parameterName);

        /// <summary>Runs a read; a store failure is terminating.</summary>
        protected T Read<T>(Func<IStoreSession, T> read)
        {
            try
            {
                return Store.Read(read);
            }
            catch (MspException ex)
            {
                ThrowTerminatingError(Errors.Record(ex));
                throw;
            }
        }

        /// <summary>Runs a read for one pipeline item. Returns false (and writes a non-terminating error) when the domain refuses it.</summary>
        protected bool TryRead<T>(Func<IStoreSession, T> read, object target, out T result)
        {
            try
            {
                result = Store.Read(read);
                return true;
            }
            catch (MspException ex)
            {
                WriteError(Errors.Record(ex, target));
                result = default(T);
                return false;
            }
        }

        /// <summary>Runs one change in one transaction. Returns false (and writes a non-terminating error) when it fails.</summary>
        protected bool TryWrite<T>(Func<IStoreSession, T> write, object target, out T result)
        {
            try
            {
                result = Store.Write(CommandName, write);
                return true;
            }
            catch (MspException ex)
            {
                WriteError(Errors.Record(ex, target));
                result = default(T);
                return false;
            }
        }

        /// <summary>Writes the items -Skip and -First select (SupportsPaging), and the total with -IncludeTotalCount.</summary>
        protected void WritePage<T>(IReadOnlyList<T> items)
        {
            if (PagingParameters.IncludeTotalCount)
                WriteObject(PagingParameters.NewTotalCount((ulong)items.Count, 1.0));
            ulong end = PagingParameters.Skip + Math.Min(PagingParameters.First, (ulong)items.Count);
            for (ulong i = PagingParameters.Skip; i < end && i < (ulong)items.Count; i++)
                WriteObject(items[(int)i]);
        }

        /// <summary>Writes a domain error as a non-terminating error.</summary>
        protected void WriteMspError(Exception ex, object target) => WriteError(Errors.Record(ex, target));

        /// <summary>Stops the command with a domain error.</summary>
        protected void ThrowMspError(Exception ex, object target) => ThrowTerminatingError(Errors.Record(ex, target));

        public void Dispose()
        {
            _store?.Dispose();
            _store = null;
            GC.SuppressFinalize(this);
        }

        /// <summary>
        /// Collects pipeline items and commits them in batches (one transaction per batch), each item all-or-nothing:
        /// a failed item is reported as a non-terminating error and the others land. Objects are written only after
        /// their batch is committed, so a downstream command always sees them in the store.
        /// </summary>
        protected sealed class PipelineBatch<TIn, TOut>
        {
            private const int MaxItems = 500;
            private static readonly TimeSpan MaxAge = TimeSpan.FromSeconds(1);

            private readonly MspCmdlet _cmdlet;
            private readonly Func<IStoreSession, TIn, TOut> _write;
            private readonly Func<TIn, object> _target;
            private readonly string _activity;
            private readonly string _noun;
            private readonly bool _writeResults;
            private readonly List<TIn> _pending = new List<TIn>();
            private readonly Stopwatch _age = new Stopwatch();
            private int _done;
            private int _failed;
            private bool _progressShown;

            /// <param name="writeResults">False for commands that write nothing on success (no -PassThru): only errors are written.</param>
            public PipelineBatch(MspCmdlet cmdlet, Func<IStoreSession, TIn, TOut> write, Func<TIn, object> target, string noun, bool writeResults = true)
            {
                _writeResults = writeResults;
                _cmdlet = cmdlet;
                _write = write;
                _target = target;
                _activity = cmdlet.CommandName;
                _noun = noun;
            }

            public int Succeeded => _done - _failed;

            public void Add(TIn item)
            {
                if (_pending.Count == 0) _age.Restart();
                _pending.Add(item);
                if (_pending.Count >= MaxItems || _age.Elapsed >= MaxAge) Flush();
            }

            /// <summary>Commits what is pending. Call from EndProcessing.</summary>
            public void Complete()
            {
                Flush();
                if (_progressShown)
                {
                    _cmdlet.WriteProgress(new ProgressRecord(1, _activity, "Done") { RecordType = ProgressRecordType.Completed });
                }
            }

            private void Flush()
            {
                if (_pending.Count == 0) return;
                var items = _pending.ToArray();
                _pending.Clear();
                IReadOnlyList<ItemResult<TOut>> results;
                try
                {
                    results = _cmdlet.Store.WriteEach(_cmdlet.CommandName, items, _write);
                }
                catch (MspException ex)
                {
                    _cmdlet.ThrowMspError(ex, null);
                    return;
                }
                for (int i = 0; i < items.Length; i++)
                {
                    _done++;
                    if (results[i].Succeeded)
                    {
                        if (_writeResults) _cmdlet.WriteObject(results[i].Value);
                    }
                    else
                    {
                        _failed++;
                        _cmdlet.WriteMspError(results[i].Error, _target(items[i]));
                    }
                }
                // A command on one item shows no progress; a pipeline of several items does (a bar that ends at once
                // for a few, one that moves with each batch for many).
                if (_progressShown || _done > 1)
                {
                    _progressShown = true;
                    _cmdlet.WriteProgress(new ProgressRecord(1, _activity,
                        $"{Succeeded} {_noun}, {_failed} failed") { PercentComplete = -1 });
                }
            }
        }
    }
}
