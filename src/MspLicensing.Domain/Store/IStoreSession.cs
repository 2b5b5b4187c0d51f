using System;
using System.Collections.Generic;

namespace MspLicensing.Store
{
    /// <summary>What one transaction sees and changes.</summary>
    public interface IStoreSession
    {
        /// <summary>
        /// Reads what <paramref name="what"/> names in a few queries, before the items of a batch look it up one by one
        /// (by id, by name, a customer's subscriptions and licenses, a subscription's licenses): those lookups are then
        /// answered without a query of their own, with what the transaction wrote since taken into account.
        /// </summary>
        void ReadAhead(ReadAhead what);

        Account GetAccount();
        void SaveAccount(Account account);

        IDocumentSet<Customer> Customers { get; }

        /// <summary>Customer by name, ignoring case; null when there is none.</summary>
        Customer FindCustomerByName(string name);

        /// <summary>
        /// The customers with the names <paramref name="names"/>, ignoring case, each once and in no order; a name no
        /// customer has finds nothing. Many names are looked up in a few queries of the name index, not one query each.
        /// </summary>
        IReadOnlyList<Customer> FindCustomersByName(IEnumerable<string> names);

        /// <summary>
        /// Every customer's name by its id, read without the rest of the customer's record (the lists and reports that
        /// name the customers of thousands of lines); a new dictionary, the caller's to change.
        /// </summary>
        Dictionary<Guid, string> CustomerNames();

        /// <summary>The customers with the ids <paramref name="customerIds"/> that exist, in a few queries of the id index.</summary>
        IReadOnlyList<Customer> CustomersByIds(IReadOnlyCollection<Guid> customerIds);
        /// <summary>
        /// The customers whose id in the tool <paramref name="tool"/> is <paramref name="id"/>, both ignoring case, found
        /// by an index (an exact id; a wildcard pattern reads every customer).
        /// </summary>
        IReadOnlyList<Customer> FindCustomersByExternalId(string tool, string id);

        /// <summary>
        /// What each exact external id of <paramref name="ids"/> (a tool and an id) finds as <see cref="FindCustomersByExternalId"/>
        /// would, in a few queries however many they are: the ids of the customers found, by the external id's place
        /// in the list.
        /// </summary>
        IReadOnlyList<IReadOnlyList<Guid>> CustomerIdsByExternalIds(IReadOnlyList<KeyValuePair<string, string>> ids);

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

        /// <summary>The licenses of the customers <paramref name="customerIds"/>, in a few queries of the customer index.</summary>
        IReadOnlyList<License> LicensesOfCustomers(IReadOnlyCollection<Guid> customerIds);
        /// <summary>The subscriptions of the customers <paramref name="customerIds"/>, in a few queries of the customer index.</summary>
        IReadOnlyList<Subscription> SubscriptionsOfCustomers(IReadOnlyCollection<Guid> customerIds);
        /// <summary>
        /// Every subscription with its licenses, as they are read: a run over the whole store (the renewal run) keeps
        /// what it needs of each and lets the rest go, where the store can read so (<see cref="SessionReads.SubscriptionsWithLicenses"/>
        /// reads everything first).
        /// </summary>
        IEnumerable<KeyValuePair<Subscription, IReadOnlyList<License>>> SubscriptionsWithLicenses();
        /// <summary>The customers' usage ledgers (see <see cref="UsageLedgers"/>), keyed by customer.</summary>
        IDocumentSet<UsageLedger> Ledgers { get; }
        /// <summary>The months of the usage ledgers that bill before their open lines.</summary>
        IDocumentSet<UsageLedgerMonth> LedgerMonths { get; }
        /// <summary>The ledgers of the customers <paramref name="customerIds"/> that have one, in a few queries.</summary>
        IReadOnlyList<UsageLedger> UsageLedgersOf(IReadOnlyCollection<Guid> customerIds);
        /// <summary>
        /// The lines each customer bills in the month <paramref name="month"/> (yyyyMM), as its ledger writes them: those
        /// of its document of the month, or its open lines when they began by then; found by indexes on the month.
        /// </summary>
        IReadOnlyList<KeyValuePair<Guid, string>> UsageLedgerLines(int month);
        /// <summary>The first month (yyyyMM) any ledger bills in; null when none does.</summary>
        int? FirstUsageLedgerMonth();
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
}
