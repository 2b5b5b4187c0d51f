using System;
using System.Collections.Generic;
using System.Linq;
using LiteDB;

namespace MspLicensing.Store
{
    /// <summary>The view of one transaction. Created by <see cref="LiteDbStore"/> inside BeginTrans/Commit.</summary>
    internal sealed class LiteDbSession : DocumentSession, IStoreSession
    {
        private readonly LiteDatabase _db;
        private readonly string _command;
        private readonly string _user;
        private readonly Func<DateTime> _utcNow;
        private readonly List<AuditEntry> _audit = new List<AuditEntry>();
        private readonly int[] _writes = new int[1];
        private readonly Lookups _lookups = new Lookups();
        private readonly ReadAheadRows<BsonDocument> _readAhead;

        /// <summary>
        /// How many changes this transaction has made or started (documents written, audit entries added): an item of
        /// a batch that failed while it stayed the same changed nothing, so the transaction goes on without it.
        /// </summary>
        internal int Writes => _writes[0];

        /// <summary>
        /// Of a read session: ends its transaction and begins another. LiteDB keeps every page a transaction read until
        /// it ends (up to 100,000 pages, 800 MB), so a read of every subscription of a large store begins a new one
        /// every <see cref="SubscriptionsPerSnapshot"/> subscriptions. Null in a write session, whose reads and writes
        /// are one transaction.
        /// </summary>
        private readonly Action _freshSnapshot;

        /// <summary>How many subscriptions <see cref="SubscriptionsWithLicenses()"/> of a read session reads in one transaction.</summary>
        internal const int SubscriptionsPerSnapshot = 5_000;

        internal LiteDbSession(LiteDatabase db, string command, string user, Func<DateTime> utcNow, Action freshSnapshot = null)
        {
            _db = db;
            _freshSnapshot = freshSnapshot;
            _command = command;
            _user = user;
            _utcNow = utcNow;
            // A document written stays as written for the rest of the transaction: what was read ahead follows the writes.
            _readAhead = new ReadAheadRows<BsonDocument>(doc => doc, ReadAheadQuery, written: doc => doc);
            Sets = new DocumentSets(new SetFactory(db, _writes, _readAhead, track: command != null));
        }

        public void ReadAhead(ReadAhead what) => _readAhead.Read(what);

        /// <summary>Lets go of what was read ahead: lookups go to the store again (<see cref="LiteDbStore.ReadAheadItems"/>).</summary>
        internal void ForgetReadAhead() => _readAhead.Clear();

        /// <summary>The documents of a collection whose field is one of the values (as lookups key them), in IN queries of its index.</summary>
        private IEnumerable<BsonDocument> ReadAheadQuery(string collection, string field, IReadOnlyList<string> values)
        {
            var col = _db.GetCollection(collection);
            return InQueries(field, values.Select(v => field == "NameKey" ? new BsonValue(v) : new BsonValue(Guid.Parse(v)))).SelectMany(query => col.Find(query));
        }

        /// <summary>Makes the document sets of this session on its database, counting their writes.</summary>
        private sealed class SetFactory : DocumentSets.IFactory
        {
            private readonly LiteDatabase _db;
            private readonly int[] _writes;
            private readonly ReadAheadRows<BsonDocument> _readAhead;
            private readonly bool _track;

            /// <param name="track">Whether the sets keep the revisions they read, for the writes of the transaction (not in a read session).</param>
            internal SetFactory(LiteDatabase db, int[] writes, ReadAheadRows<BsonDocument> readAhead, bool track)
            {
                _db = db;
                _writes = writes;
                _readAhead = readAhead;
                _track = track;
            }

            public IDocumentSet<T> Create<T>(DocumentKind<T> kind, Action<T> onRead, Action<T> onWrite, Action beforeAll) where T : class, IVersioned =>
                new DocumentSet<T>(_db, kind.Collection, kind.TypeName, kind.Id, kind.Name, kind.Decorate,
                    onRead: onRead, onWrite: onWrite, beforeAll: beforeAll, read: kind.Read, writes: _writes, readAhead: _readAhead, track: _track,
                    immutable: kind.Immutable);
        }

