using System;
using System.Collections.Generic;
using System.Linq;
using LiteDB;
using Npgsql;
using NpgsqlTypes;

namespace MspLicensing.Store
{
    /// <summary>The view of one PostgreSQL transaction. Created by <see cref="PostgresStore"/> inside BEGIN/COMMIT.</summary>
    internal sealed class PostgresSession : DocumentSession, IStoreSession
    {
        private const string S = PostgresSchema.Name;

        private readonly NpgsqlConnection _connection;
        private readonly NpgsqlTransaction _transaction;
        private readonly string _command;
        private readonly string _user;
        private readonly Func<DateTime> _utcNow;
        private readonly Func<PostgresException, Exception> _translate;
        private readonly bool _readCommitted;
        private readonly List<AuditEntry> _audit = new List<AuditEntry>();
        /// <summary>The batch item that wrote each entry of <see cref="_audit"/> (-1 outside a batch).</summary>
        private readonly List<int> _auditItems = new List<int>();

        /// <param name="readCommitted">
        /// Whether the transaction runs at READ COMMITTED (a batch that only writes, <see cref="PostgresStore.WriteEach{TIn,TOut}"/>):
        /// each statement then sees what is committed when it runs, so no query's rows are kept.
        /// </param>
        internal PostgresSession(NpgsqlConnection connection, NpgsqlTransaction transaction, string command, string user, Func<DateTime> utcNow,
            Func<PostgresException, Exception> translate, bool readCommitted = false)
        {
            _readCommitted = readCommitted;
            _connection = connection;
            _transaction = transaction;
            _command = command;
            _user = user;
            _utcNow = utcNow;
            _translate = translate;
            _readAhead = new ReadAheadRows<Row<BsonDocument>>(row => row.Body, ReadAheadQuery);
            Sets = new DocumentSets(new SetFactory(this));
        }

        /// <summary>What this transaction read ahead for the items of its batch.</summary>
        private readonly ReadAheadRows<Row<BsonDocument>> _readAhead;

        /// <remarks>At READ COMMITTED (a batch that only writes) nothing is read ahead: each statement sees its own moment.</remarks>
        public void ReadAhead(ReadAhead what)
        {
            if (!_readCommitted) _readAhead.Read(what);
        }

        /// <summary>The rows of a table whose field is one of the values (as lookups key them), in one query.</summary>
        private IEnumerable<Row<BsonDocument>> ReadAheadQuery(string table, string field, IReadOnlyList<string> values)
        {
            Array keys = field == "_id" ? values.Select(Guid.Parse).ToArray() : (Array)values.ToArray();
            return Rows(table, $"SELECT {Columns} FROM {S}.{table} WHERE {LookupExpression(field)} = ANY(@v)", keys, doc => doc, cache: false);
        }

        /// <summary>What a lookup's field is in a table: the id column, a document's name key, or an id of another document in it.</summary>
        private static string LookupExpression(string field) =>
            field == "_id" ? "id" : field == "NameKey" ? PostgresSchema.TextField(field) : PostgresSchema.GuidField(field);

        /// <summary>Makes the document sets of this session: the tables of the same names as the file store's collections.</summary>
        private sealed class SetFactory : DocumentSets.IFactory
        {
            private readonly PostgresSession _session;

            internal SetFactory(PostgresSession session) => _session = session;

            public IDocumentSet<T> Create<T>(DocumentKind<T> kind, Action<T> onRead, Action<T> onWrite, Action beforeAll) where T : class, IVersioned =>
                new Table<T>(_session, kind.Collection, kind.TypeName, kind.Id, kind.Name, kind.Decorate,
                    onRead: onRead, onWrite: onWrite, beforeAll: beforeAll, read: kind.Read, alias: kind.Alias);
        }

        /// <summary>Who changed each document this transaction read last, and when, by the name an error gives it.</summary>
        private readonly Dictionary<string, (string By, DateTime? Utc)> _changes = new Dictionary<string, (string, DateTime?)>(StringComparer.Ordinal);

        /// <summary>
        /// A stale-write error the rules raised (they compare the revision a command read with the stored one) naming who
        /// changed the object and when, when this transaction read it.
        /// </summary>
        internal MspException NamingChange(MspException stale) =>
            stale.Target is string name && _changes.TryGetValue(name, out var change) ? stale.NamingChange(change.By, change.Utc) : stale;

        private void Remember<TBody>(string name, Row<TBody> row)
        {
            if (name != null && row != null) _changes[name] = (row.ModifiedBy, row.ModifiedUtc);
        }

        // Round trips. A write is not sent at once: it waits, and goes with the next statement that has to reach the
        // server (a read, or the end of the transaction), all in one round trip (one command of several statements).
        // In a batch (WriteEach) each item begins with a savepoint, which waits too: an item that creates a customer
        // costs one round trip (its name lookup carries the inserts of the items before it and its own savepoint), and
        // items that only write (renewals) share round trips, up to WaitingItems of them. In a batch a write that names
        // the revision it read fails in the server when it finds the row changed (it divides by the number of rows it
        // changed), so every failure stops the round trip at its own item. When an item that has ended fails there, the
        // transaction goes back to that item's savepoint, the item is reported with its error, and the items after it,
        // whose statements did not run, run again (they read nothing since: a read would have sent the failed item's
        // statements first). Outside a batch, a write's row count is checked after the round trip instead. A round trip
        // that holds nothing but ended items' updates of documents (a renewal run's) goes as one statement per table
        // first, and one by one as above only when one of them finds its row changed (Together).

        /// <summary>
        /// One statement of a round trip, with its parameters by the names its text gives them. A write returns a row
        /// (RETURNING 1) for each row it changed: the rows it returns are its row count, and the results it returns
        /// tell which statement of a round trip failed (Npgsql raises a statement's error as its reader reaches it).
        /// </summary>
        private sealed class Statement
        {
            private readonly List<NpgsqlParameter> _parameters = new List<NpgsqlParameter>();

