using System;
using System.Collections.Generic;

namespace MspLicensing.Store
{
    /// <summary>
    /// The store behind the rules. Every change runs in <see cref="Write{T}"/> (one transaction: all of it is written
    /// or none of it); <see cref="WriteEach{TIn,TOut}"/> commits a batch in which each item is all-or-nothing.
    /// Implementations must refuse a stale write (an <see cref="IVersioned"/> whose version moved on) instead of overwriting it.
    /// </summary>
    public interface IMspStore : IDisposable
    {
        /// <summary>Full path of the store file, or postgresql://user@server:port/database for a team store.</summary>
        string Path { get; }

        /// <summary>Runs a read against one consistent view of the store.</summary>
        T Read<T>(Func<IStoreSession, T> read);

        /// <summary>Runs a change in one transaction; <paramref name="command"/> goes into the audit log.</summary>
        T Write<T>(string command, Func<IStoreSession, T> write);

        /// <summary>
        /// Applies <paramref name="write"/> to each item in as few transactions as possible. An item that throws is
        /// left out whole (nothing of it is written) and reported in its result; the other items land.
        /// </summary>
        IReadOnlyList<ItemResult<TOut>> WriteEach<TIn, TOut>(string command, IReadOnlyList<TIn> items, Func<IStoreSession, TIn, TOut> write);

        /// <summary>Path, size, schema version and counts.</summary>
        StoreInfo GetInfo();

        /// <summary>Writes a consistent copy of the store to <paramref name="destinationPath"/>, which must not exist.</summary>
        void Backup(string destinationPath);
    }

    /// <summary>The outcome of one item of <see cref="IMspStore.WriteEach{TIn,TOut}"/>.</summary>
    public sealed class ItemResult<T>
    {
        public ItemResult(T value, Exception error)
        {
            Value = value;
            Error = error;
        }

        public T Value { get; }
        public Exception Error { get; }
        public bool Succeeded => Error == null;
    }

    /// <summary>
    /// <see cref="IMspStore.WriteEach{TIn,TOut}"/> stopped by a store failure (a full disk) after part of the batch was
    /// committed: <see cref="Committed"/> holds the results of the items that are stored (null for the others), so
    /// that they are reported before the failure.
    /// </summary>
    public sealed class BatchInterruptedException<T> : Exception
    {
        public BatchInterruptedException(IReadOnlyList<ItemResult<T>> committed, MspException failure)
            : base(failure.Message, failure)
        {
            Committed = committed;
            Failure = failure;
        }

        public IReadOnlyList<ItemResult<T>> Committed { get; }
        public MspException Failure { get; }
    }

    /// <summary>What one transaction sees and changes.</summary>
    public interface IStoreSession
    {
        Account GetAccount();
        void SaveAccount(Account account);

        IDocumentSet<Customer> Customers { get; }

        /// <summary>Customer by name, ignoring case; null when there is none.</summary>
        Customer FindCustomerByName(string name);

        /// <summary>
        /// The customers whose id in the tool <paramref name="tool"/> is <paramref name="id"/>, both ignoring case, found
        /// by an index (an exact id; a wildcard pattern reads every customer).
        /// </summary>
        IReadOnlyList<Customer> FindCustomersByExternalId(string tool, string id);

        /// <summary>Whether any license or registered product belongs to the customer (R12).</summary>
        bool CustomerHoldsProducts(Guid customerId);

        IDocumentSet<ServicePlan> ServicePlans { get; }

        /// <summary>Service plan by name, ignoring case; null when there is none.</summary>
        ServicePlan FindServicePlanByName(string name);

        IDocumentSet<Subscription> Subscriptions { get; }
        IReadOnlyList<Subscription> SubscriptionsOfCustomer(Guid customerId);
        /// <summary>Whether any subscription (in any state) was assigned from the plan (R22).</summary>
        bool ServicePlanInUse(Guid servicePlanId);

        IDocumentSet<License> Licenses { get; }
        IReadOnlyList<License> LicensesOfCustomer(Guid customerId);
        IReadOnlyList<License> LicensesOfSubscription(Guid subscriptionId);
        License FindLicenseByActivationCode(string activationCode);

        IDocumentSet<LicenseMigration> Migrations { get; }
        IDocumentSet<Template> Templates { get; }
        /// <summary>Template by name, ignoring case; null when there is none.</summary>
        Template FindTemplateByName(string name);
        /// <summary>R70: changes waiting for synchronization.</summary>
        IDocumentSet<OutboxItem> Outbox { get; }

        /// <summary>The stored report of a month (yyyy-MM), or null while nothing about it was stored.</summary>
        UsageReport GetUsageReport(string month);
        /// <summary>The months (yyyy-MM) that have a stored report, oldest first.</summary>
        IReadOnlyList<string> UsageReportMonths();
        /// <summary>Stores a month's report if the stored revision still equals report.Revision (0 for a new one).</summary>
        void SaveUsageReport(UsageReport report);

        /// <summary>
        /// Adds an entry to the audit log of this transaction (who and which command are filled in).
        /// <paramref name="customerId"/> is the customer the change concerns (its record, or its subscription, license,
        /// crossgrade, migration, usage report line or template assignment), so that the customer's history lists it;
        /// null for a change that concerns no one customer.
        /// </summary>
        void Audit(string action, string targetType, string targetId, string target, string summary, Guid? customerId = null);

        IEnumerable<AuditEntry> AuditLog(AuditQuery query);
    }

    /// <summary>A collection of versioned documents keyed by Guid.</summary>
    public interface IDocumentSet<T> where T : class, IVersioned
    {
        T Get(Guid id);
        IEnumerable<T> All();
        /// <summary>
        /// Every document, one at a time as it is read, so that a caller that keeps little of each (a month's report)
        /// does not hold them all. Enumerate it at once, inside the session, and change nothing of the set meanwhile.
        /// </summary>
        IEnumerable<T> Each();
        int Count();
        /// <summary>Inserts a new document at version 1.</summary>
        void Insert(T item);
        /// <summary>Writes <paramref name="item"/> if the stored revision still equals item.Revision, then bumps the revision.</summary>
        void Update(T item);
        /// <summary>Deletes the document if the stored revision still equals item.Revision.</summary>
        void Delete(T item);
    }

    /// <summary>The kinds of store: a file on one machine, or a PostgreSQL database the whole team uses.</summary>
    public static class StoreKinds
    {
        public const string LiteDb = "LiteDB";
        public const string PostgreSql = "PostgreSQL";
    }

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

    /// <summary>What a full check of a store file found (Test-MspStore). The check reads only: the file is left as it was.</summary>
    public sealed class StoreHealth
    {
        public string Path { get; set; }
        /// <summary>True when nothing is wrong: every page, document and index reads and agrees.</summary>
        public bool Healthy { get; set; }
        /// <summary>What is wrong, one sentence each; empty when the store is healthy.</summary>
        public string[] Problems { get; set; } = new string[0];
        /// <summary>The schema version the store records, when it can be read.</summary>
        public int? SchemaVersion { get; set; }
        public bool Encrypted { get; set; }
        /// <summary>How many pages of the file were checked.</summary>
        public long Pages { get; set; }
        /// <summary>How many documents were read and mapped.</summary>
        public int Documents { get; set; }
    }
}
