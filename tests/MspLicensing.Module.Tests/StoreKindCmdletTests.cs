using System;
using System.IO;
using System.Linq;
using MspLicensing.Module.Tests.Hosting;
using MspLicensing.Store;
using Xunit;

namespace MspLicensing.Module.Tests
{
    /// <summary>
    /// The same command lines on a store file and on the team store: every cmdlet works unchanged on either kind, with
    /// the same results (customers, subscriptions and licenses, the usage report, the audit log, stale changes).
    /// </summary>
    public abstract class StoreKindCmdletTests
    {
        protected abstract bool Postgres { get; }

        protected ModuleSession Session() => new ModuleSession(postgres: Postgres);

        /// <summary>A second session (another technician) on the same store as <paramref name="s"/>.</summary>
        protected static ModuleSession Beside(ModuleSession s)
        {
            var other = new ModuleSession(connect: false);
            other.Ok(s.ConnectionString != null
                ? $"Connect-MspStore -ConnectionString '{s.ConnectionString}'"
                : $"Connect-MspStore -Path '{s.StorePath}'");
            return other;
        }

        [SkippableFact]
        public void Customers_are_created_found_changed_and_removed_with_unique_names_R1()
        {
            using var s = Session();
            s.NewCustomer("Contoso");
            s.NewCustomer("Fabrikam", "-ExternalId @{ Autotask = '42' }");
            var duplicate = s.Run("New-MspCustomer -Name ' CONTOSO ' -Country US -City Seattle -State WA -ContactFirstName A -ContactLastName B -Email a@example.com");
            Assert.Contains("CustomerNameTaken", duplicate.Errors.Single().FullyQualifiedErrorId);
            Assert.Equal(new[] { "Contoso", "Fabrikam" }, s.Ok("Get-MspCustomer").Objects<Customer>().Select(c => c.Name));
            Assert.Equal("Fabrikam", s.Ok("Get-MspCustomer -ExternalId Autotask=42").Objects<Customer>().Single().Name);
            s.Ok("Set-MspCustomer contoso -Notes 'first line'");
            Assert.Equal("first line", s.Ok("Get-MspCustomer Contoso").Objects<Customer>().Single().Notes);
            s.Ok("Set-MspCustomer Fabrikam -Enabled $false");
            Assert.Matches(@"Contoso\s+US\s+True", s.Ok("Get-MspCustomer | Out-Default").Text);
            Assert.Matches(@"Fabrikam\s+US\s+False", s.Ok("Get-MspCustomer | Out-Default").Text);
            Assert.Equal(2, s.Ok("Get-MspStore").Objects<StoreInfo>().Single().Customers);
        }

        [SkippableFact]
        public void Subscriptions_licenses_renewals_and_the_usage_report_R53_R56()
        {
            using var s = Session();
            s.Ok("New-MspServicePlan -Name Endpoint -Product WFBSS -InitialPeriodMonths 1 -AutoRenewalMonths 1 -DataCenter Germany");
            foreach (var n in new[] { "A", "B", "C" }) s.NewCustomer(n);
            Assert.Equal(3, s.Ok("Get-MspCustomer | New-MspSubscription -ServicePlan Endpoint -Seats 100 -StartDate 2026-01-05").Objects<Subscription>().Count());
            var licenses = s.Ok("Get-MspLicense").Objects<License>().ToList();
            Assert.Equal(3, licenses.Select(l => l.ActivationCode).Distinct().Count());
            Assert.All(licenses, l => Assert.Equal(new DateTime(2026, 1, 5), l.StartDate));
            s.Ok("Invoke-MspRenewal -AsOf 2026-03-10");
            var renewed = s.Ok("Get-MspSubscription -Customer A").Objects<Subscription>().Single();
            Assert.True(renewed.ExpirationDate > new DateTime(2026, 3, 10), "renewed: " + renewed.ExpirationDate);
            Assert.True(renewed.Renewals > 0);
            s.Ok("Set-MspSubscription -Customer B -Seats 125 -Date 2026-03-01");
            var text = s.Ok("Get-MspUsageReport -Month 2026-03 | Out-Default").Text;
            Assert.Matches(@"2026-03\s+WFBSS\s+3\s+325\s+325\s+251-500\s+Preparing", text);
            Assert.Equal(325, s.Ok("Get-MspUsageReport -Month 2026-03").Objects<UsageSummary>().Single().Chargeable);
        }

