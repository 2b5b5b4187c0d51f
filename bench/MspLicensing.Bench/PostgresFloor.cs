using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using Npgsql;

/// <summary>
/// The raw Npgsql floor of the team store: the same documents the module wrote (or read), as the same jsonb rows in
/// tables with the same indexes, written (or read) by Npgsql alone, as few statements as the database allows (the rows
/// of a table in one statement per transaction, from arrays of the columns), with no mapping, rules, audit logic or
/// PowerShell.
/// </summary>
/// <remarks>
/// A write scenario is bracketed by <see cref="Before"/> (two copies of the store's tables, with their indexes, in
/// schemas of their own, and the revision of every row) and <see cref="Replay"/>: the rows the scenario inserted and
/// the ones it updated, each as many times as its revision moved, are written again into the copies, once in one
/// transaction and once in transactions of the module's batch size, and timed. Rows are fetched in chunks outside the
/// clock.
/// </remarks>
internal sealed class PostgresFloor : IFloor
{
    private const string Schema = "msplicensing";
    private const string Audit = "audit";
    private const int Chunk = 500;
    private static readonly string[] Copies = { "floor_one", "floor_batched" };

    private readonly string _connectionString;

    public PostgresFloor(string connectionString)
    {
        _connectionString = connectionString;
    }

    public string Description => "raw Npgsql 8 on the same documents as jsonb rows (same tables and indexes) in the same database and run";

    private sealed class State
    {
        public Dictionary<string, Dictionary<object, int>> Revisions { get; } = new Dictionary<string, Dictionary<object, int>>();
        public long LastAuditId { get; set; }
    }

    private sealed class TableWrites
    {
        public string Table { get; set; }
        public List<object> Inserts { get; } = new List<object>();
        public List<(object Id, int Times)> Updates { get; } = new List<(object, int)>();
    }

    /// <summary>Creates a database for a benchmark run on the server of <paramref name="serverConnection"/>; returns its connection string.</summary>
    internal static string CreateDatabase(string serverConnection, string purpose)
    {
        string name = "msplic_bench_" + purpose + "_" + Guid.NewGuid().ToString("N").Substring(0, 8);
        Execute(serverConnection, $"CREATE DATABASE {name}");
        return new NpgsqlConnectionStringBuilder(serverConnection) { Database = name }.ConnectionString;
    }

    /// <summary>The server's version, for the header.</summary>
    internal static string ServerVersion(string connectionString)
    {
        using (var connection = new NpgsqlConnection(connectionString))
        {
            connection.Open();
            return connection.PostgreSqlVersion.ToString();
        }
    }

