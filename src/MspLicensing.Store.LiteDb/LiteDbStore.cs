using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using LiteDB;
using LiteDB.Engine;

namespace MspLicensing.Store
{
    /// <summary>
    /// The store in one LiteDB file, opened in shared mode so that several processes can use it at once:
    /// every transaction holds LiteDB's cross-process lock, and each document carries a version that a stale
    /// write must match (<see cref="IVersioned"/>).
    /// </summary>
    /// <remarks>
    /// A damaged file is refused and never changed by reading: every open checks the file's layout first
    /// (<see cref="StoreCheck"/>; with <c>verify</c> every page and document), reads go through a read-only LiteDB
    /// engine, and damage met later (by a read or a write) is a StoreDamaged error after which the store takes no
    /// more writes.
    /// </remarks>
    public sealed class LiteDbStore : ITransferableStore
    {
        private readonly LiteDatabase _db;
        /// <summary>The same file through a read-only engine: reads, and the checks, can never write to it.</summary>
        private readonly LiteDatabase _reader;
        private readonly string _password;
        private readonly BsonMapper _mapper;
        private readonly string _user;
        private readonly Func<DateTime> _utcNow;
        private readonly string _logFile;
        private readonly StoreGate _gate;
        /// <summary>The damage this store met; from then on it takes no writes.</summary>
        private MspException _damaged;

        private LiteDbStore(string path, string password, bool encrypted, IReadOnlyList<SchemaStep> steps, Func<DateTime> utcNow, StoreGate gate, bool verify,
            Action whileChecking)
        {
            _gate = gate;
            Path = path;
            _logFile = LogFileOf(path);
            _password = password;
            Encrypted = encrypted;
            _mapper = Mapping.Mapper;
            _user = Environment.UserName;
            _utcNow = utcNow ?? (() => DateTime.UtcNow);
            PrepareLog();
            _reader = new LiteDatabase(ReaderConnection(path, password), _mapper);
            _db = new LiteDatabase(ConnectionFor(path, password), _mapper);
            // A full check is skipped when the stamp says one passed and only this module changed the file since
            // (looked at only when a full check is due: other opens check the header, whatever the stamp says). A full
            // check reads a copy (StoreSnapshot), so other commands wait only while it is made.
            StoreSnapshot snapshot = null;
            try
            {
                if (verify) snapshot = _gate.Run(() => VerifiedStamp.Holds(path, _logFile) ? null : StoreSnapshot.TryTake(path, _logFile));
                if (snapshot != null)
                {
                    whileChecking?.Invoke();
                    var copy = ExamineWhole(snapshot.Path, password);
                    if (!copy.Healthy)
                    {
                        _gate.Run(() =>
                        {
                            VerifiedStamp.Remove(path);
                            return 0;
                        });
                        throw StoreDamage.Error(path, Summary(copy.Problems));
                    }
                }
                _gate.Run(() =>
                {
                    bool stamped = verify && VerifiedStamp.Holds(path, _logFile);
                    // The whole file is checked here when the stamp does not hold and there is no copy checked (no room).
                    bool inPlace = verify && !stamped && snapshot == null;
                    var health = Examine(path, password, _reader, inPlace ? Depth.Documents : Depth.Header);
                    if (!health.Healthy)
                    {
                        VerifiedStamp.Remove(path);
                        throw StoreDamage.Error(path, Summary(health.Problems));
                    }
                    // A checked copy stands for the store only while nothing changed the store since it was made.
                    bool copied = !stamped && snapshot != null && snapshot.StillMatches(path, _logFile);
                    bool upgraded = Prepare(steps ?? Schema.Steps);
                    // A passed full check is stamped; a stamp that held is written again when the upgrade changed the file.
                    if (inPlace || copied || (stamped && upgraded)) VerifiedStamp.Write(path, _logFile);
                    return 0;
                });
            }
            catch
            {
                _reader.Dispose();
                _db.Dispose();
                throw;
            }
            finally
            {
                snapshot?.Dispose();
            }
        }

        /// <summary>The full check of a file (the store or a copy of it) through a reader of its own.</summary>
        private static StoreHealth ExamineWhole(string file, string password)
        {
            using (var reader = new LiteDatabase(ReaderConnection(file, password), Mapping.Mapper))
                return Examine(file, password, reader, Depth.Documents);
        }

        public string Path { get; }
        public bool Encrypted { get; }

