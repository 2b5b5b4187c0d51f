using System;

namespace MspLicensing.Store
{
    public sealed class StoreInfo
    {
        /// <summary>The store file's full path, or for a database postgresql://user@server:port/database (never a password).</summary>
        public string Path { get; set; }
        /// <summary>LiteDB (a store file) or PostgreSQL (the team store); see <see cref="StoreKinds"/>.</summary>
        public string Kind { get; set; } = StoreKinds.LiteDb;
        /// <summary>The database server of a team store; null for a store file.</summary>
        public string Server { get; set; }
        /// <summary>The database of a team store; null for a store file.</summary>
        public string Database { get; set; }
        /// <summary>How the session chose the store: Connect-MspStore, MSPLICENSING_STORE or Default.</summary>
        public string Source { get; set; }
        public long SizeBytes { get; set; }
        public int SchemaVersion { get; set; }
        public bool Encrypted { get; set; }
        public string AccountName { get; set; }
        public AccountType AccountType { get; set; }
        public int Customers { get; set; }
        public int ServicePlans { get; set; }
        public int Subscriptions { get; set; }
        public int Licenses { get; set; }
        public int AuditEntries { get; set; }
        /// <summary>R70: changes waiting for Sync-MspRemoteManager.</summary>
        public int PendingSync { get; set; }
    }
}
