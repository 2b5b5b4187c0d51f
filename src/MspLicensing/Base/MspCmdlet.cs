using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Management.Automation;
using System.Management.Automation.Internal;
using System.Reflection;
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

        /// <summary>
        /// The store of this session, opened on first use; a failure to open it is terminating. The first use in a session
        /// checks every page of the file as Connect-MspStore does (unless the verified stamp beside the store holds),
        /// later ones its header, collection and index pages.
        /// </summary>
        protected IMspStore Store
        {
            get
            {
                if (_store == null)
                {
                    var connection = StoreConnection.Current(this);
                    try
                    {
                        bool verify = !StoreConnection.Checked(this, connection.Path);
                        _store = StoreFactory.Open(connection, connection.Timeout, WaitingForStore, verify);
                        if (verify) StoreConnection.MarkChecked(this, connection.Path);
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

        private bool? _changesShown;

        /// <summary>
        /// Whether ShouldProcess shows what this command changes: under -WhatIf or $WhatIfPreference (which a calling
        /// function's -WhatIf and $PSDefaultParameterValues set as well), when it asks first (-Confirm, or a
        /// $ConfirmPreference at or below the command's ConfirmImpact) and under -Verbose. Only then is a change worked
        /// out in advance (<see cref="ChangePreview"/>), so a pipeline of thousands that nobody watches reads no more.
        /// </summary>
        protected bool ChangesShown
        {
            get
            {
                if (_changesShown == null)
                    _changesShown = Switch("WhatIf", () => LanguagePrimitives.IsTrue(GetVariableValue("WhatIfPreference")))
                                    || Switch("Confirm", AsksFirst)
                                    || Switch("Verbose", Verbosely);
                return _changesShown.Value;
            }
        }

        /// <summary>A common switch as given, else what the session's preference makes of it.</summary>
        private bool Switch(string parameter, Func<bool> preference) =>
            MyInvocation.BoundParameters.TryGetValue(parameter, out var given) ? LanguagePrimitives.IsTrue(given) : preference();

        /// <summary>Whether $ConfirmPreference asks before a change of this command's ConfirmImpact, as PowerShell decides it.</summary>
        private bool AsksFirst()
        {
            var impact = GetType().GetCustomAttributes(typeof(CmdletAttribute), true).OfType<CmdletAttribute>().FirstOrDefault()?.ConfirmImpact ?? ConfirmImpact.Medium;
            var threshold = Preference("ConfirmPreference", ConfirmImpact.High);
            return impact != ConfirmImpact.None && threshold != ConfirmImpact.None && impact >= threshold;
        }

        /// <summary>Whether $VerbosePreference shows verbose messages (ShouldProcess writes what it goes ahead with as one).</summary>
        private bool Verbosely()
        {
            var preference = Preference("VerbosePreference", ActionPreference.SilentlyContinue);
            return preference != ActionPreference.SilentlyContinue && preference != ActionPreference.Ignore;
        }

        private T Preference<T>(string variable, T otherwise) =>
            LanguagePrimitives.TryConvertTo(GetVariableValue(variable), out T value) ? value : otherwise;

        /// <summary>
        /// Asks whether to go ahead (ShouldProcess) in words that say what the change does: when they are shown
        /// (<see cref="ChangesShown"/>), <paramref name="change"/> is worked out on a read of the store without writing
        /// anything, and a change the domain refuses is not asked about: <paramref name="refused"/> holds why, and the
        /// answer is false. Otherwise <paramref name="name"/> names the change. -WhatIf shows "What if: " and the text;
        /// -Confirm asks with the same text.
        /// </summary>
        private bool ShouldChange(string name, Func<IStoreSession, object> change, out MspException refused)
        {
            refused = null;
            string text = name;
            if (ChangesShown)
            {
                try
                {
                    text = Store.Read(s => ChangePreview.Of(s, name, change).Text);
                }
                catch (MspException ex)
                {
                    refused = ex;
                    return false;
                }
            }
            return ShouldProcessChange(text);
        }

        /// <summary>
        /// Asks about one change (<see cref="ShouldChange(string, Func{IStoreSession, object}, out MspException)"/>) and
        /// makes it in one transaction (<see cref="TryWrite{T}(Func{IStoreSession, T}, string, object, out T)"/>): false
        /// when the user declines, under -WhatIf, or when it is refused; a refusal is the item's error either way.
        /// </summary>
        protected bool TryChange<T>(string name, string item, object identity, Func<IStoreSession, T> change, out T result)
        {
            result = default(T);
            if (ShouldChange(name, s => change(s), out var refused)) return TryWrite(change, item, identity, out result);
            if (refused != null) WriteError(Errors.Item(refused, item, PipelineInput ?? identity));
            return false;
        }

        /// <summary>
        /// <see cref="TryChange{T}(string, string, object, Func{IStoreSession, T}, out T)"/> for a change whose errors
        /// target <paramref name="target"/> (as <see cref="TryWrite{T}(Func{IStoreSession, T}, object, out T)"/> writes them).
        /// </summary>
        protected bool TryChange<T>(string name, object target, Func<IStoreSession, T> change, out T result)
        {
            result = default(T);
            if (ShouldChange(name, s => change(s), out var refused)) return TryWrite(change, target, out result);
            if (refused != null) WriteError(Errors.Record(refused, target));
            return false;
        }

        /// <summary>ShouldProcess with a text that says what changes: "What if: text" under -WhatIf, and the same text when -Confirm asks.</summary>
        protected bool ShouldProcessChange(string text) =>
            ShouldProcess(text, "Are you sure you want to perform this action?\n" + text, "Confirm");

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
        protected bool TryWrite<T>(Func<IStoreSession, T> write, object target, out T result) =>
            TryWrite(write, ex => Errors.Record(ex, target), out result);

        /// <summary>
        /// Runs the change of one pipeline item in one transaction. Returns false when it fails, and writes an error
        /// that names the item (<paramref name="item"/>, e.g. "Service plan 'Basic'") and targets its pipeline object.
        /// </summary>
        protected bool TryWrite<T>(Func<IStoreSession, T> write, string item, object identity, out T result)
        {
            var cell = UnconvertedCell();
            if (cell != null)
            {
                WriteError(Errors.Item(cell, item, PipelineInput ?? identity));
                result = default(T);
                return false;
            }
            return TryWrite(write, ex => Errors.Item(ex, item, PipelineInput ?? identity), out result);
        }

        private bool TryWrite<T>(Func<IStoreSession, T> write, Func<MspException, ErrorRecord> error, out T result)
        {
            try
            {
                result = Store.Write(CommandName, write);
                return true;
            }
            catch (MspException ex)
            {
                WriteError(error(ex));
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

        /// <summary>
        /// Writes a file the command wrote as Get-Item returns it: the FileSystem provider's item, with PSPath,
        /// PSParentPath and PSProvider, so it renders like any file at the prompt (a bare FileInfo renders without its
        /// mode, length or time) and pipes on to Get-Content, Copy-Item or Send-MailMessage -Attachments.
        /// </summary>
        protected void WriteFileItem(string providerPath)
        {
            var items = SessionState.InvokeProvider.Item.Get(new[] { FileSystemProvider + providerPath }, true, true);
            if (items.Count == 0) WriteObject(new System.IO.FileInfo(providerPath));
            foreach (var item in items) WriteObject(item);
        }

        /// <summary>The provider-qualified prefix that makes a path a file-system path whatever the current location.</summary>
        private const string FileSystemProvider = @"Microsoft.PowerShell.Core\FileSystem::";

        /// <summary>The words that name an item in errors and messages: <c>Customer 'Contoso'</c>.</summary>
        protected static string Named(string kind, object value) =>
            (string.IsNullOrEmpty(kind) ? string.Empty : kind + " ") + MspException.Quote(value ?? string.Empty);

        /// <summary>The words that name an item by two parts: <c>Customer 'Contoso', service plan 'Basic'</c>.</summary>
        protected static string Named(string kind, object value, string otherKind, object other) =>
            Named(kind, value) + ", " + Named(otherKind, other);

        /// <summary>
        /// Writes what a create that skips what exists did (R13, -SkipExisting): the created or the existing object, and
        /// for an existing one a verbose line "Customer 'Contoso' exists; skipped." and a warning with what the input
        /// gives differently, which <paramref name="changer"/> (e.g. "Set-MspCustomer") would change. False when skipped.
        /// </summary>
        protected bool WriteCreation<T>(Creation<T> creation, string item, string changer)
        {
            if (creation.Skipped)
            {
                WriteVerbose(item + " exists; skipped.");
                if (creation.Differences.Length > 0)
                    WriteWarning($"{item} exists and was left as it is, though the input would change {creation.Differences}; use {changer} for that.");
            }
            WriteObject(creation.Value);
            return !creation.Skipped;
        }

        /// <summary>The wildcard pattern of a parameter (null when it is not given); an invalid pattern stops the command.</summary>
        protected Wildcard Pattern(string parameter, string pattern)
        {
            if (pattern == null) return null;
            try
            {
                return Wildcard.Parse(parameter, pattern);
            }
            catch (MspException ex)
            {
                ThrowMspError(ex, pattern);
                throw;
            }
        }

        /// <summary>The wildcard pattern of a value from the pipeline; an invalid one is a non-terminating error, and false.</summary>
        protected bool TryPattern(string parameter, string pattern, out Wildcard wildcard)
        {
            try
            {
                wildcard = Wildcard.Parse(parameter, pattern);
                return true;
            }
            catch (MspException ex)
            {
                WriteMspError(ex, pattern);
                wildcard = null;
                return false;
            }
        }

        /// <summary>The -Name patterns of a Get command; an invalid one is a non-terminating error (names come from the pipeline), and false.</summary>
        protected bool TryNames(string parameter, IEnumerable<string> names, out NameFilter filter)
        {
            try
            {
                filter = new NameFilter(parameter, names);
                return true;
            }
            catch (MspException ex)
            {
                WriteMspError(ex, null);
                filter = null;
                return false;
            }
        }

        /// <summary>A month parameter's value; one that is not yyyy-MM stops the command.</summary>
        protected BillingMonth ParseMonth(string parameter, string text)
        {
            try
            {
                return BillingMonth.Parse(parameter, text);
            }
            catch (MspException ex)
            {
                ThrowMspError(ex, text);
                throw;
            }
        }

        /// <summary>Writes a domain error as a non-terminating error.</summary>
        protected void WriteMspError(Exception ex, object target) => WriteError(Errors.Record(ex, target));

        private static readonly PropertyInfo CurrentPipelineObject =
            typeof(Cmdlet).GetProperty("CurrentPipelineObject", BindingFlags.Instance | BindingFlags.NonPublic);

        /// <summary>
        /// The object the current item came as down the pipeline (a row of Import-Csv, a customer from
        /// Get-MspCustomer), the target of its errors; null when the command got no pipeline input. PowerShell keeps it
        /// in a member it does not publish (the same since Windows PowerShell 2.0); should that ever change, errors
        /// target the value that identifies the item instead.
        /// </summary>
        protected object PipelineInput
        {
            get
            {
                if (!MyInvocation.ExpectingInput || CurrentPipelineObject == null) return null;
                object value;
                try
                {
                    value = CurrentPipelineObject.GetValue(this, null);
                }
                catch (Exception ex) when (ex is TargetInvocationException || ex is MemberAccessException || ex is ArgumentException)
                {
                    return null;
                }
                if (!(value is PSObject wrapped)) return value;
                if (ReferenceEquals(wrapped, AutomationNull.Value)) return null;
                // A row of Import-Csv is the PSObject itself; a typed object (a customer, a license) is its base object.
                return wrapped.BaseObject is PSCustomObject ? wrapped : wrapped.BaseObject;
            }
        }

        private List<ParameterMetadata> _checkedByPropertyName;

        /// <summary>
        /// The error for a cell of the current pipeline row that PowerShell could not convert for its parameter, such
        /// as 'ten' in a Seats column or an unknown name in an enum column: the binder skips such a cell without a
        /// word (and BoundParameters still shows the value of an earlier row), so the item would go ahead with the
        /// default. Null when every cell that is not empty and names a parameter of the row's parameter set converts,
        /// or the item did not come as a row. Parameters with a transformation attribute refuse bad values themselves,
        /// and any cell converts to text, so those parameters' cells are not read; nor are those of
        /// <paramref name="commandLine"/> (the parameters given on the command line, which PowerShell takes instead of
        /// the row's cells).
        /// </summary>
        protected MspException UnconvertedCell(ICollection<string> commandLine = null)
        {
            if (_checkedByPropertyName == null)
                _checkedByPropertyName = MyInvocation.MyCommand.Parameters.Values
                    .Where(p => p.ParameterSets.Values.Any(set => set.ValueFromPipelineByPropertyName)
                                && !p.Attributes.OfType<ArgumentTransformationAttribute>().Any() && !TakesAnyCell(p.ParameterType))
                    .ToList();
            if (_checkedByPropertyName.Count == 0 || !(PipelineInput is PSObject row)) return null;
            foreach (var parameter in _checkedByPropertyName)
            {
                if (commandLine != null && commandLine.Contains(parameter.Name)) continue;
                if (!(parameter.ParameterSets.TryGetValue(ParameterSetName, out var set) || parameter.ParameterSets.TryGetValue(ParameterAttribute.AllParameterSets, out set))
                    || !set.ValueFromPipelineByPropertyName) continue;
                foreach (var column in new[] { parameter.Name }.Concat(parameter.Aliases))
                {
                    // Each cell read by its name: going through all of a row's properties makes PowerShell build a
                    // table of the row's members (and keep it with the row).
                    object value = row.Properties[column]?.Value;
                    if (value == null || (value is string text && string.IsNullOrWhiteSpace(text))) continue;
                    // The binder converts in the session's culture; so does this check.
                    if (!LanguagePrimitives.TryConvertTo(value, parameter.ParameterType, System.Globalization.CultureInfo.CurrentCulture, out object _))
                        return MspException.InvalidValue(parameter.Name, value, Expected(parameter.ParameterType));
                    break;
                }
            }
            return null;
        }

        /// <summary>Whether every value converts to the type: text (a list of texts), or any object.</summary>
        private static bool TakesAnyCell(Type type) =>
            type == typeof(string) || type == typeof(string[]) || type == typeof(object) || type == typeof(object[]) || type == typeof(PSObject);

        /// <summary>What a parameter of the type takes, in the words of an error.</summary>
        private static string Expected(Type type)
        {
            type = Nullable.GetUnderlyingType(type) ?? type;
            if (type == typeof(int) || type == typeof(long)) return "give a whole number";
            if (type == typeof(DateTime)) return "give a date such as 2026-02-03";
            if (type == typeof(Guid)) return "give an id such as 0f8fad5b-d9cb-469f-a165-70867728950e";
            if (type == typeof(bool)) return "use True or False";
            if (type.IsEnum) return "use one of " + string.Join(", ", Enum.GetNames(type));
            return "give a value that reads as " + type.Name;
        }

        /// <summary>Stops the command with a domain error.</summary>
        protected void ThrowMspError(Exception ex, object target) => ThrowTerminatingError(Errors.Record(ex, target));

        public void Dispose()
        {
            _store?.Dispose();
            _store = null;
            GC.SuppressFinalize(this);
        }

        /// <summary>
        /// Reads for pipeline items a batch at a time, each batch in one read of the store, so that thousands of piped
        /// objects (Get-MspCustomer | Get-MspLicense) do not each open the store. The batches are sized as a pipeline's
        /// changes are (<see cref="BatchPace"/>): an item waits a quarter of a second at the most, and the output keeps
        /// the order of the input. The read of an item that the domain refuses writes that item's error; the other items
        /// of its batch are read as usual.
        /// </summary>
        protected sealed class PipedReads<TIn, TOut>
        {
            private readonly MspCmdlet _cmdlet;
            private readonly Func<IStoreSession, IReadOnlyList<TIn>, Func<TIn, TOut>> _readBatch;
            private readonly Action<TOut> _write;
            private readonly List<(TIn Item, object Target)> _pending = new List<(TIn, object)>();
            private readonly Stopwatch _watch = Stopwatch.StartNew();
            private readonly BatchPace _pace;

            /// <param name="read">The read of one item, in the batch's session.</param>
            /// <param name="write">Writes the result of one item.</param>
            public PipedReads(MspCmdlet cmdlet, Func<IStoreSession, TIn, TOut> read, Action<TOut> write)
                : this(cmdlet, (session, items) => item => read(session, item), write)
            {
            }

            /// <param name="readBatch">
            /// Reads what a batch's items need together, in the batch's session, and returns the read of one item of it
            /// (run in the same session).
            /// </param>
            /// <param name="write">Writes the result of one item.</param>
            public PipedReads(MspCmdlet cmdlet, Func<IStoreSession, IReadOnlyList<TIn>, Func<TIn, TOut>> readBatch, Action<TOut> write)
            {
                _cmdlet = cmdlet;
                _readBatch = readBatch;
                _write = write;
                // Reads are cheap: the first batch need not feel its way up from a handful.
                _pace = new BatchPace(() => _watch.Elapsed, BatchPace.DefaultInterval, BatchPace.MaxBatch, firstBatch: 50, BatchPace.DefaultBatchTime);
            }

            /// <summary>Adds an item; <paramref name="target"/> is the target of its error (its pipeline object when it came through one).</summary>
            public void Add(TIn item, object target)
            {
                _pending.Add((item, _cmdlet.PipelineInput ?? target));
                if (_pace.CommitDue(_pending.Count)) Flush();
            }

            /// <summary>Reads and writes what is pending. Call from EndProcessing.</summary>
            public void Flush()
            {
                if (_pending.Count == 0) return;
                var items = _pending.ToArray();
                _pending.Clear();
                TimeSpan started = _watch.Elapsed;
                var results = _cmdlet.Read(session =>
                {
                    var read = _readBatch(session, items.Select(i => i.Item).ToList());
                    return items.Select(i =>
                    {
                        try
                        {
                            return (Value: read(i.Item), Error: (MspException)null);
                        }
                        catch (MspException ex)
                        {
                            return (Value: default(TOut), Error: ex);
                        }
                    }).ToList();
                });
                _pace.Committed(items.Length, _watch.Elapsed - started);
                for (int i = 0; i < items.Length; i++)
                {
                    if (results[i].Error != null) _cmdlet.WriteMspError(results[i].Error, items[i].Target);
                    else _write(results[i].Value);
                }
            }
        }


        /// <summary>
        /// Collects pipeline items and commits them in batches (one transaction per batch), each item all-or-nothing:
        /// a failed item is reported as a non-terminating error that names it, and the others land. Objects and errors
        /// are written in the order of the input, objects only after their batch is committed, so a downstream command
        /// always sees them in the store. Batches are paced by time (<see cref="BatchPace"/>): progress
        /// ("N customers created, N failed", counting every failure, and "N skipped" where items are skipped) moves a
        /// few times a second and closes with the final counts.
        /// </summary>
        protected sealed class PipelineBatch<TIn, TOut>
        {
            private readonly MspCmdlet _cmdlet;
            private readonly Func<IStoreSession, TIn, TOut> _write;
            private readonly Func<TIn, object> _target;
            private readonly string _activity;
            private readonly string _noun;
            private readonly bool _writeResults;
            private readonly Func<TOut, bool> _emit;
            private readonly Action<IStoreSession, IReadOnlyList<TIn>> _readAhead;
            private readonly List<Entry> _pending = new List<Entry>();
            private readonly HashSet<string> _commandLine;
            private readonly Stopwatch _watch = Stopwatch.StartNew();
            private readonly BatchPace _pace;
            private int _done;
            private int _failed;
            private int _skipped;
            private string _shown;

            /// <param name="target">The value that identifies an item (a name, a code, an id): the target of its errors when it came through no pipeline.</param>
            /// <param name="noun">What the progress counts, e.g. "customers created".</param>
            /// <param name="writeResults">False for commands that write nothing on success (no -PassThru): only errors are written.</param>
            /// <param name="emit">
            /// Writes the result of a stored item instead of WriteObject, and returns false when the item was skipped
            /// (it existed already): progress counts it apart, neither done nor failed.
            /// </param>
            /// <param name="readAhead">Tells the session of each batch what its items will look up (IMspStore.WriteEach), so that they are read in a few queries.</param>
            public PipelineBatch(MspCmdlet cmdlet, Func<IStoreSession, TIn, TOut> write, Func<TIn, object> target, string noun, bool writeResults = true,
                Func<TOut, bool> emit = null, Action<IStoreSession, IReadOnlyList<TIn>> readAhead = null)
            {
                _readAhead = readAhead;
                _writeResults = writeResults;
                _emit = emit;
                _cmdlet = cmdlet;
                _write = write;
                _target = target;
                _activity = cmdlet.CommandName;
                _noun = noun;
                _pace = new BatchPace(() => _watch.Elapsed, BatchPace.DefaultInterval, batchTime: BatchPace.DefaultBatchTime);
                // Made in BeginProcessing, before any pipeline item is bound: what is bound now came from the command line.
                _commandLine = new HashSet<string>(cmdlet.MyInvocation.BoundParameters.Keys, StringComparer.OrdinalIgnoreCase);
            }

            public int Succeeded => _done - _failed - _skipped;

            /// <summary>
            /// Adds the current pipeline item; it is committed with its batch. <paramref name="name"/> is the words that
            /// name it in its errors, e.g. "Customer 'Contoso'" (default: its identifying value in quotes). A row with a
            /// cell PowerShell could not convert fails instead of going ahead without the value.
            /// </summary>
            public void Add(TIn item, string name = null)
            {
                object identity = _target(item);
                Enqueue(new Entry { Item = item, Error = _cmdlet.UnconvertedCell(_commandLine), Name = name ?? Named(null, identity), Input = _cmdlet.PipelineInput ?? identity });
            }

            /// <summary>
            /// Adds the current pipeline item if the user goes ahead with it (<see cref="ShouldChange(string, Func{IStoreSession, object}, out MspException)"/>,
            /// which works out the batch's own change of the item for -WhatIf and -Confirm); a change the domain refuses
            /// then is reported as the item's error, in its place among the others. <paramref name="subject"/> names the
            /// change where it is not worked out.
            /// </summary>
            public void AddConfirmed(TIn item, string name, string subject)
            {
                if (_cmdlet.ShouldChange(subject, session => _write(session, item), out var refused)) Add(item, name);
                else if (refused != null) Fail(refused, name ?? Named(null, _target(item)), _target(item));
            }

            /// <summary>
            /// Reports the current pipeline item as failed before it reached the store (a value the domain refused):
            /// the error names it (<paramref name="item"/>) and counts in the progress, in its place among the others.
            /// </summary>
            public void Fail(Exception error, string item, object identity) =>
                Enqueue(new Entry { Error = error, Name = item, Input = _cmdlet.PipelineInput ?? identity });

            /// <summary>Commits what is pending and closes the progress. Call from EndProcessing.</summary>
            public void Complete()
            {
                Flush();
                // A command on one item shows no progress; a pipeline of several closes with its counts.
                if (_shown != null || _done > 1)
                {
                    ShowProgress();
                    _cmdlet.WriteProgress(new ProgressRecord(1, _activity, Status) { RecordType = ProgressRecordType.Completed });
                }
            }

            private string Status => $"{Succeeded} {_noun}, " + (_skipped > 0 ? $"{_skipped} skipped, " : string.Empty) + $"{_failed} failed";

            /// <summary>Writes the result of a stored item; false when the item was skipped.</summary>
            private bool Emit(TOut value)
            {
                if (_emit != null) return _emit(value);
                if (_writeResults) _cmdlet.WriteObject(value);
                return true;
            }

            private void Enqueue(Entry entry)
            {
                _pending.Add(entry);
                if (_pace.CommitDue(_pending.Count)) Flush();
            }

            private void Flush()
            {
                if (_pending.Count == 0) return;
                var entries = _pending.ToArray();
                _pending.Clear();
                var items = new List<TIn>();
                foreach (var entry in entries)
                    if (entry.Error == null) items.Add(entry.Item);
                TimeSpan started = _watch.Elapsed;
                IReadOnlyList<ItemResult<TOut>> results = Array.Empty<ItemResult<TOut>>();
                if (items.Count > 0)
                {
                    try
                    {
                        results = _cmdlet.Store.WriteEach(_cmdlet.CommandName, items, _write, readAhead: _readAhead);
                    }
                    catch (BatchInterruptedException<TOut> ex)
                    {
                        // What was stored before the store failed is reported; then the failure stops the command.
                        foreach (var stored in ex.Committed)
                            if (stored != null && stored.Succeeded) Emit(stored.Value);
                        _cmdlet.ThrowMspError(ex.Failure, null);
                        return;
                    }
                    catch (MspException ex)
                    {
                        _cmdlet.ThrowMspError(ex, null);
                        return;
                    }
                }
                _pace.Committed(items.Count, _watch.Elapsed - started);
                int next = 0;
                foreach (var entry in entries)
                {
                    _done++;
                    var result = entry.Error == null ? results[next++] : null;
                    if (result != null && result.Succeeded)
                    {
                        if (!Emit(result.Value)) _skipped++;
                        continue;
                    }
                    _failed++;
                    _cmdlet.WriteError(Errors.Item(result == null ? entry.Error : result.Error, entry.Name, entry.Input));
                }
                if (_done > 1 && _pace.ReportDue()) ShowProgress();
            }

            private void ShowProgress()
            {
                string status = Status;
                if (status == _shown) return;
                _shown = status;
                _cmdlet.WriteProgress(new ProgressRecord(1, _activity, status) { PercentComplete = -1 });
            }

            /// <summary>
            /// A pipeline item waiting for its batch: the item, or the error it failed with before; the words that name
            /// it and the target of its error (its pipeline object, else its identifying value).
            /// </summary>
            private sealed class Entry
            {
                public TIn Item;
                public object Input;
                public Exception Error;
                public string Name;
            }
        }
    }
}
