using System;
using System.Collections.Generic;
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
    public sealed class LiteDbStore : IMspStore
    {
        private readonly LiteDatabase _db;
        private readonly string _password;
        private readonly BsonMapper _mapper;
        private readonly string _user;
        private readonly Func<DateTime> _utcNow;
        private readonly string _logFile;
        private readonly StoreGate _gate;

        private LiteDbStore(string path, string password, bool encrypted, IReadOnlyList<SchemaStep> steps, Func<DateTime> utcNow, StoreGate gate)
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
            _db = new LiteDatabase(ConnectionFor(path, password), _mapper);
            try
            {
                _gate.Run(() =>
                {
                    Prepare(steps ?? Schema.Steps);
                    return 0;
                });
            }
            catch
            {
                _db.Dispose();
                throw;
            }
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
        public static LiteDbStore Open(string path, string password = null, IReadOnlyList<SchemaStep> steps = null, Func<DateTime> utcNow = null,
            TimeSpan? timeout = null, Action<string> waiting = null)
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

            bool encrypted = StoreFile.Inspect(full);
            if (encrypted && password == null)
                throw new MspException("StorePasswordRequired", ErrorKind.PermissionDenied,
                    $"The store '{full}' is encrypted: connect with Connect-MspStore -Path '{full}' -Password (Read-Host -AsSecureString).", full);
            if (!encrypted && password != null)
                throw new MspException("StoreNotEncrypted", ErrorKind.InvalidArgument,
                    $"The store '{full}' is not encrypted, but a password was given: connect without -Password.", full);
            var gate = new StoreGate(full, timeout, waiting);
            try
            {
                return Guard(full, () => new LiteDbStore(full, password, encrypted, steps, utcNow, gate));
            }
            catch
            {
                gate.Dispose();
                throw;
            }
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
                using (var db = new LiteDatabase(new ConnectionString { Filename = temp, Connection = ConnectionType.Direct, Password = password }, Mapping.Mapper))
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
                TryDelete(temp);
                TryDelete(LogFileOf(temp));
            }
        }

        private void Prepare(IReadOnlyList<SchemaStep> steps)
        {
            _db.BeginTrans();
            try
            {
                var meta = _db.GetCollection(Schema.Meta).FindById("schema");
                if (meta == null || meta["Application"].AsString != Schema.Application)
                    throw StoreFile.NotAStore(Path, "it is a LiteDB database, but not an MspLicensing store");
                int version = meta["Version"].AsInt32;
                int current = steps[steps.Count - 1].Version;
                if (version > current)
                    throw new MspException("StoreSchemaTooNew", ErrorKind.InvalidData,
                        $"The store '{Path}' has schema version {version}, written by a newer MspLicensing; this module reads up to version {current}. Update the module (Update-Module MspLicensing); the store was left as it is.", Path);
                if (version < current)
                    Initialize(_db, steps, version);
                _db.Commit();
            }
            catch
            {
                _db.Rollback();
                throw;
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
                var doc = db.Mapper.ToDocument(new Account { Revision = 1 });
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
            return Guard(Path, () => _gate.Run(() =>
            {
                PrepareLog();
                _db.BeginTrans();
                try
                {
                    return read(new LiteDbSession(_db, null, _user, _utcNow));
                }
                finally
                {
                    _db.Rollback();
                }
            }));
        }

        public T Write<T>(string command, Func<IStoreSession, T> write)
        {
            return Guard(Path, () => _gate.Run(() =>
            {
                PrepareLog();
                _db.BeginTrans();
                try
                {
                    var session = new LiteDbSession(_db, command, _user, _utcNow);
                    T result = write(session);
                    session.Flush();
                    _db.Commit();
                    return result;
                }
                catch
                {
                    _db.Rollback();
                    throw;
                }
            }));
        }

        public IReadOnlyList<ItemResult<TOut>> WriteEach<TIn, TOut>(string command, IReadOnlyList<TIn> items, Func<IStoreSession, TIn, TOut> write)
        {
            var results = new ItemResult<TOut>[items.Count];
            var failed = new bool[items.Count];
            // The items run in one transaction. When one fails, the transaction is rolled back and the items before it
            // (which ran fine) are committed on their own; the rest go on after it. Every item is all-or-nothing, each
            // runs at most twice (more only when someone changes what it touches between the two runs), and the store
            // is held for no longer than the batch takes once: other commands get in between.
            int start = 0, committed = 0;
            try
            {
                while (start < items.Count)
                {
                    int failedAt = RunSegment(command, items, write, results, failed, start, items.Count);
                    if (failedAt < 0) break;
                    while (RunSegment(command, items, write, results, failed, start, failedAt) >= 0)
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
        private int RunSegment<TIn, TOut>(string command, IReadOnlyList<TIn> items, Func<IStoreSession, TIn, TOut> write,
            ItemResult<TOut>[] results, bool[] failed, int from, int to)
        {
            int failedAt = -1;
            bool any = false;
            for (int i = from; i < to && !any; i++) any = !failed[i];
            if (!any) return -1;
            Guard(Path, () => _gate.Run(() =>
            {
                PrepareLog();
                _db.BeginTrans();
                try
                {
                    var session = new LiteDbSession(_db, command, _user, _utcNow);
                    for (int i = from; i < to; i++)
                    {
                        if (failed[i]) continue;
                        try
                        {
                            results[i] = new ItemResult<TOut>(write(session, items[i]), null);
                        }
                        catch (Exception ex) when (!(ex is OutOfMemoryException) && !(ex is IOException))
                        {
                            // A file-system failure (a full disk) is not the item's fault: it ends the batch.
                            results[i] = new ItemResult<TOut>(default(TOut), ex is LiteException le ? Translate(Path, le) : ex);
                            failed[i] = true;
                            failedAt = i;
                            break;
                        }
                    }
                    if (failedAt < 0)
                    {
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
            }));
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
                    SchemaVersion = _db.GetCollection(Schema.Meta).FindById("schema")["Version"].AsInt32,
                    Encrypted = Encrypted,
                    AccountName = account.Name,
                    AccountType = account.AccountType,
                    Customers = session.Customers.Count(),
                    ServicePlans = session.ServicePlans.Count(),
                    Subscriptions = session.Subscriptions.Count(),
                    Licenses = session.Licenses.Count(),
                    AuditEntries = _db.GetCollection(Schema.AuditCollection).Count(),
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
            var snapshot = Read(session => _db.GetCollectionNames()
                .ToDictionary(name => name, name => (List<BsonDocument>)_db.GetCollection(name).FindAll().ToList()));
            byte[] bytes = Guard(target, () =>
            {
                using (var data = new MemoryStream())
                using (var log = new MemoryStream())
                {
                    using (var copy = new LiteDatabase(new LiteEngine(new EngineSettings { DataStream = data, LogStream = log, Password = _password }), Mapping.Mapper))
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

        public void Dispose()
        {
            _db.Dispose();
            _gate.Dispose();
        }

        internal static ConnectionString ConnectionFor(string path, string password) => new ConnectionString
        {
            Filename = path,
            Connection = ConnectionType.Shared,
            Password = password,
        };

        /// <summary>Turns LiteDB and file-system failures into errors that name the store and say what to do.</summary>
        private static T Guard<T>(string path, Func<T> action)
        {
            try
            {
                return action();
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

        private static void TryDelete(string file)
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
    }
}