            /// <param name="returns">Whether it returns rows (a read, or a write with RETURNING): each such statement is one result of the round trip.</param>
            internal Statement(string sql, bool returns)
            {
                Sql = sql;
                Returns = returns;
            }

            internal string Sql { get; }
            internal bool Returns { get; }

            internal void AddWithValue(string name, object value) => _parameters.Add(new NpgsqlParameter(name, value));

            internal void AddWithValue(string name, NpgsqlDbType type, object value) => _parameters.Add(new NpgsqlParameter(name, type) { Value = value });

            /// <summary>Adds the statement to <paramref name="command"/> as its statement <paramref name="index"/>: its parameters are renamed for that place.</summary>
            internal void AddTo(NpgsqlCommand command, System.Text.StringBuilder text, int index)
            {
                string suffix = "_" + index.ToString(System.Globalization.CultureInfo.InvariantCulture);
                if (text.Length > 0) text.Append(";\n");
                // Each @name becomes @name_index (the statements' texts hold no @ but before their parameters' names).
                for (int i = 0; i < Sql.Length; i++)
                {
                    text.Append(Sql[i]);
                    if (Sql[i] != '@') continue;
                    while (i + 1 < Sql.Length && (char.IsLetterOrDigit(Sql[i + 1]) || Sql[i + 1] == '_')) text.Append(Sql[++i]);
                    text.Append(suffix);
                }
                foreach (var parameter in _parameters)
                {
                    parameter.ParameterName += suffix;
                    command.Parameters.Add(parameter);
                }
            }
        }

        /// <summary>A statement waiting for the next round trip.</summary>
        private sealed class Pending
        {
            internal Pending(Statement statement, int item, string table, Action<int> check, Func<Exception> refusal = null)
            {
                Statement = statement;
                Item = item;
                Table = table;
                Check = check;
                Refusal = refusal;
            }

            internal Statement Statement { get; }

            /// <summary>The batch item that wrote it; -1 for the transaction's own (its lock timeout, a rollback to a savepoint, its audit entries).</summary>
            internal int Item { get; }

            /// <summary>The table it writes (its rows read earlier in this transaction are read again after it), or null.</summary>
            internal string Table { get; }

            /// <summary>Called with the number of rows the statement changed; throws when a write found its row changed since it was read.</summary>
            internal Action<int> Check { get; }

            /// <summary>The error of a batch item's write that found its row changed (it failed in the server); null for other statements.</summary>
            internal Func<Exception> Refusal { get; }

            /// <summary>What a batch item's revision-checked update of a document writes, for <see cref="Together"/>; null for other statements.</summary>
            internal DocumentUpdate Update { get; set; }

            /// <summary>Whether it sets or releases the running item's savepoint (<see cref="BeginItem"/>).</summary>
            internal bool Savepoint { get; set; }
        }

        /// <summary>A batch item's update of one document by its id and the revision it read.</summary>
        private sealed class DocumentUpdate
        {
            internal Guid Id;
            internal int Revision;
            internal int Next;
            internal DateTime Now;
            internal string Body;
        }

        /// <summary>Thrown out of a batch when an item failed after it ended: the items from <see cref="From"/> on run again.</summary>
        internal sealed class RerunException : Exception
        {
            internal RerunException(int from) : base("An earlier item of the batch failed in the server; the items after it run again.")
            {
                From = from;
            }

            /// <summary>The first item to run again.</summary>
            internal int From { get; }
        }

        /// <summary>How many batch items' statements may wait for one round trip (the items after one that fails there run again).</summary>
        private const int WaitingItems = 100;

        private readonly List<Pending> _pending = new List<Pending>();

        /// <summary>How many items have ended since the last round trip (their statements wait).</summary>
        private int _itemsWaiting;

        /// <summary>The batch item running (<see cref="BeginItem"/>); -1 outside an item.</summary>
        private int _item = -1;

        /// <summary>Whether the running item has sent anything (its savepoint is set in the server).</summary>
        private bool _itemSent;

        /// <summary>Whether a savepoint is set (or waits to be): a new item releases it before it sets its own.</summary>
        private bool _savepoint;

        /// <summary>Whether a savepoint was set before the running item began (an item that fails before it sent anything leaves it so).</summary>
        private bool _savepointBefore;

        /// <summary>The items that failed after they ended, with their errors (<see cref="TakeLateFailures"/>).</summary>
        private readonly List<KeyValuePair<int, Exception>> _late = new List<KeyValuePair<int, Exception>>();

        /// <summary>
        /// The rows of the queries this transaction ran, by table: the same query gives the same rows until the
        /// transaction writes that table (the snapshot of a serializable or repeatable-read transaction does not move),
        /// so the account, the plan of a pipeline and the like are read once per transaction, not once per item.
        /// </summary>
        private readonly Dictionary<string, Dictionary<string, List<RawRow>>> _cache = new Dictionary<string, Dictionary<string, List<RawRow>>>(StringComparer.Ordinal);

        /// <summary>Queues a statement for the next round trip.</summary>
        private void Queue(Statement statement, string table = null, int? item = null)
        {
            if (table != null) _cache.Remove(table);
            _pending.Add(new Pending(statement, item ?? _item, table, null));
        }

        /// <summary>
        /// Queues a write of <paramref name="sql"/> (an UPDATE, DELETE or INSERT without RETURNING) that must change one
        /// row: in a batch item it fails in the server when it changes none, elsewhere its row count is checked after the
        /// round trip; either way <paramref name="refusal"/> makes the error (and gives the object its revision back).
        /// </summary>
        private void QueueWrite(string sql, Action<Statement> parameters, string table, Func<Exception> refusal, DocumentUpdate update = null)
        {
            bool inItem = _item >= 0;
            var statement = new Statement(inItem ? $"WITH changed AS ({sql} RETURNING 1) SELECT 1 / count(*)::int FROM changed" : sql + " RETURNING 1", returns: true);
            parameters(statement);
            if (table != null) _cache.Remove(table);
            _pending.Add(inItem
                ? new Pending(statement, _item, table, null, refusal) { Update = update }
                : new Pending(statement, _item, table, rows => { if (rows == 0) throw refusal(); }));
        }

