using System;
using System.Collections.Generic;
using System.IO;
using System.Management.Automation;
using System.Net;
using System.Runtime.InteropServices;
using System.Security;

namespace MspLicensing.Commands
{
    /// <summary>
    /// Which store a session uses: the one Connect-MspStore chose (kept in a global variable of the runspace, so
    /// runspaces never share it), else the team store $env:MSPLICENSING_CONNECTION names, else the store file
    /// $env:MSPLICENSING_STORE names, else the per-user default file.
    /// </summary>
    public sealed class StoreConnection
    {
        internal const string VariableName = "MspLicensingStoreConnection";
        public const string EnvironmentVariable = "MSPLICENSING_STORE";
        /// <summary>The environment variable that names a team store (a PostgreSQL connection string).</summary>
        public const string ConnectionEnvironmentVariable = "MSPLICENSING_CONNECTION";

        /// <summary>A connection to the team store in a PostgreSQL database.</summary>
        /// <param name="display">How the store is shown (postgresql://user@server:port/database, never a password).</param>
        /// <remarks>
        /// A password written into the connection string is not kept where it can be read: the connection string shown
        /// (and held in the session's variable) is the one without it, and what opens the store is kept as a read-only
        /// SecureString, which PowerShell never prints.
        /// </remarks>
        public StoreConnection(string connectionString, PSCredential credential, string display, string source, TimeSpan? timeout)
        {
            _connectionString = Secure(connectionString);
            ConnectionString = StoreFactory.WithoutPassword(connectionString);
            IsDatabase = true;
            Credential = credential;
            Path = display;
            Source = source;
            Timeout = timeout;
        }

        private readonly SecureString _connectionString;

        /// <summary>
        /// The PostgreSQL connection string of a team store, without its password (null when it cannot be read); null
        /// for a store file.
        /// </summary>
        public string ConnectionString { get; }
        /// <summary>The user name and password for the team store (Connect-MspStore -Credential); null when not given.</summary>
        public PSCredential Credential { get; }
        /// <summary>Whether the session uses a team store (a database) rather than a store file.</summary>
        public bool IsDatabase { get; }

        /// <summary>The connection string as it was given, password included: only to open the store.</summary>
        internal string OpeningConnectionString => _connectionString == null ? null : new NetworkCredential(string.Empty, _connectionString).Password;

        private static SecureString Secure(string text)
        {
            var secure = new SecureString();
            foreach (char c in text ?? string.Empty)
                secure.AppendChar(c);
            secure.MakeReadOnly();
            return secure;
        }

        public StoreConnection(string path, SecureString password, string source, TimeSpan? timeout = null)
        {
            Path = path;
            Password = password;
            Source = source;
            Timeout = timeout;
        }

        /// <summary>The store file's full path; for a team store, how it is shown (postgresql://user@server:port/database).</summary>
        public string Path { get; }
        public SecureString Password { get; }
        /// <summary>Connect-MspStore, the MSPLICENSING_STORE environment variable, or Default.</summary>
        public string Source { get; }
        /// <summary>How long a command waits while another one uses the store (Connect-MspStore -Timeout); null for the default, 30 s.</summary>
        public TimeSpan? Timeout { get; }

        /// <summary>The password of the team store (from -Credential), or null.</summary>
        internal string DatabasePassword => Credential == null || Credential.Password == null || Credential.Password.Length == 0
            ? null : Credential.GetNetworkCredential().Password;

        /// <summary>The user name of the team store (from -Credential), or null.</summary>
        internal string DatabaseUser => string.IsNullOrEmpty(Credential?.UserName) ? null : Credential.UserName;

        internal string PlainPassword => Password == null || Password.Length == 0 ? null : new NetworkCredential(string.Empty, Password).Password;

        /// <summary>The per-user default store file.</summary>
        public static string DefaultPath()
        {
            string folder;
            if (RuntimeInformation.IsOSPlatform(OSPlatform.Windows))
            {
                folder = Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData);
            }
            else
            {
                folder = Environment.GetEnvironmentVariable("XDG_DATA_HOME");
                if (string.IsNullOrEmpty(folder))
                    folder = System.IO.Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".local", "share");
            }
            return System.IO.Path.Combine(folder, "MspLicensing", "msplicensing.db");
        }

        internal static StoreConnection Current(PSCmdlet cmdlet) =>
            Resolve(cmdlet.SessionState.PSVariable.GetValue("global:" + VariableName));

        /// <summary>The connection a session uses, given the value of its connection variable (null when not connected).</summary>
        internal static StoreConnection Resolve(object sessionVariable)
        {
            if (sessionVariable is StoreConnection chosen)
                return chosen;
            string connectionString = Environment.GetEnvironmentVariable(ConnectionEnvironmentVariable);
            if (!string.IsNullOrWhiteSpace(connectionString))
                return new StoreConnection(connectionString, null, StoreFactory.Display(connectionString, null), ConnectionEnvironmentVariable, null);
            string env = Environment.GetEnvironmentVariable(EnvironmentVariable);
            if (!string.IsNullOrWhiteSpace(env))
                return new StoreConnection(System.IO.Path.GetFullPath(env), null, EnvironmentVariable);
            return new StoreConnection(DefaultPath(), null, "Default");
        }

        internal static void Set(PSCmdlet cmdlet, StoreConnection connection)
        {
            cmdlet.SessionState.PSVariable.Set("global:" + VariableName, connection);
        }

        internal static void Clear(PSCmdlet cmdlet) => cmdlet.SessionState.PSVariable.Remove("global:" + VariableName);

        internal const string CheckedVariableName = "MspLicensingCheckedStores";

        /// <summary>
        /// Whether this session checked every page of the store at <paramref name="path"/> already (Connect-MspStore, or
        /// the first command that used it). Kept in a global variable of the runspace, so runspaces never share it.
        /// </summary>
        internal static bool Checked(PSCmdlet cmdlet, string path) =>
            cmdlet.SessionState.PSVariable.GetValue("global:" + CheckedVariableName) is HashSet<string> paths && paths.Contains(path);

        internal static void MarkChecked(PSCmdlet cmdlet, string path)
        {
            if (!(cmdlet.SessionState.PSVariable.GetValue("global:" + CheckedVariableName) is HashSet<string> paths))
            {
                paths = new HashSet<string>(StringComparer.Ordinal);
                cmdlet.SessionState.PSVariable.Set("global:" + CheckedVariableName, paths);
            }
            paths.Add(path);
        }

        public override string ToString() => Path;
    }
}
