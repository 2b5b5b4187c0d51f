using System;
using System.IO;
using System.Management.Automation;
using System.Reflection;

namespace MspLicensing.Commands
{
    /// <summary>
    /// Keeps the stores and their dependencies (LiteDB for the store file, Npgsql and its dependencies for the team store)
    /// apart from whatever other modules loaded, so a module that brought another LiteDB or Npgsql first neither replaces
    /// ours nor breaks it.
    /// </summary>
    /// <remarks>
    /// The layout decides what is shared: bin/ holds the cmdlet dll and the domain dll (its types are cmdlet output, so
    /// they must be the ones every session sees); bin/Dependencies/ holds the store dlls and everything they need. Nothing
    /// in bin/Dependencies is found by the normal probing, so the first use of the store from the cmdlets fails to bind
    /// and ends here. On PowerShell 7 the answer comes from a load context of the module's own, which holds everything in
    /// bin/Dependencies (see <see cref="ModuleLoadContext"/>); on Windows PowerShell 5.1, where strong-named assemblies of
    /// different versions live side by side anyway, from Assembly.LoadFrom.
    /// </remarks>
    public sealed class DependencyResolver : IModuleAssemblyInitializer, IModuleAssemblyCleanup
    {
        /// <summary>The folder beside the module dll that holds the isolated assemblies.</summary>
        internal const string FolderName = "Dependencies";

        /// <summary>bin/Dependencies of this copy of the module.</summary>
        internal static readonly string Folder = Path.Combine(Path.GetDirectoryName(typeof(DependencyResolver).Assembly.Location) ?? string.Empty, FolderName);

        /// <summary>The build's precompiled images in <see cref="Folder"/> for this .NET and platform (<see cref="ModuleLoadContext.PrecompiledFolder"/>).</summary>
        internal static readonly string PrecompiledFolder = ModuleLoadContext.PrecompiledFolder(Folder);

        private static readonly Assembly Module = typeof(DependencyResolver).Assembly;

        /// <summary>The domain dll: on Windows PowerShell it asks for the Newtonsoft.Json its enums name in their attributes.</summary>
        private static readonly Assembly Domain = typeof(MspException).Assembly;

        // Process-wide by nature: AppDomain.AssemblyResolve is one event per process, and every session (runspace) that
        // imports the module shares it. The count keeps the handler subscribed while any session has the module
        // imported, so removing the module from one session does not take the resolver away from another; the lock
        // makes concurrent imports and removals safe, and the handler is never subscribed twice.
        private static readonly object Gate = new object();
        private static int s_imports;

        /// <summary>Called by PowerShell when a session imports the module.</summary>
        public void OnImport()
        {
            lock (Gate)
            {
                if (s_imports++ == 0)
                    AppDomain.CurrentDomain.AssemblyResolve += Resolve;
            }
        }

        /// <summary>Called by PowerShell when a session removes the module.</summary>
        public void OnRemove(PSModuleInfo psModuleInfo)
        {
            lock (Gate)
            {
                if (s_imports > 0 && --s_imports == 0)
                    AppDomain.CurrentDomain.AssemblyResolve -= Resolve;
            }
        }

        private static Assembly Resolve(object sender, ResolveEventArgs args)
        {
            string name = new AssemblyName(args.Name).Name;
            if (!IsDependency(name) || !IsOurs(args.RequestingAssembly))
                return null;
            if (ModuleLoadContext.IsSupported)
                return ModuleLoadContext.Current.Find(name);
            return Assembly.LoadFrom(Path.Combine(Folder, name + ".dll"));
        }

        /// <summary>Only assemblies we ship in bin/Dependencies are answered; every other request is left to others.</summary>
        private static bool IsDependency(string name) =>
            !string.IsNullOrEmpty(name)
            && name.IndexOfAny(Path.GetInvalidFileNameChars()) < 0
            && File.Exists(Path.Combine(Folder, name + ".dll"));

        /// <summary>
        /// Whether the request comes from the module: the cmdlet dll, the domain dll, or an assembly in bin/Dependencies or
        /// among its precompiled images (the store asking for LiteDB). Another module asking for its own LiteDB must not
        /// get ours. Windows PowerShell may not say who is asking; then the name alone decides, as the assemblies in
        /// bin/Dependencies are ours.
        /// </summary>
        private static bool IsOurs(Assembly requesting)
        {
            if (requesting == null || requesting == Module || requesting == Domain)
                return true;
            if (requesting.IsDynamic)
                return false;
            string location = requesting.Location;
            if (string.IsNullOrEmpty(location))
                return false;
            string directory = Path.GetDirectoryName(location);
            return string.Equals(directory, Folder, StringComparison.OrdinalIgnoreCase)
                || string.Equals(directory, PrecompiledFolder, StringComparison.OrdinalIgnoreCase);
        }
    }
}