        public Template FindTemplateByName(string name)
        {
            if (string.IsNullOrWhiteSpace(name)) return null;
            var doc = _db.GetCollection(Schema.TemplateCollection).FindOne(_lookups.Equal("NameKey", NameKey(name)));
            return doc == null ? null : Mapping.ToObject<Template>(doc);
        }

        public ServicePlan FindServicePlanByName(string name)
        {
            if (string.IsNullOrWhiteSpace(name)) return null;
            var doc = ByName(Schema.ServicePlanCollection, name);
            return doc == null ? null : Mapping.ToObject<ServicePlan>(doc);
        }

        public IReadOnlyList<Subscription> SubscriptionsOfCustomer(Guid customerId) => ((DocumentSet<Subscription>)Subscriptions).Find("CustomerId", customerId);

        public bool ServicePlanInUse(Guid servicePlanId) =>
            _db.GetCollection(Schema.SubscriptionCollection).Exists(_lookups.Equal("ServicePlanId", servicePlanId));

        public IReadOnlyList<License> LicensesOfCustomer(Guid customerId) => ((DocumentSet<License>)Licenses).Find("CustomerId", customerId);

        public IReadOnlyList<License> LicensesOfSubscription(Guid subscriptionId) => ((DocumentSet<License>)Licenses).Find("SubscriptionId", subscriptionId);

        public Dictionary<Guid, string> CustomerNames()
        {
            // LiteDB reads only the fields a query selects from each document.
            var names = new Dictionary<Guid, string>();
            foreach (var doc in _db.GetCollection(Schema.CustomerCollection).Query().Select(BsonExpression.Create("{ _id: $._id, Name: $.Name }")).ToEnumerable())
                names[doc["_id"].AsGuid] = doc["Name"].AsString;
            return names;
        }

        public IReadOnlyList<Customer> CustomersByIds(IReadOnlyCollection<Guid> customerIds) =>
            In((DocumentSet<Customer>)Customers, "_id", Keys(customerIds));

        /// <remarks>The customers whose licenses a batch read ahead need no query (the ledgers a batch settles read them again).</remarks>
        public IReadOnlyList<License> LicensesOfCustomers(IReadOnlyCollection<Guid> customerIds) => OfCustomers((DocumentSet<License>)Licenses, customerIds);

        /// <remarks>The customers whose subscriptions a batch read ahead need no query.</remarks>
        public IReadOnlyList<Subscription> SubscriptionsOfCustomers(IReadOnlyCollection<Guid> customerIds) => OfCustomers((DocumentSet<Subscription>)Subscriptions, customerIds);

        /// <remarks>
        /// Two cursors in step: the subscriptions in the order of their ids, and the licenses in the order of the index of
        /// their subscriptions (LiteDB walks the index, it does not sort). So only one subscription's licenses are held at
        /// a time, and what the caller lets go dies young instead of every document living to the end of the run.
        /// </remarks>
        public IEnumerable<KeyValuePair<Subscription, IReadOnlyList<License>>> SubscriptionsWithLicenses() => SubscriptionsWithLicenses(SubscriptionsPerSnapshot);

