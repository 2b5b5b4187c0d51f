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
        private readonly List<AuditEntry> _audit = new List<AuditEntry>();

        internal PostgresSession(NpgsqlConnection connection, NpgsqlTransaction transaction, string command, string user, Func<DateTime> utcNow)
        {
            _connection = connection;
            _transaction = transaction;
            _command = command;
            _user = user;
            _utcNow = utcNow;
            Sets = new DocumentSets(new SetFactory(this));
        }

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

        private void Remember(string name, Row row)
        {
            if (name != null && row != null) _changes[name] = (row.ModifiedBy, row.ModifiedUtc);
        }

        /// <summary>How many audit entries wait for the commit: a batch item that fails takes its own back.</summary>
        internal int AuditCount => _audit.Count;

        /// <summary>
        /// Forgets what the batch item that just failed left in this session (rolled back to its savepoint in the
        /// database): its audit entries and the expiration dates read or written since.
        /// </summary>
        internal void Forget(int auditCount)
        {
            _changes.Clear();
            _audit.RemoveRange(auditCount, _audit.Count - auditCount);
            Sets.ForgetDates();
        }

        public IReadOnlyList<Customer> FindCustomersByExternalId(string tool, string id) =>
            ((Table<Customer>)Customers).FindContaining("body->'ExternalIdKeys'", LiteDbSession.ExternalIdKey(tool, id));

        public Customer FindCustomerByName(string name) =>
            string.IsNullOrWhiteSpace(name) ? null : ((Table<Customer>)Customers).FindOne(PostgresSchema.TextField("NameKey"), LiteDbSession.NameKey(name));

        public IReadOnlyList<Customer> FindCustomersByName(IEnumerable<string> names)
        {
            var keys = names.Where(n => !string.IsNullOrWhiteSpace(n)).Select(LiteDbSession.NameKey).Distinct(StringComparer.Ordinal).ToArray();
            return keys.Length == 0 ? new Customer[0] : ((Table<Customer>)Customers).FindAny(PostgresSchema.TextField("NameKey"), keys);
        }

        public ServicePlan FindServicePlanByName(string name) =>
            string.IsNullOrWhiteSpace(name) ? null : ((Table<ServicePlan>)ServicePlans).FindOne(PostgresSchema.TextField("NameKey"), LiteDbSession.NameKey(name));

        public Template FindTemplateByName(string name) =>
            string.IsNullOrWhiteSpace(name) ? null : ((Table<Template>)Templates).FindOne(PostgresSchema.TextField("NameKey"), LiteDbSession.NameKey(name));

        public License FindLicenseByActivationCode(string activationCode) =>
            activationCode == null ? null : ((Table<License>)Licenses).FindOne(PostgresSchema.TextField("ActivationCode"), activationCode);

        public bool CustomerHoldsProducts(Guid customerId) =>
            Exists($"SELECT EXISTS (SELECT 1 FROM {S}.licenses WHERE {PostgresSchema.GuidField("CustomerId")} = @v)", customerId.ToString());

        public IReadOnlyList<Subscription> SubscriptionsOfCustomer(Guid customerId) =>
            ((Table<Subscription>)Subscriptions).Find(PostgresSchema.GuidField("CustomerId"), customerId.ToString());

        public bool ServicePlanInUse(Guid servicePlanId) =>
            Exists($"SELECT EXISTS (SELECT 1 FROM {S}.subscriptions WHERE {PostgresSchema.GuidField("ServicePlanId")} = @v)", servicePlanId.ToString());

        public IReadOnlyList<License> LicensesOfCustomer(Guid customerId) =>
            ((Table<License>)Licenses).Find(PostgresSchema.GuidField("CustomerId"), customerId.ToString());

        public IReadOnlyList<License> LicensesOfSubscription(Guid subscriptionId) =>
            ((Table<License>)Licenses).Find(PostgresSchema.GuidField("SubscriptionId"), subscriptionId.ToString());

        private bool Exists(string sql, object value)
        {
            using (var cmd = Command(sql))
            {
                cmd.Parameters.AddWithValue("v", value);
                return (bool)cmd.ExecuteScalar();
            }
        }

        internal NpgsqlCommand Command(string sql) => new NpgsqlCommand(sql, _connection, _transaction);

        public Account GetAccount()
        {
            var row = ReadRow("account", "account");
            var account = row == null ? new Account() : Json.ToObject<Account>(row.Body);
            Remember(account.Name, row);
            return account;
        }

        public void SaveAccount(Account account)
        {
            RequireWritable();
            var doc = Json.ToDocument(account);
            doc["_id"] = "account";
            account.Revision = SaveKeyed("account", "account", doc, account.Revision, insertWhenNew: false, "Account", account.Name, "Get-MspAccount");
        }

        public UsageReport GetUsageReport(string month)
        {
            var row = ReadRow("reports", month);
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
            report.Revision = SaveKeyed("reports", report.Month, Json.ToDocument(report), report.Revision, insertWhenNew: true, "UsageReport", report.Month, "Get-MspUsageReport");
        }

        /// <summary>
        /// Writes a document keyed by text (the account, a month's report) if the stored revision still equals
        /// <paramref name="revision"/> (0: there is none yet); returns the new revision.
        /// </summary>
        private int SaveKeyed(string table, string id, BsonDocument doc, int revision, bool insertWhenNew, string typeName, string name, string getCommand)
        {
            int next = revision + 1;
            doc["Revision"] = next;
            int rows;
            if (revision == 0 && insertWhenNew)
            {
                using (var cmd = Command($"INSERT INTO {S}.{table} (id, revision, modified_by, modified_utc, body) VALUES (@id, @next, @user, @now, @body) ON CONFLICT (id) DO NOTHING"))
                {
                    Parameters(cmd, id, next, doc);
                    rows = cmd.ExecuteNonQuery();
                }
            }
            else
            {
                using (var cmd = Command($"UPDATE {S}.{table} SET revision = @next, modified_by = @user, modified_utc = @now, body = @body WHERE id = @id AND revision = @rev"))
                {
                    Parameters(cmd, id, next, doc);
                    cmd.Parameters.AddWithValue("rev", revision);
                    rows = cmd.ExecuteNonQuery();
                }
            }
            if (rows == 0)
            {
                var stored = ReadRow(table, id);
                throw Stale(typeName, name, revision, stored);
            }
            return next;
        }

        private void Parameters(NpgsqlCommand cmd, object id, int next, BsonDocument doc)
        {
            cmd.Parameters.AddWithValue("id", id);
            cmd.Parameters.AddWithValue("next", next);
            cmd.Parameters.AddWithValue("user", (object)_user ?? DBNull.Value);
            cmd.Parameters.AddWithValue("now", NpgsqlDbType.Timestamp, DateTime.SpecifyKind(_utcNow(), DateTimeKind.Unspecified));
            cmd.Parameters.AddWithValue("body", NpgsqlDbType.Jsonb, Json.Write(doc));
        }

        /// <summary>The stale-write error: it names who changed the document last and when, as the store recorded it.</summary>
        private static MspException Stale(string typeName, string name, int readRevision, Row stored)
        {
            if (stored == null)
                return new MspException(typeName + "NotFound", ErrorKind.ObjectNotFound,
                    $"{typeName} '{name}' no longer exists; it was deleted after it was read.", name);
            return MspException.StaleObject(typeName, name, readRevision, stored.Revision, "Get-Msp" + typeName).NamingChange(stored.ModifiedBy, stored.ModifiedUtc);
        }

        internal sealed class Row
        {
            internal int Revision;
            internal string ModifiedBy;
            internal DateTime? ModifiedUtc;
            internal BsonDocument Body;
        }

        /// <summary>The columns a row is read with (<see cref="ToRow"/>).</summary>
        private const string Columns = "revision, modified_by, modified_utc, body";

        private Row ReadRow(string table, object id)
        {
            using (var cmd = Command($"SELECT {Columns} FROM {S}.{table} WHERE id = @id"))
            {
                cmd.Parameters.AddWithValue("id", id);
                using (var reader = cmd.ExecuteReader())
                    return reader.Read() ? ToRow(reader) : null;
            }
        }

        private static Row ToRow(NpgsqlDataReader reader) => new Row
        {
            Revision = reader.GetInt32(0),
            ModifiedBy = reader.IsDBNull(1) ? null : reader.GetString(1),
            ModifiedUtc = reader.IsDBNull(2) ? (DateTime?)null : DateTime.SpecifyKind(reader.GetDateTime(2), DateTimeKind.Utc),
            Body = Json.Read(reader.GetString(3)),
        };

        public void Audit(string action, string targetType, string targetId, string target, string summary, Guid? customerId = null)
        {
            RequireWritable();
            _audit.Add(Sessions.Entry(_utcNow(), _user, _command, action, targetType, targetId, target, summary, customerId));
        }

        /// <summary>Writes the audit entries of the transaction in one statement; the store calls it just before committing.</summary>
        internal void Flush()
        {
            if (_audit.Count == 0) return;
            using (var cmd = Command($"INSERT INTO {S}.audit (target_id, customer_id, body) SELECT * FROM unnest(@targets, @customers, @bodies)"))
            {
                cmd.Parameters.AddWithValue("targets", _audit.Select(a => a.TargetId).ToArray());
                cmd.Parameters.AddWithValue("customers", _audit.Select(a => a.CustomerId).ToArray());
                cmd.Parameters.AddWithValue("bodies", NpgsqlDbType.Array | NpgsqlDbType.Jsonb, _audit.Select(AuditBody).ToArray());
                cmd.ExecuteNonQuery();
            }
            _audit.Clear();
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

            public T Get(Guid id)
            {
                using (var cmd = _session.Command($"SELECT {Columns} FROM {_table} WHERE id = @id"))
                {
                    cmd.Parameters.AddWithValue("id", id);
                    return Load(cmd).FirstOrDefault();
                }
            }

            public IEnumerable<T> All()
            {
                _beforeAll?.Invoke();
                using (var cmd = _session.Command($"SELECT {Columns} FROM {_table}"))
                    return Load(cmd);
            }

            /// <summary>The documents as <see cref="All"/> reads them: a command's reader is not left open across the caller's work.</summary>
            public IEnumerable<T> Each() => All();

            /// <summary>The documents whose array <paramref name="arrayExpression"/> holds the text <paramref name="value"/> (a GIN index serves it).</summary>
            internal IReadOnlyList<T> FindContaining(string arrayExpression, string value)
            {
                using (var cmd = _session.Command($"SELECT {Columns} FROM {_table} WHERE {arrayExpression} ? @v"))
                {
                    cmd.Parameters.AddWithValue("v", value);
                    return Load(cmd);
                }
            }

            internal IReadOnlyList<T> Find(string expression, string value)
            {
                using (var cmd = _session.Command($"SELECT {Columns} FROM {_table} WHERE {expression} = @v"))
                {
                    cmd.Parameters.AddWithValue("v", value);
                    return Load(cmd);
                }
            }

            internal T FindOne(string expression, string value) => Find(expression, value).FirstOrDefault();

            /// <summary>The rows whose <paramref name="expression"/> is one of <paramref name="values"/>, in one query.</summary>
            internal IReadOnlyList<T> FindAny(string expression, string[] values)
            {
                using (var cmd = _session.Command($"SELECT {Columns} FROM {_table} WHERE {expression} = ANY(@v)"))
                {
                    cmd.Parameters.AddWithValue("v", values);
                    return Load(cmd);
                }
            }

            public int Count()
            {
                using (var cmd = _session.Command($"SELECT count(*) FROM {_table}"))
                    return (int)(long)cmd.ExecuteScalar();
            }

            public void Insert(T item)
            {
                item.Revision = 1;
                using (var cmd = _session.Command($"INSERT INTO {_table} (id, revision, modified_by, modified_utc, body) VALUES (@id, @next, @user, @now, @body)"))
                {
                    _session.Parameters(cmd, _id(item), 1, ToDocument(item));
                    cmd.ExecuteNonQuery();
                }
                _onWrite?.Invoke(item);
            }

            public void Update(T item)
            {
                int read = item.Revision;
                var doc = ToDocument(item);
                doc["Revision"] = read + 1;
                int rows;
                using (var cmd = _session.Command($"UPDATE {_table} SET revision = @next, modified_by = @user, modified_utc = @now, body = @body WHERE id = @id AND revision = @rev"))
                {
                    _session.Parameters(cmd, _id(item), read + 1, doc);
                    cmd.Parameters.AddWithValue("rev", read);
                    rows = cmd.ExecuteNonQuery();
                }
                if (rows == 0) throw Stale(_typeName, _name(item), read, _session.ReadRow(_table.Substring(S.Length + 1), _id(item)));
                item.Revision = read + 1;
                _onWrite?.Invoke(item);
            }

            public void Delete(T item)
            {
                int rows;
                using (var cmd = _session.Command($"DELETE FROM {_table} WHERE id = @id AND revision = @rev"))
                {
                    cmd.Parameters.AddWithValue("id", _id(item));
                    cmd.Parameters.AddWithValue("rev", item.Revision);
                    rows = cmd.ExecuteNonQuery();
                }
                if (rows == 0) throw Stale(_typeName, _name(item), item.Revision, _session.ReadRow(_table.Substring(S.Length + 1), _id(item)));
            }

            private List<T> Load(NpgsqlCommand cmd)
            {
                var rows = new List<Row>();
                using (var reader = cmd.ExecuteReader())
                {
                    while (reader.Read()) rows.Add(ToRow(reader));
                }
                // Mapped after the reader is closed: a license that follows its subscription may read it.
                var items = new List<T>(rows.Count);
                foreach (var row in rows)
                {
                    var item = _read(row.Body);
                    _session.Remember(_name(item), row);
                    if (_alias != null) _session.Remember(_alias(item), row);
                    _onRead?.Invoke(item);
                    items.Add(item);
                }
                return items;
            }

            private BsonDocument ToDocument(T item)
            {
                var doc = Json.ToDocument(item);
                _decorate?.Invoke(item, doc);
                return doc;
            }
        }
    }
}