        /// <summary>
        /// Opens the store at <paramref name="path"/>, creating it (and its folder) when there is no file.
        /// An existing file that is not a store, or the wrong password, is refused with an error naming the path,
        /// and the file is left byte for byte as it was.
        /// </summary>
        /// <param name="timeout">How long a command waits for the store while another one uses it (default 30 s); then StoreBusy.</param>
        /// <param name="waiting">Told, about once a second, that the command is waiting for the store and for how long.</param>
        /// <param name="verify">
        /// Read every page, document and index node of the file before use (<see cref="StoreCheck.AllPages"/>), not only
        /// its header, collection and index pages; a damaged store is refused with StoreDamaged either way.
        /// </param>
        public static LiteDbStore Open(string path, string password = null, IReadOnlyList<SchemaStep> steps = null, Func<DateTime> utcNow = null,
            TimeSpan? timeout = null, Action<string> waiting = null, bool verify = false) =>
            Open(path, password, steps, utcNow, timeout, waiting, verify, whileChecking: null);

        /// <param name="whileChecking">Run once the copy for the full check is made, before its check (tests change the store there).</param>
        internal static LiteDbStore Open(string path, string password, IReadOnlyList<SchemaStep> steps, Func<DateTime> utcNow,
            TimeSpan? timeout, Action<string> waiting, bool verify, Action whileChecking)
        {
            if (string.IsNullOrWhiteSpace(path))
                throw MspException.InvalidValue("Path", path, "give the path of a store file");
            string full = System.IO.Path.GetFullPath(path);
            if (Directory.Exists(full))
                throw new MspException("StorePathIsFolder", ErrorKind.InvalidArgument,
                    $"The store path '{full}' is a folder; give the path of a file, e.g. '{System.IO.Path.Combine(full, "msplicensing.db")}'.", full);
            if (string.IsNullOrEmpty(password)) password = null;

            if (!File.Exists(full))
                CreateNew(full, password, steps ?? Schema.Steps);

            bool encrypted = InspectFile(full, password);
            var gate = new StoreGate(full, timeout, waiting);
            try
            {
                return Guard(full, () => new LiteDbStore(full, password, encrypted, steps, utcNow, gate, verify, whileChecking));
            }
            catch
            {
                gate.Dispose();
                throw;
            }
        }

        /// <summary>Checks that the file looks like a store and that a password is given exactly when it is encrypted; returns whether it is.</summary>
        private static bool InspectFile(string full, string password)
        {
            bool encrypted = StoreFile.Inspect(full);
            if (encrypted && password == null)
                throw new MspException("StorePasswordRequired", ErrorKind.PermissionDenied,
                    $"The store '{full}' is encrypted: connect with Connect-MspStore -Path '{full}' -Password (Read-Host -AsSecureString).", full);
            if (!encrypted && password != null)
                throw new MspException("StoreNotEncrypted", ErrorKind.InvalidArgument,
                    $"The store '{full}' is not encrypted, but a password was given: connect without -Password.", full);
            return encrypted;
        }

        /// <summary>
        /// Checks the store at <paramref name="path"/> fully without changing it: every page, every document (read and
        /// mapped to its kind of object), every index, the schema record and the account. It never creates, upgrades
        /// or repairs; a file that is not a store, or a wrong password, is an error. It checks a copy
        /// (<see cref="StoreSnapshot"/>), so other commands wait only while the copy is made; the store itself when the
        /// disk has no room for one.
        /// </summary>
        public static StoreHealth Test(string path, string password = null, TimeSpan? timeout = null, Action<string> waiting = null) =>
            Test(path, password, timeout, waiting, copy: true, whileChecking: null);

        /// <param name="copy">Whether to check a copy when the disk has room for one.</param>
        /// <param name="whileChecking">Run once the copy is made, before its check (tests change the store there).</param>
        internal static StoreHealth Test(string path, string password, TimeSpan? timeout, Action<string> waiting, bool copy, Action whileChecking)
        {
            if (string.IsNullOrWhiteSpace(path))
                throw MspException.InvalidValue("Path", path, "give the path of a store file");
            string full = System.IO.Path.GetFullPath(path);
            if (!File.Exists(full))
                throw new MspException("StoreNotFound", ErrorKind.ObjectNotFound,
                    $"There is no store file '{full}' to test; give the path of an existing store.", full);
            if (string.IsNullOrEmpty(password)) password = null;
            InspectFile(full, password);
            string log = LogFileOf(full);
            using (var gate = new StoreGate(full, timeout, waiting))
            {
                var snapshot = copy ? Guard(full, () => gate.Run(() => StoreSnapshot.TryTake(full, log))) : null;
                if (snapshot == null)
                    return Guard(full, () => gate.Run(() => CheckWhole(full, password, whole => Stamp(full, whole))));
                using (snapshot)
                {
                    whileChecking?.Invoke();
                    var health = Guard(full, () => CheckWhole(snapshot.Path, password, whole => gate.Run(() =>
                    {
                        // The stamp describes the store as it is: it is written only when nothing changed it since the
                        // copy. A damaged copy was the store's damage, which the commands since did not mend.
                        if (!whole || snapshot.StillMatches(full, log)) Stamp(full, whole);
                        return 0;
                    })));
                    health.Path = full;
                    return health;
                }
            }
        }

