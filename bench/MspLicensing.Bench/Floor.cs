using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using LiteDB;

/// <summary>
/// The raw floor beside a measurement: the store's own engine alone (LiteDB for a store file, Npgsql on PostgreSQL for
/// the team store), given the same documents the module wrote or read, with no mapping, rules, audit logic or PowerShell.
/// </summary>
internal interface IFloor
{
    /// <summary>What the floor is, for the header of the report.</summary>
    string Description { get; }

    /// <summary>The store before a write scenario, kept to replay the scenario's writes on.</summary>
    object Before();

    /// <summary>Writes what the scenario wrote since <paramref name="before"/> into copies of the store as it was, and times the writes.</summary>
    Floor.Times Replay(object before, int batchSize);

    /// <summary>Reads every document of the collections with no mapping; returns the milliseconds and the count.</summary>
    (double Ms, long Documents) ReadAll(params string[] collections);

    /// <summary>
    /// Reads the usage ledgers of a month (yyyyMM) through their indexes with no mapping: the month's documents and the
    /// open lines begun by then, what a month's report reads; returns the milliseconds and the count.
    /// </summary>
    (double Ms, long Documents) ReadLedgers(int month);

    /// <summary>Finds one document per key through the collection's index, warm: the median of the calls.</summary>
    double Lookup(string collection, string field, IReadOnlyList<string> keys);

    /// <summary>Looks up every key through the index in one read.</summary>
    double LookupAll(string collection, string field, IReadOnlyList<string> keys);
}

/// <summary>The raw LiteDB floor of a store file (<see cref="Floor"/>).</summary>
internal sealed class LiteDbFloor : IFloor
{
    private readonly string _store;
    private readonly string _folder;

    public LiteDbFloor(string store, string folder)
    {
        _store = store;
        _folder = folder;
    }

    public string Description => "raw LiteDB 5 in shared mode on the same documents in the same run";
    public object Before() => Floor.Before(_store, Path.Combine(_folder, "before.db"));
    public Floor.Times Replay(object before, int batchSize) => Floor.Replay(_store, (Floor.State)before, batchSize);
    public (double Ms, long Documents) ReadAll(params string[] collections) => Floor.ReadAll(_store, collections);
    public (double Ms, long Documents) ReadLedgers(int month) => Floor.ReadLedgers(_store, month);
    public double Lookup(string collection, string field, IReadOnlyList<string> keys) => Floor.Lookup(_store, collection, field, keys);
    public double LookupAll(string collection, string field, IReadOnlyList<string> keys) => Floor.LookupAll(_store, collection, field, keys);
}

/// <summary>
/// The raw LiteDB floor beside a measurement: the same documents the module wrote (or read), written (or read) by
/// LiteDB alone in shared mode, the connection the module uses, with no mapping, rules, audit logic or PowerShell.
/// </summary>
/// <remarks>
/// A write scenario is bracketed by <see cref="Before"/> (a copy of the store file and the revision of every document)
/// and <see cref="Replay"/>: the documents the scenario inserted and the ones it updated, each as many times as its
/// revision moved (a seat change a month is twelve updates of a license), are written again into copies of the store
/// as it was before, once in one transaction and once in transactions of the module's batch size, and timed.
/// Documents are fetched from the store in chunks outside the clock, so the replay holds little memory at any scale.
/// </remarks>
internal static class Floor
{
    private const int Chunk = 500;

    internal sealed class State
    {
        public string Copy { get; set; }
        public Dictionary<string, Dictionary<BsonValue, int>> Revisions { get; } = new Dictionary<string, Dictionary<BsonValue, int>>();
        public Dictionary<string, BsonValue> LastAuditId { get; } = new Dictionary<string, BsonValue>();
    }

    internal sealed class Times
    {
        public double OneTransactionMs { get; set; }
        public double BatchedMs { get; set; }
        public int BatchSize { get; set; }
        public long Inserts { get; set; }
        public long Updates { get; set; }
    }

    /// <summary>The store before a write scenario: a copy of its file and every document's revision.</summary>
    internal static State Before(string store, string copy)
    {
        File.Copy(store, copy, overwrite: true);
        var state = new State { Copy = copy };
        using (var db = Open(copy, readOnly: true))
            foreach (string name in db.GetCollectionNames())
            {
                var col = db.GetCollection(name);
                if (name == "audit")
                {
                    state.LastAuditId[name] = col.Count() == 0 ? BsonValue.Null : col.Max("_id");
                    continue;
                }
                var revisions = new Dictionary<BsonValue, int>();
                foreach (var doc in col.FindAll())
                    revisions[doc["_id"]] = doc.TryGetValue("Revision", out var r) && r.IsNumber ? r.AsInt32 : 0;
                state.Revisions[name] = revisions;
            }
        return state;
    }

