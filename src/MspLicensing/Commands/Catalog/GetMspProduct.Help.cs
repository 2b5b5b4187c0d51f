using MspLicensing.Commands.Help;

namespace MspLicensing.Commands
{
    public sealed partial class GetMspProductCommand
    {
        public static CommandHelp Help => new CommandHelp
        {
            Synopsis = "Lists the products of the built-in catalog.",
            Description = "Get-MspProduct lists the products MspLicensing knows, with their stable code, name, kind (Service = SaaS, Software = on-premises, Suite = bundle), suite components, add-on relation, data centers, managing console, the account types under which Remote Manager supports them, template support and activation-code prefix. Codes and names are accepted wherever a product is asked for, ignoring case. An exact code or name that matches nothing is an error; a wildcard that matches nothing returns nothing.",
            Parameters =
            {
                ["Code"] = "Product codes or names to find; wildcards allowed. Binds from the pipeline (strings, or objects with a Code property).",
                ["Name"] = "Product names to find; wildcards allowed.",
                ["Kind"] = "Only products of this kind: Service, Software or Suite.",
                ["DataCenter"] = "Only services offered in this data center.",
            },
            Examples = new[]
            {
                new HelpExample("The whole catalog",
                    "Get-MspProduct",
                    "One row per product."),
                new HelpExample("The components of Worry-Free XDR",
                    "(Get-MspProduct WFXDR).Components | Get-MspProduct",
                    "Suites list their components by code; piping the codes back shows each component."),
                new HelpExample("Services offered in Germany",
                    "Get-MspProduct -Kind Service -DataCenter Germany",
                    "Filters by kind and data center."),
                new HelpExample("Find by name with a wildcard",
                    "Get-MspProduct -Name '*Email*'",
                    "Matches Hosted Email Security 2.0 and Trend Micro Email Security Standard."),
            },
            Inputs = "Product codes or names as strings, or objects with a Code property.",
            Outputs = "Products.",
            Related = new[] { "Get-MspFeature", "about_MspLicensing_Catalog" },
        };
    }
}
