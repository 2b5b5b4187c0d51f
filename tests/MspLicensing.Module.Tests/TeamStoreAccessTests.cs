using System;
using System.Linq;
using System.Net;
using System.Net.Sockets;
using System.Threading.Tasks;
using MspLicensing.Module.Tests.Hosting;
using MspLicensing.Store;
using MspLicensing.Tests;
using Npgsql;
using Xunit;

namespace MspLicensing.Module.Tests
{
    /// <summary>
    /// Who may use the team store and how: a password inside the connection string is used but never shown or kept
    /// readable; TLS settings of the connection string reach the server; a role with only the use of the tables works
    /// on a store its owner created, and a role that may only read is refused on a write. The test cluster asks the
    /// members of msplic_password for their password (tests/postgres/pg-cluster.sh), so a wrong one is refused.
    /// </summary>
    public class TeamStoreAccessTests
    {
        /// <summary>
        /// The test server, which must ask the members of msplic_password for their password, as the cluster of
        /// tests/postgres/pg-cluster.sh does; another server (MSPLICENSING_TEST_POSTGRES naming one of its own) skips
        /// these tests with the reason.
        /// </summary>
        private static PostgresServer RequirePasswords()
        {
            var server = PostgresServer.Require();
            PostgresServer.Execute(server.ConnectionString,
                "DO $$ BEGIN CREATE ROLE msplic_password NOLOGIN; EXCEPTION WHEN duplicate_object THEN NULL; END $$");
            string probe = CreateRole(server, "msplic_probe", "Right-Pw1");
            try
            {
                PostgresServer.Scalar(new NpgsqlConnectionStringBuilder(server.ConnectionString) { Username = probe, Password = "Wrong-Pw1", Pooling = false }.ConnectionString, "SELECT 1");
                Skip.If(true, "the PostgreSQL server of the tests does not ask members of msplic_password for their password (tests/postgres/pg-cluster.sh starts one that does)");
            }
            catch (PostgresException ex) when (ex.SqlState == PostgresErrorCodes.InvalidPassword)
            {
            }
            finally
            {
                DropRoles(server, probe);
            }
            return server;
        }

        /// <summary>A login role that must give its password; dropped with <see cref="DropRoles"/>.</summary>
        private static string CreateRole(PostgresServer server, string prefix, string password, string memberOf = null)
        {
            string role = prefix + "_" + Guid.NewGuid().ToString("N").Substring(0, 10);
            PostgresServer.Execute(server.ConnectionString,
                $"CREATE ROLE {role} LOGIN PASSWORD '{password}' IN ROLE msplic_password{(memberOf == null ? "" : ", " + memberOf)}");
            return role;
        }

        private static void DropRoles(PostgresServer server, params string[] roles)
        {
            foreach (string role in roles.Where(r => r != null))
                PostgresServer.Execute(server.ConnectionString, $"DROP ROLE IF EXISTS {role}");
        }

        /// <summary>The database's connection string for <paramref name="role"/>, without a password.</summary>
        private static string As(string database, string role) =>
            new NpgsqlConnectionStringBuilder(database) { Username = role }.ConnectionString;

        private static string Name(string database) => new NpgsqlConnectionStringBuilder(database).Database;

        /// <summary>Everything a user can see of the session: the store, the session's connection, the audit log, every variable, every error in full.</summary>
        private static string Shown(ModuleSession s) => string.Concat(s.Ok(
            "Get-MspStore | Format-List * | Out-String; $global:MspLicensingStoreConnection | Format-List * | Out-String; " +
            "$global:MspLicensingStoreConnection | ConvertTo-Json -Depth 3; Get-MspAuditLog | Format-List * | Out-String; " +
            "Get-Variable | Out-String -Width 400; $Error | Format-List * -Force | Out-String -Width 400").Output);

