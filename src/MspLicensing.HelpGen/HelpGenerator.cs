using System;
using System.Collections;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Management.Automation.Language;
using System.Text;
using MspLicensing.Commands.Help;

namespace MspLicensing.HelpGen
{
    /// <summary>
    /// Generates the module's help from the cmdlets and the domain: the MAML file and about topics in module/en-US
    /// (the build copies them beside the manifest) and their markdown in docs/. The output depends on nothing but
    /// the code: no dates, stable order, '\n' line endings, invariant culture.
    /// </summary>
    public static class HelpGenerator
    {
        public const string HelpFolder = "module/en-US";
        public const string DocsFolder = "docs";
        /// <summary>Where the build puts the help files, relative to the manifest (the module base, where Get-Help looks).</summary>
        public const string InstalledHelpFolder = "en-US";
        public const string RunCommand = "dotnet run --project src/MspLicensing.HelpGen";

        /// <summary>Every generated file by path relative to <paramref name="repoRoot"/> ('/' separators), in ordinal order.</summary>
        /// <exception cref="HelpGenerationException">When a cmdlet's help is incomplete or does not match the cmdlet.</exception>
        public static IReadOnlyDictionary<string, string> Generate(string repoRoot)
        {
            var problems = new List<string>();
            var module = ModuleInfo.Read(repoRoot, problems);
            var commands = CommandModel.ReadAll(typeof(CommandHelp).Assembly, problems);
            var topics = AboutTopics.Build(module, commands, problems);
            string listViews = ListViews.Write(repoRoot, problems);
            CheckAgainstManifest(module, commands, topics, problems);
            CheckRelatedLinks(commands, topics, problems);
            if (problems.Count > 0) throw new HelpGenerationException(problems);

            var files = new SortedDictionary<string, string>(StringComparer.Ordinal)
            {
                [HelpFolder + "/" + module.Name + ".dll-Help.xml"] = MamlWriter.Write(commands),
                [DocsFolder + "/README.md"] = Index(module, commands, topics),
                [ListViews.OutputPath] = listViews,
            };
            foreach (var topic in topics)
            {
                files[HelpFolder + "/" + topic.Name + ".help.txt"] = TopicText.Render(topic);
                files[DocsFolder + "/" + topic.Name + ".md"] = TopicMarkdown.Render(topic);
            }
            foreach (var command in commands)
                files[DocsFolder + "/" + command.Name + ".md"] = MarkdownWriter.Write(command, module.Name);
            return files;
        }

        /// <summary>Files on disk that differ from <paramref name="files"/>, are missing, or are generated files the generator no longer writes.</summary>
        public static IReadOnlyList<string> Differences(string repoRoot, IReadOnlyDictionary<string, string> files)
        {
            var differences = new List<string>();
            foreach (var pair in files)
            {
                string full = Path.Combine(repoRoot, pair.Key);
                if (!File.Exists(full)) differences.Add(pair.Key + " (missing)");
                else if (Normalize(File.ReadAllText(full)) != pair.Value) differences.Add(pair.Key + " (differs)");
            }
            differences.AddRange(Stale(repoRoot, files).Select(p => p + " (no longer generated)"));
            return differences;
        }

        /// <summary>Writes the files that changed and deletes generated files that are no longer generated; returns what it did.</summary>
        public static IReadOnlyList<string> Write(string repoRoot, IReadOnlyDictionary<string, string> files)
        {
            var done = new List<string>();
            foreach (var pair in files)
            {
                string full = Path.Combine(repoRoot, pair.Key);
                if (File.Exists(full) && Normalize(File.ReadAllText(full)) == pair.Value) continue;
                Directory.CreateDirectory(Path.GetDirectoryName(full));
                File.WriteAllText(full, pair.Value, new UTF8Encoding(false));
                done.Add("wrote " + pair.Key);
            }
            foreach (var stale in Stale(repoRoot, files).ToList())
            {
                File.Delete(Path.Combine(repoRoot, stale));
                done.Add("deleted " + stale);
            }
            return done;
        }

