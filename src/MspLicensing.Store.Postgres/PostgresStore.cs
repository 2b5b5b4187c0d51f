using System;
using System.Collections.Generic;
using System.Data;
using System.Linq;
using System.Threading;
using Npgsql;

namespace MspLicensing.Store
{
    /// <summary>
    /// The team store: the same documents as the file store, in a PostgreSQL database that every technician's
    /// session (and every process) uses at once.
    /// </summary>
    /// <remarks>
    /// <para>
    /// Layout: one table per collection, in the schema <see cref="PostgresSchema.Name"/>. A row is the document's id,
    /// its revision, who changed it last and when, and the document itself as jsonb. The document is what the file
    /// store's mapper writes (<see cref="Mapping"/>, in LiteDB's extended JSON: {"$guid": …} for ids,
    /// {"$numberLong": …} ticks for dates, enums by name), read back by the same mapper and readers. Why jsonb rather
    /// than a column per field: one mapping serves both stores, so a field added to the model lands in both without a
    /// second mapping to forget, and a document copied between the kinds is the same document. The fields the store
    /// looks things up by (names, customer, subscription and plan ids, activation codes) are indexed as expressions
    /// on the document; unique names and activation codes are unique indexes, so the database itself refuses a
    /// duplicate that two technicians create at the same moment.
    /// </para>
    /// <para>
    /// Concurrency: a change is one SERIALIZABLE transaction, so the rules see the store as if no one else wrote at
    /// the same time, as with the file store's lock, while other technicians' reads and changes run beside it. A
    /// transaction that PostgreSQL cannot serialize (two changes of the same rows at once, or a name another
    /// transaction took after this one looked for it) is run again from the start; the second run reads what the first
    /// conflicted with, so the rules decide on it. A write names the revision it read
    /// (UPDATE … WHERE id = @id AND revision = @rev): a document changed since it was read (an object from an earlier
    /// command) is refused with StaleObject naming who changed it and when, and nothing is written.
    /// </para>
    /// <para>
    /// Batches (<see cref="WriteEach{TIn,TOut}"/>) run in one transaction with a SAVEPOINT per item: an item that
    /// fails is rolled back to its savepoint, whole, and the others go on in the same transaction; each item runs
    /// once unless the whole transaction has to run again (or an item before it fails in the server after it ended:
    /// then the items after that one run again). A batch that keeps meeting other changes is split in halves
    /// until its parts land.
    /// </para>
    /// <para>
    /// Round trips (<see cref="PostgresSession"/>): writes wait and go to the server with the next read, several
    /// statements in one command, and the rows a transaction read are kept until it writes their table, so a batch item
    /// that creates a customer costs one round trip, one that changes seats three, and renewals share round trips, where
    /// the updates of a hundred of them go as one statement per table.
    /// </para>
    /// </remarks>
    public sealed class PostgresStore : ITransferableStore
    {
        /// <summary>How many times a transaction that conflicted with another one runs again before the conflict is reported.</summary>
        private const int Attempts = 40;

        /// <summary>How many times a batch of several items runs into other changes before it is split in halves.</summary>
        private const int SplitAfter = 3;

        private readonly string _connectionString;
        private readonly string _user;
        private readonly Func<DateTime> _utcNow;
        private readonly int _lockTimeoutMs;

        private PostgresStore(string connectionString, string display, string server, string database, string user, Func<DateTime> utcNow, TimeSpan? timeout)
        {
            _connectionString = connectionString;
            Path = display;
            Server = server;
            Database = database;
            _user = user;
            _utcNow = utcNow ?? (() => DateTime.UtcNow);
            _lockTimeoutMs = (int)Math.Min(int.MaxValue, (timeout ?? TimeSpan.FromSeconds(30)).TotalMilliseconds);
        }

        /// <summary>The store as it is shown: postgresql://user@host:port/database, never with a password.</summary>
        public string Path { get; }
        public string Server { get; }
        public string Database { get; }

