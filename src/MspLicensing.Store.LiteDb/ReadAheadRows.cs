using System;
using System.Collections.Generic;
using System.Linq;
using LiteDB;

namespace MspLicensing.Store
{
    /// <summary>
    /// What one transaction read ahead for the items of a batch (<see cref="IStoreSession.ReadAhead"/>), for either
    /// store: the rows each lookup found (a collection, a field and a value: the licenses whose CustomerId is an id),
    /// as the store reads its rows. A lookup read ahead is answered from here, without a query, and the items see what
    /// the items before them wrote, as they would without reading ahead: when the transaction writes a document that a
    /// lookup found or would find now, the lookup is either forgotten (then read from the store again) or, where the
    /// store can follow its writes, made to find the document as written. Every row maps to a new object each time, so
    /// what an item changes in an object it read stays its own.
    /// </summary>
    /// <typeparam name="TRow">A row as the store reads it, holding its document.</typeparam>
    internal sealed class ReadAheadRows<TRow>
    {
        /// <summary>The fields a lookup read ahead may be by.</summary>
        private static readonly string[] Fields = { "_id", "CustomerId", "SubscriptionId", "NameKey" };

        private readonly Func<TRow, BsonDocument> _document;
        private readonly Func<string, string, IReadOnlyList<string>, IEnumerable<TRow>> _query;
        private readonly Func<BsonDocument, TRow> _written;
        private readonly Dictionary<string, List<TRow>> _found = new Dictionary<string, List<TRow>>(StringComparer.Ordinal);
        // The lookups that found each document (by collection and id): a write of the document forgets them.
        private readonly Dictionary<string, List<string>> _lookupsOf = new Dictionary<string, List<string>>(StringComparer.Ordinal);

        /// <param name="document">The document of a row.</param>
        /// <param name="query">
        /// The rows of a collection whose field is one of some values (as <see cref="Text"/> writes them), in as few
        /// queries as the store needs.
        /// </param>
        /// <param name="written">
        /// The row of a document as the transaction wrote it, where that row is what the store then holds for the rest of
        /// the transaction (the store file: an item that fails after it wrote ends its transaction); null where a write
        /// may still be taken back alone (the team store goes back to an item's savepoint), so that lookups are forgotten.
        /// </param>
        internal ReadAheadRows(Func<TRow, BsonDocument> document, Func<string, string, IReadOnlyList<string>, IEnumerable<TRow>> query,
            Func<BsonDocument, TRow> written = null)
        {
            _document = document;
            _query = query;
            _written = written;
        }

        /// <summary>A value as lookups key it: a Guid in its "D" form, text as it is; null for anything else.</summary>
        internal static string Text(BsonValue value) => value.IsGuid ? value.AsGuid.ToString("D") : value.IsString ? value.AsString : null;

        internal static string Text(Guid id) => id.ToString("D");

        /// <summary>Forgets every lookup read ahead.</summary>
        internal void Clear()
        {
            _found.Clear();
            _lookupsOf.Clear();
        }

        /// <summary>The rows a lookup found when it was read ahead; false when it was not, or was forgotten since.</summary>
        internal bool TryFind(string collection, string field, string value, out List<TRow> rows)
        {
            rows = null;
            return _found.Count > 0 && value != null && _found.TryGetValue(Lookup(collection, field, value), out rows);
        }

        /// <summary>
        /// Reads ahead what <paramref name="what"/> names, each kind in a few queries. The customers named by id come
        /// first: where the subscriptions of customers are read as well, a subscription named by id and by its customer
        /// is found among them, and only those named by id alone are read by id (then their customers).
        /// </summary>
        internal void Read(ReadAhead what)
        {
            var customers = Read(Schema.CustomerCollection, "_id", what.CustomerIds.Select(Text))
                .Concat(Read(Schema.CustomerCollection, "NameKey", what.CustomerNames.Select(LiteDbSession.NameKey))).ToList();
            var subscriptions = what.SubscriptionsOfCustomers ? Read(Schema.SubscriptionCollection, "CustomerId", customers.Select(Id)) : new List<TRow>();
            var named = Read(Schema.SubscriptionCollection, "_id", what.SubscriptionIds.Select(Text));
            var others = Read(Schema.CustomerCollection, "_id", named.Select(r => Text(_document(r)["CustomerId"])));
            customers.AddRange(others);
            subscriptions.AddRange(named);
            if (what.SubscriptionsOfCustomers) subscriptions.AddRange(Read(Schema.SubscriptionCollection, "CustomerId", others.Select(Id)));
            var customerIds = customers.Select(Id).Distinct(StringComparer.Ordinal).ToList();
            if (what.LicensesOfCustomers) Read(Schema.LicenseCollection, "CustomerId", customerIds);
            if (what.LicensesOfSubscriptions) LicensesOfSubscriptions(subscriptions);
            Read(Schema.ServicePlanCollection, "_id", what.ServicePlanIds.Select(Text));
            Read(Schema.ServicePlanCollection, "NameKey", what.ServicePlanNames.Select(LiteDbSession.NameKey));
        }

        /// <summary>The id of a row's document, as lookups key it.</summary>
        private string Id(TRow row) => Text(_document(row)["_id"]);

