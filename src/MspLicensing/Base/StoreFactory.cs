using System;
using System.Runtime.CompilerServices;
using MspLicensing.Store;

namespace MspLicensing.Commands
{
    /// <summary>
    /// Opens the store a session's connection names: a store file (LiteDB) for a path, the team store (PostgreSQL) for
    /// a connection string. The only place the cmdlets choose a kind of store; every cmdlet works on either through
    /// <see cref="IMspStore"/>.
    /// </summary>
    /// <remarks>
    /// Each kind is opened in a method of its own, kept from inlining: the runtime loads a store's assembly (and through
    /// the module's resolver its dependencies, from bin/Dependencies) when it compiles the method that names it, so a
    /// session on a store file never loads Npgsql, and one on the team store never needs LiteDB to open it.
    /// </remarks>
    internal static class StoreFactory
    {
        /// <param name="timeout">How long a command waits for the store while another one holds it; null for the default (30 s).</param>
        /// <param name="waiting">Told, about once a second, that the command waits for the store file.</param>
        /// <param name="verify">Check every page of a store file first (a team store's database checks itself).</param>
        internal static IMspStore Open(StoreConnection connection, TimeSpan? timeout, Action<string> waiting, bool verify) =>
            connection.IsDatabase
                ? OpenDatabase(connection.OpeningConnectionString, connection.DatabaseUser, connection.DatabasePassword, timeout)
                : OpenFile(connection.Path, connection.PlainPassword, timeout, waiting, verify);

        [MethodImpl(MethodImplOptions.NoInlining)]
        private static IMspStore OpenFile(string path, string password, TimeSpan? timeout, Action<string> waiting, bool verify) =>
            LiteDbStore.Open(path, password, timeout: timeout, waiting: waiting, verify: verify);

        [MethodImpl(MethodImplOptions.NoInlining)]
        private static IMspStore OpenDatabase(string connectionString, string user, string password, TimeSpan? timeout) =>
            PostgresStore.Open(connectionString, user, password, timeout: timeout);

        /// <summary>Whether the team store's database holds a store already.</summary>
        [MethodImpl(MethodImplOptions.NoInlining)]
        internal static bool DatabaseHoldsStore(StoreConnection connection) =>
            PostgresStore.HoldsStore(connection.OpeningConnectionString, connection.DatabaseUser, connection.DatabasePassword);

        /// <summary>
        /// How a team store is shown (postgresql://user@server:port/database, never a password). A connection string that
        /// cannot be read is shown by the variable that holds it; opening it then says what is wrong.
        /// </summary>
        internal static string Display(string connectionString, string user)
        {
            try
            {
                return DisplayOf(connectionString, user);
            }
            catch (MspException)
            {
                return "$env:" + StoreConnection.ConnectionEnvironmentVariable;
            }
        }

        /// <summary>The connection string without its password (null when it cannot be read), as a session keeps it.</summary>
        [MethodImpl(MethodImplOptions.NoInlining)]
        internal static string WithoutPassword(string connectionString) => PostgresStore.WithoutPassword(connectionString);

        /// <summary>The same, refusing a connection string that cannot be read (Connect-MspStore).</summary>
        [MethodImpl(MethodImplOptions.NoInlining)]
        internal static string DisplayOf(string connectionString, string user) => PostgresStore.DisplayOf(connectionString, user);
    }
}