        /// <summary>
        /// Opens the store in the database of <paramref name="connectionString"/>, creating its tables when the
        /// database has none, and upgrading older ones. A store of a newer schema is refused and left as it is.
        /// </summary>
        /// <param name="password">The password (from -Credential); it wins over one in the connection string.</param>
        /// <param name="userName">The user name (from -Credential); it wins over one in the connection string.</param>
        /// <param name="timeout">How long a change waits for rows another change holds, before StoreBusy.</param>
        public static PostgresStore Open(string connectionString, string userName = null, string password = null,
            IReadOnlyList<PostgresSchemaStep> steps = null, Func<DateTime> utcNow = null, TimeSpan? timeout = null)
        {
            var store = Unprepared(connectionString, userName, password, utcNow, timeout);
            store.Prepare(steps ?? PostgresSchema.Steps);
            return store;
        }

        /// <summary>Whether the database of <paramref name="connectionString"/> holds a store already (Connect-MspStore asks before it creates one).</summary>
        public static bool HoldsStore(string connectionString, string userName = null, string password = null)
        {
            var store = Unprepared(connectionString, userName, password, null, null);
            return store.Guard(() =>
            {
                using (var connection = store.Connect())
                    return store.Version(connection, null) > 0;
            });
        }

        private static PostgresStore Unprepared(string connectionString, string userName, string password, Func<DateTime> utcNow, TimeSpan? timeout)
        {
            var builder = Parse(connectionString);
            if (!string.IsNullOrEmpty(userName)) builder.Username = userName;
            if (!string.IsNullOrEmpty(password)) builder.Password = password;
            if (string.IsNullOrEmpty(builder.ApplicationName)) builder.ApplicationName = "MspLicensing";
            // The statements the store sends over and over (an update by id and revision, a read by id) are prepared once
            // per connection instead of planned each time, unless the connection string says otherwise (Max Auto
            // Prepare=0 behind a pooler that cannot keep prepared statements).
            if (!Names(connectionString, "Max Auto Prepare")) builder.MaxAutoPrepare = AutoPrepared;
            string display = Display(builder);
            string user = string.IsNullOrEmpty(builder.Username) ? Environment.UserName : builder.Username;
            // Who changed a document: the technician's account on the machine and the database role it works as.
            string who = string.Equals(Environment.UserName, user, StringComparison.Ordinal) ? user : Environment.UserName + " (" + user + ")";
            return new PostgresStore(builder.ConnectionString, display, builder.Host, builder.Database, who, utcNow, timeout);
        }

        /// <summary>
        /// How the store of <paramref name="connectionString"/> is shown: postgresql://user@server:port/database, never
        /// with a password. A malformed connection string is refused naming what is wrong, without its password.
        /// </summary>
        public static string DisplayOf(string connectionString, string userName)
        {
            var builder = Parse(connectionString);
            if (!string.IsNullOrEmpty(userName)) builder.Username = userName;
            return Display(builder);
        }

        /// <summary>
        /// <paramref name="connectionString"/> without its password (under any of its names), to be kept where it can be
        /// shown; null when it cannot be read.
        /// </summary>
        public static string WithoutPassword(string connectionString)
        {
            try
            {
                var builder = new NpgsqlConnectionStringBuilder(connectionString) { Password = null };
                return builder.ConnectionString;
            }
            catch (Exception ex) when (ex is ArgumentException || ex is FormatException || ex is InvalidCastException || ex is KeyNotFoundException)
            {
                return null;
            }
        }

        /// <summary>How many of its statements a connection prepares (Max Auto Prepare) unless the connection string names a number.</summary>
        private const int AutoPrepared = 64;

        /// <summary>Whether <paramref name="connectionString"/> gives <paramref name="keyword"/> (spelled with or without its spaces, in any case).</summary>
        private static bool Names(string connectionString, string keyword)
        {
            var given = new System.Data.Common.DbConnectionStringBuilder { ConnectionString = connectionString };
            string squeezed = keyword.Replace(" ", "");
            return given.Keys.Cast<string>().Any(k => string.Equals(k.Replace(" ", ""), squeezed, StringComparison.OrdinalIgnoreCase));
        }

