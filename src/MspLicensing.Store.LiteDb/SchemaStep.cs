using System;
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
}