        /// <summary>The repository root: the first folder at or above <paramref name="start"/> that holds MspLicensing.sln.</summary>
        public static string FindRepoRoot(string start)
        {
            var dir = new DirectoryInfo(start);
            while (dir != null && !File.Exists(Path.Combine(dir.FullName, "MspLicensing.sln")))
                dir = dir.Parent;
            return dir?.FullName;
        }

        // A checkout with CRLF line endings holds the same content.
        private static string Normalize(string text) => text.Replace("\r\n", "\n");

        /// <summary>Files that look generated (help files in module/en-US, cmdlet pages and about topics in docs/) but are not in <paramref name="files"/>.</summary>
        private static IEnumerable<string> Stale(string repoRoot, IReadOnlyDictionary<string, string> files)
        {
            var candidates = new List<string>();
            string help = Path.Combine(repoRoot, HelpFolder);
            if (Directory.Exists(help))
            {
                candidates.AddRange(Directory.GetFiles(help, "*-Help.xml").Concat(Directory.GetFiles(help, "about_*.help.txt"))
                    .Select(f => HelpFolder + "/" + Path.GetFileName(f)));
            }
            string docs = Path.Combine(repoRoot, DocsFolder);
            if (Directory.Exists(docs))
            {
                candidates.AddRange(Directory.GetFiles(docs, "*.md")
                    .Where(f => Path.GetFileName(f).StartsWith("about_MspLicensing", StringComparison.Ordinal)
                                || File.ReadAllText(f).Replace("\r\n", "\n").Contains("\nexternal help file: MspLicensing.dll-Help.xml\n"))
                    .Select(f => DocsFolder + "/" + Path.GetFileName(f)));
            }
            return candidates.Where(c => !files.ContainsKey(c)).OrderBy(c => c, StringComparer.Ordinal);
        }

        private static void CheckAgainstManifest(ModuleInfo module, IReadOnlyList<CommandModel> commands, IReadOnlyList<Topic> topics, List<string> problems)
        {
            foreach (var command in commands.Where(c => !module.CmdletsToExport.Contains(c.Name, StringComparer.OrdinalIgnoreCase)))
                problems.Add($"{command.Name} is a cmdlet of the assembly but not in CmdletsToExport of {module.Name}.psd1.");
            foreach (var name in module.CmdletsToExport.Where(n => !commands.Any(c => string.Equals(c.Name, n, StringComparison.OrdinalIgnoreCase))))
                problems.Add($"{module.Name}.psd1 exports {name}, which is not a cmdlet of the assembly.");
            var helpFiles = new[] { module.Name + ".dll-Help.xml" }.Concat(topics.Select(t => t.Name + ".help.txt"));
            foreach (var file in helpFiles.Select(f => InstalledHelpFolder + "/" + f).Concat(new[] { ListViews.InstalledPath }))
            {
                if (!module.FileList.Contains(file, StringComparer.OrdinalIgnoreCase))
                    problems.Add($"FileList of {module.Name}.psd1 lacks '{file}'.");
            }
            if (!module.FormatsToProcess.Contains(ListViews.InstalledPath, StringComparer.OrdinalIgnoreCase))
                problems.Add($"FormatsToProcess of {module.Name}.psd1 lacks '{ListViews.InstalledPath}'.");
        }

        private static void CheckRelatedLinks(IReadOnlyList<CommandModel> commands, IReadOnlyList<Topic> topics, List<string> problems)
        {
            var known = new HashSet<string>(commands.Select(c => c.Name).Concat(topics.Select(t => t.Name)), StringComparer.Ordinal);
            foreach (var command in commands)
            {
                foreach (var name in (command.Help.Related ?? new string[0]).Where(n => !known.Contains(n)))
                    problems.Add($"{command.Name}: Help.Related names '{name}', which is neither a command of the module nor an about topic.");
            }
            foreach (var topic in topics)
            {
                foreach (var name in topic.SeeAlso.Where(n => !known.Contains(n)))
                    problems.Add($"{topic.Name}: SEE ALSO names '{name}', which is neither a command of the module nor an about topic.");
            }
        }