        private static NpgsqlConnectionStringBuilder Parse(string connectionString)
        {
            if (string.IsNullOrWhiteSpace(connectionString))
                throw MspException.InvalidValue("ConnectionString", connectionString, "give a PostgreSQL connection string such as 'Host=db;Database=msp;Username=tech1'");
            NpgsqlConnectionStringBuilder builder;
            try
            {
                builder = new NpgsqlConnectionStringBuilder(connectionString);
            }
            catch (Exception ex) when (ex is ArgumentException || ex is FormatException || ex is InvalidCastException || ex is KeyNotFoundException)
            {
                throw new MspException("InvalidValue", ErrorKind.InvalidArgument,
                    $"ConnectionString is not valid: {ex.Message} Give keywords such as 'Host=db;Database=msp;Username=tech1' (the password with -Credential).", null, ex);
            }
            if (string.IsNullOrEmpty(builder.Host))
                throw new MspException("InvalidValue", ErrorKind.InvalidArgument,
                    $"ConnectionString '{Display(builder)}' names no server: add Host=<server> (for example 'Host=db;Database=msp;Username=tech1').", null);
            if (string.IsNullOrEmpty(builder.Database))
                throw new MspException("InvalidValue", ErrorKind.InvalidArgument,
                    $"ConnectionString '{Display(builder)}' names no database: add Database=<name> (for example 'Host=db;Database=msp;Username=tech1').", null);
            return builder;
        }

        /// <summary>The connection as it may be shown: server, port, database and user; never the password.</summary>
        private static string Display(NpgsqlConnectionStringBuilder builder)
        {
            string user = string.IsNullOrEmpty(builder.Username) ? string.Empty : builder.Username + "@";
            string port = builder.Port == NpgsqlConnection.DefaultPort ? string.Empty : ":" + builder.Port.ToString(System.Globalization.CultureInfo.InvariantCulture);
            return "postgresql://" + user + builder.Host + port + "/" + builder.Database;
        }

        private NpgsqlConnection Connect()
        {
            var connection = new NpgsqlConnection(_connectionString);
            try
            {
                connection.Open();
                return connection;
            }
            catch
            {
                connection.Dispose();
                throw;
            }
        }

        /// <summary>Creates the tables in a database that has none and runs the steps an older store lacks, one process at a time.</summary>
        private void Prepare(IReadOnlyList<PostgresSchemaStep> steps)
        {
            int current = steps[steps.Count - 1].Version;
            Guard(() =>
            {
                using (var connection = Connect())
                {
                    int version = Version(connection, null);
                    if (version > current) throw TooNew(version, current);
                    if (version == current) return 0;
                    using (var tx = connection.BeginTransaction(IsolationLevel.ReadCommitted))
                    {
                        // One process creates or upgrades the store; the others wait here, then find it done.
                        Execute(connection, tx, "SELECT pg_advisory_xact_lock(7301923562)");
                        version = Version(connection, tx);
                        if (version > current) throw TooNew(version, current);
                        foreach (var step in steps.Where(s => s.Version > version).OrderBy(s => s.Version))
                        {
                            Execute(connection, tx, step.Sql);
                            if (step.Write == null) continue;
                            var session = new PostgresSession(connection, tx, "Upgrade", _user, _utcNow, Translate);
                            step.Write(session);
                            session.Flush();
                        }
                        if (version == 0)
                        {
                            var account = Json.ToDocument(new Account { Revision = 1 });
                            account["_id"] = "account";
                            using (var cmd = new NpgsqlCommand($"INSERT INTO {PostgresSchema.Name}.account (id, revision, body) VALUES ('account', 1, @body)", connection, tx))
                            {
                                cmd.Parameters.AddWithValue("body", NpgsqlTypes.NpgsqlDbType.Jsonb, Json.Write(account));
                                cmd.ExecuteNonQuery();
                            }
                        }
                        using (var cmd = new NpgsqlCommand($"INSERT INTO {PostgresSchema.Name}.schema_version (application, version) VALUES (@app, @v) ON CONFLICT (application) DO UPDATE SET version = excluded.version", connection, tx))
                        {
                            cmd.Parameters.AddWithValue("app", Schema.Application);
                            cmd.Parameters.AddWithValue("v", current);
                            cmd.ExecuteNonQuery();
                        }
                        tx.Commit();
                    }
                }
                return 0;
            });
        }

        private MspException TooNew(int version, int current) =>
            new MspException("StoreSchemaTooNew", ErrorKind.InvalidData,
                $"The store '{Path}' has schema version {version}, written by a newer MspLicensing; this module reads up to version {current}. Update the module (Update-Module MspLicensing); the store was left as it is.", Path);