        /// <summary>
        /// The full check of <paramref name="file"/> (the store or its copy), then its usage ledgers when the file is whole;
        /// <paramref name="checkedFile"/> is told whether the file is whole, before the ledgers are checked.
        /// </summary>
        private static StoreHealth CheckWhole(string file, string password, Action<bool> checkedFile)
        {
            var health = ExamineWhole(file, password);
            checkedFile(health.Healthy);
            // The stamp says the file is whole (what Connect-MspStore checks); ledgers that disagree are a problem
            // of what it holds, which Repair-MspStore mends.
            if (health.Healthy && CheckLedgers(file, password, health.SchemaVersion) is string ledgers)
            {
                health.Problems = health.Problems.Concat(new[] { ledgers }).ToArray();
                health.Healthy = false;
            }
            return health;
        }

        private static void Stamp(string store, bool whole)
        {
            if (whole) VerifiedStamp.Write(store, LogFileOf(store));
            else VerifiedStamp.Remove(store);
        }

        /// <summary>
        /// The customers whose usage ledger bills otherwise than their licenses and subscriptions, in one sentence; null
        /// when every ledger agrees, or the store is from before the ledgers (or after this module) and has none to check.
        /// </summary>
        private static string CheckLedgers(string file, string password, int? version)
        {
            if (!version.HasValue || version.Value < Schema.LedgerVersion || version.Value > Schema.Current) return null;
            using (var reader = new LiteDatabase(ReaderConnection(file, password), Mapping.Mapper))
            {
                reader.BeginTrans();
                try
                {
                    var found = UsageLedgerCheck.Find(new LiteDbSession(reader, null, null, () => DateTime.UtcNow));
                    return found.Count == 0 ? null : UsageLedgerCheck.Describe(found);
                }
                finally
                {
                    TryRollback(reader);
                }
            }
        }

        /// <summary>How far a check goes.</summary>
        private enum Depth
        {
            /// <summary>The header, collection and index end pages: every open.</summary>
            Header,
            /// <summary>And every page, document and index node, read raw (the first part of Documents).</summary>
            Pages,
            /// <summary>
            /// And every document mapped to its object and every index walked, through LiteDB: Test-MspStore, and
            /// Connect-MspStore and the first use in a session, so that they refuse what Test-MspStore finds.
            /// </summary>
            Documents,
        }

        /// <summary>Checks the file as far as <paramref name="depth"/> says. Reads only.</summary>
        private static StoreHealth Examine(string path, string password, LiteDatabase reader, Depth depth)
        {
            var health = new StoreHealth { Path = path, Encrypted = password != null };
            var problems = new List<string>();
            StoreCheck.Layout layout = null;
            try
            {
                using (var pages = StorePages.Open(path, password, LogFileOf(path)))
                {
                    problems.AddRange(StoreCheck.Header(pages, out layout));
                    if (layout != null) health.Pages = layout.LastPageId + 1L;
                    if (depth != Depth.Header && problems.Count == 0) problems.AddRange(StoreCheck.AllPages(pages, layout));
                }
            }
            catch (Exception ex) when (StoreDamage.Describe(ex) is string what)
            {
                problems.Add("its pages cannot be read: " + what);
            }
            if (depth == Depth.Documents && problems.Count == 0)
            {
                reader.BeginTrans();
                try
                {
                    problems.AddRange(StoreDocuments.Check(reader, layout.Collections.Keys, out int documents, out int? version));
                    health.Documents = documents;
                    health.SchemaVersion = version;
                }
                catch (Exception ex) when (StoreDamage.Describe(ex) is string what)
                {
                    problems.Add("it cannot be read: " + what);
                }
                finally
                {
                    TryRollback(reader);
                }
            }
            health.Problems = problems.ToArray();
            health.Healthy = problems.Count == 0;
            return health;
        }

        /// <summary>The first problems in one sentence, for an error message.</summary>
        private static string Summary(IReadOnlyList<string> problems)
        {
            const int shown = 3;
            string text = string.Join("; ", problems.Take(shown));
            return problems.Count > shown ? text + $"; and {(problems.Count - shown).ToString(System.Globalization.CultureInfo.InvariantCulture)} more" : text;
        }

