using System;
using System.IO;
using System.Linq;
using MspLicensing.Module.Tests.Hosting;
using Xunit;

namespace MspLicensing.Module.Tests
{
    /// <summary>The test runspaces are the real engine with the module, and nothing installed on the machine.</summary>
    public class HostingTests
    {
        [Fact]
        public void A_test_runspace_has_PowerShell_s_own_cmdlets()
        {
            using var s = new ModuleSession();
            s.NewCustomer("Contoso");
            var csv = Path.Combine(s.Directory, "c.csv");
            var r = s.Ok($"Get-MspCustomer | Select-Object Name, Country | Sort-Object Name | Export-Csv -Path '{csv}' -NoTypeInformation; Import-Csv -Path '{csv}' | ConvertTo-Json -Compress");
            Assert.Equal("{\"Name\":\"Contoso\",\"Country\":\"US\"}", r.Output.Single().ToString());
            foreach (var command in new[] { "Import-Csv", "Export-Csv", "Select-Object", "Sort-Object", "Format-Table", "Out-String", "ConvertTo-Json", "Get-Item", "ConvertTo-SecureString" })
            {
                string module = s.Ok($"(Get-Command {command}).Module.Path").Output.Single().ToString();
                Assert.StartsWith(Path.GetDirectoryName(typeof(System.Management.Automation.PSObject).Assembly.Location), module);
            }
        }

        [Fact]
        public void No_module_installed_on_the_machine_leaks_into_a_test_runspace()
        {
            using var s = new ModuleSession();
            Assert.Equal("None", s.Ok("$PSModuleAutoLoadingPreference").Output.Single().ToString());
            var loaded = s.Ok("Get-Module | ForEach-Object Path").Output.Select(o => o.ToString()).ToList();
            string home = Path.GetDirectoryName(typeof(System.Management.Automation.PSObject).Assembly.Location);
            Assert.All(loaded, path => Assert.True(
                path.StartsWith(home, StringComparison.Ordinal) || path.StartsWith(Path.Combine(ModuleSession.RepoRoot, "bin"), StringComparison.Ordinal),
                path + " is neither PowerShell's own module nor MspLicensing."));
            Assert.Contains(loaded, p => p.EndsWith("MspLicensing.dll", StringComparison.Ordinal));
        }
    }
}
