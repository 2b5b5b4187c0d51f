using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Management.Automation;
using System.Management.Automation.Runspaces;

namespace MspLicensing.Module.Tests.Hosting
{
    /// <summary>What one command line produced.</summary>
    public sealed class RunResult
    {
        public List<PSObject> Output { get; } = new List<PSObject>();
        public List<ErrorRecord> Errors { get; } = new List<ErrorRecord>();
        public List<ProgressRecord> Progress { get; } = new List<ProgressRecord>();
        public List<WarningRecord> Warnings { get; } = new List<WarningRecord>();
        public List<VerboseRecord> Verbose { get; } = new List<VerboseRecord>();
        /// <summary>What the host showed (tables rendered by Out-Default, -WhatIf lines).</summary>
        public string Text { get; set; }
        /// <summary>The terminating error, if the command line threw.</summary>
        public Exception Exception { get; set; }

        public IEnumerable<T> Objects<T>() => Output.Select(o => o.BaseObject).OfType<T>();
        public string ErrorText => string.Join("\n", Errors.Select(e => e.FullyQualifiedErrorId + ": " + e.Exception.Message))
                                   + (Exception == null ? string.Empty : "\nTHROWN: " + Exception.Message);
    }

    /// <summary>
    /// A runspace with the module imported from the repository's root manifest, as a user would, working on a fresh
    /// store in a temporary folder that is also the current location.
    /// </summary>
    public sealed class ModuleSession : IDisposable
    {
        private static readonly Lazy<string> Root = new Lazy<string>(FindRepoRoot);

        /// <param name="culture">The session's culture (CurrentCulture and CurrentUICulture of every pipeline); en-US unless given.</param>
        /// <param name="postgres">
        /// Work on the team store in a new PostgreSQL database of the test server (skipped when there is none, see
        /// <see cref="MspLicensing.Tests.PostgresServer"/>) instead of a store file.
        /// </param>
        public ModuleSession(bool connect = true, string storePath = null, string culture = null, bool postgres = false)
        {
            if (postgres)
            {
                _server = MspLicensing.Tests.PostgresServer.Require();
                ConnectionString = _server.CreateDatabase();
            }
            Directory = Path.Combine(Path.GetTempPath(), "msplic-" + Guid.NewGuid().ToString("N"));
            System.IO.Directory.CreateDirectory(Directory);
            StorePath = storePath ?? Path.Combine(Directory, "store.db");
            Host = new TestHost(culture);
            var iss = InitialSessionState.CreateDefault2();
            // Modules installed on the machine (the user's and the shared module folders are always on
            // PSModulePath) must not leak into a test: nothing loads by itself, and the modules every pwsh has
            // are imported from the engine's own folder.
            iss.Variables.Add(new SessionStateVariableEntry("PSModuleAutoLoadingPreference", PSModuleAutoLoadingPreference.None, string.Empty));
            iss.ImportPSModule(BuiltInModules);
            Runspace = RunspaceFactory.CreateRunspace(Host, iss);
            if (culture != null)
            {
                // PowerShell 7 runs a pipeline in its thread's culture (the host's culture sets only Get-Culture): so a
                // session with a culture runs each command line on the calling thread, set to that culture by Run.
                Culture = CultureInfo.GetCultureInfo(culture);
                Runspace.ThreadOptions = PSThreadOptions.UseCurrentThread;
            }
            Runspace.Open();
            Runspace.SessionStateProxy.Path.SetLocation(Directory);
            var import = Run($"Import-Module '{ManifestPath}' -ErrorAction Stop");
            if (import.Exception != null || import.Errors.Count > 0)
                throw new InvalidOperationException("Import failed: " + import.ErrorText);
            if (connect)
            {
                var connected = Run(ConnectionString != null
                    ? $"Connect-MspStore -ConnectionString '{ConnectionString}'"
                    : $"Connect-MspStore -Path '{StorePath}'");
                if (connected.Exception != null || connected.Errors.Count > 0)
                    throw new InvalidOperationException("Connect failed: " + connected.ErrorText);
            }
        }

        /// <summary>The modules of PowerShell itself (Import-Csv, Export-Csv, Select-Object, Get-Item, ConvertTo-SecureString …), by path.</summary>
        public static readonly string[] BuiltInModules =
            new[] { "Microsoft.PowerShell.Utility", "Microsoft.PowerShell.Management", "Microsoft.PowerShell.Security" }
                .Select(name => Path.Combine(Path.GetDirectoryName(typeof(PSObject).Assembly.Location), "Modules", name, name + ".psd1"))
                .ToArray();

        public static string RepoRoot => Root.Value;
        public static string ManifestPath => Path.Combine(RepoRoot, "MspLicensing.psd1");

        private readonly MspLicensing.Tests.PostgresServer _server;

        public string Directory { get; }
        public string StorePath { get; }
        /// <summary>The connection string of the session's team store; null when it works on a store file.</summary>
        public string ConnectionString { get; }
        public TestHost Host { get; }
        public Runspace Runspace { get; }
        /// <summary>The culture the command lines run in, or null for the thread's own.</summary>
        public CultureInfo Culture { get; }

        /// <summary>Runs a command line as a script, the way a user types it.</summary>
        public RunResult Run(string script)
        {
            var result = new RunResult();
            Host.ClearText();
            var (culture, uiCulture) = (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture);
            if (Culture != null) CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = Culture;
            try
            {
                Invoke(script, result);
            }
            finally
            {
                CultureInfo.CurrentCulture = culture;
                CultureInfo.CurrentUICulture = uiCulture;
            }
            result.Text = Host.Text;
            return result;
        }

        private void Invoke(string script, RunResult result)
        {
            using (var ps = PowerShell.Create())
            {
                ps.Runspace = Runspace;
                ps.AddScript(script);
                try
                {
                    foreach (var o in ps.Invoke()) result.Output.Add(o);
                }
                catch (RuntimeException ex)
                {
                    result.Exception = ex;
                }
                result.Errors.AddRange(ps.Streams.Error);
                result.Progress.AddRange(ps.Streams.Progress);
                result.Warnings.AddRange(ps.Streams.Warning);
                result.Verbose.AddRange(ps.Streams.Verbose);
            }
        }

        /// <summary>Runs a command line that must succeed without errors, and returns its output.</summary>
        public RunResult Ok(string script)
        {
            var result = Run(script);
            if (result.Exception != null || result.Errors.Count > 0)
                throw new Xunit.Sdk.XunitException($"'{script}' failed:\n{result.ErrorText}");
            return result;
        }

        /// <summary>Creates a customer with valid defaults for the fields not given.</summary>
        public Customer NewCustomer(string name, string extra = "")
        {
            return Ok($"New-MspCustomer -Name '{name.Replace("'", "''")}' -Country US -City Seattle -State WA -ContactFirstName Ann -ContactLastName Lee -Email ann@example.com {extra}")
                .Objects<Customer>().Single();
        }

        public void Dispose()
        {
            Runspace.Dispose();
            if (ConnectionString != null) _server.DropDatabase(ConnectionString);
            try
            {
                System.IO.Directory.Delete(Directory, true);
            }
            catch (IOException)
            {
            }
            catch (UnauthorizedAccessException)
            {
            }
        }

        private static string FindRepoRoot()
        {
            var dir = new DirectoryInfo(AppContext.BaseDirectory);
            while (dir != null && !File.Exists(Path.Combine(dir.FullName, "MspLicensing.sln")))
                dir = dir.Parent;
            if (dir == null) throw new InvalidOperationException("Cannot find the repository root (MspLicensing.sln) above " + AppContext.BaseDirectory);
            return dir.FullName;
        }
    }
}
