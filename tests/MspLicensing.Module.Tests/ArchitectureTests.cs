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
    }
}