        /// <summary>The schema version of the store in the database; 0 when the database holds no store yet.</summary>
        private int Version(NpgsqlConnection connection, NpgsqlTransaction tx)
        {
            using (var cmd = new NpgsqlCommand($"SELECT to_regclass('{PostgresSchema.Name}.schema_version') IS NOT NULL", connection, tx))
            {
                if (!(bool)cmd.ExecuteScalar()) return 0;
            }
            using (var cmd = new NpgsqlCommand($"SELECT version FROM {PostgresSchema.Name}.schema_version WHERE application = @app", connection, tx))
            {
                cmd.Parameters.AddWithValue("app", Schema.Application);
                object value = cmd.ExecuteScalar();
                return value == null || value is DBNull ? 0 : (int)value;
            }
        }

        private static void Execute(NpgsqlConnection connection, NpgsqlTransaction tx, string sql)
        {
            using (var cmd = new NpgsqlCommand(sql, connection, tx))
                cmd.ExecuteNonQuery();
        }

        public T Read<T>(Func<IStoreSession, T> read)
        {
            return Guard(() =>
            {
                using (var connection = Connect())
                using (var tx = connection.BeginTransaction(IsolationLevel.RepeatableRead))
                {
                    return read(new PostgresSession(connection, tx, null, _user, _utcNow, Translate));
                }
            });
        }

        public T Write<T>(string command, Func<IStoreSession, T> write)
        {
            return Guard(() => Retrying(() =>
            {
                using (var connection = Connect())
                using (var tx = connection.BeginTransaction(IsolationLevel.Serializable))
                {
                    var session = Session(connection, tx, command);
                    T result;
                    try
                    {
                        result = write(session);
                        session.SettleLedgers();
                        session.Flush();
                    }
                    catch (MspException ex) when (ex.ErrorId == "StaleObject")
                    {
                        throw session.NamingChange(ex);
                    }
                    tx.Commit();
                    return result;
                }
            }));
        }

        private NpgsqlTransaction Begin(NpgsqlConnection connection)
        {
            var tx = connection.BeginTransaction(IsolationLevel.Serializable);
            Execute(connection, tx, LockTimeout);
            return tx;
        }

        private string LockTimeout => "SET LOCAL lock_timeout = " + _lockTimeoutMs.ToString(System.Globalization.CultureInfo.InvariantCulture);

        /// <summary>The session of a change: its lock timeout goes with its first statement.</summary>
        private PostgresSession Session(NpgsqlConnection connection, NpgsqlTransaction tx, string command)
        {
            var session = new PostgresSession(connection, tx, command, _user, _utcNow, Translate, readCommitted: tx.IsolationLevel == IsolationLevel.ReadCommitted);
            session.Queue(LockTimeout);
            return session;
        }

        /// <remarks>
        /// With <paramref name="writesOnly"/> a batch runs at READ COMMITTED: a renewal run beside technicians changing
        /// seats would otherwise lose whole batches to their short changes (a serializable transaction fails when a row
        /// it writes changed after it began). Each write names the revision it read, so one that finds its row changed
        /// is refused for its item alone; the ledgers the batch settles are locked before it reads the licenses they are
        /// made from (PostgresSession.UsageLedgersOf), so they agree with what is committed.
        /// </remarks>
        public IReadOnlyList<ItemResult<TOut>> WriteEach<TIn, TOut>(string command, IReadOnlyList<TIn> items, Func<IStoreSession, TIn, TOut> write, bool writesOnly = false,
            Action<IStoreSession, IReadOnlyList<TIn>> readAhead = null)
        {
            if (items.Count == 0) return new ItemResult<TOut>[0];
            return Guard(() => Batch(command, items, write, readAhead, writesOnly ? IsolationLevel.ReadCommitted : IsolationLevel.Serializable));
        }