        [SkippableFact]
        public void Test_MspStore_names_a_ledger_that_bills_otherwise_and_Repair_MspStore_rewrites_it()
        {
            using var s = Session();
            s.Ok("New-MspServicePlan -Name Endpoint -Product WFBSS -InitialPeriodMonths 1 -AutoRenewalMonths 1 -DataCenter Germany");
            s.NewCustomer("Contoso");
            s.NewCustomer("Fabrikam");
            s.Ok("New-MspSubscription Contoso Endpoint -Seats 10 -StartDate 2026-01-05");
            s.Ok("New-MspSubscription Fabrikam Endpoint -Seats 4 -StartDate 2026-01-05");
            s.Ok("Set-MspSubscription -Customer Contoso -Seats 12 -Date 2026-03-01");
            Assert.Equal(true, s.Ok("Test-MspStore -Quiet").Output.Single().BaseObject);
            Assert.Empty(s.Ok("Repair-MspStore -Verbose").Output);
            // January of Contoso's ledger is edited by other tools to bill 11 seats.
            using (IMspStore store = Postgres ? PostgresStore.Open(s.ConnectionString) : LiteDbStore.Open(s.StorePath))
                store.Write("Edit", st =>
                {
                    var january = st.LedgerMonths.All().Single(m => m.Month == 202601 && st.Customers.Get(m.CustomerId).Name == "Contoso");
                    st.LedgerMonths.Delete(january);
                    st.LedgerMonths.Insert(new UsageLedgerMonth { Id = january.Id, CustomerId = january.CustomerId, Month = 202601, Lines = january.Lines.Replace("\t10\t", "\t11\t") });
                    return 0;
                });
            Assert.Equal(11, s.Ok("Get-MspUsageReport -Month 2026-01 -Customer Contoso -ByCustomer").Objects<UsageLine>().Single().Provisioned);

            var health = s.Ok("Test-MspStore").Objects<StoreHealth>().Single();
            Assert.False(health.Healthy);
            Assert.Equal("The usage ledger of 'Contoso' bills otherwise than its licenses and subscriptions in 2026-01; Repair-MspStore rewrites it from them.", health.Problems.Single());
            var whatIf = s.Ok("Repair-MspStore -WhatIf");
            Assert.Empty(whatIf.Output);
            Assert.Contains("What if: Rewrite the usage ledger of customer 'Contoso' from its licenses and subscriptions (months billed otherwise: 2026-01).", whatIf.Text);
            Assert.False(s.Ok("Test-MspStore").Objects<StoreHealth>().Single().Healthy);

            var repaired = s.Ok("$r = Repair-MspStore; $r | Out-Default; $r");
            // Exported, the months are text, not a type name.
            Assert.Contains(",\"2026-01\",", s.Ok("$r | ConvertTo-Csv -NoTypeInformation").Output.Last().BaseObject.ToString());
            Assert.Equal(new[] { "Contoso" }, repaired.Objects<LedgerDisagreement>().Select(d => d.Customer));
            Assert.Equal(new[] { "2026-01" }, repaired.Objects<LedgerDisagreement>().Single().Months);
            Assert.Matches(@"(?m)^Customer\s+Months billed otherwise\s*$", repaired.Text);
            Assert.Matches(@"(?m)^Contoso\s+2026-01\s*$", repaired.Text);
            Assert.True(s.Ok("Test-MspStore").Objects<StoreHealth>().Single().Healthy);
            Assert.Equal(10, s.Ok("Get-MspUsageReport -Month 2026-01 -Customer Contoso -ByCustomer").Objects<UsageLine>().Single().Provisioned);
            var entry = s.Ok("Get-MspAuditLog -TargetType UsageLedger").Objects<AuditEntry>().Single();
            Assert.Equal(("Repair-MspStore", "Contoso"), (entry.Command, entry.Customer));
            Assert.EndsWith("months it billed otherwise: 2026-01", entry.Summary);
        }