        /// <summary>Creates a store in a temporary file beside the target and moves it into place, so no half-made store is ever seen.</summary>
        private static void CreateNew(string full, string password, IReadOnlyList<SchemaStep> steps)
        {
            string folder = System.IO.Path.GetDirectoryName(full);
            try
            {
                PrivateFiles.CreateFolder(folder);
            }
            catch (Exception ex) when (ex is IOException || ex is UnauthorizedAccessException)
            {
                throw new MspException("StoreFolderUnavailable", ErrorKind.ResourceUnavailable,
                    $"Cannot create the folder '{folder}' for the store '{full}': {ex.Message}", full, ex);
            }
            string temp = System.IO.Path.Combine(folder, "." + System.IO.Path.GetFileName(full) + "." + Guid.NewGuid().ToString("N") + ".new");
            try
            {
                // Empty files the owner's alone, which LiteDB fills: the store and its log are private from the start.
                PrivateFiles.TryCreateEmpty(temp);
                PrivateFiles.TryCreateEmpty(LogFileOf(temp));
                using (var db = new LiteDatabase(new ConnectionString { Filename = temp, Connection = ConnectionType.Direct, Password = password, Collation = NewFileCollation }, Mapping.Mapper))
                {
                    db.BeginTrans();
                    Initialize(db, steps, 0);
                    db.Commit();
                }
                try
                {
                    File.Move(temp, full);
                }
                catch (IOException) when (File.Exists(full))
                {
                    // Another process created the store first: use theirs.
                }
            }
            catch (Exception ex) when (ex is IOException || ex is UnauthorizedAccessException || ex is LiteException)
            {
                throw new MspException("StoreCreateFailed", ErrorKind.ResourceUnavailable,
                    $"Cannot create the store '{full}': {ex.Message}", full, ex);
            }
            finally
            {
                PrivateFiles.TryDelete(temp);
                PrivateFiles.TryDelete(LogFileOf(temp));
            }
        }

        /// <summary>Reads the schema version (read-only) and runs the schema steps the store lacks (the only write of an open).</summary>
        /// <returns>Whether it changed the store.</returns>
        private bool Prepare(IReadOnlyList<SchemaStep> steps)
        {
            int version = SchemaVersionOf(_reader);
            int current = steps[steps.Count - 1].Version;
            if (version > current)
                throw new MspException("StoreSchemaTooNew", ErrorKind.InvalidData,
                    $"The store '{Path}' has schema version {version}, written by a newer MspLicensing; this module reads up to version {current}. Update the module (Update-Module MspLicensing); the store was left as it is.", Path);
            if (version == current) return false;
            _db.BeginTrans();
            try
            {
                version = SchemaVersionOf(_db);
                if (version < current)
                    Initialize(_db, steps, version);
                _db.Commit();
                return true;
            }
            catch (Exception ex) when (StoreDamage.Describe(ex) != null)
            {
                TryRollback(_db);
                ClearDamageMark();
                throw;
            }
            catch
            {
                _db.Rollback();
                throw;
            }
        }

        private int SchemaVersionOf(LiteDatabase db)
        {
            bool own = db == _reader;
            if (own) db.BeginTrans();
            try
            {
                var meta = db.GetCollection(Schema.Meta).FindById("schema");
                if (meta == null || meta["Application"].AsString != Schema.Application)
                    throw StoreFile.NotAStore(Path, "it is a LiteDB database, but not an MspLicensing store");
                return meta["Version"].AsInt32;
            }
            finally
            {
                if (own) TryRollback(db);
            }
        }

        /// <summary>Runs the schema steps after <paramref name="fromVersion"/> inside the caller's transaction.</summary>
        private static void Initialize(LiteDatabase db, IReadOnlyList<SchemaStep> steps, int fromVersion)
        {
            var meta = db.GetCollection(Schema.Meta);
            foreach (var step in steps.Where(s => s.Version > fromVersion).OrderBy(s => s.Version))
                step.Apply(db);
            var accounts = db.GetCollection(Schema.AccountCollection);
            if (accounts.FindById("account") == null)
            {
                var doc = Mapping.ToDocument(new Account { Revision = 1 });
                doc["_id"] = "account";
                accounts.Insert(doc);
            }
            var record = meta.FindById("schema") ?? new BsonDocument { ["_id"] = "schema", ["Application"] = Schema.Application };
            record["Version"] = steps[steps.Count - 1].Version;
            meta.Upsert(record);
        }

        /// <summary>
        /// LiteDB's log file beside a store (name-log.ext). LiteDB deletes it when a store closes and creates it again
        /// with the process's umask; an empty one made first is the owner's alone, and LiteDB takes it as it is.
        /// </summary>
        public static string LogFileOf(string path) =>
            System.IO.Path.Combine(System.IO.Path.GetDirectoryName(path), System.IO.Path.GetFileNameWithoutExtension(path) + "-log" + System.IO.Path.GetExtension(path));

        private void PrepareLog()
        {
            try
            {
                if (!File.Exists(_logFile)) PrivateFiles.TryCreateEmpty(_logFile);
            }
            catch (Exception ex) when (ex is IOException || ex is UnauthorizedAccessException)
            {
                // A read-only folder: LiteDB reports what it cannot do itself.
            }
        }

