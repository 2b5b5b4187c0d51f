using System;
using System.Collections.Generic;
using LiteDB;

namespace MspLicensing.Store
{
    /// <summary>One step of the store layout. A new store runs every step; an older store runs the steps it lacks.</summary>
    public sealed class SchemaStep
    {
        public SchemaStep(int version, string description, Action<LiteDatabase> apply)
        {
            Version = version;
            Description = description;
            Apply = apply;
        }

        /// <summary>The schema version the store has after this step.</summary>
        public int Version { get; }
        public string Description { get; }
        public Action<LiteDatabase> Apply { get; }
    }

    /// <summary>The store layout, version by version. Add a step (never change an old one) when the layout changes.</summary>
    public static class Schema
    {
        public const string Application = "MspLicensing";

        internal const string Meta = "meta";
        internal const string AccountCollection = "account";
        internal const string CustomerCollection = "customers";
        internal const string AuditCollection = "audit";
        internal const string LicenseCollection = "licenses";

        public static IReadOnlyList<SchemaStep> Steps { get; } = new[]
        {
            new SchemaStep(1, "Account, customers with a unique case-insensitive name key, audit log", db =>
            {
                db.GetCollection(CustomerCollection).EnsureIndex("NameKey", "$.NameKey", unique: true);
                db.GetCollection(AuditCollection).EnsureIndex("TargetId", "$.TargetId");
            }),
        };

        /// <summary>The schema version this module writes.</summary>
        public static int Current => Steps[Steps.Count - 1].Version;
    }
}