    /// <summary>The database as it may be printed: server, port and database, never a password.</summary>
    internal static string Display(string connectionString)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        return $"{builder.Host}:{builder.Port}/{builder.Database}";
    }

    internal static void DropDatabase(string serverConnection, string database)
    {
        string name = new NpgsqlConnectionStringBuilder(database).Database;
        Execute(serverConnection, $"DROP DATABASE IF EXISTS {name} WITH (FORCE)");
    }

    private static void Execute(string connectionString, string sql)
    {
        using (var connection = new NpgsqlConnection(connectionString))
        {
            connection.Open();
            using (var cmd = new NpgsqlCommand(sql, connection)) cmd.ExecuteNonQuery();
        }
    }

    private NpgsqlConnection Open()
    {
        var connection = new NpgsqlConnection(_connectionString);
        connection.Open();
        return connection;
    }

    private static List<string> Tables(NpgsqlConnection connection)
    {
        var tables = new List<string>();
        using (var cmd = new NpgsqlCommand($"SELECT table_name FROM information_schema.tables WHERE table_schema = '{Schema}' AND table_name <> 'schema_version' ORDER BY table_name", connection))
        using (var reader = cmd.ExecuteReader())
            while (reader.Read()) tables.Add(reader.GetString(0));
        return tables;
    }

    private static Dictionary<object, int> Revisions(NpgsqlConnection connection, string table)
    {
        var revisions = new Dictionary<object, int>();
        using (var cmd = new NpgsqlCommand($"SELECT id, revision FROM {Schema}.{table}", connection))
        using (var reader = cmd.ExecuteReader())
            while (reader.Read()) revisions[reader.GetValue(0)] = reader.GetInt32(1);
        return revisions;
    }

    private static long LastAuditId(NpgsqlConnection connection)
    {
        using (var cmd = new NpgsqlCommand($"SELECT coalesce(max(id), 0) FROM {Schema}.{Audit}", connection))
            return (long)cmd.ExecuteScalar();
    }

    public object Before()
    {
        var state = new State();
        using (var connection = Open())
        {
            var tables = Tables(connection);
            foreach (string table in tables.Where(t => t != Audit))
                state.Revisions[table] = Revisions(connection, table);
            state.LastAuditId = LastAuditId(connection);
            // The store as it is now, twice: the replays write into these copies, with the same indexes to keep up.
            foreach (string copy in Copies)
            {
                Execute(_connectionString, $"DROP SCHEMA IF EXISTS {copy} CASCADE; CREATE SCHEMA {copy}");
                foreach (string table in tables)
                    Execute(_connectionString, $"CREATE TABLE {copy}.{table} (LIKE {Schema}.{table} INCLUDING ALL); INSERT INTO {copy}.{table} SELECT * FROM {Schema}.{table}; ANALYZE {copy}.{table}");
            }
        }
        return state;
    }

    public Floor.Times Replay(object before, int batchSize)
    {
        var state = (State)before;
        try
        {
            List<TableWrites> writes;
            using (var connection = Open())
                writes = WritesSince(connection, state);
            return new Floor.Times
            {
                BatchSize = batchSize,
                Inserts = writes.Sum(w => (long)w.Inserts.Count),
                Updates = writes.Sum(w => w.Updates.Sum(u => (long)u.Times)),
                OneTransactionMs = Write(Copies[0], writes, int.MaxValue),
                BatchedMs = Write(Copies[1], writes, batchSize),
            };
        }
        finally
        {
            foreach (string copy in Copies)
                Execute(_connectionString, $"DROP SCHEMA IF EXISTS {copy} CASCADE");
        }
    }

    private static List<TableWrites> WritesSince(NpgsqlConnection connection, State before)
    {
        var result = new List<TableWrites>();
        foreach (string table in Tables(connection))
        {
            var writes = new TableWrites { Table = table };
            if (table == Audit)
            {
                using (var cmd = new NpgsqlCommand($"SELECT id FROM {Schema}.{Audit} WHERE id > @last ORDER BY id", connection))
                {
                    cmd.Parameters.AddWithValue("last", before.LastAuditId);
                    using (var reader = cmd.ExecuteReader())
                        while (reader.Read()) writes.Inserts.Add(reader.GetInt64(0));
                }
            }
            else
            {
                before.Revisions.TryGetValue(table, out var then);
                foreach (var row in Revisions(connection, table))
                {
                    if (then == null || !then.TryGetValue(row.Key, out int was)) writes.Inserts.Add(row.Key);
                    else if (row.Value > was) writes.Updates.Add((row.Key, row.Value - was));
                }
            }
            if (writes.Inserts.Count > 0 || writes.Updates.Count > 0) result.Add(writes);
        }
        return result;
    }

    /// <summary>The rows of <paramref name="ids"/> as the store holds them now: every column, by id.</summary>
    private static List<object[]> Rows(NpgsqlConnection connection, string table, IEnumerable<object> ids)
    {
        var list = ids.ToList();
        var rows = new List<object[]>();
        using (var cmd = new NpgsqlCommand($"SELECT * FROM {Schema}.{table} WHERE id = ANY(@ids)", connection))
        {
            var array = Array.CreateInstance(list[0].GetType(), list.Count);
            for (int i = 0; i < list.Count; i++) array.SetValue(list[i], i);
            cmd.Parameters.AddWithValue("ids", array);
            using (var reader = cmd.ExecuteReader())
                while (reader.Read())
                {
                    var row = new object[reader.FieldCount];
                    reader.GetValues(row);
                    rows.Add(row);
                }
        }
        return rows;
    }

    /// <summary>
    /// Inserts, then updates round by round (every row updated once, then those updated twice again, …), as few
    /// statements as the database allows: the rows of a table go in one statement per transaction and chunk (an
    /// INSERT or UPDATE from arrays of the columns), committing every <paramref name="batchSize"/> writes. Only the
    /// writes and commits are on the clock.
    /// </summary>
    private double Write(string copy, List<TableWrites> writes, int batchSize)
    {
        var clock = new Stopwatch();
        using (var source = Open())
        using (var target = Open())
        {
            clock.Start();
            var tx = target.BeginTransaction();
            clock.Stop();
            int pending = 0;
            // Runs one statement over the rows, a transaction's room at a time.
            void Bulk(List<object[]> rows, Action<List<object[]>> statement)
            {
                for (int at = 0; at < rows.Count;)
                {
                    var slice = rows.Skip(at).Take(Math.Min(batchSize - pending, rows.Count - at)).ToList();
                    at += slice.Count;
                    clock.Start();
                    statement(slice);
                    pending += slice.Count;
                    if (pending >= batchSize)
                    {
                        tx.Commit();
                        tx.Dispose();
                        tx = target.BeginTransaction();
                        pending = 0;
                    }
                    clock.Stop();
                }
            }
            foreach (var w in writes)
            {
                var columns = Columns(source, w.Table);
                string[] names = columns.Select(c => c.Name).ToArray();
                string insert = $"INSERT INTO {copy}.{w.Table} ({string.Join(", ", names)}) SELECT {string.Join(", ", columns.Select(c => "u." + c.Name + "::" + c.Type))}"
                                + $" FROM unnest({string.Join(", ", columns.Select((c, i) => $"@c{i}::text[]"))}) AS u({string.Join(", ", names)})";
                foreach (var chunk in w.Inserts.Chunk(Chunk))
                    Bulk(Rows(source, w.Table, chunk), rows => Execute(target, tx, insert, Enumerable.Range(0, columns.Length).Select(i => rows.Select(r => r[i]))));
                int rounds = w.Updates.Count == 0 ? 0 : w.Updates.Max(u => u.Times);
                string idType = columns.Single(c => c.Name == "id").Type;
                string update = $"UPDATE {copy}.{w.Table} AS t SET revision = t.revision + 1, modified_by = u.by, modified_utc = u.utc::timestamp, body = u.body::jsonb"
                                + $" FROM unnest(@c0::text[], @c1::text[], @c2::text[], @c3::text[]) AS u(id, by, utc, body) WHERE t.id = u.id::{idType}";
                int[] updated = new[] { "id", "modified_by", "modified_utc", "body" }.Select(c => Array.IndexOf(names, c)).ToArray();
                for (int round = 1; round <= rounds; round++)
                    foreach (var chunk in w.Updates.Where(u => u.Times >= round).Chunk(Chunk))
                        Bulk(Rows(source, w.Table, chunk.Select(u => u.Id)), rows => Execute(target, tx, update, updated.Select(i => rows.Select(r => r[i]))));
            }
            clock.Start();
            tx.Commit();
            clock.Stop();
            tx.Dispose();
        }
        return clock.Elapsed.TotalMilliseconds;
    }

    /// <summary>Runs <paramref name="sql"/> with its parameters @c0, @c1, … each the text of a column's values.</summary>
    private static void Execute(NpgsqlConnection connection, NpgsqlTransaction tx, string sql, IEnumerable<IEnumerable<object>> columns)
    {
        using (var cmd = new NpgsqlCommand(sql, connection, tx))
        {
            int i = 0;
            foreach (var column in columns)
                cmd.Parameters.AddWithValue("c" + (i++).ToString(System.Globalization.CultureInfo.InvariantCulture), column.Select(Text).ToArray());
            cmd.ExecuteNonQuery();
        }
    }

    /// <summary>A column's value as the text PostgreSQL reads it back into the column's type.</summary>
    private static string Text(object value) => value switch
    {
        DBNull => null,
        DateTime d => d.ToString("yyyy-MM-dd HH:mm:ss.ffffff", System.Globalization.CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, System.Globalization.CultureInfo.InvariantCulture),
        _ => value.ToString(),
    };

    private static (string Name, string Type)[] Columns(NpgsqlConnection connection, string table)
    {
        var columns = new List<(string, string)>();
        using (var cmd = new NpgsqlCommand($"SELECT column_name, data_type FROM information_schema.columns WHERE table_schema = '{Schema}' AND table_name = @t ORDER BY ordinal_position", connection))
        {
            cmd.Parameters.AddWithValue("t", table);
            using (var reader = cmd.ExecuteReader())
                while (reader.Read()) columns.Add((reader.GetString(0), reader.GetString(1)));
        }
        return columns.ToArray();
    }

    public (double Ms, long Documents) ReadAll(params string[] collections) =>
        ReadTimed(null, collections.Select(table => $"SELECT body::text FROM {Schema}.{table}").ToArray());

    public (double Ms, long Documents) ReadLedgers(int month) =>
        ReadTimed(month, $"SELECT body::text FROM {Schema}.ledgermonths WHERE ((body->>'Month')::int) = @m"
                         + $" UNION ALL SELECT body::text FROM {Schema}.ledgers WHERE ((body->>'OpenFrom')::int) BETWEEN 1 AND @m");

    /// <summary>
    /// Runs the queries in one transaction, as one command of the module reads, each document as text (the module then
    /// parses it); <paramref name="month"/> is their parameter @m, if any. Returns the milliseconds and the count.
    /// </summary>
    private (double Ms, long Documents) ReadTimed(int? month, params string[] queries)
    {
        using (var connection = Open())
        {
            var watch = Stopwatch.StartNew();
            long count = 0;
            using (var tx = connection.BeginTransaction(System.Data.IsolationLevel.RepeatableRead))
            {
                foreach (string sql in queries)
                    using (var cmd = new NpgsqlCommand(sql, connection, tx))
                    {
                        if (month.HasValue) cmd.Parameters.AddWithValue("m", month.Value);
                        using (var reader = cmd.ExecuteReader())
                            while (reader.Read())
                            {
                                reader.GetString(0);
                                count++;
                            }
                    }
                tx.Commit();
            }
            return (watch.Elapsed.TotalMilliseconds, count);
        }
    }

    public double Lookup(string collection, string field, IReadOnlyList<string> keys)
    {
        using (var connection = Open())
        {
            Find(connection, null, collection, field, keys[0]);
            var times = new List<double>();
            foreach (string key in keys)
            {
                var watch = Stopwatch.StartNew();
                Find(connection, null, collection, field, key);
                times.Add(watch.Elapsed.TotalMilliseconds);
            }
            return Stats.Median(times);
        }
    }

    public double LookupAll(string collection, string field, IReadOnlyList<string> keys)
    {
        using (var connection = Open())
        {
            var watch = Stopwatch.StartNew();
            using (var tx = connection.BeginTransaction(System.Data.IsolationLevel.RepeatableRead))
            {
                foreach (string key in keys)
                    Find(connection, tx, collection, field, key);
                tx.Commit();
            }
            return watch.Elapsed.TotalMilliseconds;
        }
    }

    /// <summary>The document whose <paramref name="field"/> is <paramref name="key"/>, through the expression index; none is an error.</summary>
    private static string Find(NpgsqlConnection connection, NpgsqlTransaction tx, string table, string field, string key)
    {
        using (var cmd = new NpgsqlCommand($"SELECT body::text FROM {Schema}.{table} WHERE (body->>'{field}') = @key", connection, tx))
        {
            cmd.Parameters.AddWithValue("key", key);
            return cmd.ExecuteScalar() as string ?? throw new InvalidOperationException($"No {table} row with {field} = {key}.");
        }
    }
}