    /// <summary>Writes what the scenario wrote into two copies of the store as it was before it, and times the writes.</summary>
    internal static Times Replay(string store, State before, int batchSize)
    {
        var writes = WritesSince(store, before);
        var times = new Times
        {
            BatchSize = batchSize,
            Inserts = writes.Sum(w => (long)w.Inserts.Count),
            Updates = writes.Sum(w => w.Updates.Sum(u => (long)u.Times)),
        };
        string batched = before.Copy + ".batched";
        File.Copy(before.Copy, batched, overwrite: true);
        try
        {
            times.OneTransactionMs = Write(store, before.Copy, writes, int.MaxValue);
            times.BatchedMs = Write(store, batched, writes, batchSize);
        }
        finally
        {
            File.Delete(before.Copy);
            File.Delete(batched);
        }
        return times;
    }

    /// <summary>Reads every document of the collections with no mapping; returns the milliseconds and the count.</summary>
    internal static (double Ms, long Documents) ReadAll(string store, params string[] collections)
    {
        using (var db = Open(store, readOnly: true))
        {
            // One transaction, as one command of the module reads: shared mode opens the file once for it.
            var watch = Stopwatch.StartNew();
            db.BeginTrans();
            long count = 0;
            foreach (string name in collections)
                foreach (var _ in db.GetCollection(name).FindAll())
                    count++;
            db.Rollback();
            return (watch.Elapsed.TotalMilliseconds, count);
        }
    }

    /// <summary>Reads the usage ledgers of a month through their indexes (<see cref="IFloor.ReadLedgers"/>).</summary>
    internal static (double Ms, long Documents) ReadLedgers(string store, int month)
    {
        using (var db = Open(store, readOnly: true))
        {
            var watch = Stopwatch.StartNew();
            db.BeginTrans();
            long count = db.GetCollection("ledgermonths").Find(Query.EQ("Month", month)).LongCount()
                         + db.GetCollection("ledgers").Find(Query.Between("OpenFrom", 1, month)).LongCount();
            db.Rollback();
            return (watch.Elapsed.TotalMilliseconds, count);
        }
    }

    /// <summary>Finds one document per key through the collection's index, warm: the median of the calls.</summary>
    internal static double Lookup(string store, string collection, string field, IReadOnlyList<string> keys)
    {
        using (var db = Open(store, readOnly: true))
        {
            var col = db.GetCollection(collection);
            Find(col, field, keys[0]);
            var times = new List<double>();
            foreach (string key in keys)
            {
                var watch = Stopwatch.StartNew();
                Find(col, field, key);
                times.Add(watch.Elapsed.TotalMilliseconds);
            }
            return Stats.Median(times);
        }
    }

    /// <summary>Looks up every key through the index in one read: what a bulk lookup of many keys costs at the least.</summary>
    internal static double LookupAll(string store, string collection, string field, IReadOnlyList<string> keys)
    {
        using (var db = Open(store, readOnly: true))
        {
            var col = db.GetCollection(collection);
            var watch = Stopwatch.StartNew();
            db.BeginTrans();
            foreach (string key in keys)
                Find(col, field, key);
            db.Rollback();
            return watch.Elapsed.TotalMilliseconds;
        }
    }

    /// <summary>The document whose <paramref name="field"/> is <paramref name="key"/>, through the index; none is an error.</summary>
    private static BsonDocument Find(ILiteCollection<BsonDocument> col, string field, string key) =>
        col.FindOne(BsonExpression.Create("$." + field + " = @0", new BsonValue(key)))
        ?? throw new InvalidOperationException($"No {col.Name} document with {field} = {key}.");

    /// <summary>
    /// The floor of a reconciliation (R80): PSA rows summed in a dictionary by customer and product, then every report
    /// line looked up in it, with no store, rules or PowerShell; the report's rows are read beforehand, off the clock.
    /// Returns the milliseconds; the count of short lines must be <paramref name="expectedShort"/>.
    /// </summary>
    internal static double Compare(IReadOnlyList<(string Customer, string Product, int Chargeable)> report,
        IReadOnlyList<(string ExternalId, string Customer, string Product, string Quantity)> rows, int expectedShort)
    {
        var watch = Stopwatch.StartNew();
        var billed = new Dictionary<(string, string), int>();
        foreach (var row in rows)
        {
            var key = (row.Customer.ToUpperInvariant(), row.Product.ToUpperInvariant());
            billed.TryGetValue(key, out int sum);
            billed[key] = sum + int.Parse(row.Quantity, System.Globalization.CultureInfo.InvariantCulture);
        }
        int shortLines = 0;
        foreach (var line in report)
            if (!billed.TryGetValue((line.Customer.ToUpperInvariant(), line.Product.ToUpperInvariant()), out int quantity) || quantity < line.Chargeable)
                shortLines++;
        watch.Stop();
        if (shortLines != expectedShort)
            throw new InvalidOperationException($"The floor found {shortLines} short lines; {expectedShort} were expected.");
        return watch.Elapsed.TotalMilliseconds;
    }

