using System.Collections.Generic;

namespace MspLicensing.Store
{
    /// <summary>
    /// The tables of a PostgreSQL store, in a schema (namespace) of their own so that the database can hold other
    /// things. The version numbers are those of <see cref="Schema"/>: a version says what the documents may hold, so
    /// an older module refuses a newer store of either kind. The first PostgreSQL store was written at version 7, so
    /// one step creates the layout of version 7; later versions add a step to both lists.
    /// </summary>
    public static class PostgresSchema
    {
        /// <summary>The PostgreSQL schema (namespace) that holds the store's tables.</summary>
        public const string Name = "msplicensing";

        /// <summary>The table of one document collection: its id, revision, who changed it last and when, and the document.</summary>
        private static string Documents(string table, string idType) =>
            $"CREATE TABLE {Name}.{table} (id {idType} PRIMARY KEY, revision integer NOT NULL, modified_by text, modified_utc timestamp, body jsonb NOT NULL);\n";

        /// <summary>A Guid field of a document, as the mapper writes it ({"$guid": "…"}), as text.</summary>
        internal static string GuidField(string field) => $"(body->'{field}'->>'$guid')";

        /// <summary>A whole-number field of a document.</summary>
        internal static string IntField(string field) => $"((body->>'{field}')::int)";
        /// <summary>A text field of a document.</summary>
        internal static string TextField(string field) => $"(body->>'{field}')";

        public static IReadOnlyList<PostgresSchemaStep> Steps { get; } = new[]
        {
            new PostgresSchemaStep(7, "Account, customers, service plans, subscriptions, licenses, usage reports, migrations, templates, outbox and the audit log; unique case-insensitive names and activation codes enforced by unique indexes",
                $"CREATE SCHEMA IF NOT EXISTS {Name};\n"
                + $"CREATE TABLE {Name}.schema_version (application text PRIMARY KEY, version integer NOT NULL);\n"
                + Documents("account", "text")
                + Documents("customers", "uuid")
                + Documents("plans", "uuid")
                + Documents("subscriptions", "uuid")
                + Documents("licenses", "uuid")
                + Documents("reports", "text")
                + Documents("migrations", "uuid")
                + Documents("templates", "uuid")
                + Documents("outbox", "uuid")
                + $"CREATE TABLE {Name}.audit (id bigserial PRIMARY KEY, target_id text, customer_id uuid, body jsonb NOT NULL);\n"
                // The name key is the trimmed name in upper case (as the file store keys it): one row per name, whatever its case.
                + $"CREATE UNIQUE INDEX customers_name ON {Name}.customers ({TextField("NameKey")});\n"
                + $"CREATE UNIQUE INDEX plans_name ON {Name}.plans ({TextField("NameKey")});\n"
                + $"CREATE UNIQUE INDEX templates_name ON {Name}.templates ({TextField("NameKey")});\n"
                + $"CREATE UNIQUE INDEX licenses_code ON {Name}.licenses ({TextField("ActivationCode")});\n"
                + $"CREATE INDEX subscriptions_customer ON {Name}.subscriptions ({GuidField("CustomerId")});\n"
                + $"CREATE INDEX subscriptions_plan ON {Name}.subscriptions ({GuidField("ServicePlanId")});\n"
                + $"CREATE INDEX licenses_customer ON {Name}.licenses ({GuidField("CustomerId")});\n"
                + $"CREATE INDEX licenses_subscription ON {Name}.licenses ({GuidField("SubscriptionId")});\n"
                + $"CREATE INDEX migrations_license ON {Name}.migrations ({GuidField("LicenseId")});\n"
                + $"CREATE INDEX outbox_customer ON {Name}.outbox ({GuidField("CustomerId")});\n"
                + $"CREATE INDEX audit_target ON {Name}.audit (target_id);\n"
                + $"CREATE INDEX audit_customer ON {Name}.audit (customer_id);\n"),
            new PostgresSchemaStep(8, "Customers are found by their external ids through an index",
                // The keys as the module writes them: TOOL=ID in upper case.
                $"UPDATE {Name}.customers SET body = jsonb_set(body, '{{ExternalIdKeys}}', (SELECT jsonb_agg(upper(trim(e.key)) || '=' || upper(e.value)) FROM jsonb_each_text(body->'ExternalId') e))\n"
                + $"  WHERE jsonb_typeof(body->'ExternalId') = 'object' AND body->'ExternalId' <> '{{}}'::jsonb;\n"
                + $"CREATE INDEX customers_external_ids ON {Name}.customers USING gin ((body->'ExternalIdKeys'));\n"),
            // As in the file store: no layout change, licenses are written with their histories as text from now on.
            new PostgresSchemaStep(9, "A license's seat history and used counts are kept as one text each", "SELECT 1;\n"),
            new PostgresSchemaStep(10, "Usage ledgers: what each customer bills month by month, kept with every change",
                Documents("ledgers", "uuid")
                + Documents("ledgermonths", "uuid")
                + $"CREATE INDEX ledgers_open ON {Name}.ledgers ({IntField("OpenFrom")});\n"
                + $"CREATE INDEX ledgers_first ON {Name}.ledgers ({IntField("FirstMonth")});\n"
                + $"CREATE INDEX ledgermonths_month ON {Name}.ledgermonths ({IntField("Month")});\n",
                UsageLedgers.Rebuild),
            // The store file dropped the index on the audit log's targets; the team store keeps its own, which its
            // customer's history query reads beside the index on customers.
            new PostgresSchemaStep(11, "The store file's audit log is not indexed by target; the team store's is, as before", "SELECT 1;\n"),
        };

        /// <summary>The schema version this module writes (the same as the file store's).</summary>
        public static int Current => Steps[Steps.Count - 1].Version;
    }
}
