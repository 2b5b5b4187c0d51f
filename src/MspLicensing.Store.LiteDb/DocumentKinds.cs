using System;

namespace MspLicensing.Store
{
    /// <summary>The kinds of document every store keeps, described once for both.</summary>
    internal static class DocumentKinds
    {
        internal static readonly DocumentKind<Customer> Customers = new DocumentKind<Customer>(
            Schema.CustomerCollection, "Customer", c => c.CustomerId, c => c.Name, keys: LiteDbSession.Keys, read: Readers.Customer);

        internal static readonly DocumentKind<ServicePlan> ServicePlans = new DocumentKind<ServicePlan>(
            Schema.ServicePlanCollection, "ServicePlan", p => p.ServicePlanId, p => p.Name, uniqueName: p => p.Name);

        // The rules name a stale subscription by its plan.
        internal static readonly DocumentKind<Subscription> Subscriptions = new DocumentKind<Subscription>(
            Schema.SubscriptionCollection, "Subscription", x => x.SubscriptionId, x => x.ServicePlan + " " + x.SubscriptionId,
            read: Readers.Subscription, alias: x => x.ServicePlan);

        internal static readonly DocumentKind<License> Licenses = new DocumentKind<License>(
            Schema.LicenseCollection, "License", l => l.LicenseId, l => l.Product + " " + l.ActivationCode, read: Readers.License);

        internal static readonly DocumentKind<Template> Templates = new DocumentKind<Template>(
            Schema.TemplateCollection, "Template", t => t.TemplateId, t => t.Name, uniqueName: t => t.Name);

        internal static readonly DocumentKind<OutboxItem> Outbox = new DocumentKind<OutboxItem>(
            Schema.OutboxCollection, "OutboxItem", o => o.OutboxItemId, o => o.Change + " " + o.CustomerId);

        internal static readonly DocumentKind<LicenseMigration> Migrations = new DocumentKind<LicenseMigration>(
            Schema.MigrationCollection, "LicenseMigration", m => m.MigrationId, m => m.Product + " " + m.SourceActivationCode);

        internal static readonly DocumentKind<UsageLedger> Ledgers = new DocumentKind<UsageLedger>(
            Schema.LedgerCollection, "UsageLedger", l => l.CustomerId, l => "of customer " + l.CustomerId);

        internal static readonly DocumentKind<UsageLedgerMonth> LedgerMonths = new DocumentKind<UsageLedgerMonth>(
            Schema.LedgerMonthCollection, "UsageLedgerMonth", m => m.Id, m => m.Month + " of customer " + m.CustomerId, immutable: true);
    }
}
