namespace MspLicensing.Store
{
    /// <summary>One step of the layout of a PostgreSQL store: SQL run in the transaction that upgrades the store.</summary>
    public sealed class PostgresSchemaStep
    {
        public PostgresSchemaStep(int version, string description, string sql)
        {
            Version = version;
            Description = description;
            Sql = sql;
        }

        /// <summary>The schema version the store has after this step; the same numbers as the file store's steps.</summary>
        public int Version { get; }
        public string Description { get; }
        public string Sql { get; }
    }
}