        [SkippableFact]
        public void A_customers_history_lists_every_change_that_touched_it()
        {
            using var s = Session();
            s.Ok("New-MspServicePlan -Name Endpoint -Product WFBSS -AutoRenewalMonths 1 -DataCenter Germany");
            s.NewCustomer("Contoso");
            s.NewCustomer("Fabrikam");
            s.Ok("New-MspSubscription Contoso Endpoint -Seats 5 -StartDate 2026-01-05");
            s.Ok("Set-MspCustomer Contoso -Notes changed");
            var history = s.Ok("Get-MspCustomer Contoso | Get-MspAuditLog").Objects<AuditEntry>().ToList();
            Assert.Equal(new[] { "Set-MspCustomer", "New-MspSubscription", "New-MspSubscription", "New-MspCustomer" }.Distinct(),
                history.Select(e => e.Command).Distinct());
            Assert.All(history, e => Assert.Equal("Contoso", e.Customer));
            Assert.True(history.Zip(history.Skip(1), (a, b) => a.Id > b.Id).All(x => x), "newest first");
            Assert.Single(s.Ok("Get-MspAuditLog -Customer Fabrikam").Output);
            Assert.Equal(2, s.Ok("Get-MspAuditLog -TargetType Customer -Command New-*").Output.Count);
        }

        [SkippableFact]
        public void Two_technicians_changing_one_customer_one_lands_and_the_other_is_refused_naming_the_change()
        {
            using var a = Session();
            a.NewCustomer("Contoso");
            using var b = Beside(a);
            a.Ok("$read = Get-MspCustomer Contoso");
            b.Ok("Set-MspCustomer Contoso -Notes 'from B'");
            var refused = a.Run("$read | Set-MspCustomer -Notes 'from A'");
            var error = refused.Errors.Single();
            Assert.Contains("StaleObject", error.FullyQualifiedErrorId);
            Assert.Contains("changed by someone else", error.Exception.Message);
            Assert.Contains("nothing was written", error.Exception.Message);
            if (Postgres)
            {
                // The team store records who changed a document last and when.
                Assert.True(error.Exception.Message.Contains("(by '" + Environment.UserName), error.Exception.Message);
                Assert.Matches(@"at \d{4}-\d\d-\d\d \d\d:\d\d:\d\d UTC", error.Exception.Message);
            }
            Assert.Equal("from B", b.Ok("Get-MspCustomer Contoso").Objects<Customer>().Single().Notes);
            Assert.Equal(2, a.Ok("Get-MspCustomer Contoso").Objects<Customer>().Single().Revision);
        }

        [SkippableFact]
        public void Two_technicians_changing_one_subscription_one_lands_and_the_other_is_refused_naming_the_change()
        {
            using var a = Session();
            a.NewCustomer("Contoso");
            a.Ok("New-MspServicePlan -Name Endpoint -Product WFBSS -AutoRenewalMonths 1 -DataCenter Germany");
            a.Ok("New-MspSubscription Contoso Endpoint -Seats 5 -StartDate 2026-01-05");
            using var b = Beside(a);
            a.Ok("$read = Get-MspSubscription -Customer Contoso");
            b.Ok("Set-MspSubscription -Customer Contoso -Seats 7");
            var error = a.Run("$read | Set-MspSubscription -Seats 9").Errors.Single();
            Assert.Contains("StaleObject", error.FullyQualifiedErrorId);
            Assert.Contains("Subscription 'Endpoint' was changed by someone else", error.Exception.Message);
            if (Postgres)
                Assert.Matches(@"\(by '[^']+' at \d{4}-\d\d-\d\d \d\d:\d\d:\d\d UTC; read at revision \d+, now revision \d+\)", error.Exception.Message);
            Assert.Equal(7, a.Ok("Get-MspLicense -Customer Contoso").Objects<License>().Single().Seats);
        }
    }