        public T Read<T>(Func<IStoreSession, T> read)
        {
            return Watch(() => Guard(Path, () => _gate.Run(() =>
            {
                _reader.BeginTrans();
                try
                {
                    // A long read may end its transaction and begin another, so LiteDB lets go of the pages it read.
                    return read(new LiteDbSession(_reader, null, _user, _utcNow, freshSnapshot: () =>
                    {
                        TryRollback(_reader);
                        _reader.BeginTrans();
                    }));
                }
                finally
                {
                    TryRollback(_reader);
                }
            })));
        }

        public T Write<T>(string command, Func<IStoreSession, T> write)
        {
            RefuseIfDamaged();
            return Watch(() => Guard(Path, () => _gate.Run(() => Stamped(() =>
            {
                PrepareLog();
                _db.BeginTrans();
                try
                {
                    var session = new LiteDbSession(_db, command, _user, _utcNow);
                    T result = write(session);
                    session.SettleLedgers();
                    session.Flush();
                    _db.Commit();
                    return result;
                }
                catch (Exception ex) when (StoreDamage.Describe(ex) != null)
                {
                    TryRollback(_db);
                    ClearDamageMark();
                    throw;
                }
                catch
                {
                    _db.Rollback();
                    throw;
                }
            }))));
        }

        /// <summary>
        /// Runs a transaction of this module (holding the gate) and keeps the verified stamp true: a stamp that held
        /// before it is written again for the file as the transaction left it; damage met removes it.
        /// </summary>
        private T Stamped<T>(Func<T> transaction)
        {
            bool stamped = VerifiedStamp.Holds(Path, _logFile);
            bool damaged = false;
            try
            {
                return transaction();
            }
            catch (Exception ex) when (damaged = StoreDamage.Describe(ex) != null || ex is DamagedException)
            {
                VerifiedStamp.Remove(Path);
                throw;
            }
            finally
            {
                // A batch records damage an item met without throwing it (_damaged): the stamp goes then too.
                if (_damaged != null) VerifiedStamp.Remove(Path);
                else if (stamped && !damaged) VerifiedStamp.Write(Path, _logFile);
            }
        }

        /// <summary>Remembers damage met by <paramref name="action"/>: the store takes no more writes.</summary>
        private T Watch<T>(Func<T> action)
        {
            try
            {
                return action();
            }
            catch (MspException ex) when (ex.ErrorId == "StoreDamaged")
            {
                if (_damaged == null) _damaged = ex;
                VerifiedStamp.Remove(Path);
                throw;
            }
        }

        /// <summary>Refuses a write once this store met damage.</summary>
        private void RefuseIfDamaged()
        {
            if (_damaged != null)
                throw new MspException("StoreDamaged", ErrorKind.InvalidData,
                    "No change was made: " + _damaged.Message, Path, _damaged);
        }

        /// <summary>
        /// The write of one batch item, watched for damage: damage ends the batch (<see cref="DamagedException"/>) and
        /// every later item of this store is refused.
        /// </summary>
        private Func<IStoreSession, TIn, TOut> Watched<TIn, TOut>(Func<IStoreSession, TIn, TOut> write) => (session, item) =>
        {
            if (_damaged != null) throw new DamagedException(_damaged.Message, _damaged);
            try
            {
                return write(session, item);
            }
            catch (DamagedException ex)
            {
                if (_damaged == null) _damaged = StoreDamage.Error(Path, ex.Message, ex);
                throw;
            }
            catch (Exception ex) when (StoreDamage.Describe(ex) is string what)
            {
                ClearDamageMark();
                if (_damaged == null) _damaged = StoreDamage.Error(Path, what, ex);
                throw new DamagedException(what, ex);
            }
        };

        private static void TryRollback(LiteDatabase db)
        {
            try
            {
                db.Rollback();
            }
            catch (Exception ex) when (StoreDamage.Describe(ex) != null)
            {
                // The engine closed itself on the damage; there is nothing to roll back.
            }
        }

        /// <summary>
        /// Takes back the mark LiteDB leaves on a file in which it met damage (byte 191 of the header page, asking for a
        /// rebuild at the next open). Every open refuses a marked file, so the mark was not there when this store opened:
        /// LiteDB set it just now, under this command's hold on the store. The store never lets LiteDB rebuild (which
        /// drops what it cannot read) and refuses the file itself, so the file is left byte for byte as it was.
        /// </summary>
        private void ClearDamageMark()
        {
            try
            {
                using (var file = new FileStream(Path, FileMode.Open, FileAccess.ReadWrite, FileShare.ReadWrite))
                {
                    Stream stream = _password == null ? (Stream)file : new AesStream(_password, file);
                    var page = new byte[StoreFile.PageSize];
                    stream.Position = 0;
                    int read = 0, n;
                    while (read < page.Length && (n = stream.Read(page, read, page.Length - read)) > 0) read += n;
                    if (read < page.Length || page[191] == 0) return;
                    page[191] = 0;
                    stream.Position = 0;
                    stream.Write(page, 0, page.Length);
                    stream.Flush();
                    file.Flush(true);
                }
            }
            catch (Exception ex) when (ex is IOException || ex is UnauthorizedAccessException || ex is LiteException || ex is NotSupportedException)
            {
                // The file cannot be written: then LiteDB could not mark it either.
            }
        }