        /// <summary>Queues a statement of the transaction's own (its lock timeout, before anything else).</summary>
        internal void Queue(string sql) => Queue(new Statement(sql, returns: false), item: -1);

        /// <summary>
        /// Sends the statements waiting and then <paramref name="read"/> (if any) in one round trip and returns what
        /// <paramref name="consume"/> takes from the read's rows. The rows each write changed are checked after the round
        /// trip. When a statement of an item that has ended fails, that item is rolled back and reported
        /// (<see cref="TakeLateFailures"/>), and the running item, if any, runs again (<see cref="RerunException"/>).
        /// </summary>
        /// <param name="ended">Whether every item whose statements wait has ended (<see cref="EndItem"/>, <see cref="EndItems"/>): they may go <see cref="Together"/>.</param>
        private T Send<T>(Statement read, Func<NpgsqlDataReader, T> consume, bool ended = false)
        {
            _itemsWaiting = 0;
            if (_pending.Count == 0 && read == null) return default(T);
            var sent = _pending.ToList();
            _pending.Clear();
            if (_item >= 0) _itemSent = true;
            if (ended)
            {
                sent = Together(sent);
                if (sent.Count == 0) return default(T);
            }
            if (read != null) sent.Add(new Pending(read, _item, null, null));
            // The statements that return rows, in order: the reader's results.
            var results = sent.Where(p => p.Statement.Returns).ToList();
            var rows = new int[results.Count];
            T value = default(T);
            int at = 0;
            using (var command = RoundTrip(sent.Select(p => p.Statement)))
            {
                try
                {
                    using (var reader = command.ExecuteReader())
                    {
                        for (; at < results.Count; at++)
                        {
                            if (at > 0 && !reader.NextResult()) break;
                            if (read != null && at == results.Count - 1)
                            {
                                value = consume(reader);
                            }
                            else
                            {
                                while (reader.Read()) rows[at]++;
                            }
                        }
                        while (reader.NextResult())
                        {
                        }
                    }
                }
                catch (PostgresException ex) when (!PostgresStore.Conflict(ex) && !PostgresStore.Lost(ex) && at < results.Count && results[at].Item >= 0)
                {
                    // A batch item's statement failed: nothing after it ran. Back to that item's savepoint (the last one set before it).
                    var failed = results[at];
                    using (var rollback = new NpgsqlCommand("ROLLBACK TO SAVEPOINT item", _connection, _transaction))
                        rollback.ExecuteNonQuery();
                    var error = failed.Refusal != null && ex.SqlState == PostgresErrorCodes.DivisionByZero ? failed.Refusal() : _translate(ex);
                    if (failed.Item == _item) throw error;
                    // An item that has ended: it is reported, and the items after it run again.
                    _late.Add(new KeyValuePair<int, Exception>(failed.Item, error));
                    Forget(item => item >= failed.Item);
                    throw new RerunException(failed.Item + 1);
                }
            }
            for (int i = 0; i < results.Count; i++) results[i].Check?.Invoke(rows[i]);
            return value;
        }

        /// <summary>One command of <paramref name="statements"/>, in their order, each with its parameters renamed for its place.</summary>
        private NpgsqlCommand RoundTrip(IEnumerable<Statement> statements)
        {
            var command = new NpgsqlCommand { Connection = _connection, Transaction = _transaction };
            var text = new System.Text.StringBuilder();
            int i = 0;
            foreach (var statement in statements) statement.AddTo(command, text, i++);
            command.CommandText = text.ToString();
            return command;
        }

        /// <summary>
        /// Sends the updates of batch items that have ended, when they are all this round trip holds (renewals), as one
        /// statement per table instead of one per document, and returns what is still to be sent the usual way: nothing
        /// when they landed. The items' savepoints give way to one before the updates; when an update finds its row
        /// changed (or any of them fails), the transaction goes back to that savepoint and the statements are sent one
        /// by one as they were queued, so each item lands or fails on its own as it would have.
        /// </summary>
        private List<Pending> Together(List<Pending> sent)
        {
            int first = sent.FindIndex(p => p.Item >= 0);
            if (first < 0 || !sent[first].Savepoint || sent.Skip(first).Any(p => p.Item < 0 || !p.Savepoint && p.Update == null)) return sent;
            var updates = sent.Where(p => p.Update != null).ToList();
            if (updates.Count < 2 || updates.Select(p => p.Table + "/" + p.Update.Id).Distinct().Count() < updates.Count) return sent;
            // Before the items: the transaction's own statements, and the release of the savepoint of the item before them.
            var before = sent.Take(first).ToList();
            if (sent[first].Savepoint && sent[first].Statement.Sql.StartsWith("RELEASE", StringComparison.Ordinal)) before.Add(sent[first++]);
            var together = before.Select(p => p.Statement).ToList();
            together.Add(new Statement("SAVEPOINT item", returns: false));
            foreach (var table in updates.GroupBy(p => p.Table))
            {
                var update = new Statement(
                    $"WITH u AS (SELECT * FROM unnest(@ids, @revisions, @nexts, @nows, @bodies) AS u(id, revision, next, now, body)), " +
                    $"changed AS (UPDATE {S}.{table.Key} AS t SET revision = u.next, modified_by = @user, modified_utc = u.now, body = u.body " +
                    "FROM u WHERE t.id = u.id AND t.revision = u.revision RETURNING t.id) " +
                    "SELECT count(*) FROM changed", returns: true);
                var rows = table.Select(p => p.Update).ToList();
                update.AddWithValue("ids", rows.Select(r => r.Id).ToArray());
                update.AddWithValue("revisions", rows.Select(r => r.Revision).ToArray());
                update.AddWithValue("nexts", rows.Select(r => r.Next).ToArray());
                update.AddWithValue("nows", NpgsqlDbType.Array | NpgsqlDbType.Timestamp, rows.Select(r => r.Now).ToArray());
                update.AddWithValue("bodies", NpgsqlDbType.Array | NpgsqlDbType.Jsonb, rows.Select(r => r.Body).ToArray());
                update.AddWithValue("user", (object)_user ?? DBNull.Value);
                together.Add(update);
            }
            var expected = updates.GroupBy(p => p.Table).Select(g => (long)g.Count()).ToList();
            bool landed;
            using (var command = RoundTrip(together))
            {
                try
                {
                    var counts = new List<long>();
                    using (var reader = command.ExecuteReader())
                    {
                        do
                        {
                            while (reader.Read()) counts.Add(reader.GetInt64(0));
                        } while (reader.NextResult());
                    }
                    landed = counts.SequenceEqual(expected);
                }
                catch (PostgresException ex) when (!PostgresStore.Conflict(ex) && !PostgresStore.Lost(ex))
                {
                    landed = false;
                }
            }
            if (landed) return new List<Pending>();
            using (var back = new NpgsqlCommand("ROLLBACK TO SAVEPOINT item; RELEASE SAVEPOINT item", _connection, _transaction))
                back.ExecuteNonQuery();
            return sent.Skip(first).ToList();
        }