        /// <summary>
        /// The licenses of each subscription: where the licenses of its customer are read ahead, those of them that
        /// name it (a license belongs to the customer of its subscription, <see cref="ReadAhead.LicensesOfSubscriptions"/>),
        /// without a query; the others read by subscription.
        /// </summary>
        private void LicensesOfSubscriptions(IEnumerable<TRow> subscriptions)
        {
            var unread = new List<string>();
            foreach (var subscription in subscriptions)
            {
                var doc = _document(subscription);
                string id = Text(doc["_id"]);
                string lookup = Lookup(Schema.LicenseCollection, "SubscriptionId", id);
                if (_found.ContainsKey(lookup)) continue;
                if (doc.TryGetValue("CustomerId", out var customer) && Text(customer) is string customerId
                    && _found.TryGetValue(Lookup(Schema.LicenseCollection, "CustomerId", customerId), out var ofCustomer))
                    Keep(Schema.LicenseCollection, lookup, ofCustomer.Where(r => _document(r).TryGetValue("SubscriptionId", out var s) && Text(s) == id).ToList());
                else unread.Add(id);
            }
            Read(Schema.LicenseCollection, "SubscriptionId", unread);
        }

        /// <summary>The rows whose <paramref name="field"/> is one of <paramref name="values"/>: those read ahead already, and the others read now.</summary>
        private List<TRow> Read(string collection, string field, IEnumerable<string> values)
        {
            var rows = new List<TRow>();
            var missing = new List<string>();
            foreach (string value in values.Where(v => v != null).Distinct(StringComparer.Ordinal))
            {
                if (_found.TryGetValue(Lookup(collection, field, value), out var kept)) rows.AddRange(kept);
                else missing.Add(value);
            }
            if (missing.Count == 0) return rows;
            var found = missing.ToDictionary(v => v, v => new List<TRow>(), StringComparer.Ordinal);
            bool unmatched = false;
            foreach (var row in _query(collection, field, missing))
            {
                var doc = _document(row);
                string value = doc.TryGetValue(field, out var key) ? Text(key) : null;
                // A field the store compares with its collation (a name key) may come back in other characters than
                // asked (a precomposed É for an E with a combining accent): it is not known which value found it.
                if (value == null || !found.TryGetValue(value, out var list))
                {
                    unmatched = true;
                    continue;
                }
                list.Add(row);
                rows.Add(row);
            }
            foreach (var pair in found)
            {
                // After such a row, a value that found nothing as text may have found it: its lookup goes to the store.
                if (unmatched && pair.Value.Count == 0) continue;
                Keep(collection, Lookup(collection, field, pair.Key), pair.Value);
                // Each document found is known by its id as well (a license looks up its subscription so).
                if (field != "_id")
                    foreach (var row in pair.Value)
                        Keep(collection, Lookup(collection, "_id", Id(row)), new List<TRow> { row });
            }
            return rows;
        }

        private void Keep(string collection, string lookup, List<TRow> rows)
        {
            _found[lookup] = rows;
            foreach (var row in rows)
            {
                string document = Document(collection, Id(row));
                if (!_lookupsOf.TryGetValue(document, out var lookups)) _lookupsOf[document] = lookups = new List<string>();
                lookups.Add(lookup);
            }
        }

        /// <summary>
        /// The transaction wrote the document <paramref name="id"/> of <paramref name="collection"/> (inserted or
        /// updated it as <paramref name="doc"/>, or deleted it: null). The lookups that found it, and those that would
        /// find it now, are forgotten; or, following the writes, they find it as written (in its place), and no more
        /// where it no longer belongs.
        /// </summary>
        internal void Written(string collection, Guid id, BsonDocument doc)
        {
            if (_found.Count == 0) return;
            string idText = Text(id);
            string key = Document(collection, idText);
            var row = doc == null || _written == null ? default(TRow) : _written(doc);
            // The lookups the document belongs to now: found by its id, and by each field it has.
            var now = new List<string> { Lookup(collection, "_id", idText) };
            if (doc != null)
                foreach (string field in Fields)
                    if (field != "_id" && doc.TryGetValue(field, out var value) && Text(value) is string text) now.Add(Lookup(collection, field, text));
            if (_written == null)
            {
                if (_lookupsOf.TryGetValue(key, out var found))
                    foreach (string lookup in found) _found.Remove(lookup);
                _lookupsOf.Remove(key);
                foreach (string lookup in now) _found.Remove(lookup);
                return;
            }
            var kept = new List<string>();
            if (_lookupsOf.TryGetValue(key, out var before))
            {
                foreach (string lookup in before.Distinct(StringComparer.Ordinal))
                {
                    if (!_found.TryGetValue(lookup, out var rows)) continue;
                    int at = rows.FindIndex(r => Id(r) == idText);
                    if (at < 0) continue;
                    if (doc != null && now.Contains(lookup))
                    {
                        rows[at] = row;
                        kept.Add(lookup);
                    }
                    else rows.RemoveAt(at);
                }
            }
            if (doc != null)
            {
                foreach (string lookup in now)
                {
                    if (kept.Contains(lookup) || !_found.TryGetValue(lookup, out var rows)) continue;
                    rows.Add(row);
                    kept.Add(lookup);
                }
            }
            _lookupsOf[key] = kept;
        }

        private static string Lookup(string collection, string field, string value) => collection + "\n" + field + "\n" + value;

        private static string Document(string collection, string id) => collection + "\n" + id;
    }
}