        [SkippableFact]
        public void A_password_in_the_connection_string_is_used_but_not_kept_shown_or_written_in_errors_verbose_output_or_the_audit_log()
        {
            var server = RequirePasswords();
            string database = server.CreateDatabase();
            string secret = "Pw-" + Guid.NewGuid().ToString("N");
            string admin = CreateRole(server, "msplic_adm", secret);
            try
            {
                PostgresServer.Execute(server.ConnectionString, $"ALTER DATABASE {Name(database)} OWNER TO {admin}");
                using var s = new ModuleSession(connect: false);
                var connect = s.Ok($"Connect-MspStore -ConnectionString '{As(database, admin)};Password={secret}' -Verbose");
                var created = s.Ok("New-MspCustomer -Name Contoso -Country US -City Seattle -State WA -ContactFirstName Ann -ContactLastName Lee -Email ann@contoso.com -Verbose");
                Assert.Equal("Contoso", created.Objects<Customer>().Single().Name);

                // The session keeps the connection string without the password; the audit log names the role.
                string kept = s.Ok("$global:MspLicensingStoreConnection.ConnectionString").Objects<string>().Single();
                Assert.Contains("Username=" + admin, kept);
                Assert.DoesNotContain("Password", kept, StringComparison.OrdinalIgnoreCase);
                Assert.Contains("(" + admin + ")", s.Ok("Get-MspAuditLog -First 1").Objects<AuditEntry>().Single().User);

                // A wrong password and an unreachable server: clear errors naming the store, never the password.
                var wrong = s.Run($"Connect-MspStore -ConnectionString '{As(database, admin)};Password=Wrong-{secret}' -Verbose");
                Assert.Contains("MspLicensing.StoreAccessDenied", wrong.ErrorText);
                Assert.Contains($"postgresql://{admin}@127.0.0.1", wrong.ErrorText);
                Assert.Contains("password authentication failed", wrong.ErrorText);
                var unreachable = s.Run($"Connect-MspStore -ConnectionString 'Host=127.0.0.1;Port=1;Database=msp;Username={admin};Password={secret};Timeout=2' -Verbose");
                Assert.Contains("cannot be reached", unreachable.ErrorText);

                foreach (var run in new[] { connect, created, wrong, unreachable })
                {
                    Assert.DoesNotContain(secret, run.Text);
                    Assert.DoesNotContain(secret, run.ErrorText);
                    Assert.All(run.Verbose, v => Assert.DoesNotContain(secret, v.Message));
                }
                Assert.NotEmpty(connect.Verbose.Concat(created.Verbose));
                Assert.DoesNotContain(secret, Shown(s));

                // The session stays on its store, and its next command opens it with the password it keeps.
                s.NewCustomer("Fabrikam");
                Assert.Equal(2, s.Ok("Get-MspStore").Objects<StoreInfo>().Single().Customers);
            }
            finally
            {
                server.DropDatabase(database);
                DropRoles(server, admin);
            }
        }

        [SkippableFact]
        public void A_role_with_only_the_use_of_the_tables_works_on_a_store_its_owner_created_and_a_read_only_role_is_refused_on_a_write()
        {
            var server = RequirePasswords();
            string database = server.CreateDatabase();
            string store = new NpgsqlConnectionStringBuilder(database) { Username = "postgres" }.ConnectionString;
            string secret = "Pw-" + Guid.NewGuid().ToString("N");
            string team = "msplic_team_" + Guid.NewGuid().ToString("N").Substring(0, 10);
            string admin = null, tech = null, reader = null;
            string empty = server.CreateDatabase();
            try
            {
                // The owner of the database (no superuser) creates the store with its first connection.
                admin = CreateRole(server, "msplic_adm", secret);
                PostgresServer.Execute(server.ConnectionString, $"ALTER DATABASE {Name(database)} OWNER TO {admin}");
                using (var owner = new ModuleSession(connect: false))
                {
                    owner.Ok($"$credential = [pscredential]::new('{admin}', (ConvertTo-SecureString '{secret}' -AsPlainText -Force)); " +
                             $"Connect-MspStore -ConnectionString '{database}' -Credential $credential");
                    owner.NewCustomer("Contoso");
                }

                // A technician's role: the use of the schema, its tables and its sequence, as README and the help say.
                PostgresServer.Execute(server.ConnectionString, $"CREATE ROLE {team} NOLOGIN");
                PostgresServer.Execute(store,
                    $"GRANT USAGE ON SCHEMA msplicensing TO {team}; " +
                    $"GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA msplicensing TO {team}; " +
                    $"GRANT USAGE ON ALL SEQUENCES IN SCHEMA msplicensing TO {team}");
                tech = CreateRole(server, "msplic_tech", secret, team);
                using (var s = new ModuleSession(connect: false))
                {
                    s.Ok($"Connect-MspStore -ConnectionString '{As(database, tech)};Password={secret}'");
                    s.NewCustomer("Fabrikam");
                    s.Ok("Set-MspCustomer Contoso -Notes 'changed by a technician'");
                    Assert.Equal(new[] { "Contoso", "Fabrikam" }, s.Ok("Get-MspCustomer").Objects<Customer>().Select(c => c.Name));
                    Assert.Contains("(" + tech + ")", s.Ok("Get-MspAuditLog -First 1").Objects<AuditEntry>().Single().User);

                    // The same role cannot create a store: that needs the owner of the database (or CREATE on it).
                    var create = s.Run($"Connect-MspStore -ConnectionString '{As(empty, tech)};Password={secret}'");
                    Assert.Contains("MspLicensing.StoreAccessDenied", create.ErrorText);
                    Assert.Contains("permission denied", create.ErrorText);
                    Assert.Equal(false, PostgresServer.Scalar(empty, "SELECT to_regclass('msplicensing.schema_version') IS NOT NULL"));
                }

                // A role that may only read: it lists and reports, and a write is refused naming the store, with nothing written.
                reader = CreateRole(server, "msplic_read", secret);
                PostgresServer.Execute(store, $"GRANT USAGE ON SCHEMA msplicensing TO {reader}; GRANT SELECT ON ALL TABLES IN SCHEMA msplicensing TO {reader}");
                using (var s = new ModuleSession(connect: false))
                {
                    s.Ok($"Connect-MspStore -ConnectionString '{As(database, reader)};Password={secret}'");
                    Assert.Equal(2, s.Ok("Get-MspCustomer").Output.Count);
                    var write = s.Run("New-MspCustomer -Name Northwind -Country US -City Seattle -State WA -ContactFirstName Ann -ContactLastName Lee -Email ann@northwind.com");
                    Assert.Contains("MspLicensing.StoreAccessDenied", write.ErrorText);
                    Assert.Contains($"Access to the store 'postgresql://{reader}@127.0.0.1", write.ErrorText);
                    Assert.Contains("permission denied for table", write.ErrorText);
                    var change = s.Run("Set-MspCustomer Contoso -Notes 'read only'");
                    Assert.Contains("MspLicensing.StoreAccessDenied", change.ErrorText);
                    Assert.Equal(2, s.Ok("Get-MspCustomer").Output.Count);
                    Assert.Equal("changed by a technician", s.Ok("Get-MspCustomer Contoso").Objects<Customer>().Single().Notes);
                }
            }
            finally
            {
                server.DropDatabase(database);
                server.DropDatabase(empty);
                DropRoles(server, tech, reader, admin, team);
            }
        }

