using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using LiteDB;

namespace MspLicensing.Store
{
    /// <summary>
    /// Checks a store's documents through a read-only LiteDB engine (which can never write to the file): every document
    /// of every collection is read and mapped to its model type, every index is walked from end to end and must list
    /// each document of its collection once, and the schema record and the account are there.
    /// </summary>
    internal static class StoreDocuments
    {
        private const int MaxProblems = 20;

        /// <summary>How many ids one query of the primary key index looks up.</summary>
        private const int IdsPerQuery = 500;

        private static readonly Dictionary<string, Func<BsonDocument, object>> Models = new Dictionary<string, Func<BsonDocument, object>>
        {
            [Schema.AccountCollection] = d => Mapping.ToObject<Account>(d),
            [Schema.CustomerCollection] = d => Readers.Customer(d),
            [Schema.AuditCollection] = d => Mapping.ToObject<AuditEntry>(d),
            [Schema.LicenseCollection] = d => Readers.License(d),
            [Schema.ServicePlanCollection] = d => Mapping.ToObject<ServicePlan>(d),
            [Schema.SubscriptionCollection] = d => Readers.Subscription(d),
            [Schema.UsageReportCollection] = d => Mapping.ToObject<UsageReport>(d),
            [Schema.MigrationCollection] = d => Mapping.ToObject<LicenseMigration>(d),
            [Schema.TemplateCollection] = d => Mapping.ToObject<Template>(d),
            [Schema.OutboxCollection] = d => Mapping.ToObject<OutboxItem>(d),
            [Schema.Meta] = d => d,
        };

        /// <summary>
        /// The keys the indexes find a document by, as its object makes them (a customer's name key and external id keys,
        /// a plan's or template's name key): a document whose stored keys say otherwise (its name changed outside
        /// MspLicensing) would not be found by its name, or be found by a name it no longer has.
        /// </summary>
        private static readonly Dictionary<string, Action<object, BsonDocument>> Keys = new Dictionary<string, Action<object, BsonDocument>>
        {
            [Schema.CustomerCollection] = (item, doc) => DocumentKinds.Customers.Decorate((Customer)item, doc),
            [Schema.ServicePlanCollection] = (item, doc) => DocumentKinds.ServicePlans.Decorate((ServicePlan)item, doc),
            [Schema.TemplateCollection] = (item, doc) => DocumentKinds.Templates.Decorate((Template)item, doc),
        };

        /// <summary>Checks every document and index; returns what is wrong and counts the documents read.</summary>
        internal static List<string> Check(LiteDatabase db, IEnumerable<string> collections, out int documents, out int? schemaVersion)
        {
            var problems = new List<string>();
            int read = 0;
            schemaVersion = null;
            // Whose each subscription is, and where each license sits: a license belongs to the customer of its subscription.
            var subscriptions = new Dictionary<Guid, Guid>();
            var placed = new List<(Guid License, Guid Customer, Guid Subscription)>();
            var wholeCollections = new HashSet<string>(StringComparer.Ordinal);
            var indexes = Attempt(problems, "the list of indexes cannot be read",
                () => db.GetCollection("$indexes").FindAll().ToList()) ?? new List<BsonDocument>();
            foreach (string name in collections)
            {
                if (problems.Count >= MaxProblems) break;
                var col = db.GetCollection(name);
                Models.TryGetValue(name, out var model);
                Keys.TryGetValue(name, out var keys);
                var ids = new HashSet<BsonValue>();
                int bad = 0;
                bool whole = Attempt(problems, $"collection '{name}' cannot be read to its end", () =>
                {
                    foreach (var doc in col.FindAll())
                    {
                        read++;
                        ids.Add(doc["_id"]);
                        if (model == null) continue;
                        try
                        {
                            var item = model(doc);
                            if (keys != null) CheckKeys(doc, item, keys);
                            if (item is Subscription subscription) subscriptions[subscription.SubscriptionId] = subscription.CustomerId;
                            else if (item is License license && license.SubscriptionId != Guid.Empty) placed.Add((license.LicenseId, license.CustomerId, license.SubscriptionId));
                        }
                        catch (Exception ex) when (!(ex is OutOfMemoryException))
                        {
                            if (++bad <= 3) problems.Add($"a document of collection '{name}' ({Id(doc)}) does not read as its kind of object: {ex.Message}");
                        }
                    }
                    return true;
                });
                if (bad > 3) problems.Add($"and {(bad - 3).ToString(CultureInfo.InvariantCulture)} more documents of collection '{name}' that do not read");
                if (!whole) continue;
                wholeCollections.Add(name);
                // Every document is found under its own id (the primary key index agrees with the documents): a search
                // of the index for each id, a few hundred ids a query, that reads the index's keys, not the documents.
                Attempt(problems, $"the primary key index of collection '{name}' cannot be read", () =>
                {
                    int lost = 0;
                    var all = ids.ToList();
                    for (int at = 0; at < all.Count; at += IdsPerQuery)
                    {
                        var part = all.GetRange(at, Math.Min(IdsPerQuery, all.Count - at));
                        var found = new HashSet<BsonValue>(col.Query().Where(BsonExpression.Create("$._id IN @0", new BsonArray(part)))
                            .Select("$._id").ToEnumerable().Select(d => d.Values.FirstOrDefault() ?? BsonValue.Null));
                        foreach (var id in part)
                            if (!found.Contains(id) && ++lost <= 3)
                                problems.Add($"a document of collection '{name}' is not found under its id {id}");
                    }
                    if (lost > 3) problems.Add($"and {(lost - 3).ToString(CultureInfo.InvariantCulture)} more documents of collection '{name}' not found under their ids");
                    return true;
                });
                foreach (var index in indexes.Where(i => i["collection"] == name && i["name"] != "_id"))
                {
                    string indexName = index["name"].AsString;
                    // An index over the items of an array (an expression with [*]) lists a document once per item.
                    string expression = index["expression"].IsString ? index["expression"].AsString : "$." + indexName;
                    bool multikey = expression.Contains("[*]");
                    Attempt(problems, $"index '{indexName}' of collection '{name}' cannot be read", () =>
                    {
                        int count = 0;
                        var seen = new HashSet<BsonValue>();
                        // The index walked from end to end (a query in its order), each document it lists read for its id alone.
                        foreach (var doc in col.Query().OrderBy(BsonExpression.Create(expression)).Select("$._id").ToEnumerable())
                        {
                            count++;
                            var id = doc.Values.FirstOrDefault() ?? BsonValue.Null;
                            if (!ids.Contains(id) || (!seen.Add(id) && !multikey))
                            {
                                problems.Add($"index '{indexName}' of collection '{name}' lists a document that is not in the collection or lists it twice (id {id})");
                                return true;
                            }
                        }
                        if (count != ids.Count && !multikey)
                            problems.Add($"index '{indexName}' of collection '{name}' lists {count.ToString(CultureInfo.InvariantCulture)} documents, and the collection holds {ids.Count.ToString(CultureInfo.InvariantCulture)}");
                        return true;
                    });
                }
            }
            documents = read;
            if (wholeCollections.Contains(Schema.SubscriptionCollection) && wholeCollections.Contains(Schema.LicenseCollection))
                problems.AddRange(LookupCheck.Placements(subscriptions, placed));
            var meta = Attempt(problems, "the schema record cannot be read", () => db.GetCollection(Schema.Meta).FindById("schema"));
            if (meta == null || !meta["Application"].IsString || meta["Application"].AsString != Schema.Application || !meta["Version"].IsInt32)
                problems.Add("it has no valid schema record (the application and schema version of an MspLicensing store)");
            else
                schemaVersion = meta["Version"].AsInt32;
            var account = Attempt(problems, "the account cannot be read", () => db.GetCollection(Schema.AccountCollection).FindById("account"));
            if (account == null && schemaVersion != null)
                problems.Add("it has no partner account");
            return problems;
        }