        /// <summary>
        /// One batch in one transaction. A batch that meets other changes <see cref="SplitAfter"/> times in a row is split
        /// in halves, each a transaction of its own: a long batch (a renewal run) beside short changes of the same rows
        /// (technicians changing seats) would otherwise lose to them every time. Each item stays whole either way; a
        /// single item is run again up to <see cref="Attempts"/> times, as a single change is.
        /// </summary>
        private ItemResult<TOut>[] Batch<TIn, TOut>(string command, IReadOnlyList<TIn> items, Func<IStoreSession, TIn, TOut> write,
            Action<IStoreSession, IReadOnlyList<TIn>> readAhead, IsolationLevel isolation)
        {
            if (items.Count == 1)
                return Retrying(() => Transaction(command, items, write, readAhead, isolation));
            try
            {
                return Retrying(() => Transaction(command, items, write, readAhead, isolation), SplitAfter);
            }
            catch (Exception ex) when (Conflict(ex))
            {
                int half = items.Count / 2;
                var first = Batch(command, items.Take(half).ToList(), write, readAhead, isolation);
                var second = Batch(command, items.Skip(half).ToList(), write, readAhead, isolation);
                return first.Concat(second).ToArray();
            }
        }

        private ItemResult<TOut>[] Transaction<TIn, TOut>(string command, IReadOnlyList<TIn> items, Func<IStoreSession, TIn, TOut> write,
            Action<IStoreSession, IReadOnlyList<TIn>> readAhead, IsolationLevel isolation)
        {
            var results = new ItemResult<TOut>[items.Count];
            using (var connection = Connect())
            using (var tx = connection.BeginTransaction(isolation))
            {
                var session = Session(connection, tx, command);
                readAhead?.Invoke(session, items);
                int next = 0;
                while (true)
                {
                    try
                    {
                        for (; next < items.Count; next++)
                        {
                            session.BeginItem(next);
                            try
                            {
                                var value = write(session, items[next]);
                                session.EndItem();
                                results[next] = new ItemResult<TOut>(value, null);
                            }
                            catch (PostgresSession.RerunException)
                            {
                                throw;
                            }
                            catch (Exception ex) when (!(ex is OutOfMemoryException) && !Conflict(ex) && !Lost(ex))
                            {
                                // The item is left out whole: back to its savepoint; the other items go on in the transaction.
                                results[next] = new ItemResult<TOut>(default(TOut), session.FailItem(ex));
                            }
                        }
                        session.EndItems();
                        break;
                    }
                    catch (PostgresSession.RerunException rerun)
                    {
                        // An item failed in the server after it ended (its statements went with a later round trip): it is
                        // reported, and the items after it, whose statements did not run, run again.
                        next = rerun.From;
                    }
                    finally
                    {
                        foreach (var failed in session.TakeLateFailures())
                            results[failed.Key] = new ItemResult<TOut>(default(TOut), failed.Value);
                    }
                }
                try
                {
                    session.SettleLedgers();
                    session.Flush();
                }
                catch (PostgresException ex) when (isolation == IsolationLevel.ReadCommitted && ex.SqlState == PostgresErrorCodes.UniqueViolation)
                {
                    // Another transaction made a ledger this one makes too (a customer's first): a conflict, as SERIALIZABLE
                    // reports it; the batch runs again and settles on what that one committed.
                    throw new PostgresException(ex.MessageText, ex.Severity, ex.InvariantSeverity, PostgresErrorCodes.SerializationFailure);
                }
                tx.Commit();
            }
            return results;
        }

        /// <summary>
        /// Runs a transaction again when it conflicted with another one (a serialization failure or a deadlock; a
        /// name another transaction took meanwhile is one too, as the rules read the name before they wrote it), after a short random pause so that the two do not meet again at once.
        /// </summary>
        private static T Retrying<T>(Func<T> transaction, int attempts = Attempts)
        {
            var random = new Random(Guid.NewGuid().GetHashCode());
            for (int attempt = 1; ; attempt++)
            {
                try
                {
                    return transaction();
                }
                catch (Exception ex) when (Conflict(ex) && attempt < attempts)
                {
                    Thread.Sleep(random.Next(1, 5 + Math.Min(attempt, 20) * 5));
                }
            }
        }

        /// <summary>
        /// Whether another transaction got in the way of this one: running it again decides on what that one committed.
        /// A duplicate name or activation code committed by another transaction after this one looked for it is a
        /// serialization failure too (PostgreSQL reports it so under SERIALIZABLE); a duplicate this transaction wrote
        /// itself is not, and is refused as StoreDuplicateKey.
        /// </summary>
        internal static bool Conflict(Exception ex)
        {
            var pg = Unwrap(ex);
            return pg != null && (pg.SqlState == PostgresErrorCodes.SerializationFailure || pg.SqlState == PostgresErrorCodes.DeadlockDetected);
        }