        /// <summary>
        /// How many items of a batch are read ahead at a time. What is read ahead stays alive until its items have run:
        /// for a whole batch (thousands of items, half a second) the collector found it alive in every collection and
        /// copied it on, up to a third of a seat change's time; for a hundred items it is mostly gone by the next one,
        /// and their few queries cost about what one query of the batch costs per document.
        /// </summary>
        internal const int ReadAheadItems = 100;

        /// <remarks>
        /// One writer holds the file at a time (<paramref name="writesOnly"/> changes nothing here). The items are read
        /// ahead <see cref="ReadAheadItems"/> at a time.
        /// </remarks>
        public IReadOnlyList<ItemResult<TOut>> WriteEach<TIn, TOut>(string command, IReadOnlyList<TIn> items, Func<IStoreSession, TIn, TOut> write, bool writesOnly = false,
            Action<IStoreSession, IReadOnlyList<TIn>> readAhead = null)
        {
            RefuseIfDamaged();
            write = Watched(write);
            var results = new ItemResult<TOut>[items.Count];
            var failed = new bool[items.Count];
            // The items run in one transaction. An item refused before it changed anything is left out and the others go
            // on in the same transaction. When one fails part-way, the transaction is rolled back and the items before it
            // (which ran fine) are committed on their own; the rest go on after it. Every item is all-or-nothing, each
            // runs at most twice (more only when someone changes what it touches between the two runs), and the store
            // is held for no longer than the batch takes once: other commands get in between.
            int start = 0, committed = 0;
            try
            {
                while (start < items.Count)
                {
                    int failedAt = RunSegment(command, items, write, readAhead, results, failed, start, items.Count);
                    if (failedAt < 0) break;
                    while (RunSegment(command, items, write, readAhead, results, failed, start, failedAt) >= 0)
                    {
                        // An item before the failed one failed this time (changed meanwhile): it is set aside; commit the others.
                    }
                    committed = start = failedAt + 1;
                }
            }
            catch (MspException ex) when (committed > 0)
            {
                // The store failed after the items before `committed` were stored: they are reported, then the failure.
                var stored = new ItemResult<TOut>[items.Count];
                Array.Copy(results, stored, committed);
                throw new BatchInterruptedException<TOut>(stored, ex);
            }
            return results;
        }

        /// <summary>
        /// Runs the items of [from, to) not set aside in one transaction and commits them; at the first that fails, sets
        /// it aside, rolls back and returns its index (-1 when all were committed).
        /// </summary>
        private int RunSegment<TIn, TOut>(string command, IReadOnlyList<TIn> items, Func<IStoreSession, TIn, TOut> write, Action<IStoreSession, IReadOnlyList<TIn>> readAhead,
            ItemResult<TOut>[] results, bool[] failed, int from, int to)
        {
            int failedAt = -1;
            bool any = false;
            for (int i = from; i < to && !any; i++) any = !failed[i];
            if (!any) return -1;
            Guard(Path, () => _gate.Run(() => Stamped(() =>
            {
                PrepareLog();
                _db.BeginTrans();
                try
                {
                    var session = new LiteDbSession(_db, command, _user, _utcNow);
                    int readTo = from;
                    for (int i = from; i < to; i++)
                    {
                        if (failed[i]) continue;
                        if (readAhead != null && i >= readTo)
                        {
                            if (readTo > from)
                            {
                                // The items read ahead so far have run: their ledgers are settled while their rows are
                                // at hand, and the rows let go.
                                session.SettleLedgers();
                                session.ForgetReadAhead();
                            }
                            var next = new List<TIn>();
                            for (readTo = i; readTo < to && next.Count < ReadAheadItems; readTo++)
                                if (!failed[readTo]) next.Add(items[readTo]);
                            readAhead(session, next);
                        }
                        int writes = session.Writes;
                        try
                        {
                            results[i] = new ItemResult<TOut>(write(session, items[i]), null);
                        }
                        catch (Exception ex) when (!(ex is OutOfMemoryException) && !(ex is IOException))
                        {
                            // A file-system failure (a full disk) is not the item's fault: it ends the batch.
                            results[i] = new ItemResult<TOut>(default(TOut), ex is LiteException le ? Translate(Path, le) : ex);
                            failed[i] = true;
                            // An item refused before it changed anything (a duplicate, a rule) leaves the transaction
                            // as it was: the batch goes on in it. One that failed part-way is rolled back.
                            if (session.Writes == writes) continue;
                            failedAt = i;
                            break;
                        }
                    }
                    if (failedAt < 0)
                    {
                        session.SettleLedgers();
                        session.Flush();
                        _db.Commit();
                    }
                    else _db.Rollback();
                }
                catch
                {
                    _db.Rollback();
                    throw;
                }
                return 0;
            })));
            return failedAt;
        }