    public sealed class LiteDbStoreCmdletTests : StoreKindCmdletTests
    {
        protected override bool Postgres => false;
    }

    public sealed class PostgresStoreCmdletTests : StoreKindCmdletTests
    {
        protected override bool Postgres => true;

        /// <summary>
        /// The team store's check looks everything up as the commands do: a customer renamed by another program (its
        /// name key left as it was) is not found by its name, and a license moved into another customer's subscription
        /// is not read with its customer; Test-MspStore names both. (The store file's check finds the same in the file,
        /// DamagedStoreTests.)
        /// </summary>
        [SkippableFact]
        public void Test_MspStore_of_the_team_store_names_a_customer_renamed_and_a_license_moved_by_other_programs()
        {
            using var s = new ModuleSession(postgres: true);
            s.Ok("New-MspServicePlan -Name Endpoint -Product WFBSS -InitialPeriodMonths 1 -AutoRenewalMonths 1 -DataCenter Germany");
            s.NewCustomer("Contoso");
            s.NewCustomer("Fabrikam", "-ExternalId @{ Autotask = '42' }");
            s.Ok("Get-MspCustomer | New-MspSubscription -ServicePlan Endpoint -Seats 10 -StartDate 2026-01-05");
            Assert.Equal(true, s.Ok("Test-MspStore -Quiet").Output.Single().BaseObject);

            var contoso = s.Ok("Get-MspCustomer Contoso").Objects<Customer>().Single();
            var fabrikam = s.Ok("Get-MspCustomer Fabrikam").Objects<Customer>().Single();
            var fabrikams = s.Ok("Get-MspSubscription -Customer Fabrikam").Objects<Subscription>().Single();
            var license = s.Ok("Get-MspLicense -Customer Contoso").Objects<License>().Single();
            MspLicensing.Tests.PostgresServer.Scalar(s.ConnectionString,
                $"UPDATE {PostgresSchema.Name}.customers SET body = jsonb_set(body, '{{Name}}', '\"Contoso Renamed\"') WHERE id = '{contoso.CustomerId}'");
            MspLicensing.Tests.PostgresServer.Scalar(s.ConnectionString,
                $"UPDATE {PostgresSchema.Name}.customers SET body = jsonb_set(body, '{{ExternalIdKeys}}', '[\"AUTOTASK=43\"]') WHERE id = '{fabrikam.CustomerId}'");
            MspLicensing.Tests.PostgresServer.Scalar(s.ConnectionString,
                $"UPDATE {PostgresSchema.Name}.licenses SET body = jsonb_set(body, '{{SubscriptionId}}', (SELECT body->'SubscriptionId' FROM {PostgresSchema.Name}.licenses WHERE body->>'ActivationCode' <> '{license.ActivationCode}')) WHERE id = '{license.LicenseId}'");

            var health = s.Ok("Test-MspStore").Objects<StoreHealth>().Single();
            Assert.False(health.Healthy);
            Assert.Equal(new[]
            {
                $"customer 'Contoso Renamed' ({contoso.CustomerId}) is not found by its name",
                $"customer 'Fabrikam' ({fabrikam.CustomerId}) is not found by its external id Autotask=42",
                $"license {license.LicenseId} of customer {contoso.CustomerId} sits in subscription {fabrikams.SubscriptionId} of customer {fabrikam.CustomerId}",
            }, health.Problems);
        }

