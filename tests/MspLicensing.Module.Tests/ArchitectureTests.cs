using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using MspLicensing.Module.Tests.Hosting;
using Xunit;

namespace MspLicensing.Module.Tests
{
    /// <summary>The layering the code keeps, checked on its source files.</summary>
    public class ArchitectureTests
    {
        private static IEnumerable<(string Path, string Text)> Sources(string project) =>
            Directory.EnumerateFiles(Path.Combine(ModuleSession.RepoRoot, "src", project), "*.cs", SearchOption.AllDirectories)
                .Where(p => !p.Contains(Path.DirectorySeparatorChar + "obj" + Path.DirectorySeparatorChar)
                            && !p.Contains(Path.DirectorySeparatorChar + "bin" + Path.DirectorySeparatorChar))
                .Select(p => (Path.GetRelativePath(ModuleSession.RepoRoot, p), File.ReadAllText(p)));

        [Fact]
        public void The_domain_never_reads_the_clock()
        {
            var reads = Sources("MspLicensing.Domain")
                .Where(f => Regex.IsMatch(f.Text, @"DateTime(Offset)?\.(Today|Now|UtcNow)\b"))
                .Select(f => f.Path).ToList();
            Assert.True(reads.Count == 0, "The domain is given today and the time; these files read the clock: " + string.Join(", ", reads));
        }

        [Fact]
        public void The_cmdlets_read_the_clock_in_one_place()
        {
            var reads = Sources("MspLicensing")
                .Where(f => !f.Path.EndsWith(Path.Combine("Base", "Clock.cs"), StringComparison.Ordinal)
                            && Regex.IsMatch(f.Text, @"DateTime(Offset)?\.(Today|Now|UtcNow)\b"))
                .Select(f => f.Path).ToList();
            Assert.True(reads.Count == 0, "Clock.Today and Clock.UtcNow are where the cmdlets read the clock; these files read it themselves: " + string.Join(", ", reads));
        }

        [Fact]
        public void An_error_raised_in_several_files_is_made_in_one_factory()
        {
            var made = new[] { "MspLicensing.Domain", "MspLicensing" }.SelectMany(Sources)
                .SelectMany(f => Regex.Matches(f.Text, @"(?:new MspException|MspException\.ForRule)\((?:Rules\.R\d+,\s*)?""(\w+)""")
                    .Select(m => (Id: m.Groups[1].Value, f.Path)))
                .GroupBy(x => x.Id)
                .Where(g => g.Select(x => x.Path).Distinct().Count() > 1)
                .Select(g => g.Key + " (" + string.Join(", ", g.Select(x => x.Path).Distinct()) + ")")
                .ToList();
            Assert.True(made.Count == 0, "Give these errors one factory in MspException: " + string.Join("; ", made));
        }

        [Fact]
        public void Each_cmdlet_keeps_its_help_in_a_partial_file_beside_it()
        {
            var commands = Sources("MspLicensing").Where(f => f.Path.Contains(Path.Combine("MspLicensing", "Commands") + Path.DirectorySeparatorChar)).ToList();
            var cmdlets = commands.Where(f => !f.Path.EndsWith(".Help.cs", StringComparison.Ordinal)).ToList();
            Assert.NotEmpty(cmdlets);
            foreach (var (path, text) in cmdlets)
            {
                Assert.True(!text.Contains("CommandHelp Help =>"), path + " holds its help text; it belongs in " + Path.GetFileNameWithoutExtension(path) + ".Help.cs");
                Assert.True(commands.Any(f => f.Path == path.Substring(0, path.Length - 3) + ".Help.cs"), path + " has no .Help.cs beside it");
            }
        }

        [Fact]
        public void A_file_of_the_cmdlet_layer_holds_the_type_it_is_named_after_and_no_other()
        {
            // Completers.cs holds every completer; Loading/ keeps its load context apart from the cmdlets.
            var exceptions = new[] { Path.Combine("Completers", "Completers.cs"), "Loading" + Path.DirectorySeparatorChar };
            var wrong = NotNamedAfterTheirType(Sources("MspLicensing")
                .Where(f => !f.Path.Contains(Path.Combine("MspLicensing", "Commands") + Path.DirectorySeparatorChar) && !exceptions.Any(e => f.Path.Contains(e))));
            Assert.True(wrong.Count == 0, "Files that do not hold exactly the type they are named after: " + string.Join("; ", wrong));
        }

        [Theory]
        [InlineData("MspLicensing.Domain")]
        [InlineData("MspLicensing.Store.LiteDb")]
        [InlineData("MspLicensing.Store.Postgres")]
        public void A_file_of_the_domain_and_the_stores_holds_the_type_it_is_named_after_and_no_other(string project)
        {
            var wrong = NotNamedAfterTheirType(Sources(project));
            Assert.True(wrong.Count == 0, "Files that do not hold exactly the type they are named after: " + string.Join("; ", wrong));
        }

        /// <summary>The files whose top-level types are not exactly one, named as the file is (nested types do not count).</summary>
        private static List<string> NotNamedAfterTheirType(IEnumerable<(string Path, string Text)> files) =>
            files.Select(f => (f.Path, Types: Regex.Matches(f.Text, @"^    (?:\w+ )*(?:class|struct|enum|interface) (\w+)", RegexOptions.Multiline).Select(m => m.Groups[1].Value).ToList()))
                .Where(f => f.Types.Count != 1 || f.Types[0] != Path.GetFileNameWithoutExtension(f.Path))
                .Select(f => f.Path + " (" + string.Join(", ", f.Types) + ")")
                .ToList();

        [Fact]
        public void Every_path_the_architecture_page_names_exists()
        {
            string root = ModuleSession.RepoRoot;
            string page = File.ReadAllText(Path.Combine(root, "docs", "ARCHITECTURE.md"));
            // A path is named in `code`; one without a folder, or relative to a project, is looked up in the projects.
            var bases = new[] { root, Path.Combine(root, "src", "MspLicensing.Domain"), Path.Combine(root, "src", "MspLicensing"), Path.Combine(root, "src", "MspLicensing.Store.LiteDb") };
            var paths = Regex.Matches(page, "`([^`]+)`").Select(m => m.Groups[1].Value)
                .Where(p => !p.Contains('<') && !p.Contains('*') && !p.Contains(' ') && (p.Contains('/') || Regex.IsMatch(p, @"\.(cs|md|psd1|ps1xml|ps1)$")))
                .Distinct().ToList();
            Assert.True(paths.Count >= 20, "The page names " + paths.Count + " paths");
            var missing = paths.Where(p => !bases.Any(b => File.Exists(Path.Combine(b, p)) || Directory.Exists(Path.Combine(b, p)))).ToList();
            Assert.True(missing.Count == 0, "docs/ARCHITECTURE.md names paths that do not exist: " + string.Join(", ", missing));
        }
    }
}