        public StoreInfo GetInfo()
        {
            return Read(session =>
            {
                var account = session.GetAccount();
                return new StoreInfo
                {
                    Path = Path,
                    SizeBytes = new FileInfo(Path).Length,
                    SchemaVersion = _reader.GetCollection(Schema.Meta).FindById("schema")["Version"].AsInt32,
                    Encrypted = Encrypted,
                    AccountName = account.Name,
                    AccountType = account.AccountType,
                    Customers = session.Customers.Count(),
                    ServicePlans = session.ServicePlans.Count(),
                    Subscriptions = session.Subscriptions.Count(),
                    Licenses = session.Licenses.Count(),
                    AuditEntries = _reader.GetCollection(Schema.AuditCollection).Count(),
                    PendingSync = session.Outbox.Count(),
                };
            });
        }

        public void Backup(string destinationPath)
        {
            string target = System.IO.Path.GetFullPath(destinationPath);
            if (File.Exists(target) || Directory.Exists(target))
                throw new MspException("BackupTargetExists", ErrorKind.ResourceExists,
                    $"The backup target '{target}' exists already; choose a new file name (nothing was overwritten).", target);
            if (string.Equals(target, Path, StringComparison.OrdinalIgnoreCase))
                throw MspException.InvalidValue("Path", target, "the backup must go to another file than the store");

            // Read every collection in one transaction (a consistent view) and build the copy in memory; only the
            // finished bytes go to disk, whole or not at all (PrivateFiles.WriteWhole).
            var snapshot = Read(session => _reader.GetCollectionNames()
                .ToDictionary(name => name, name => (List<BsonDocument>)_reader.GetCollection(name).FindAll().ToList()));
            WriteCopy(target, _password, snapshot);
        }

        /// <summary>
        /// Writes a new store file at <paramref name="target"/> (which must not exist) holding the documents of
        /// another store (a team store's backup): the current schema, and every document as it was.
        /// </summary>
        public static void WriteCopy(string target, string password, StoreContent documents)
        {
            target = System.IO.Path.GetFullPath(target);
            if (File.Exists(target) || Directory.Exists(target))
                throw new MspException("BackupTargetExists", ErrorKind.ResourceExists,
                    $"The backup target '{target}' exists already; choose a new file name (nothing was overwritten).", target);
            var snapshot = documents.ToDictionary(pair => pair.Key, pair => pair.Value.Select(json => JsonSerializer.Deserialize(json).AsDocument).ToList());
            snapshot[Schema.Meta] = new List<BsonDocument>
            {
                new BsonDocument { ["_id"] = "schema", ["Application"] = Schema.Application, ["Version"] = Schema.Current },
            };
            WriteCopy(target, password, snapshot);
        }

        private static void WriteCopy(string target, string password, Dictionary<string, List<BsonDocument>> snapshot)
        {
            byte[] bytes = Guard(target, () =>
            {
                using (var data = new MemoryStream())
                using (var log = new MemoryStream())
                {
                    using (var copy = new LiteDatabase(new LiteEngine(new EngineSettings { DataStream = data, LogStream = log, Password = password, Collation = NewFileCollation }), Mapping.Mapper))
                    {
                        copy.BeginTrans();
                        foreach (var step in Schema.Steps) step.Apply(copy);
                        foreach (var pair in snapshot)
                            if (pair.Value.Count > 0) copy.GetCollection(pair.Key).InsertBulk(pair.Value);
                        copy.Commit();
                        copy.Checkpoint();
                    }
                    return data.ToArray();
                }
            });
            Guard(target, () =>
            {
                PrivateFiles.WriteWhole(target, bytes, replace: false);
                return 0;
            });
        }

        public StoreContent Export()
        {
            return Read(session =>
            {
                var documents = new StoreContent();
                foreach (string collection in StoreContent.Collections)
                    documents[collection] = _reader.GetCollection(collection).FindAll().Select(doc => JsonSerializer.Serialize(doc)).ToList();
                return documents;
            });
        }

