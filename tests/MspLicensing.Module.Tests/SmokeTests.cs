using System.Linq;
using MspLicensing.Module.Tests.Hosting;
using Xunit;

namespace MspLicensing.Module.Tests
{
    public class SmokeTests
    {
        [Fact]
        public void Module_imports_and_creates_a_customer()
        {
            using var s = new ModuleSession();
            var c = s.NewCustomer("Contoso");
            Assert.Equal("Contoso", c.Name);
            var r = s.Ok("Get-MspCustomer | Out-Default");
            Assert.Contains("Contoso", r.Text);
            System.Console.WriteLine(r.Text);
        }
    }
}