        /// <summary>Refuses a document whose stored keys are not the ones its object makes.</summary>
        private static void CheckKeys(BsonDocument doc, object item, Action<object, BsonDocument> keys)
        {
            var expected = new BsonDocument();
            keys(item, expected);
            foreach (var pair in expected)
            {
                var stored = doc.TryGetValue(pair.Key, out var v) ? v : BsonValue.Null;
                if (!SameKey(stored, pair.Value))
                    throw new FormatException($"it is kept under the {pair.Key} {JsonSerializer.Serialize(stored)}, and its fields make {JsonSerializer.Serialize(pair.Value)} (it was changed outside MspLicensing)");
            }
        }

        /// <remarks>
        /// A key is its text upper-cased by the runtime that wrote it, and runtimes of other Unicode versions (Windows
        /// PowerShell's .NET Framework, PowerShell 7's .NET) upper-case some letters beyond ASCII differently: those are
        /// compared by their place only, so that a store is never refused for the runtime that wrote it.
        /// </remarks>
        private static bool SameKey(BsonValue stored, BsonValue expected)
        {
            if (stored.IsString && expected.IsString) return Folded(stored.AsString) == Folded(expected.AsString);
            // The keys of an array in any order: the index lists the document under each of them.
            if (stored.IsArray && expected.IsArray)
                return stored.AsArray.All(k => k.IsString) && expected.AsArray.All(k => k.IsString)
                    && stored.AsArray.Select(k => Folded(k.AsString)).OrderBy(k => k, StringComparer.Ordinal)
                        .SequenceEqual(expected.AsArray.Select(k => Folded(k.AsString)).OrderBy(k => k, StringComparer.Ordinal), StringComparer.Ordinal);
            return stored.CompareTo(expected) == 0;
        }

        private static string Folded(string key)
        {
            var chars = key.ToCharArray();
            for (int i = 0; i < chars.Length; i++)
                chars[i] = chars[i] < 128 ? char.ToUpperInvariant(chars[i]) : '\uFFFD';
            return new string(chars);
        }

        private static T Attempt<T>(List<string> problems, string what, Func<T> action)
        {
            try
            {
                return action();
            }
            catch (Exception ex) when (StoreDamage.Describe(ex) is string damage)
            {
                problems.Add(what + ": " + damage);
                return default(T);
            }
        }

        private static string Id(BsonDocument doc)
        {
            try
            {
                return "id " + doc["_id"].ToString();
            }
            catch (Exception ex) when (!(ex is OutOfMemoryException))
            {
                return "id unreadable";
            }
        }
    }
}