        public void Import(StoreContent documents, bool replace)
        {
            Write("Copy-MspStore", session =>
            {
                if (!replace)
                {
                    int held = StoreContent.Collections.Where(c => c != Schema.AccountCollection).Sum(c => _db.GetCollection(c).Count());
                    if (held > 0)
                        throw new MspException("StoreNotEmpty", ErrorKind.ResourceExists,
                            $"The store '{Path}' is not empty (it holds {held} documents and audit entries); nothing was copied. Copy into a new store file, or give -Force to replace what it holds.", Path);
                }
                foreach (string collection in StoreContent.Collections)
                {
                    var col = _db.GetCollection(collection);
                    col.DeleteAll();
                    if (documents.TryGetValue(collection, out var list) && list.Count > 0)
                        col.InsertBulk(list.Select(json => JsonSerializer.Deserialize(json).AsDocument));
                }
                return 0;
            });
        }

        public void Dispose()
        {
            // Each part is closed even when another fails to (LiteDB throws from Dispose when its last write fails).
            try
            {
                _reader.Dispose();
            }
            finally
            {
                try
                {
                    _db.Dispose();
                }
                finally
                {
                    _gate.Dispose();
                }
            }
        }

        /// <summary>
        /// How a new store file (a store, a backup, a copy) compares the strings of its indexes: the invariant culture,
        /// ignoring case. LiteDB would take the culture of the session that writes the file and keep it in the file for
        /// good, so the same keys would compare by the rules of whichever language the creator's session ran in.
        /// </summary>
        private static Collation NewFileCollation => new Collation(CultureInfo.InvariantCulture.LCID, CompareOptions.IgnoreCase);

        internal static ConnectionString ConnectionFor(string path, string password) => new ConnectionString
        {
            Filename = path,
            Connection = ConnectionType.Shared,
            Password = password,
        };

        /// <summary>The store through a read-only engine: LiteDB opens the file for reading only, so it cannot change it.</summary>
        private static ConnectionString ReaderConnection(string path, string password) => new ConnectionString
        {
            Filename = path,
            Connection = ConnectionType.Shared,
            Password = password,
            ReadOnly = true,
        };

        /// <summary>Turns LiteDB and file-system failures into errors that name the store and say what to do.</summary>
        private static T Guard<T>(string path, Func<T> action)
        {
            try
            {
                return action();
            }
            catch (Exception ex) when (StoreDamage.Describe(ex) is string what)
            {
                throw StoreDamage.Error(path, what, ex);
            }
            catch (LiteException ex)
            {
                throw Translate(path, ex);
            }
            catch (IOException ex) when (DiskFull(ex))
            {
                throw new MspException("StoreDiskFull", ErrorKind.ResourceUnavailable,
                    $"Disk full: the disk that holds '{path}' has no space left, so nothing of this change was stored. Free space on that disk and run the command again. ({ex.Message})", path, ex);
            }
            catch (IOException ex)
            {
                throw new MspException("StoreUnavailable", ErrorKind.ResourceUnavailable,
                    $"The store '{path}' cannot be used right now: {ex.Message}", path, ex);
            }
            catch (UnauthorizedAccessException ex)
            {
                throw new MspException("StoreAccessDenied", ErrorKind.PermissionDenied,
                    $"Access to the store '{path}' is denied: {ex.Message}", path, ex);
            }
            catch (Exception ex) when (!(ex is MspException) && (ex is ArgumentOutOfRangeException || ex is IndexOutOfRangeException || ex is InvalidCastException || ex is FormatException))
            {
                throw StoreFile.NotAStore(path, "its content cannot be read (" + ex.Message + ")");
            }
        }

        /// <summary>
        /// Whether a write failed because the disk is full: ENOSPC (28) on Linux and macOS, ERROR_DISK_FULL (112) or
        /// ERROR_HANDLE_DISK_FULL (39) on Windows.
        /// </summary>
        public static bool DiskFull(IOException ex)
        {
            int code = ex.HResult & 0xFFFF;
            bool win32 = (ex.HResult & unchecked((int)0xFFFF0000)) == unchecked((int)0x80070000);
            return win32 ? code == 112 || code == 39 : ex.HResult == 28;
        }

        private static MspException Translate(string path, LiteException ex)
        {
            if (ex.ErrorCode == LiteException.INDEX_DUPLICATE_KEY)
                return new MspException("StoreDuplicateKey", ErrorKind.ResourceExists,
                    $"The store '{path}' refused a duplicate: {ex.Message}", path, ex);
            if (ex.Message.IndexOf("password", StringComparison.OrdinalIgnoreCase) >= 0)
                return new MspException("StoreWrongPassword", ErrorKind.PermissionDenied,
                    $"The store '{path}' could not be opened: the password is wrong. Connect again with the right -Password; the file was left as it is.", path, ex);
            return new MspException("StoreError", ErrorKind.InvalidData,
                $"The store '{path}' could not be used: {ex.Message}", path, ex);
        }
    }
}
