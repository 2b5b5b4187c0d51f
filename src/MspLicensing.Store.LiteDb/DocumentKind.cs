using System;

namespace MspLicensing.Store
{
    /// <summary>
    /// One kind of document as every store keeps it: its collection (a LiteDB collection; the PostgreSQL table has the
    /// same name), the type name its errors give it, its id, the name an error names it by (and another the rules'
    /// errors use), the unique name the store keys it by (NameKey), and how it is read back.
    /// </summary>
    internal sealed class DocumentKind<T>
    {
        internal DocumentKind(string collection, string typeName, Func<T, Guid> id, Func<T, string> name,
            Func<T, string> uniqueName = null, Func<LiteDB.BsonDocument, T> read = null, Func<T, string> alias = null,
            Action<T, LiteDB.BsonDocument> keys = null, bool immutable = false)
        {
            Immutable = immutable;
            Collection = collection;
            TypeName = typeName;
            Id = id;
            Name = name;
            Read = read;
            Alias = alias;
            if (keys != null) Decorate = keys;
            else if (uniqueName != null) Decorate = (item, doc) => doc["NameKey"] = LiteDbSession.NameKey(uniqueName(item));
        }

        public string Collection { get; }
        public string TypeName { get; }
        public Func<T, Guid> Id { get; }
        public Func<T, string> Name { get; }
        /// <summary>How a document is read back; null for the mapper.</summary>
        public Func<LiteDB.BsonDocument, T> Read { get; }
        /// <summary>Another name the rules give a document in their errors; null when they use <see cref="Name"/>.</summary>
        public Func<T, string> Alias { get; }
        /// <summary>
        /// Whether a document of this kind is written once and never updated (its id says what it holds), so that
        /// deleting it needs no check of its revision.
        /// </summary>
        public bool Immutable { get; }
        /// <summary>Adds the keys the store's indexes find a document by (the name key of a kind whose names are unique); null for other kinds.</summary>
        public Action<T, LiteDB.BsonDocument> Decorate { get; }
    }
}