        [SkippableFact]
        public void A_team_store_row_that_no_longer_reads_as_its_object_is_StoreDamaged_and_Test_MspStore_names_it()
        {
            using var s = new ModuleSession(postgres: true);
            s.Ok("New-MspServicePlan -Name Endpoint -Product WFBSS -InitialPeriodMonths 1 -AutoRenewalMonths 1 -DataCenter Germany");
            s.NewCustomer("Contoso");
            s.Ok("New-MspSubscription Contoso Endpoint -Seats 10 -StartDate 2026-01-05");
            MspLicensing.Tests.PostgresServer.Scalar(s.ConnectionString,
                $"UPDATE {PostgresSchema.Name}.licenses SET body = jsonb_set(body, '{{SubscriptionId}}', '\"not an id\"')");

            var read = s.Run("Get-MspLicense");
            Assert.Equal("MspLicensing.StoreDamaged,MspLicensing.Commands.GetMspLicenseCommand", read.Errors.Single().FullyQualifiedErrorId);
            Assert.Contains("does not read as its kind of object", read.Errors.Single().Exception.Message);
            var health = s.Ok("Test-MspStore").Objects<StoreHealth>().Single();
            Assert.False(health.Healthy);
            Assert.Contains("SubscriptionId", Assert.Single(health.Problems));
        }

        [SkippableFact]
        public void Get_MspStore_shows_the_kind_server_database_and_schema_but_never_the_password()
        {
            using var s = new ModuleSession(connect: false, postgres: true);
            string secret = "Sup3r-" + Guid.NewGuid().ToString("N");
            var info = s.Ok($"$cred = [pscredential]::new('postgres', (ConvertTo-SecureString '{secret}' -AsPlainText -Force)); " +
                            $"Connect-MspStore -ConnectionString '{s.ConnectionString}' -Credential $cred -PassThru").Objects<StoreInfo>().Single();
            Assert.Equal(StoreKinds.PostgreSql, info.Kind);
            Assert.Equal("127.0.0.1", info.Server);
            Assert.StartsWith("msplic_", info.Database);
            Assert.Equal(MspLicensing.Store.Schema.Current, info.SchemaVersion);
            Assert.Equal("Connect-MspStore", info.Source);
            Assert.StartsWith("postgresql://postgres@127.0.0.1:", info.Path);
            string shown = s.Ok("Get-MspStore | Format-List * | Out-String; Get-MspStore | Out-String; $global:MspLicensingStoreConnection | Format-List * | Out-String").Output
                .Aggregate("", (t, o) => t + o);
            Assert.Contains(info.Database, shown);
            Assert.DoesNotContain(secret, shown);
            // The default view at 80 columns: the kind, how the session chose the store, and the end of where it is.
            var text = s.Ok("Get-MspStore | Out-Default").Text;
            Assert.Matches(@"PostgreSQL\s+Connect-MspStore\s+0\s+0\s+\S*" + info.Database.Substring(info.Database.Length - 12), text);
            Assert.All(text.Split('\n'), line => Assert.True(line.TrimEnd().Length <= 79, line));
        }

        [SkippableFact]
        public void Connect_MspStore_WhatIf_on_an_empty_database_creates_no_store_and_keeps_the_session_where_it_was()
        {
            using var s = new ModuleSession();
            var server = MspLicensing.Tests.PostgresServer.Require();
            string database = server.CreateDatabase();
            try
            {
                var r = s.Ok($"Connect-MspStore -ConnectionString '{database}' -WhatIf");
                Assert.Contains("Create a new MspLicensing store in the database", r.Text);
                Assert.Equal(false, MspLicensing.Tests.PostgresServer.Scalar(database, "SELECT to_regclass('msplicensing.schema_version') IS NOT NULL"));
                Assert.Equal(StoreKinds.LiteDb, s.Ok("Get-MspStore").Objects<StoreInfo>().Single().Kind);
                s.Ok($"Connect-MspStore -ConnectionString '{database}'");
                Assert.Equal(StoreKinds.PostgreSql, s.Ok("Get-MspStore").Objects<StoreInfo>().Single().Kind);
            }
            finally
            {
                server.DropDatabase(database);
            }
        }