        /// <summary>The items that failed after they ended, since the last call, with their errors.</summary>
        internal IReadOnlyList<KeyValuePair<int, Exception>> TakeLateFailures()
        {
            var late = _late.ToList();
            _late.Clear();
            return late;
        }

        /// <summary>Begins batch item <paramref name="item"/>: its savepoint waits to go with its first statement.</summary>
        internal void BeginItem(int item)
        {
            _item = item;
            _itemSent = false;
            _savepointBefore = _savepoint;
            if (_savepoint) QueueSavepoint("RELEASE SAVEPOINT item");
            QueueSavepoint("SAVEPOINT item");
            _savepoint = true;
        }

        private void QueueSavepoint(string sql) => _pending.Add(new Pending(new Statement(sql, returns: false), _item, null, null) { Savepoint = true });

        /// <summary>
        /// Ends the running item; its statements wait for the next round trip, unless <see cref="WaitingItems"/> items' wait already.
        /// </summary>
        internal void EndItem()
        {
            if (++_itemsWaiting >= WaitingItems) Send<object>(null, null, ended: true);
        }

        /// <summary>
        /// The running item failed (<paramref name="ex"/>): what it queued is dropped, the transaction goes back to its
        /// savepoint if it sent anything, and what it left in the session is forgotten. Returns the item's error.
        /// </summary>
        internal Exception FailItem(Exception ex)
        {
            _pending.RemoveAll(p => p.Item == _item);
            if (_itemSent) Queue(new Statement("ROLLBACK TO SAVEPOINT item", returns: false), item: -1);
            else _savepoint = _savepointBefore;
            var error = ex is PostgresException pg ? _translate(pg) : ex is MspException msp ? NamingChange(msp) : ex;
            int failedItem = _item;
            Forget(item => item == failedItem);
            return error;
        }

        /// <summary>
        /// Sends what the items left waiting, after the last one; an item that fails there is reported
        /// (<see cref="TakeLateFailures"/>) and the items after it run again (<see cref="RerunException"/>).
        /// </summary>
        internal void EndItems()
        {
            _item = -1;
            Send<object>(null, null, ended: true);
        }

        /// <summary>
        /// Forgets what the batch items that failed (<paramref name="failed"/>, by item) left in this session, rolled back
        /// to a savepoint in the database: their audit entries, the expiration dates and rows read or written since, who
        /// changed what.
        /// </summary>
        private void Forget(Func<int, bool> failed)
        {
            for (int i = _audit.Count - 1; i >= 0; i--)
            {
                if (!failed(_auditItems[i])) continue;
                _audit.RemoveAt(i);
                _auditItems.RemoveAt(i);
            }
            _changes.Clear();
            _cache.Clear();
            Sets.ForgetDates();
        }

        /// <summary>A row as it was read: the document as its JSON text, so that a cached row maps to a new object each time.</summary>
        private sealed class RawRow
        {
            internal int Revision;
            internal string ModifiedBy;
            internal DateTime? ModifiedUtc;
            internal string Body;

            internal Row<TBody> ToRow<TBody>(Func<BsonDocument, TBody> map) =>
                new Row<TBody> { Revision = Revision, ModifiedBy = ModifiedBy, ModifiedUtc = ModifiedUtc, Body = map(Json.Read(Body)) };
        }

        /// <summary>
        /// The rows of a query on <paramref name="table"/> with one parameter @v (none when <paramref name="value"/> is
        /// null), sent with what waits, each document made into what <paramref name="map"/> makes of it as its row
        /// comes (so that the documents of a large read are not all held at once); from the cache when this
        /// transaction ran the query already and has not written the table since (<paramref name="cache"/>).
        /// </summary>
        private List<Row<TBody>> Rows<TBody>(string table, string sql, object value, Func<BsonDocument, TBody> map, bool cache = true)
        {
            cache &= !_readCommitted;
            string key = sql + "\n" + Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture);
            if (cache && _cache.TryGetValue(table, out var queries) && queries.TryGetValue(key, out var cached))
                return cached.Select(r => r.ToRow(map)).ToList();
            var read = new Statement(sql, returns: true);
            if (value != null) read.AddWithValue("v", value);
            var raw = new List<RawRow>();
            var rows = Send(read, reader =>
            {
                var list = new List<Row<TBody>>();
                while (reader.Read())
                {
                    var row = new RawRow
                    {
                        Revision = reader.GetInt32(0),
                        ModifiedBy = reader.IsDBNull(1) ? null : reader.GetString(1),
                        ModifiedUtc = reader.IsDBNull(2) ? (DateTime?)null : DateTime.SpecifyKind(reader.GetDateTime(2), DateTimeKind.Utc),
                        Body = reader.GetString(3),
                    };
                    if (cache) raw.Add(row);
                    list.Add(row.ToRow(map));
                }
                return list;
            });
            if (cache)
            {
                if (!_cache.TryGetValue(table, out queries)) _cache[table] = queries = new Dictionary<string, List<RawRow>>(StringComparer.Ordinal);
                queries[key] = raw;
            }
            return rows;
        }