        /// <summary>
        /// <see cref="SubscriptionsWithLicenses()"/>, in a read session in transactions of <paramref name="perSnapshot"/>
        /// subscriptions each: each transaction goes on after the last subscription of the one before, so a subscription
        /// comes with its licenses as one transaction saw them.
        /// </summary>
        internal IEnumerable<KeyValuePair<Subscription, IReadOnlyList<License>>> SubscriptionsWithLicenses(int perSnapshot)
        {
            var subscriptions = (DocumentSet<Subscription>)Subscriptions;
            var licenses = (DocumentSet<License>)Licenses;
            BsonValue after = null;
            while (true)
            {
                int read = 0;
                // The licenses' cursor opens first and closes last.
                using (var cursor = licenses.InIndexOrder("SubscriptionId", after).GetEnumerator())
                {
                    bool more = cursor.MoveNext();
                    foreach (var subscription in subscriptions.Each(after))
                    {
                        var id = new BsonValue(subscription.SubscriptionId);
                        var own = new List<License>();
                        // Licenses of no subscription, or of one that is gone, come before the next subscription's.
                        while (more && cursor.Current["SubscriptionId"].CompareTo(id) < 0) more = cursor.MoveNext();
                        for (; more && cursor.Current["SubscriptionId"].CompareTo(id) == 0; more = cursor.MoveNext())
                            own.Add(licenses.Load(cursor.Current));
                        yield return new KeyValuePair<Subscription, IReadOnlyList<License>>(subscription, own);
                        after = id;
                        if (_freshSnapshot != null && ++read == perSnapshot) break;
                    }
                }
                if (read < perSnapshot || _freshSnapshot == null) yield break;
                _freshSnapshot();
            }
        }

        /// <summary>The documents of the customers: those read ahead from there, the others in IN queries of the customer index.</summary>
        private static IReadOnlyList<T> OfCustomers<T>(DocumentSet<T> set, IReadOnlyCollection<Guid> customerIds) where T : class, IVersioned
        {
            var found = new List<T>();
            var others = new List<Guid>();
            foreach (var id in customerIds.Distinct())
            {
                var read = set.ReadAhead("CustomerId", id);
                if (read != null) found.AddRange(read);
                else others.Add(id);
            }
            found.AddRange(In(set, "CustomerId", Keys(others)));
            return found;
        }

        public IReadOnlyList<UsageLedger> UsageLedgersOf(IReadOnlyCollection<Guid> customerIds) =>
            In((DocumentSet<UsageLedger>)Ledgers, "_id", Keys(customerIds));

        private static IEnumerable<BsonValue> Keys(IReadOnlyCollection<Guid> ids) => ids.Distinct().Select(id => new BsonValue(id));

        /// <summary>The documents whose <paramref name="field"/> is one of <paramref name="keys"/>: IN queries of its index, <see cref="KeysPerQuery"/> keys each.</summary>
        private static IReadOnlyList<T> In<T>(DocumentSet<T> set, string field, IEnumerable<BsonValue> keys) where T : class, IVersioned =>
            InQueries(field, keys).SelectMany(set.Find).ToList();

        /// <summary>The IN queries of <paramref name="field"/>'s index that look up <paramref name="keys"/>, <see cref="KeysPerQuery"/> keys each.</summary>
        private static IEnumerable<BsonExpression> InQueries(string field, IEnumerable<BsonValue> keys)
        {
            var list = keys.ToList();
            for (int i = 0; i < list.Count; i += KeysPerQuery)
                yield return BsonExpression.Create("$." + field + " IN @0", new BsonArray(list.Skip(i).Take(KeysPerQuery)));
        }

        public IReadOnlyList<KeyValuePair<Guid, string>> UsageLedgerLines(int month)
        {
            var lines = new List<KeyValuePair<Guid, string>>();
            foreach (var doc in _db.GetCollection(Schema.LedgerMonthCollection).Find(Query.EQ("Month", month)))
                lines.Add(new KeyValuePair<Guid, string>(doc["CustomerId"].AsGuid, doc["Lines"].AsString));
            foreach (var doc in _db.GetCollection(Schema.LedgerCollection).Find(Query.Between("OpenFrom", 1, month)))
                lines.Add(new KeyValuePair<Guid, string>(doc["_id"].AsGuid, doc["OpenLines"].AsString));
            return lines;
        }

        public int? FirstUsageLedgerMonth()
        {
            var first = _db.GetCollection(Schema.LedgerCollection).Query().OrderBy("$.FirstMonth").Select("$.FirstMonth").Limit(1).FirstOrDefault();
            return first == null || !first.Values.First().IsNumber ? (int?)null : first.Values.First().AsInt32;
        }

