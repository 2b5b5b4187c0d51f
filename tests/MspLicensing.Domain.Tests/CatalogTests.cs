using System.Linq;
using Xunit;

namespace MspLicensing.Domain.Tests
{
    public class CatalogTests
    {
        [Theory]
        [InlineData("WFBS-STD", "Worry-Free Business Security Standard", ProductKind.Software)]
        [InlineData("WFBS-ADV", "Worry-Free Business Security Advanced", ProductKind.Software)]
        [InlineData("WFBSS", "Worry-Free Business Security Services", ProductKind.Service)]
        [InlineData("WFBSS-EDR", "Worry-Free Services Endpoint Detection & Response", ProductKind.Service)]
        [InlineData("WFBSS-ADV", "Worry-Free Services Advanced", ProductKind.Suite)]
        [InlineData("WFXDR", "Worry-Free XDR", ProductKind.Suite)]
        [InlineData("CAS", "Cloud App Security", ProductKind.Service)]
        [InlineData("CE", "Cloud Edge", ProductKind.Service)]
        [InlineData("HES", "Hosted Email Security 2.0", ProductKind.Service)]
        [InlineData("TMEMS", "Trend Micro Email Security Standard", ProductKind.Service)]
        [InlineData("TMWS", "Trend Micro Web Security", ProductKind.Service)]
        [InlineData("SMEX", "ScanMail for Exchange Suite with DLP 12", ProductKind.Software)]
        public void Catalog_has_every_product_of_the_contract(string code, string name, ProductKind kind)
        {
            var p = Catalog.Find(code);
            Assert.NotNull(p);
            Assert.Equal(name, p.Name);
            Assert.Equal(kind, p.Kind);
            Assert.Same(p, Catalog.Find(name.ToUpperInvariant()));
            Assert.Same(p, Catalog.Find(code.ToLowerInvariant()));
            Assert.Matches("^[A-Z]{2}$", p.ActivationCodePrefix);
        }

        [Fact]
        public void Catalog_has_exactly_the_twelve_products()
        {
            Assert.Equal(12, Catalog.Products.Count);
            Assert.Equal(Catalog.Products.Count, Catalog.Products.Select(p => p.Code).Distinct().Count());
        }

        [Fact]
        public void Suites_list_their_components_as_in_the_seed()
        {
            Assert.Equal(new[] { "CAS", "TMEMS", "HES", "WFBSS" }, Catalog.Find("WFBSS-ADV").Components);
            Assert.Equal(new[] { "CAS", "TMEMS", "HES", "WFBSS", "WFBSS-EDR" }, Catalog.Find("WFXDR").Components);
            Assert.All(Catalog.Products.Where(p => p.Kind == ProductKind.Suite).SelectMany(p => p.Components), c => Assert.NotNull(Catalog.Find(c)));
            Assert.Equal("WFBSS", Catalog.Find("WFBSS-EDR").AddOnOf);
            Assert.Equal(new[] { "WFBSS-ADV", "WFXDR" }, Catalog.SuitesContaining("WFBSS").Select(p => p.Code));
        }

        [Fact]
        public void Only_services_have_data_centers_and_all_seven_are_used()
        {
            Assert.All(Catalog.Products, p =>
            {
                if (p.Kind == ProductKind.Service) Assert.NotEmpty(p.DataCenters);
                else Assert.Empty(p.DataCenters);
            });
            Assert.Equal(DataCenters.All.OrderBy(d => d), Catalog.Products.SelectMany(p => p.DataCenters).Distinct().OrderBy(d => d));
        }

        [Fact]
        public void ScanMail_has_its_own_console_and_templates_apply_to_WFBSS_and_Cloud_Edge_only()
        {
            Assert.False(Catalog.Find("SMEX").ManagedByRemoteManager);
            Assert.Empty(Catalog.Find("SMEX").RemoteManagerAccountTypes);
            Assert.All(Catalog.Products.Where(p => p.Code != "SMEX"), p => Assert.True(p.ManagedByRemoteManager));
            Assert.Equal(new[] { "WFBSS", "CE" }, Catalog.Products.Where(p => p.SupportsTemplates).Select(p => p.Code));
        }

        [Fact]
        public void Unknown_product_error_lists_the_codes()
        {
            var ex = Assert.Throws<MspException>(() => Catalog.Get("Product", "WFBX"));
            Assert.Equal("ProductNotFound", ex.ErrorId);
            Assert.Contains("'WFBX'", ex.Message);
            Assert.Contains("WFBSS-EDR", ex.Message);
        }

        [Theory]
        [InlineData("United States", DataCenter.UnitedStates)]
        [InlineData("unitedstates", DataCenter.UnitedStates)]
        [InlineData("US", DataCenter.UnitedStates)]
        [InlineData("germany", DataCenter.Germany)]
        public void Data_centers_parse_by_name_or_display_name(string text, DataCenter expected)
        {
            Assert.Equal(expected, DataCenters.Parse("DataCenter", text));
        }

        [Fact]
        public void Unknown_data_center_is_refused_with_the_choices()
        {
            var ex = Assert.Throws<MspException>(() => DataCenters.Parse("DataCenter", "Mars"));
            Assert.Contains("DataCenter 'Mars'", ex.Message);
            Assert.Contains("Singapore", ex.Message);
        }

        [Theory]
        [InlineData("Cont*", "Contoso", true)]
        [InlineData("cont*", "Contoso", true)]
        [InlineData("C?ntoso", "Contoso", true)]
        [InlineData("[CD]ontoso", "Dontoso", true)]
        [InlineData("Cont", "Contoso", false)]
        [InlineData("a`*b", "a*b", true)]
        [InlineData("a`*b", "axb", false)]
        [InlineData("*.corp (EU)", "Fabrikam.corp (EU)", true)]
        [InlineData("Wild`*", "Wild*", true)]
        [InlineData("Wild`*", "Wildx", false)]
        [InlineData("Wild`[1`]", "Wild[1]", true)]
        [InlineData("Wild`[1`]", "Wild1", false)]
        [InlineData("Wild[1]", "Wild1", true)]
        [InlineData("Wild[1]", "Wild[1]", false)]
        [InlineData("a`b", "ab", true)]
        [InlineData("a`", "a`", true)]
        [InlineData("a]", "a]", true)]
        [InlineData("[`]]", "]", true)]
        [InlineData("[]]", "]", true)]
        [InlineData("a[]]b", "a]b", true)]
        [InlineData("[a-]", "-", true)]
        [InlineData("[-a]", "-", true)]
        [InlineData("[a-c-x]", "-", true)]
        [InlineData("[a-c-x]", "x", true)]
        [InlineData("[a-c-x]", "d", false)]
        [InlineData("[a`-c]", "b", false)]
        [InlineData("[a`-c]", "-", true)]
        [InlineData("[!a]", "!", true)]
        [InlineData("[!a]", "b", false)]
        [InlineData("[^a]", "^", true)]
        [InlineData("[\\]", "\\", true)]
        [InlineData("[a-c]", "B", true)]
        [InlineData("a?b", "a\nb", true)]
        [InlineData("(x)+.*", "(x)+.*", true)]
        [InlineData("(x)+.*", "xx", false)]
        public void Wildcards_match_like_PowerShell_escapes_and_sets_included(string pattern, string value, bool match)
        {
            Assert.Equal(match, Wildcard.IsMatch("Name", pattern, value));
        }
    }
}