        private static string Index(ModuleInfo module, IReadOnlyList<CommandModel> commands, IReadOnlyList<Topic> topics)
        {
            var sb = new StringBuilder();
            sb.Append("# ").Append(module.Name).Append("\n\n");
            sb.Append(Markdown.Escape(module.Description)).Append("\n\n");
            sb.Append("## Commands\n\n");
            sb.Append("| Command | Synopsis |\n| --- | --- |\n");
            foreach (var c in commands.OrderBy(c => c.Noun, StringComparer.Ordinal).ThenBy(c => c.Verb, StringComparer.Ordinal))
                sb.Append("| ").Append(Markdown.Link(c.Name)).Append(" | ").Append(Markdown.Cell(c.Help.Synopsis.Trim())).Append(" |\n");
            sb.Append("\n## About topics\n\n");
            sb.Append("| Topic | Short description |\n| --- | --- |\n");
            foreach (var t in topics)
                sb.Append("| ").Append(Markdown.Link(t.Name)).Append(" | ").Append(Markdown.Cell(t.ShortDescription)).Append(" |\n");
            sb.Append("\n## How these pages are made\n\n");
            sb.Append("These pages, the MAML help (`").Append(HelpFolder).Append('/').Append(module.Name)
              .Append(".dll-Help.xml`) and the about topics (`").Append(HelpFolder)
              .Append("/about_*.help.txt`) are generated from the cmdlets' help and the module's domain ")
              .Append("(catalog, rules, feature matrix, seat bands) by `src/MspLicensing.HelpGen`. ")
              .Append("Do not edit them: change the code, then run `").Append(RunCommand).Append("`. ")
              .Append("It also writes the Format-List views of the objects with dates (`").Append(ListViews.OutputPath)
              .Append("`), so that every property shows and dates read as ISO in any culture. ")
              .Append("A test fails when the committed files differ from what the generator writes.\n");
            return sb.ToString();
        }
    }

    /// <summary>What the generator needs from the module manifest.</summary>
    public sealed class ModuleInfo
    {
        public string Name { get; private set; }
        public string Description { get; private set; }
        public IReadOnlyList<string> CmdletsToExport { get; private set; }
        public IReadOnlyList<string> FileList { get; private set; }
        public IReadOnlyList<string> FormatsToProcess { get; private set; }

        public static ModuleInfo Read(string repoRoot, List<string> problems)
        {
            const string name = "MspLicensing";
            string path = Path.Combine(repoRoot, name + ".psd1");
            var info = new ModuleInfo { Name = name, Description = string.Empty, CmdletsToExport = new string[0], FileList = new string[0], FormatsToProcess = new string[0] };
            if (!File.Exists(path))
            {
                problems.Add("The module manifest " + path + " does not exist.");
                return info;
            }
            var ast = Parser.ParseFile(path, out _, out var errors);
            var table = errors.Length == 0 ? ast.Find(a => a is HashtableAst, false) as HashtableAst : null;
            if (table == null)
            {
                problems.Add("The module manifest " + path + " cannot be read: " + string.Join("; ", errors.Select(e => e.Message)));
                return info;
            }
            var data = (Hashtable)table.SafeGetValue();
            info.Description = data["Description"] as string ?? string.Empty;
            info.CmdletsToExport = Strings(data["CmdletsToExport"]);
            info.FileList = Strings(data["FileList"]);
            info.FormatsToProcess = Strings(data["FormatsToProcess"]);
            if (string.IsNullOrWhiteSpace(info.Description)) problems.Add(name + ".psd1 has no Description.");
            return info;
        }

        private static IReadOnlyList<string> Strings(object value) =>
            value == null ? new string[0]
            : value is string s ? new[] { s }
            : ((IEnumerable)value).Cast<object>().Select(o => o.ToString()).ToList();
    }

    public sealed class HelpGenerationException : Exception
    {
        public HelpGenerationException(IReadOnlyList<string> problems)
            : base("The help cannot be generated:\n" + string.Join("\n", problems.Select(p => "  - " + p)))
        {
            Problems = problems;
        }

        public IReadOnlyList<string> Problems { get; }
    }
}