        public License FindLicenseByActivationCode(string activationCode)
        {
            var doc = _db.GetCollection(Schema.LicenseCollection).FindOne(_lookups.Equal("ActivationCode", activationCode));
            return doc == null ? null : DocumentKinds.Licenses.Read(doc);
        }


        /// <summary>
        /// The account's document as this transaction read or wrote it: nobody else writes while the transaction runs,
        /// so the items of a batch, which each check the account, read it once.
        /// </summary>
        private BsonDocument _account;

        public Account GetAccount()
        {
            var doc = _account ?? (_account = _db.GetCollection(Schema.AccountCollection).FindById("account"));
            return doc == null ? new Account() : Mapping.ToObject<Account>(doc);
        }

        public void SaveAccount(Account account)
        {
            RequireWritable();
            _writes[0]++;
            var col = _db.GetCollection(Schema.AccountCollection);
            var stored = col.FindById("account");
            int storedRevision = stored?["Revision"].AsInt32 ?? 0;
            if (stored != null && storedRevision != account.Revision)
                throw MspException.StaleObject("Account", account.Name, account.Revision, storedRevision, "Get-MspAccount");
            account.Revision = storedRevision + 1;
            var doc = Mapping.ToDocument(account);
            doc["_id"] = "account";
            col.Upsert(doc);
            _account = doc;
        }

        public UsageReport GetUsageReport(string month)
        {
            var doc = _db.GetCollection(Schema.UsageReportCollection).FindById(month);
            return doc == null ? null : Mapping.ToObject<UsageReport>(doc);
        }

        public IReadOnlyList<string> UsageReportMonths() =>
            _db.GetCollection(Schema.UsageReportCollection).FindAll().Select(d => d["_id"].AsString).OrderBy(m => m, StringComparer.Ordinal).ToList();

        public void SaveUsageReport(UsageReport report)
        {
            RequireWritable();
            _writes[0]++;
            var col = _db.GetCollection(Schema.UsageReportCollection);
            var stored = col.FindById(report.Month);
            int storedRevision = stored?["Revision"].AsInt32 ?? 0;
            if (storedRevision != report.Revision)
                throw MspException.StaleObject("UsageReport", report.Month, report.Revision, storedRevision, "Get-MspUsageReport");
            report.Revision = storedRevision + 1;
            col.Upsert(Mapping.ToDocument(report));
        }

        public Customer FindCustomerByName(string name)
        {
            if (string.IsNullOrWhiteSpace(name)) return null;
            var doc = ByName(Schema.CustomerCollection, name);
            return doc == null ? null : Readers.Customer(doc);
        }

        /// <summary>The document of <paramref name="collection"/> whose name key is that of <paramref name="name"/>: as read ahead when it was, else through the name index.</summary>
        private BsonDocument ByName(string collection, string name)
        {
            string key = NameKey(name);
            return _readAhead.TryFind(collection, "NameKey", key, out var rows)
                ? rows.FirstOrDefault()
                : _db.GetCollection(collection).FindOne(_lookups.Equal("NameKey", key));
        }

        /// <summary>How many keys one IN query of an index looks up.</summary>
        private const int KeysPerQuery = 500;

        public IReadOnlyList<Customer> FindCustomersByName(IEnumerable<string> names) =>
            In((DocumentSet<Customer>)Customers, "NameKey", names.Where(n => !string.IsNullOrWhiteSpace(n)).Select(NameKey).Distinct(StringComparer.Ordinal).Select(k => new BsonValue(k)));

        public IReadOnlyList<Customer> FindCustomersByExternalId(string tool, string id) =>
            ((DocumentSet<Customer>)Customers).Find(BsonExpression.Create("$.ExternalIdKeys[*] ANY = @0", ExternalIdKey(tool, id)));

        /// <remarks>A query of the external id index for each: the store file answers each in microseconds.</remarks>
        public IReadOnlyList<IReadOnlyList<Guid>> CustomerIdsByExternalIds(IReadOnlyList<KeyValuePair<string, string>> ids) =>
            ids.Select(id => (IReadOnlyList<Guid>)FindCustomersByExternalId(id.Key, id.Value).Select(c => c.CustomerId).ToList()).ToList();