        /// <summary>Whether the connection or the server failed (the transaction is gone): the batch ends.</summary>
        internal static bool Lost(Exception ex) => ex is NpgsqlException && !(ex is PostgresException)
                                                  || ex is PostgresException pg && pg.SqlState == PostgresErrorCodes.LockNotAvailable;

        /// <summary>
        /// What went wrong with TLS (Npgsql's message and that of the handshake), when the connection failed there: a
        /// server without TLS for SSL Mode=Require, or a certificate the client does not trust; null otherwise.
        /// </summary>
        private static string Tls(NpgsqlException ex)
        {
            for (Exception e = ex.InnerException; e != null; e = e.InnerException)
                if (e is System.Security.Authentication.AuthenticationException)
                    return ex.Message.TrimEnd('.') + ": " + e.Message.TrimEnd('.') + ".";
            return ex.Message.IndexOf("SSL", StringComparison.Ordinal) >= 0 ? ex.Message.TrimEnd('.') + "." : null;
        }

        private static PostgresException Unwrap(Exception ex)
        {
            for (var e = ex; e != null; e = e.InnerException)
                if (e is PostgresException pg) return pg;
            return null;
        }

        private MspException Translate(PostgresException ex)
        {
            if (ex.SqlState == PostgresErrorCodes.UniqueViolation)
                return new MspException("StoreDuplicateKey", ErrorKind.ResourceExists,
                    $"The store '{Path}' refused a duplicate: {ex.MessageText}", Path, ex);
            if (ex.SqlState == PostgresErrorCodes.LockNotAvailable)
                return new MspException("StoreBusy", ErrorKind.ResourceUnavailable,
                    $"The store '{Path}' is busy: another change held what this one needs for longer than the timeout ({_lockTimeoutMs / 1000} s); nothing of this change was stored. Run it again, or connect with a longer -Timeout.", Path, ex);
            if (ex.SqlState == PostgresErrorCodes.InvalidPassword || ex.SqlState == PostgresErrorCodes.InvalidAuthorizationSpecification)
                return new MspException("StoreAccessDenied", ErrorKind.PermissionDenied,
                    $"The store '{Path}' refused the connection: {ex.MessageText}. Connect again with the right -Credential.", Path, ex);
            if (ex.SqlState == PostgresErrorCodes.InvalidCatalogName)
                return new MspException("StoreUnavailable", ErrorKind.ResourceUnavailable,
                    $"The store '{Path}' cannot be used: {ex.MessageText}. Create the database (CREATE DATABASE) or name another one.", Path, ex);
            if (ex.SqlState == PostgresErrorCodes.InsufficientPrivilege)
                return new MspException("StoreAccessDenied", ErrorKind.PermissionDenied,
                    $"Access to the store '{Path}' is denied: {ex.MessageText}.", Path, ex);
            if (ex.SqlState == PostgresErrorCodes.DiskFull)
                return new MspException("StoreDiskFull", ErrorKind.ResourceUnavailable,
                    $"Disk full: the database server of '{Path}' has no space left, so nothing of this change was stored. ({ex.MessageText})", Path, ex);
            if (Conflict(ex))
                return new MspException("StoreBusy", ErrorKind.ResourceUnavailable,
                    $"The store '{Path}' is busy: this change met other changes of the same data {Attempts} times; nothing of it was stored. Run it again.", Path, ex);
            return new MspException("StoreError", ErrorKind.InvalidData,
                $"The store '{Path}' could not be used: {ex.MessageText}", Path, ex);
        }