        /// <summary>The single value a query with one parameter @v returns, sent with what waits.</summary>
        private object Value(string sql, object value)
        {
            var read = new Statement(sql, returns: true);
            if (value != null) read.AddWithValue("v", value);
            return Send(read, reader => reader.Read() ? reader.GetValue(0) : null);
        }

        public IReadOnlyList<Customer> FindCustomersByExternalId(string tool, string id) =>
            ((Table<Customer>)Customers).FindContaining("body->'ExternalIdKeys'", LiteDbSession.ExternalIdKey(tool, id));

        /// <remarks>
        /// The server is a round trip away: the customers that hold any of a thousand keys are found in one query of the
        /// external id index (?|), each with those of its keys that were asked for.
        /// </remarks>
        public IReadOnlyList<IReadOnlyList<Guid>> CustomerIdsByExternalIds(IReadOnlyList<KeyValuePair<string, string>> ids)
        {
            var keys = ids.Select(id => LiteDbSession.ExternalIdKey(id.Key, id.Value)).ToList();
            var found = new Dictionary<string, List<Guid>>(StringComparer.Ordinal);
            var distinct = keys.Distinct(StringComparer.Ordinal).ToList();
            for (int i = 0; i < distinct.Count; i += KeysPerQuery)
            {
                var asked = new HashSet<string>(distinct.Skip(i).Take(KeysPerQuery), StringComparer.Ordinal);
                // Each customer once for each of its keys asked for (a key it holds twice counts once).
                using (var cmd = Command($"SELECT DISTINCT c.id, k FROM {S}.customers c, jsonb_array_elements_text(c.body->'ExternalIdKeys') k "
                                         + "WHERE c.body->'ExternalIdKeys' ?| @v AND k = ANY(@v)"))
                {
                    cmd.Parameters.AddWithValue("v", asked.ToArray());
                    using (var reader = cmd.ExecuteReader())
                    {
                        while (reader.Read())
                        {
                            string key = reader.GetString(1);
                            if (!found.TryGetValue(key, out var list)) found[key] = list = new List<Guid>();
                            list.Add(reader.GetGuid(0));
                        }
                    }
                }
            }
            return keys.Select(k => found.TryGetValue(k, out var list) ? list : (IReadOnlyList<Guid>)new Guid[0]).ToList();
        }

        /// <summary>How many keys one query of an index looks up.</summary>
        private const int KeysPerQuery = 1000;

        public Customer FindCustomerByName(string name) =>
            string.IsNullOrWhiteSpace(name) ? null : ((Table<Customer>)Customers).FindBy("NameKey", LiteDbSession.NameKey(name)).FirstOrDefault();

        public IReadOnlyList<Customer> FindCustomersByName(IEnumerable<string> names)
        {
            var keys = names.Where(n => !string.IsNullOrWhiteSpace(n)).Select(LiteDbSession.NameKey).Distinct(StringComparer.Ordinal).ToArray();
            return keys.Length == 0 ? new Customer[0] : ((Table<Customer>)Customers).FindAny(PostgresSchema.TextField("NameKey"), keys);
        }

        public ServicePlan FindServicePlanByName(string name) =>
            string.IsNullOrWhiteSpace(name) ? null : ((Table<ServicePlan>)ServicePlans).FindBy("NameKey", LiteDbSession.NameKey(name)).FirstOrDefault();

        public Template FindTemplateByName(string name) =>
            string.IsNullOrWhiteSpace(name) ? null : ((Table<Template>)Templates).FindOne(PostgresSchema.TextField("NameKey"), LiteDbSession.NameKey(name));

        public License FindLicenseByActivationCode(string activationCode) =>
            activationCode == null ? null : ((Table<License>)Licenses).FindOne(PostgresSchema.TextField("ActivationCode"), activationCode);

        public bool CustomerHoldsProducts(Guid customerId) =>
            Exists($"SELECT EXISTS (SELECT 1 FROM {S}.licenses WHERE {PostgresSchema.GuidField("CustomerId")} = @v)", customerId.ToString());

        public IReadOnlyList<Subscription> SubscriptionsOfCustomer(Guid customerId) =>
            ((Table<Subscription>)Subscriptions).FindBy("CustomerId", customerId.ToString());

        public bool ServicePlanInUse(Guid servicePlanId) =>
            Exists($"SELECT EXISTS (SELECT 1 FROM {S}.subscriptions WHERE {PostgresSchema.GuidField("ServicePlanId")} = @v)", servicePlanId.ToString());

        public IReadOnlyList<License> LicensesOfCustomer(Guid customerId) =>
            ((Table<License>)Licenses).FindBy("CustomerId", customerId.ToString());

        public IReadOnlyList<License> LicensesOfSubscription(Guid subscriptionId) =>
            ((Table<License>)Licenses).FindBy("SubscriptionId", subscriptionId.ToString());

        public Dictionary<Guid, string> CustomerNames()
        {
            var names = new Dictionary<Guid, string>();
            using (var cmd = Command($"SELECT id, body->>'Name' FROM {S}.customers"))
            using (var reader = cmd.ExecuteReader())
            {
                while (reader.Read()) names[reader.GetGuid(0)] = reader.GetString(1);
            }
            return names;
        }

        public IReadOnlyList<Customer> CustomersByIds(IReadOnlyCollection<Guid> customerIds) =>
            customerIds.Count == 0 ? new Customer[0] : ((Table<Customer>)Customers).FindAny("id", customerIds.Distinct().ToArray());

        public IReadOnlyList<License> LicensesOfCustomers(IReadOnlyCollection<Guid> customerIds) =>
            customerIds.Count == 0 ? new License[0] : ((Table<License>)Licenses).FindAny(PostgresSchema.GuidField("CustomerId"), GuidTexts(customerIds));

        public IEnumerable<KeyValuePair<Subscription, IReadOnlyList<License>>> SubscriptionsWithLicenses() => SessionReads.SubscriptionsWithLicenses(this);