        public bool CustomerHoldsProducts(Guid customerId)
        {
            if (!_db.CollectionExists(Schema.LicenseCollection)) return false;
            return _db.GetCollection(Schema.LicenseCollection).Exists(_lookups.Equal("CustomerId", customerId));
        }

        public void Audit(string action, string targetType, string targetId, string target, string summary, Guid? customerId = null)
        {
            RequireWritable();
            _writes[0]++;
            _audit.Add(Sessions.Entry(_utcNow(), _user, _command, action, targetType, targetId, target, summary, customerId));
        }

        /// <summary>Writes the audit entries of the transaction in one go; the store calls it just before committing.</summary>
        internal void Flush()
        {
            if (_audit.Count == 0) return;
            // The store numbers the entries (an entry's id is 0 until then).
            _db.GetCollection(Schema.AuditCollection, BsonAutoId.Int64).InsertBulk(_audit.Select(e =>
            {
                var doc = Mapping.ToDocument(e);
                doc.Remove("_id");
                return doc;
            }));
            _audit.Clear();
        }

        public IEnumerable<AuditEntry> AuditLog(AuditQuery q)
        {
            var filter = Sessions.AuditFilter(q);
            var col = _db.GetCollection(Schema.AuditCollection);
            IEnumerable<AuditEntry> Find(BsonExpression where) => col.Find(where).Select(Mapping.ToObject<AuditEntry>);
            IEnumerable<AuditEntry> entries;
            // No index holds the targets (every entry's write would pay for it): a target's entries are read through the log.
            if (q.TargetId != null) entries = Find(Equal("TargetId", q.TargetId));
            // A customer's history: the entries that name the customer (schema steps 7 and 11 named it in older ones).
            else if (q.CustomerId.HasValue) entries = Find(Equal("CustomerId", q.CustomerId.Value));
            else entries = col.FindAll().Select(Mapping.ToObject<AuditEntry>);
            var list = filter(entries);
            NameCustomers(list);
            return list;
        }

        /// <summary>Fills in the name each entry's customer has now; a deleted customer has none.</summary>
        private void NameCustomers(IReadOnlyList<AuditEntry> entries)
        {
            var ids = new HashSet<Guid>(entries.Where(e => e.CustomerId.HasValue).Select(e => e.CustomerId.Value));
            if (ids.Count == 0) return;
            var customers = _db.GetCollection(Schema.CustomerCollection);
            var names = new Dictionary<Guid, string>();
            // A few customers are read by id; the log of many customers reads the customers once.
            var docs = ids.Count <= 64 ? ids.Select(id => customers.FindById(id)).Where(d => d != null) : customers.FindAll();
            foreach (var doc in docs)
            {
                var id = doc["_id"].AsGuid;
                if (ids.Contains(id)) names[id] = doc["Name"].AsString;
            }
            foreach (var entry in entries)
                entry.Customer = entry.CustomerId.HasValue && names.TryGetValue(entry.CustomerId.Value, out var name) ? name : null;
        }

        internal static string NameKey(string name) => name.Trim().ToUpperInvariant();

        /// <summary>What the customer index keys on: the name, and each external id as TOOL=ID (both ignoring case).</summary>
        internal static void Keys(Customer customer, BsonDocument doc)
        {
            doc["NameKey"] = NameKey(customer.Name);
            var ids = ExternalIdKeys(customer);
            if (ids.Count > 0) doc["ExternalIdKeys"] = new BsonArray(ids.Select(k => new BsonValue(k)));
        }

        internal static List<string> ExternalIdKeys(Customer customer) =>
            (customer.ExternalId ?? new ExternalIdMap()).Select(pair => ExternalIdKey(pair.Key, pair.Value)).ToList();

        /// <summary>"CONNECTWISEMANAGE=4711": a tool and an id as the external id index keys them.</summary>
        internal static string ExternalIdKey(string tool, string id) => tool.Trim().ToUpperInvariant() + "=" + (id ?? string.Empty).ToUpperInvariant();

