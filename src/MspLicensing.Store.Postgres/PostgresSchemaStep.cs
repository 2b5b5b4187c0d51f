namespace MspLicensing.Store
{
    /// <summary>
    /// One step of the layout of a PostgreSQL store: SQL run in the transaction that upgrades the store, then what the
    /// step writes through a session of that transaction (documents derived from the others), if anything.
    /// </summary>
    public sealed class PostgresSchemaStep
    {
        public PostgresSchemaStep(int version, string description, string sql, System.Action<IStoreSession> write = null)
        {
            Version = version;
            Description = description;
            Sql = sql;
            Write = write;
        }

        /// <summary>What the step writes after its SQL; null for none.</summary>
        public System.Action<IStoreSession> Write { get; }

        /// <summary>The schema version the store has after this step; the same numbers as the file store's steps.</summary>
        public int Version { get; }
        public string Description { get; }
        public string Sql { get; }
    }
}
