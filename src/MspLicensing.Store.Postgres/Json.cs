using System;
using LiteDB;
using Npgsql;
using NpgsqlTypes;

namespace MspLicensing.Store
{
    /// <summary>Documents as jsonb: the file store's mapper, written as LiteDB's extended JSON ({"$guid": …}, {"$numberLong": …}).</summary>
    internal static class Json
    {
        internal static BsonDocument ToDocument<T>(T item) => Mapping.ToDocument(item);

        internal static T ToObject<T>(BsonDocument doc) => Mapping.ToObject<T>(doc);

        internal static string Write(BsonDocument doc) => LiteDB.JsonSerializer.Serialize(doc);

        internal static BsonDocument Read(string json) => LiteDB.JsonSerializer.Deserialize(json).AsDocument;
    }
}
