using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using MspLicensing.Module.Tests.Hosting;
using Xunit;

namespace MspLicensing.Module.Tests
{
    public class ReadmeTests
    {
        [Fact]
        public void The_quick_start_of_the_README_runs_as_written()
        {
            string readme = File.ReadAllText(Path.Combine(ModuleSession.RepoRoot, "README.md"));
            string section = readme.Substring(readme.IndexOf("## Quick start"));
            string block = Regex.Match(section, "```powershell\n(.*?)```", RegexOptions.Singleline).Groups[1].Value;
            Assert.Contains("Import-Module ./MspLicensing.psd1", block);
            using var s = new ModuleSession(connect: false);
            // The session's location is a fresh folder, so ./MspLicensing.psd1 is the repository's manifest by its full path.
            var r = s.Run(block.Replace("./MspLicensing.psd1", ModuleSession.ManifestPath));
            Assert.True(r.Exception == null && r.Errors.Count == 0, r.ErrorText);
            Assert.True(File.Exists(Path.Combine(s.Directory, "demo.db")));
            Assert.Contains(r.Output.Select(o => o.BaseObject), o => o is License);
            Assert.Contains(r.Output.Select(o => o.BaseObject), o => o is AuditEntry);
        }

        [Fact]
        public void The_scheduled_tasks_guide_runs_as_written()
        {
            string guide = File.ReadAllText(Path.Combine(ModuleSession.RepoRoot, "docs", "guides", "scheduled-tasks.md"));
            var blocks = Regex.Matches(guide, "```powershell\n(.*?)```", RegexOptions.Singleline).Select(m => m.Groups[1].Value).ToList();
            Assert.True(blocks.Count >= 5);
            using var s = new ModuleSession(connect: false);
            foreach (var block in blocks)
            {
                var r = s.Run(block.Replace("./MspLicensing.psd1", ModuleSession.ManifestPath));
                Assert.True(r.Exception == null && r.Errors.Count == 0, block + "\n" + r.ErrorText);
            }
            Assert.True(File.Exists(Path.Combine(s.Directory, "usage-" + System.DateTime.Today.AddMonths(-1).ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture) + ".csv")));
            Assert.Contains(s.Ok("Get-MspManagedProduct -Customer Contoso").Objects<ManagedProduct>(), p => p.Used == 9);
        }
    }
}
