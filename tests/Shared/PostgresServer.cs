using System;
using System.Diagnostics;
using System.IO;
using Npgsql;

namespace MspLicensing.Tests
{
    /// <summary>
    /// The PostgreSQL server of the team-store tests. test.sh (and so .ci/run) starts a throwaway cluster and names it
    /// in MSPLICENSING_TEST_POSTGRES; a test run without it (dotnet test alone) starts one itself with
    /// tests/postgres/pg-cluster.sh and stops it when the test process ends. Each test gets a database of its own.
    /// When no server can be started (not root, no PostgreSQL), the PostgreSQL tests are skipped with the reason;
    /// under CI=true they fail instead, so a CI run never passes without them.
    /// </summary>
    public sealed class PostgresServer
    {
        public const string EnvironmentVariable = "MSPLICENSING_TEST_POSTGRES";

        private static readonly Lazy<PostgresServer> Instance = new Lazy<PostgresServer>(Start, System.Threading.LazyThreadSafetyMode.ExecutionAndPublication);

        private PostgresServer(string connectionString, string unavailable)
        {
            ConnectionString = connectionString;
            Unavailable = unavailable;
        }

        /// <summary>The server's maintenance database (postgres), as its superuser.</summary>
        public string ConnectionString { get; }

        /// <summary>Why there is no server; null when there is one.</summary>
        public string Unavailable { get; }

        public static PostgresServer Current => Instance.Value;

        /// <summary>Skips the calling test (SkippableFact) when there is no server, or fails it under CI.</summary>
        public static PostgresServer Require()
        {
            var server = Current;
            if (server.Unavailable == null) return server;
            if (string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase))
                throw new InvalidOperationException("CI=true needs the PostgreSQL tests to run, but: " + server.Unavailable);
            Xunit.Skip.If(true, "PostgreSQL tests skipped: " + server.Unavailable);
            return server;
        }

        /// <summary>A new empty database; returns its connection string (no password: the test cluster trusts local connections).</summary>
        public string CreateDatabase()
        {
            string name = "msplic_" + Guid.NewGuid().ToString("N").Substring(0, 16);
            Execute($"CREATE DATABASE {name}");
            return new NpgsqlConnectionStringBuilder(ConnectionString) { Database = name, Pooling = true }.ConnectionString;
        }

        public void DropDatabase(string connectionString)
        {
            string name = new NpgsqlConnectionStringBuilder(connectionString).Database;
            try
            {
                Execute($"DROP DATABASE IF EXISTS {name} WITH (FORCE)");
            }
            catch (NpgsqlException)
            {
                // The cluster is thrown away after the run.
            }
        }

        /// <summary>Runs SQL in the given database (or the maintenance one).</summary>
        public static void Execute(string connectionString, string sql)
        {
            using var connection = new NpgsqlConnection(connectionString);
            connection.Open();
            using var cmd = new NpgsqlCommand(sql, connection);
            cmd.ExecuteNonQuery();
        }

        public static object Scalar(string connectionString, string sql)
        {
            using var connection = new NpgsqlConnection(connectionString);
            connection.Open();
            using var cmd = new NpgsqlCommand(sql, connection);
            return cmd.ExecuteScalar();
        }

        private void Execute(string sql) => Execute(ConnectionString, sql);

        private static PostgresServer Start()
        {
            string given = Environment.GetEnvironmentVariable(EnvironmentVariable);
            if (!string.IsNullOrWhiteSpace(given))
                return new PostgresServer(given, null);
            string script = Path.Combine(RepoRoot(), "tests", "postgres", "pg-cluster.sh");
            if (!File.Exists(script) || OperatingSystem.IsWindows())
                return new PostgresServer(null, "no " + EnvironmentVariable + " and no way to start a cluster here (" + script + ")");
            var psi = new ProcessStartInfo("bash") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
            psi.ArgumentList.Add(script);
            psi.ArgumentList.Add("start");
            using var process = Process.Start(psi);
            string output = process.StandardOutput.ReadToEnd();
            string error = process.StandardError.ReadToEnd();
            process.WaitForExit();
            if (process.ExitCode != 0)
                return new PostgresServer(null, error.Trim().Length > 0 ? error.Trim() : "pg-cluster.sh start failed with exit code " + process.ExitCode);
            var parts = output.Trim().Split(' ');
            string folder = parts[0], port = parts[1];
            AppDomain.CurrentDomain.ProcessExit += (_, _) =>
            {
                var stop = new ProcessStartInfo("bash") { UseShellExecute = false };
                stop.ArgumentList.Add(script);
                stop.ArgumentList.Add("stop");
                stop.ArgumentList.Add(folder);
                using var p = Process.Start(stop);
                p.WaitForExit(30_000);
            };
            return new PostgresServer($"Host=127.0.0.1;Port={port};Username=postgres;Database=postgres", null);
        }

        private static string RepoRoot()
        {
            var dir = new DirectoryInfo(AppContext.BaseDirectory);
            while (dir != null && !File.Exists(Path.Combine(dir.FullName, "MspLicensing.sln")))
                dir = dir.Parent;
            return dir?.FullName ?? AppContext.BaseDirectory;
        }
    }
}