        [SkippableFact]
        public void A_connection_string_that_names_no_server_or_database_or_cannot_be_read_is_refused_naming_what_is_missing()
        {
            using var s = new ModuleSession(postgres: true);
            var noHost = s.Run("Connect-MspStore -ConnectionString 'Database=msp;Password=Hidden-Pw1'");
            Assert.Contains("names no server", noHost.ErrorText);
            Assert.DoesNotContain("Hidden-Pw1", noHost.ErrorText);
            var noDatabase = s.Run("Connect-MspStore -ConnectionString 'Host=db'");
            Assert.Contains("names no database", noDatabase.ErrorText);
            var unknown = s.Run("Connect-MspStore -ConnectionString 'Host=db;Databse=msp'");
            Assert.Contains("ConnectionString is not valid", unknown.ErrorText);
            var unreachable = s.Run("Connect-MspStore -ConnectionString 'Host=127.0.0.1;Port=1;Database=msp;Timeout=2'");
            Assert.Contains("cannot be reached", unreachable.ErrorText);
            var unknownHost = s.Run("Connect-MspStore -ConnectionString 'Host=no-such-host.invalid;Database=msp;Timeout=2'");
            Assert.Contains("MspLicensing.StoreUnavailable", unknownHost.ErrorText);
            Assert.Contains("cannot be reached", unknownHost.ErrorText);
            // The session stays on its store.
            Assert.Equal(StoreKinds.PostgreSql, s.Ok("Get-MspStore").Objects<StoreInfo>().Single().Kind);
        }
    }

    [Collection(ProcessEnvironment.Name)]
    public class TeamStoreEnvironmentTests
    {
        [SkippableFact]
        public void MSPLICENSING_CONNECTION_names_the_team_store_of_a_session_that_did_not_connect()
        {
            using var s = new ModuleSession(postgres: true);
            s.NewCustomer("Contoso");
            var info = s.Ok($"$env:MSPLICENSING_CONNECTION = '{s.ConnectionString}'; try {{ Disconnect-MspStore; Get-MspStore }} finally {{ $env:MSPLICENSING_CONNECTION = $null }}")
                .Objects<StoreInfo>().Single();
            Assert.Equal("MSPLICENSING_CONNECTION", info.Source);
            Assert.Equal(StoreKinds.PostgreSql, info.Kind);
            Assert.Equal(1, info.Customers);
        }

        [SkippableFact]
        public void A_password_in_MSPLICENSING_CONNECTION_is_used_but_never_shown_by_the_store_or_its_errors()
        {
            using var s = new ModuleSession(postgres: true);
            s.NewCustomer("Contoso");
            const string secret = "Env-Secret-Pw3";
            var shown = s.Run($"$env:MSPLICENSING_CONNECTION = '{s.ConnectionString};Password={secret}'; try {{ Disconnect-MspStore; " +
                              "Get-MspStore | Format-List * | Out-String; (Get-MspCustomer).Name } finally { $env:MSPLICENSING_CONNECTION = $null }");
            Assert.True(shown.Errors.Count == 0, shown.ErrorText);
            Assert.Contains("Contoso", shown.Output.Select(o => o.ToString()));
            Assert.DoesNotContain(secret, string.Concat(shown.Output));
            var failing = s.Run($"$env:MSPLICENSING_CONNECTION = 'Host=127.0.0.1;Port=1;Database=msp;Username=tech1;Password={secret};Timeout=2'; " +
                                "try { Disconnect-MspStore; Get-MspCustomer } finally { $env:MSPLICENSING_CONNECTION = $null }");
            Assert.Contains("postgresql://tech1@127.0.0.1:1/msp", failing.ErrorText);
            Assert.Contains("cannot be reached", failing.ErrorText);
            Assert.DoesNotContain(secret, failing.ErrorText);
            Assert.DoesNotContain(secret, string.Concat(s.Ok("$Error | Format-List * -Force | Out-String -Width 400").Output));
        }
    }
}

