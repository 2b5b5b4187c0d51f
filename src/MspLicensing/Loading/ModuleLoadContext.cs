using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Reflection;
using System.Runtime.ExceptionServices;
using System.Runtime.InteropServices;
using System.Threading;
using MspLicensing.Store;

namespace MspLicensing.Commands
{
    /// <summary>
    /// The module's own AssemblyLoadContext on PowerShell 7: it holds the store dll and its dependencies from
    /// bin/Dependencies, apart from the default context where PowerShell and other modules load theirs.
    /// </summary>
    /// <remarks>
    /// Why reflection rather than a second (net8.0) build of the module: AssemblyLoadContext is not in the
    /// netstandard2.0 API surface, and a second target would mean two cmdlet dlls to lay out, to pick between in the
    /// manifest and to test. The module needs only the public constructor and LoadFromAssemblyPath, which are found
    /// by name, and the one netstandard2.0 dll keeps serving both editions: on Windows PowerShell 5.1 the type does not
    /// exist and nothing here runs.
    ///
    /// Without a subclass there is no Load override, and when a context cannot find an assembly in itself the runtime
    /// looks in the default context before raising any event; a LiteDB that another module put there would win. So
    /// the context loads everything in bin/Dependencies when it is created: an assembly already in a context is what
    /// that context binds to, so the store always gets the LiteDB it was built with. That happens on the first use of
    /// the store, not at import, and costs only the mapping of a few files.
    ///
    /// One context per process, created once and never changed afterwards: a load context cannot be replaced once
    /// assemblies are bound to it, and every session (runspace) in the process shares the same loaded store assembly.
    /// Lazy with ExecutionAndPublication makes the creation thread-safe and happen once.
    ///
    /// Where the build precompiled an assembly for this .NET and platform (<see cref="PrecompiledFolder"/>, see
    /// src/MspLicensing.ReadyToRun), the context loads that image instead: the same assembly with its IL, plus native
    /// code that spares the first command of a session most of its compiling. Any other .NET or platform, or a module
    /// without the folder, loads the IL assembly in bin/Dependencies.
    /// </remarks>
    internal sealed class ModuleLoadContext
    {
        internal const string Name = "MspLicensing";

        private static readonly Type ContextType = typeof(object).Assembly.GetType("System.Runtime.Loader.AssemblyLoadContext");

        private static readonly Lazy<ModuleLoadContext> Instance =
            new Lazy<ModuleLoadContext>(() => new ModuleLoadContext(DependencyResolver.Folder, DependencyResolver.PrecompiledFolder), LazyThreadSafetyMode.ExecutionAndPublication);

        private readonly Dictionary<string, Assembly> _assemblies = new Dictionary<string, Assembly>(StringComparer.OrdinalIgnoreCase);

        /// <param name="folder">bin/Dependencies.</param>
        /// <param name="precompiled">The images there for this .NET and platform (null where none can serve).</param>
        private ModuleLoadContext(string folder, string precompiled)
        {
            // The store binds the domain (IMspStore, the model) by name from the default context, where the cmdlets
            // use it; make sure it is loaded there first, whichever cmdlet or completer asks for the store.
            GC.KeepAlive(typeof(IMspStore).Assembly);
            try
            {
                object context = ContextType.GetConstructor(new[] { typeof(string), typeof(bool) })
                    .Invoke(new object[] { Name, false });
                MethodInfo loadFromAssemblyPath = ContextType.GetMethod("LoadFromAssemblyPath", new[] { typeof(string) });
                // A netstandard package of a framework assembly (System.Buffers for LiteDB) is there for Windows
                // PowerShell; where the runtime ships that assembly itself, its own (newer) one serves.
                string runtimeFolder = Path.GetDirectoryName(typeof(object).Assembly.Location);
                foreach (string file in Directory.GetFiles(folder, "*.dll"))
                {
                    string name = Path.GetFileName(file);
                    if (name.StartsWith("System.", StringComparison.OrdinalIgnoreCase) && File.Exists(Path.Combine(runtimeFolder, name)))
                        continue;
                    string image = precompiled == null ? null : Path.Combine(precompiled, name);
                    var assembly = (Assembly)loadFromAssemblyPath.Invoke(context, new object[] { image != null && File.Exists(image) ? image : file });
                    _assemblies[assembly.GetName().Name] = assembly;
                }
            }
            catch (TargetInvocationException ex) when (ex.InnerException != null)
            {
                ExceptionDispatchInfo.Capture(ex.InnerException).Throw();
                throw;
            }
        }

        /// <summary>
        /// The folder of the build's precompiled images for this .NET and platform (bin/Dependencies/ReadyToRun/
        /// net&lt;major&gt;-&lt;os&gt;-&lt;arch&gt;, as src/MspLicensing.ReadyToRun names it), or null on a platform it cannot name.
        /// </summary>
        internal static string PrecompiledFolder(string folder)
        {
            string os = RuntimeInformation.IsOSPlatform(OSPlatform.Windows) ? "win"
                : RuntimeInformation.IsOSPlatform(OSPlatform.OSX) ? "osx"
                : RuntimeInformation.IsOSPlatform(OSPlatform.Linux) ? "linux"
                : null;
            if (os == null)
                return null;
            string platform = "net" + Environment.Version.Major.ToString(CultureInfo.InvariantCulture) + "-" + os + "-"
                              + RuntimeInformation.ProcessArchitecture.ToString().ToLowerInvariant();
            return Path.Combine(folder, "ReadyToRun", platform);
        }

        /// <summary>Whether the runtime has load contexts (PowerShell 7 on .NET), as opposed to .NET Framework.</summary>
        internal static bool IsSupported => ContextType != null;

        /// <summary>The context of this process, created with everything in bin/Dependencies on first use.</summary>
        internal static ModuleLoadContext Current => Instance.Value;

        /// <summary>The assembly of that simple name in the context, or null.</summary>
        internal Assembly Find(string name) => _assemblies.TryGetValue(name, out var assembly) ? assembly : null;
    }
}