        /// <summary>Turns database and network failures into errors that name the store and say what to do.</summary>
        private T Guard<T>(Func<T> action)
        {
            try
            {
                return action();
            }
            catch (PostgresException ex)
            {
                throw Translate(ex);
            }
            catch (NpgsqlException ex) when (Tls(ex) != null)
            {
                throw new MspException("StoreUnavailable", ErrorKind.ResourceUnavailable,
                    $"The store '{Path}' has no secure connection (TLS): {Tls(ex)} Check SSL Mode in the connection string (Require encrypts without checking the server's certificate; VerifyCA and VerifyFull also need a certificate the machine trusts, or Root Certificate=<file>) and that the server has TLS on; nothing of this change was stored.", Path, ex);
            }
            catch (NpgsqlException ex)
            {
                throw new MspException("StoreUnavailable", ErrorKind.ResourceUnavailable,
                    $"The store '{Path}' cannot be reached: {ex.Message}. Check that the server runs and the connection string names it; nothing of this change was stored.", Path, ex);
            }
            catch (System.Net.Sockets.SocketException ex)
            {
                throw new MspException("StoreUnavailable", ErrorKind.ResourceUnavailable,
                    $"The store '{Path}' cannot be reached: {ex.Message}. Check the server's name in the connection string; nothing of this change was stored.", Path, ex);
            }
            catch (TimeoutException ex)
            {
                throw new MspException("StoreUnavailable", ErrorKind.ResourceUnavailable,
                    $"The store '{Path}' cannot be reached: {ex.Message}", Path, ex);
            }
            catch (Exception ex) when (StoreDamage.Describe(ex) is string what)
            {
                // A row another program changed so that it no longer reads as its kind of object.
                throw new MspException("StoreDamaged", ErrorKind.InvalidData,
                    $"The store '{Path}' holds a document that does not read as its kind of object: {what}. Nothing was changed. " +
                    "A program other than MspLicensing changed it: correct it, or restore the database from its backup; Test-MspStore lists what it finds.", Path, ex);
            }
        }

        public StoreInfo GetInfo()
        {
            var info = Read(session =>
            {
                var account = session.GetAccount();
                return new StoreInfo
                {
                    Path = Path,
                    Kind = StoreKinds.PostgreSql,
                    Server = Server,
                    Database = Database,
                    AccountName = account.Name,
                    AccountType = account.AccountType,
                    Customers = session.Customers.Count(),
                    ServicePlans = session.ServicePlans.Count(),
                    Subscriptions = session.Subscriptions.Count(),
                    Licenses = session.Licenses.Count(),
                    AuditEntries = (int)Scalar<long>(session, $"SELECT count(*) FROM {PostgresSchema.Name}.audit"),
                    PendingSync = session.Outbox.Count(),
                    SchemaVersion = Scalar<int>(session, $"SELECT version FROM {PostgresSchema.Name}.schema_version WHERE application = '{Schema.Application}'"),
                    SizeBytes = Scalar<long>(session, $"SELECT coalesce(sum(pg_total_relation_size(c.oid)), 0)::bigint FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = '{PostgresSchema.Name}' AND c.relkind = 'r'"),
                };
            });
            return info;
        }

        private static T Scalar<T>(IStoreSession session, string sql)
        {
            using (var cmd = ((PostgresSession)session).Command(sql))
                return (T)cmd.ExecuteScalar();
        }

        /// <summary>Writes a file store (which a single admin can open) holding a consistent copy of this store.</summary>
        public void Backup(string destinationPath)
        {
            string target = System.IO.Path.GetFullPath(destinationPath);
            var documents = Export();
            LiteDbStore.WriteCopy(target, null, documents);
        }

        /// <summary>Every document of the store, by collection, read in one consistent view.</summary>
        public StoreContent Export()
        {
            return Read(session =>
            {
                var documents = new StoreContent();
                foreach (var collection in StoreContent.Collections)
                {
                    var list = new List<string>();
                    if (collection == Schema.AuditCollection)
                    {
                        using (var cmd = ((PostgresSession)session).Command($"SELECT id, body FROM {PostgresSchema.Name}.audit ORDER BY id"))
                        using (var reader = cmd.ExecuteReader())
                        {
                            while (reader.Read())
                            {
                                var doc = Json.Read(reader.GetString(1));
                                doc["_id"] = reader.GetInt64(0);
                                list.Add(Json.Write(doc));
                            }
                        }
                    }
                    else
                    {
                        using (var cmd = ((PostgresSession)session).Command($"SELECT body FROM {PostgresSchema.Name}.{Table(collection)} ORDER BY id"))
                        using (var reader = cmd.ExecuteReader())
                        {
                            while (reader.Read()) list.Add(reader.GetString(0));
                        }
                    }
                    documents[collection] = list;
                }
                return documents;
            });
        }

