using System;

namespace MspLicensing.Store
{
    /// <summary>The collections of <see cref="IStoreSession"/>, as every store's session offers them: its <see cref="DocumentSets"/>.</summary>
    internal abstract class DocumentSession
    {
        /// <summary>The session's document sets, made by its store's factory when the session is created.</summary>
        protected DocumentSets Sets { get; set; }

        public IDocumentSet<Customer> Customers => Sets.Customers;
        public IDocumentSet<ServicePlan> ServicePlans => Sets.ServicePlans;
        public IDocumentSet<Subscription> Subscriptions => Sets.Subscriptions;
        public IDocumentSet<License> Licenses => Sets.Licenses;
        public IDocumentSet<LicenseMigration> Migrations => Sets.Migrations;
        public IDocumentSet<Template> Templates => Sets.Templates;
        public IDocumentSet<OutboxItem> Outbox => Sets.Outbox;
        public IDocumentSet<UsageLedger> Ledgers => Sets.Ledgers;
        public IDocumentSet<UsageLedgerMonth> LedgerMonths => Sets.LedgerMonths;

        /// <summary>
        /// Brings the usage ledgers of the customers whose licenses or subscriptions this transaction changed up to
        /// date; a store calls it after the transaction's changes, before it commits them.
        /// </summary>
        internal void SettleLedgers()
        {
            var changes = Sets.TakeLedgerChanges();
            UsageLedgers.Settle((IStoreSession)this, changes.Customers, changes.Subscriptions);
        }
    }
}