        public IReadOnlyList<Subscription> SubscriptionsOfCustomers(IReadOnlyCollection<Guid> customerIds) =>
            customerIds.Count == 0 ? new Subscription[0] : ((Table<Subscription>)Subscriptions).FindAny(PostgresSchema.GuidField("CustomerId"), GuidTexts(customerIds));

        /// <remarks>
        /// The ledgers are read first when they are settled (UsageLedgers.Settle), and locked as they are read (FOR
        /// UPDATE), whatever the isolation. Two transactions that settle one customer so take turns: the second waits
        /// for the first to commit, and then reads what it committed (READ COMMITTED: a batch that only writes) or runs
        /// again (SERIALIZABLE, whose snapshot cannot see it). So a ledger is always made from the licenses and
        /// subscriptions as they are committed, even by a transaction that sees each statement's own moment.
        /// </remarks>
        public IReadOnlyList<UsageLedger> UsageLedgersOf(IReadOnlyCollection<Guid> customerIds) =>
            customerIds.Count == 0 ? new UsageLedger[0] : ((Table<UsageLedger>)Ledgers).FindAny("id", customerIds.Distinct().ToArray(), locking: true);

        private static string[] GuidTexts(IReadOnlyCollection<Guid> ids) => ids.Distinct().Select(id => id.ToString()).ToArray();

        public IReadOnlyList<KeyValuePair<Guid, string>> UsageLedgerLines(int month)
        {
            var lines = new List<KeyValuePair<Guid, string>>();
            using (var cmd = Command($"SELECT {PostgresSchema.GuidField("CustomerId")}::uuid, body->>'Lines' FROM {S}.ledgermonths WHERE {PostgresSchema.IntField("Month")} = @m"
                + $" UNION ALL SELECT id, body->>'OpenLines' FROM {S}.ledgers WHERE {PostgresSchema.IntField("OpenFrom")} BETWEEN 1 AND @m"))
            {
                cmd.Parameters.AddWithValue("m", month);
                using (var reader = cmd.ExecuteReader())
                {
                    while (reader.Read()) lines.Add(new KeyValuePair<Guid, string>(reader.GetGuid(0), reader.GetString(1)));
                }
            }
            return lines;
        }

        public int? FirstUsageLedgerMonth() =>
            Value($"SELECT min({PostgresSchema.IntField("FirstMonth")}) FROM {S}.ledgers", null) is int first ? first : (int?)null;

        private bool Exists(string sql, object value) => (bool)Value(sql, value);

        /// <summary>A command of its own, for reads that stream many rows; what waits is sent first.</summary>
        internal NpgsqlCommand Command(string sql)
        {
            Send<object>(null, null);
            return new NpgsqlCommand(sql, _connection, _transaction);
        }

        public Account GetAccount()
        {
            var row = ReadRow("account", "account", cache: true);
            var account = row == null ? new Account() : Json.ToObject<Account>(row.Body);
            Remember(account.Name, row);
            return account;
        }

        public void SaveAccount(Account account)
        {
            RequireWritable();
            var doc = Json.ToDocument(account);
            doc["_id"] = "account";
            int read = account.Revision;
            account.Revision = SaveRow("account", "account", doc, read, insertWhenNew: false, "Account", account.Name, () => account.Revision = read);
        }

        public UsageReport GetUsageReport(string month)
        {
            var row = ReadRow("reports", month, cache: true);
            Remember(month, row);
            return row == null ? null : Json.ToObject<UsageReport>(row.Body);
        }

        public IReadOnlyList<string> UsageReportMonths()
        {
            var months = new List<string>();
            using (var cmd = Command($"SELECT id FROM {S}.reports"))
            using (var reader = cmd.ExecuteReader())
            {
                while (reader.Read()) months.Add(reader.GetString(0));
            }
            months.Sort(StringComparer.Ordinal);
            return months;
        }

        public void SaveUsageReport(UsageReport report)
        {
            RequireWritable();
            int read = report.Revision;
            report.Revision = SaveRow("reports", report.Month, Json.ToDocument(report), read, insertWhenNew: true, "UsageReport", report.Month, () => report.Revision = read);
        }

        /// <summary>
        /// Writes a document (by its id: a Guid, or the text of the account and a month's report) if the stored revision
        /// still equals <paramref name="revision"/> (0 with <paramref name="insertWhenNew"/>: there is none yet); returns
        /// the new revision. The write waits for the next round trip; when it finds the document changed since it was
        /// read, <paramref name="restore"/> gives the object its revision back and the write is refused as stale.
        /// </summary>
        private int SaveRow(string table, object id, BsonDocument doc, int revision, bool insertWhenNew, string typeName, string name, Action restore)
        {
            int next = revision + 1;
            doc["Revision"] = next;
            string sql = revision == 0 && insertWhenNew
                ? $"INSERT INTO {S}.{table} (id, revision, modified_by, modified_utc, body) VALUES (@id, @next, @user, @now, @body) ON CONFLICT (id) DO NOTHING"
                : $"UPDATE {S}.{table} SET revision = @next, modified_by = @user, modified_utc = @now, body = @body WHERE id = @id AND revision = @rev";
            string body = Json.Write(doc);
            var now = Now();
            QueueWrite(sql, statement =>
            {
                Parameters(statement, id, next, body, now);
                if (!(revision == 0 && insertWhenNew)) statement.AddWithValue("rev", revision);
            }, table, () =>
            {
                restore();
                return Stale(typeName, name, revision, ReadRow(table, id, cache: false));
            }, id is Guid guid && !(revision == 0 && insertWhenNew) ? new DocumentUpdate { Id = guid, Revision = revision, Next = next, Now = now, Body = body } : null);
            return next;
        }

        private void Parameters(Statement parameters, object id, int next, BsonDocument doc) => Parameters(parameters, id, next, Json.Write(doc), Now());

        private void Parameters(Statement parameters, object id, int next, string body, DateTime now)
        {
            parameters.AddWithValue("id", id);
            parameters.AddWithValue("next", next);
            parameters.AddWithValue("user", (object)_user ?? DBNull.Value);
            parameters.AddWithValue("now", NpgsqlDbType.Timestamp, now);
            parameters.AddWithValue("body", NpgsqlDbType.Jsonb, body);
        }