        [Fact]
        public void SSL_Mode_Require_against_a_server_without_TLS_is_refused_naming_the_store_and_not_the_password()
        {
            // A server without TLS answers the client's SSL request with 'N'.
            var listener = new TcpListener(IPAddress.Loopback, 0);
            listener.Start();
            int port = ((IPEndPoint)listener.LocalEndpoint).Port;
            var serve = Task.Run(() =>
            {
                using var client = listener.AcceptTcpClient();
                var stream = client.GetStream();
                var request = new byte[8];
                for (int read = 0; read < 8;)
                {
                    int n = stream.Read(request, read, 8 - read);
                    if (n == 0) return;
                    read += n;
                }
                stream.WriteByte((byte)'N');
                stream.Flush();
                stream.ReadByte();
            });
            try
            {
                using var s = new ModuleSession();
                var r = s.Run($"Connect-MspStore -ConnectionString 'Host=127.0.0.1;Port={port};Database=msp;Username=tech1;Password=Hidden-Pw7;SSL Mode=Require;Timeout=5'");
                Assert.Contains("MspLicensing.StoreUnavailable", r.ErrorText);
                Assert.Contains($"The store 'postgresql://tech1@127.0.0.1:{port}/msp' has no secure connection (TLS)", r.ErrorText);
                Assert.Contains("SSL", r.ErrorText);
                Assert.DoesNotContain("Hidden-Pw7", r.ErrorText);
                Assert.Equal(StoreKinds.LiteDb, s.Ok("Get-MspStore").Objects<StoreInfo>().Single().Kind);
            }
            finally
            {
                listener.Stop();
                serve.Wait(TimeSpan.FromSeconds(10));
            }
        }

        [SkippableFact]
        public void TLS_settings_of_the_connection_string_reach_the_server_Require_encrypts_and_VerifyFull_refuses_an_untrusted_certificate()
        {
            var server = PostgresServer.Require();
            Skip.If((string)PostgresServer.Scalar(server.ConnectionString, "SHOW ssl") != "on",
                "the test server has no TLS (pg-cluster.sh gives it a certificate when openssl is there)");
            using var s = new ModuleSession(postgres: true);
            string database = Name(s.ConnectionString);
            s.Ok($"Connect-MspStore -ConnectionString '{s.ConnectionString};SSL Mode=Require'");
            s.NewCustomer("Contoso");
            // The module's connections to the store (pooled, named MspLicensing) are encrypted.
            Assert.Equal(true, PostgresServer.Scalar(server.ConnectionString,
                "SELECT bool_and(s.ssl) FROM pg_stat_ssl s JOIN pg_stat_activity a ON a.pid = s.pid " +
                $"WHERE a.datname = '{database}' AND a.application_name = 'MspLicensing'"));

            var verify = s.Run($"Connect-MspStore -ConnectionString '{s.ConnectionString};SSL Mode=VerifyFull;Password=Hidden-Pw8'");
            Assert.Contains("MspLicensing.StoreUnavailable", verify.ErrorText);
            Assert.Contains("has no secure connection (TLS)", verify.ErrorText);
            Assert.Contains("certificate", verify.ErrorText);
            Assert.DoesNotContain("Hidden-Pw8", verify.ErrorText);
            Assert.Equal(1, s.Ok("Get-MspStore").Objects<StoreInfo>().Single().Customers);
        }
    }
}