        /// <summary>
        /// "field = value" as a parameterized expression. LiteDB caches parsed expressions by their text, so a
        /// parameter keeps one cached expression per field, where Query.EQ writes the value into the text and parses
        /// anew each time (about 20 times slower).
        /// </summary>
        private static BsonExpression Equal(string field, BsonValue value) => BsonExpression.Create("$." + field + " = @0", value);

        private void RequireWritable()
        {
            if (_command == null)
                throw new InvalidOperationException("A read session cannot change the store.");
        }

        private sealed class DocumentSet<T> : IDocumentSet<T> where T : class, IVersioned
        {
            private readonly LiteDatabase _db;
            private readonly ILiteCollection<BsonDocument> _col;
            private readonly string _typeName;
            private readonly Func<T, Guid> _id;
            private readonly Func<T, string> _name;
            private readonly Action<T, BsonDocument> _decorate;
            private readonly Action<T> _onRead;
            private readonly Action<T> _onWrite;
            private readonly Action _beforeAll;
            private readonly Func<BsonDocument, T> _read;
            // The revision each document had when this transaction read or wrote it; a read session keeps none.
            private readonly Dictionary<Guid, int> _seen;
            private readonly int[] _writes;
            private readonly ReadAheadRows<BsonDocument> _readAhead;
            private readonly string _collection;
            private readonly bool _immutable;
            // A set of its own: a license read by its customer reads its subscription by id while the query runs.
            private readonly Lookups _lookups = new Lookups();
            // The projection of a document to its revision, parsed once.
            private BsonExpression _revisionOnly;

            /// <param name="onRead">Runs on every item read.</param>
            /// <param name="onWrite">Runs on every item inserted, updated or deleted.</param>
            /// <param name="beforeAll">Runs before All() reads the whole collection.</param>
            /// <param name="track">Whether the revisions read are kept for the writes of the transaction (not in a read session).</param>
            /// <param name="immutable">Whether the documents are written once and never updated (<see cref="DocumentKind{T}.Immutable"/>).</param>
            internal DocumentSet(LiteDatabase db, string collection, string typeName, Func<T, Guid> id, Func<T, string> name, Action<T, BsonDocument> decorate,
                Action<T> onRead = null, Action<T> onWrite = null, Action beforeAll = null, Func<BsonDocument, T> read = null, int[] writes = null,
                ReadAheadRows<BsonDocument> readAhead = null, bool track = true, bool immutable = false)
            {
                _immutable = immutable;
                _readAhead = readAhead;
                _collection = collection;
                _seen = track ? new Dictionary<Guid, int>() : null;
                _writes = writes ?? new int[1];
                _read = read ?? (doc => Mapping.ToObject<T>(doc));
                _onRead = onRead;
                _onWrite = onWrite;
                _beforeAll = beforeAll;
                _db = db;
                _col = db.GetCollection(collection);
                _typeName = typeName;
                _id = id;
                _name = name;
                _decorate = decorate;
            }

            public T Get(Guid id)
            {
                var read = ReadAhead("_id", id);
                var item = read != null ? read.FirstOrDefault() : Load(_col.FindOne(_lookups.Equal("_id", id)));
                // The primary key index found the document under this id: a document that says otherwise is damaged.
                if (item != null && _id(item) != id)
                    throw new DamagedException($"the {_typeName} stored under id {id} reads as id {_id(item)}", null);
                return item;
            }

            public IEnumerable<T> All()
            {
                _beforeAll?.Invoke();
                return _col.FindAll().Select(Load).ToList();
            }

            public IEnumerable<T> Each()
            {
                _beforeAll?.Invoke();
                return _col.FindAll().Select(Load);
            }

            internal IReadOnlyList<T> Find(string field, Guid value) => (IReadOnlyList<T>)ReadAhead(field, value) ?? Find(_lookups.Equal(field, value));