        /// <summary>
        /// Writes every document of <paramref name="documents"/> into this store in one transaction; the store must be
        /// empty unless <paramref name="replace"/> (then what it holds is deleted first). Audit entries keep their ids.
        /// </summary>
        public void Import(StoreContent documents, bool replace)
        {
            Guard(() =>
            {
                using (var connection = Connect())
                using (var tx = Begin(connection))
                {
                    var session = new PostgresSession(connection, tx, "Copy-MspStore", _user, _utcNow, Translate);
                    if (!replace)
                    {
                        int held = session.Customers.Count() + session.ServicePlans.Count() + session.Subscriptions.Count() + session.Licenses.Count()
                                   + (int)Scalar<long>(session, $"SELECT count(*) FROM {PostgresSchema.Name}.audit");
                        if (held > 0)
                            throw new MspException("StoreNotEmpty", ErrorKind.ResourceExists,
                                $"The store '{Path}' is not empty (it holds {held} documents and audit entries); nothing was copied. Copy into an empty database, or give -Force to replace what it holds.", Path);
                    }
                    foreach (var collection in StoreContent.Collections)
                        Execute(connection, tx, $"DELETE FROM {PostgresSchema.Name}.{Table(collection)}");
                    foreach (var collection in StoreContent.Collections)
                    {
                        if (!documents.TryGetValue(collection, out var list) || list.Count == 0) continue;
                        if (collection == Schema.AuditCollection) ImportAudit(connection, tx, list);
                        else ImportDocuments(connection, tx, Table(collection), collection == Schema.AccountCollection || collection == Schema.UsageReportCollection, list);
                    }
                    // The sequence goes on after the copied entries.
                    Execute(connection, tx, $"SELECT setval(pg_get_serial_sequence('{PostgresSchema.Name}.audit', 'id'), coalesce((SELECT max(id) FROM {PostgresSchema.Name}.audit), 0) + 1, false)");
                    tx.Commit();
                }
                return 0;
            });
        }

        private void ImportDocuments(NpgsqlConnection connection, NpgsqlTransaction tx, string table, bool textKey, List<string> list)
        {
            using (var writer = connection.BeginBinaryImport($"COPY {PostgresSchema.Name}.{table} (id, revision, modified_by, modified_utc, body) FROM STDIN (FORMAT BINARY)"))
            {
                foreach (string json in list)
                {
                    var doc = Json.Read(json);
                    writer.StartRow();
                    if (textKey) writer.Write(doc["_id"].AsString, NpgsqlTypes.NpgsqlDbType.Text);
                    else writer.Write(doc["_id"].AsGuid, NpgsqlTypes.NpgsqlDbType.Uuid);
                    writer.Write(doc["Revision"].IsNumber ? doc["Revision"].AsInt32 : 1, NpgsqlTypes.NpgsqlDbType.Integer);
                    writer.WriteNull();
                    writer.WriteNull();
                    writer.Write(json, NpgsqlTypes.NpgsqlDbType.Jsonb);
                }
                writer.Complete();
            }
        }

        private static void ImportAudit(NpgsqlConnection connection, NpgsqlTransaction tx, List<string> list)
        {
            using (var writer = connection.BeginBinaryImport($"COPY {PostgresSchema.Name}.audit (id, target_id, customer_id, body) FROM STDIN (FORMAT BINARY)"))
            {
                foreach (string json in list)
                {
                    var doc = Json.Read(json);
                    long id = doc["_id"].AsInt64;
                    var entry = Json.ToObject<AuditEntry>(doc);
                    writer.StartRow();
                    writer.Write(id, NpgsqlTypes.NpgsqlDbType.Bigint);
                    if (entry.TargetId == null) writer.WriteNull();
                    else writer.Write(entry.TargetId, NpgsqlTypes.NpgsqlDbType.Text);
                    if (entry.CustomerId == null) writer.WriteNull();
                    else writer.Write(entry.CustomerId.Value, NpgsqlTypes.NpgsqlDbType.Uuid);
                    writer.Write(PostgresSession.AuditBody(entry), NpgsqlTypes.NpgsqlDbType.Jsonb);
                }
                writer.Complete();
            }
        }

        /// <summary>The table of a collection: the same names as the file store's collections.</summary>
        private static string Table(string collection) => collection;

        public void Dispose()
        {
            // Connections go back to Npgsql's pool after each transaction: there is nothing to close here.
        }
    }
}