        /// <summary>The time a row is written at, as its column holds it (UTC, without a kind).</summary>
        private DateTime Now() => DateTime.SpecifyKind(_utcNow(), DateTimeKind.Unspecified);

        /// <summary>The stale-write error: it names who changed the document last and when, as the store recorded it.</summary>
        private static MspException Stale<TBody>(string typeName, string name, int readRevision, Row<TBody> stored)
        {
            if (stored == null)
                return new MspException(typeName + "NotFound", ErrorKind.ObjectNotFound,
                    $"{typeName} '{name}' no longer exists; it was deleted after it was read.", name);
            return MspException.StaleObject(typeName, name, readRevision, stored.Revision, "Get-Msp" + typeName).NamingChange(stored.ModifiedBy, stored.ModifiedUtc);
        }

        /// <summary>A row read: its revision, who changed it last and when, and its document as the reader made it.</summary>
        internal sealed class Row<TBody>
        {
            internal int Revision;
            internal string ModifiedBy;
            internal DateTime? ModifiedUtc;
            internal TBody Body;

            /// <summary>The same row with its document made into what <paramref name="map"/> makes of it.</summary>
            internal Row<T> Map<T>(Func<TBody, T> map) => new Row<T> { Revision = Revision, ModifiedBy = ModifiedBy, ModifiedUtc = ModifiedUtc, Body = map(Body) };
        }

        /// <summary>The columns a row is read with.</summary>
        private const string Columns = "revision, modified_by, modified_utc, body";

        /// <summary>The row of <paramref name="id"/> in <paramref name="table"/>; with <paramref name="cache"/> false, as stored now (after a write that found it changed).</summary>
        private Row<BsonDocument> ReadRow(string table, object id, bool cache) =>
            Rows(table, $"SELECT {Columns} FROM {S}.{table} WHERE id = @v", id, doc => doc, cache).FirstOrDefault();

        public void Audit(string action, string targetType, string targetId, string target, string summary, Guid? customerId = null)
        {
            RequireWritable();
            _audit.Add(Sessions.Entry(_utcNow(), _user, _command, action, targetType, targetId, target, summary, customerId));
            _auditItems.Add(_item);
        }

        /// <summary>
        /// Writes the audit entries of the transaction in one statement, with whatever else waits, in one round trip; the
        /// store calls it just before committing (after <see cref="EndItems"/> in a batch, so that only the entries of
        /// the items that landed are written).
        /// </summary>
        internal void Flush()
        {
            if (_audit.Count > 0)
            {
                var insert = new Statement($"INSERT INTO {S}.audit (target_id, customer_id, body) SELECT * FROM unnest(@targets, @customers, @bodies)", returns: false);
                insert.AddWithValue("targets", _audit.Select(a => a.TargetId).ToArray());
                insert.AddWithValue("customers", _audit.Select(a => a.CustomerId).ToArray());
                insert.AddWithValue("bodies", NpgsqlDbType.Array | NpgsqlDbType.Jsonb, _audit.Select(AuditBody).ToArray());
                Queue(insert, item: -1);
            }
            Send<object>(null, null);
            _audit.Clear();
            _auditItems.Clear();
        }

        /// <summary>An audit entry as a document: the id is the row's own (a sequence), not part of the body.</summary>
        internal static string AuditBody(AuditEntry entry)
        {
            var doc = Json.ToDocument(entry);
            doc.Remove("_id");
            return Json.Write(doc);
        }

        internal static AuditEntry ReadAudit(long id, string body)
        {
            var doc = Json.Read(body);
            doc["_id"] = id;
            return Json.ToObject<AuditEntry>(doc);
        }

        public IEnumerable<AuditEntry> AuditLog(AuditQuery q)
        {
            var filter = Sessions.AuditFilter(q);
            string sql = $"SELECT id, body FROM {S}.audit";
            var cmd = Command(sql);
            if (q.TargetId != null)
            {
                cmd.CommandText += " WHERE target_id = @target";
                cmd.Parameters.AddWithValue("target", q.TargetId);
            }
            else if (q.CustomerId.HasValue)
            {
                // The entries that name the customer, and those of its record written before entries named their customer.
                cmd.CommandText += " WHERE customer_id = @customer OR (customer_id IS NULL AND target_id = @target)";
                cmd.Parameters.AddWithValue("customer", q.CustomerId.Value);
                cmd.Parameters.AddWithValue("target", q.CustomerId.Value.ToString());
            }
            var entries = new List<AuditEntry>();
            using (cmd)
            using (var reader = cmd.ExecuteReader())
            {
                while (reader.Read()) entries.Add(ReadAudit(reader.GetInt64(0), reader.GetString(1)));
            }
            var list = filter(entries);
            NameCustomers(list);
            return list;
        }

        /// <summary>Fills in the name each entry's customer has now; a deleted customer has none.</summary>
        private void NameCustomers(IReadOnlyList<AuditEntry> entries)
        {
            var ids = entries.Where(e => e.CustomerId.HasValue).Select(e => e.CustomerId.Value).Distinct().ToArray();
            if (ids.Length == 0) return;
            var names = new Dictionary<Guid, string>();
            using (var cmd = Command($"SELECT id, body->>'Name' FROM {S}.customers WHERE id = ANY(@ids)"))
            {
                cmd.Parameters.AddWithValue("ids", ids);
                using (var reader = cmd.ExecuteReader())
                {
                    while (reader.Read()) names[reader.GetGuid(0)] = reader.IsDBNull(1) ? null : reader.GetString(1);
                }
            }
            foreach (var entry in entries)
                entry.Customer = entry.CustomerId.HasValue && names.TryGetValue(entry.CustomerId.Value, out var name) ? name : null;
        }

        private void RequireWritable()
        {
            if (_command == null)
                throw new InvalidOperationException("A read session cannot change the store.");
        }