            /// <summary>What the lookup of <paramref name="field"/> = <paramref name="value"/> found when it was read ahead (<see cref="ReadAheadRows{TRow}"/>); null when it was not.</summary>
            internal List<T> ReadAhead(string field, Guid value) =>
                _readAhead != null && _readAhead.TryFind(_collection, field, ReadAheadRows<BsonDocument>.Text(value), out var rows) ? rows.Select(Load).ToList() : null;

            internal IReadOnlyList<T> Find(BsonExpression predicate) => _col.Find(predicate).Select(Load).ToList();

            public int Count() => _col.Count();

            public void Insert(T item)
            {
                RequireTracking();
                _writes[0]++;
                item.Revision = 1;
                _col.Insert(Written(item));
                _seen[_id(item)] = item.Revision;
                _onWrite?.Invoke(item);
            }

            public void Update(T item)
            {
                RequireTracking();
                _writes[0]++;
                CheckRevision(item);
                item.Revision++;
                _col.Update(Written(item));
                _seen[_id(item)] = item.Revision;
                _onWrite?.Invoke(item);
            }

            public void Delete(T item)
            {
                RequireTracking();
                _writes[0]++;
                // A document written once is deleted as it is: no revision of it can have moved.
                if (!_immutable) CheckRevision(item);
                _col.Delete(_id(item));
                _readAhead?.Written(_collection, _id(item), null);
                _seen.Remove(_id(item));
                _onWrite?.Invoke(item);
            }

            private void RequireTracking()
            {
                if (_seen == null)
                    throw new InvalidOperationException("A read session cannot change the store.");
            }

            /// <summary>The documents in the order of the index on <paramref name="field"/>, read as they are enumerated.</summary>
            /// <summary>The documents in the order of <paramref name="field"/>'s index; those whose field is above <paramref name="after"/>, when given.</summary>
            internal IEnumerable<BsonDocument> InIndexOrder(string field, BsonValue after = null)
            {
                var query = _col.Query();
                if (after != null) query = query.Where(BsonExpression.Create("$." + field + " > @0", after));
                return query.OrderBy("$." + field).ToEnumerable();
            }

            /// <summary>Every item in the order of its id; those whose id is above <paramref name="after"/>, when given.</summary>
            internal IEnumerable<T> Each(BsonValue after) => after == null ? Each() : InIndexOrder("_id", after).Select(Load);

            /// <summary>Maps a document and remembers the revision this transaction saw.</summary>
            internal T Load(BsonDocument doc)
            {
                if (doc == null) return null;
                var item = _read(doc);
                if (_seen != null) _seen[_id(item)] = item.Revision;
                _onRead?.Invoke(item);
                return item;
            }

            /// <summary>
            /// Refuses a write whose item was read at another revision than the stored one. A document this transaction
            /// read already needs no second read: nobody else can write while the transaction holds the lock.
            /// </summary>
            private void CheckRevision(T item)
            {
                var id = _id(item);
                if (!_seen.TryGetValue(id, out int storedRevision))
                {
                    // Only the revision is read: the document's other fields are skipped, not decoded.
                    var stored = _col.Query().Where(_lookups.Equal("_id", id)).Select(_revisionOnly ?? (_revisionOnly = BsonExpression.Create("{ Revision: $.Revision }"))).FirstOrDefault();
                    if (stored == null)
                        throw new MspException(_typeName + "NotFound", ErrorKind.ObjectNotFound,
                            $"{_typeName} '{_name(item)}' no longer exists; it was deleted after it was read.", _name(item));
                    storedRevision = stored["Revision"].AsInt32;
                }
                if (storedRevision != item.Revision)
                    throw MspException.StaleObject(_typeName, _name(item), item.Revision, storedRevision, "Get-Msp" + _typeName);
            }

            /// <summary>The document of an item about to be written; what was read ahead of it is forgotten.</summary>
            private BsonDocument Written(T item)
            {
                var doc = Mapping.ToDocument(item);
                _decorate?.Invoke(item, doc);
                _readAhead?.Written(_collection, _id(item), doc);
                return doc;
            }
        }
    }
}
