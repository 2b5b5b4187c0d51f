using System.Linq;
using MspLicensing.Module.Tests.Hosting;
using Xunit;

namespace MspLicensing.Module.Tests
{
    public class SmokeTests
    {
        [Fact]
        public void Explore()
        {
            var script = System.Environment.GetEnvironmentVariable("MSP_EXPLORE");
            if (script == null) return;
            using var s = new ModuleSession();
            var sb = new System.Text.StringBuilder();
            foreach (var line in System.IO.File.ReadAllLines(script))
            {
                var r = s.Run(line);
                sb.AppendLine("PS> " + line);
                sb.Append(r.Text);
                foreach (var o in r.Output) sb.AppendLine("OUT: " + o);
                foreach (var e in r.Errors) sb.AppendLine("ERR: " + e.FullyQualifiedErrorId + " [" + e.CategoryInfo.Category + "] " + e.Exception.Message);
                if (r.Exception != null) sb.AppendLine("THROW: " + r.Exception.GetType().Name + ": " + r.Exception.Message);
            }
            System.IO.File.WriteAllText(script + ".out", sb.ToString());
        }
    }
}