namespace MspLicensing.Module.Tests
{
    public class CopyStoreCmdletTests
    {
        [SkippableFact]
        public void A_store_file_moves_into_the_team_store_whole_and_back_into_a_file_a_single_admin_opens()
        {
            var server = MspLicensing.Tests.PostgresServer.Require();
            using var s = new ModuleSession();
            s.Ok("New-MspServicePlan -Name Endpoint -Product WFBSS -AutoRenewalMonths 1 -DataCenter Germany");
            s.NewCustomer("Contoso");
            s.NewCustomer("Fabrikam");
            s.Ok("Get-MspCustomer | New-MspSubscription -ServicePlan Endpoint -Seats 10 -StartDate 2026-01-05");
            s.Ok("Set-MspCustomer Contoso -Notes moved");
            var audit = s.Ok("Get-MspAuditLog").Objects<AuditEntry>().Select(e => (e.Id, e.Command, e.Target, e.TimeUtc)).ToList();
            string database = server.CreateDatabase();
            try
            {
                var copy = s.Ok($"Copy-MspStore -Destination '{database}'").Objects<StoreCopy>().Single();
                Assert.Equal((2, 1, 2, 2, audit.Count), (copy.Customers, copy.ServicePlans, copy.Subscriptions, copy.Licenses, copy.AuditEntries));
                Assert.Equal(StoreKinds.PostgreSql, copy.DestinationKind);
                Assert.Equal(s.StorePath, copy.Source);

                using (var team = new ModuleSession(connect: false))
                {
                    team.Ok($"Connect-MspStore -ConnectionString '{database}'");
                    Assert.Equal(new[] { "Contoso", "Fabrikam" }, team.Ok("Get-MspCustomer").Objects<Customer>().Select(c => c.Name));
                    Assert.Equal("moved", team.Ok("Get-MspCustomer Contoso").Objects<Customer>().Single().Notes);
                    Assert.Equal(audit, team.Ok("Get-MspAuditLog").Objects<AuditEntry>().Select(e => (e.Id, e.Command, e.Target, e.TimeUtc)).ToList());
                    Assert.Equal(2, team.Ok("Get-MspLicense").Output.Count);
                    // The copy goes on where the file left off: new entries follow the copied ones.
                    team.NewCustomer("Northwind");
                    Assert.Equal(audit.Max(e => e.Id) + 1, team.Ok("Get-MspAuditLog -First 1").Objects<AuditEntry>().Single().Id);

                    // And back: a store file with everything the team store holds.
                    var back = team.Ok($"Copy-MspStore -Destination '{Path.Combine(s.Directory, "back.db")}'").Objects<StoreCopy>().Single();
                    Assert.Equal((3, audit.Count + 1, StoreKinds.LiteDb), (back.Customers, back.AuditEntries, back.DestinationKind));
                }
                using (var single = new ModuleSession(storePath: Path.Combine(s.Directory, "back.db")))
                {
                    Assert.Equal(new[] { "Contoso", "Fabrikam", "Northwind" }, single.Ok("Get-MspCustomer").Objects<Customer>().Select(c => c.Name));
                    Assert.True(single.Ok("Test-MspStore -Quiet").Objects<bool>().Single());
                }

                // A destination that holds a store with data is refused and left as it is, unless -Force.
                var refused = s.Run($"Copy-MspStore -Destination '{database}'");
                Assert.Contains("StoreNotEmpty", refused.ErrorText);
                Assert.Contains("-Force", refused.ErrorText);
                using (var team = new ModuleSession(connect: false))
                {
                    team.Ok($"Connect-MspStore -ConnectionString '{database}'");
                    Assert.Equal(3, team.Ok("Get-MspStore").Objects<StoreInfo>().Single().Customers);
                }
                Assert.Equal(2, s.Ok($"Copy-MspStore -Destination '{database}' -Force").Objects<StoreCopy>().Single().Customers);
                Assert.Contains("InvalidValue", s.Run($"Copy-MspStore -Destination '{s.StorePath}'").ErrorText);
            }
            finally
            {
                server.DropDatabase(database);
            }
        }
    }
}