        /// <summary>One table of documents keyed by Guid; a write names the revision it read and changes nothing when the row moved on.</summary>
        private sealed class Table<T> : IDocumentSet<T> where T : class, IVersioned
        {
            private readonly PostgresSession _session;
            /// <summary>The table's name, and its name in the store's schema.</summary>
            private readonly string _tableName;
            private readonly string _table;
            private readonly string _typeName;
            private readonly Func<T, Guid> _id;
            private readonly Func<T, string> _name;
            private readonly Action<T, BsonDocument> _decorate;
            private readonly Action<T> _onRead;
            private readonly Action<T> _onWrite;
            private readonly Action _beforeAll;
            private readonly Func<BsonDocument, T> _read;
            private readonly Func<T, string> _alias;

            /// <param name="alias">Another name the rules give a document in their errors, besides <paramref name="name"/>.</param>
            internal Table(PostgresSession session, string table, string typeName, Func<T, Guid> id, Func<T, string> name, Action<T, BsonDocument> decorate,
                Action<T> onRead = null, Action<T> onWrite = null, Action beforeAll = null, Func<BsonDocument, T> read = null, Func<T, string> alias = null)
            {
                _alias = alias;
                _session = session;
                _tableName = table;
                _table = S + "." + table;
                _typeName = typeName;
                _id = id;
                _name = name;
                _decorate = decorate;
                _onRead = onRead;
                _onWrite = onWrite;
                _beforeAll = beforeAll;
                _read = read ?? (doc => Json.ToObject<T>(doc));
            }

            public T Get(Guid id) =>
                (ReadAhead("_id", ReadAheadRows<Row<BsonDocument>>.Text(id)) ?? Load(_session.Rows(_tableName, $"SELECT {Columns} FROM {_table} WHERE id = @v", id, _read))).FirstOrDefault();

            /// <summary>The documents whose <paramref name="field"/> (a name key or an id of another document) is <paramref name="value"/>.</summary>
            internal IReadOnlyList<T> FindBy(string field, string value) =>
                ReadAhead(field, value) ?? Find(LookupExpression(field), value);

            /// <summary>What a lookup found when it was read ahead (<see cref="ReadAheadRows{TRow}"/>); null when it was not.</summary>
            private List<T> ReadAhead(string field, string value) =>
                _session._readAhead.TryFind(_tableName, field, value, out var rows)
                    ? Load(rows.Select(r => r.Map(_read)).ToList())
                    : null;

            public IEnumerable<T> All()
            {
                _beforeAll?.Invoke();
                return Load(_session.Rows(_tableName, $"SELECT {Columns} FROM {_table}", null, _read, cache: false));
            }

            /// <summary>The documents as <see cref="All"/> reads them: a command's reader is not left open across the caller's work.</summary>
            public IEnumerable<T> Each() => All();

            /// <summary>The documents whose array <paramref name="arrayExpression"/> holds the text <paramref name="value"/> (a GIN index serves it).</summary>
            internal IReadOnlyList<T> FindContaining(string arrayExpression, string value) =>
                Load(_session.Rows(_tableName, $"SELECT {Columns} FROM {_table} WHERE {arrayExpression} ? @v", value, _read));

            internal IReadOnlyList<T> Find(string expression, string value) =>
                Load(_session.Rows(_tableName, $"SELECT {Columns} FROM {_table} WHERE {expression} = @v", value, _read));

            internal T FindOne(string expression, string value) => Find(expression, value).FirstOrDefault();

            /// <summary>The rows whose <paramref name="expression"/> is one of <paramref name="values"/>, in one query.</summary>
            /// <param name="locking">Whether the rows are locked for this transaction (FOR UPDATE) as they are read.</param>
            internal IReadOnlyList<T> FindAny(string expression, Array values, bool locking = false) =>
                Load(_session.Rows(_tableName, $"SELECT {Columns} FROM {_table} WHERE {expression} = ANY(@v)" + (locking ? " FOR UPDATE" : ""), values, _read, cache: false));

            public int Count() => (int)(long)_session.Value($"SELECT count(*) FROM {_table}", null);

            public void Insert(T item)
            {
                item.Revision = 1;
                var insert = new Statement($"INSERT INTO {_table} (id, revision, modified_by, modified_utc, body) VALUES (@id, @next, @user, @now, @body) RETURNING 1", returns: true);
                _session.Parameters(insert, _id(item), 1, Written(item));
                _session.Queue(insert, _tableName);
                _onWrite?.Invoke(item);
            }

            public void Update(T item)
            {
                int read = item.Revision;
                item.Revision = _session.SaveRow(_tableName, _id(item), Written(item), read, insertWhenNew: false, _typeName, _name(item), () => item.Revision = read);
                _onWrite?.Invoke(item);
            }

            public void Delete(T item)
            {
                int read = item.Revision;
                _session._readAhead.Written(_tableName, _id(item), null);
                _session.QueueWrite($"DELETE FROM {_table} WHERE id = @id AND revision = @rev", delete =>
                {
                    delete.AddWithValue("id", _id(item));
                    delete.AddWithValue("rev", read);
                }, _tableName, () => Stale(_typeName, _name(item), read, _session.ReadRow(_tableName, _id(item), cache: false)));
                _onWrite?.Invoke(item);
            }

            private List<T> Load(List<Row<T>> rows)
            {
                // Mapped while reading; what may read more (a license that follows its subscription) runs after the reader is closed.
                var items = new List<T>(rows.Count);
                foreach (var row in rows)
                {
                    var item = row.Body;
                    _session.Remember(_name(item), row);
                    if (_alias != null) _session.Remember(_alias(item), row);
                    _onRead?.Invoke(item);
                    items.Add(item);
                }
                return items;
            }

            /// <summary>The document of an item about to be written; what was read ahead of it is forgotten.</summary>
            private BsonDocument Written(T item)
            {
                var doc = Json.ToDocument(item);
                _decorate?.Invoke(item, doc);
                _session._readAhead.Written(_tableName, _id(item), doc);
                return doc;
            }
        }
    }
}