    private sealed class CollectionWrites
    {
        public string Name { get; set; }
        public List<BsonValue> Inserts { get; } = new List<BsonValue>();
        public List<(BsonValue Id, int Times)> Updates { get; } = new List<(BsonValue, int)>();
    }

    private static List<CollectionWrites> WritesSince(string store, State before)
    {
        var result = new List<CollectionWrites>();
        using (var db = Open(store, readOnly: true))
            foreach (string name in db.GetCollectionNames())
            {
                var writes = new CollectionWrites { Name = name };
                var col = db.GetCollection(name);
                if (before.LastAuditId.TryGetValue(name, out var last))
                {
                    var since = last.IsNull ? col.FindAll() : col.Find(BsonExpression.Create("$._id > @0", last));
                    foreach (var doc in since) writes.Inserts.Add(doc["_id"]);
                }
                else
                {
                    before.Revisions.TryGetValue(name, out var revisions);
                    foreach (var doc in col.FindAll())
                    {
                        var id = doc["_id"];
                        int now = doc.TryGetValue("Revision", out var r) && r.IsNumber ? r.AsInt32 : 0;
                        if (revisions == null || !revisions.TryGetValue(id, out int then)) writes.Inserts.Add(id);
                        else if (now > then) writes.Updates.Add((id, now - then));
                    }
                }
                if (writes.Inserts.Count > 0 || writes.Updates.Count > 0) result.Add(writes);
            }
        return result;
    }

    /// <summary>
    /// Inserts, then updates round by round (every document updated once, then those updated twice again, …), committing
    /// every <paramref name="batchSize"/> writes. Only the writes and commits are on the clock.
    /// </summary>
    private static double Write(string store, string target, List<CollectionWrites> writes, int batchSize)
    {
        var clock = new Stopwatch();
        using (var source = Open(store, readOnly: true))
        using (var db = Open(target, readOnly: false))
        {
            int pending = 0;
            void Begin()
            {
                clock.Start();
                db.BeginTrans();
                clock.Stop();
            }
            void Counted()
            {
                if (++pending < batchSize) return;
                clock.Start();
                db.Commit();
                db.BeginTrans();
                clock.Stop();
                pending = 0;
            }
            Begin();
            foreach (var w in writes)
            {
                var from = source.GetCollection(w.Name);
                var to = db.GetCollection(w.Name);
                foreach (var chunk in w.Inserts.Chunk(Chunk))
                {
                    var docs = Read(source, () => chunk.Select(id => from.FindById(id)).ToList());
                    foreach (var doc in docs)
                    {
                        clock.Start();
                        to.Insert(doc);
                        clock.Stop();
                        Counted();
                    }
                }
                int rounds = w.Updates.Count == 0 ? 0 : w.Updates.Max(u => u.Times);
                for (int round = 1; round <= rounds; round++)
                    foreach (var chunk in w.Updates.Where(u => u.Times >= round).Chunk(Chunk))
                    {
                        var docs = Read(source, () => chunk.Select(u => from.FindById(u.Id)).ToList());
                        foreach (var doc in docs)
                        {
                            clock.Start();
                            to.Update(doc);
                            clock.Stop();
                            Counted();
                        }
                    }
            }
            clock.Start();
            db.Commit();
            clock.Stop();
        }
        return clock.Elapsed.TotalMilliseconds;
    }

    /// <summary>
    /// Reads off the clock in one transaction: in shared mode each query outside one opens the file anew, with an empty
    /// page cache, so a chunk read document by document would read its index pages from the disk again for each.
    /// </summary>
    private static List<BsonDocument> Read(LiteDatabase source, Func<List<BsonDocument>> read)
    {
        source.BeginTrans();
        try
        {
            return read();
        }
        finally
        {
            source.Rollback();
        }
    }

    private static LiteDatabase Open(string path, bool readOnly) =>
        new LiteDatabase(new ConnectionString { Filename = path, Connection = ConnectionType.Shared, ReadOnly = readOnly });
}
