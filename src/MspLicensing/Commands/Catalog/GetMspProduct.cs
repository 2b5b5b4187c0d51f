using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using MspLicensing.Commands.Help;

namespace MspLicensing.Commands
{
    [Cmdlet(VerbsCommon.Get, "MspProduct")]
    [OutputType(typeof(Product))]
    public sealed class GetMspProductCommand : MspCmdlet
    {
        [Parameter(Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [SupportsWildcards]
        [ArgumentCompleter(typeof(ProductCompleter))]
        public string[] Code { get; set; }

        [Parameter]
        [SupportsWildcards]
        [ArgumentCompleter(typeof(ProductCompleter))]
        public string[] Name { get; set; }

        [Parameter]
        public ProductKind Kind { get; set; }

        [Parameter]
        [ArgumentCompleter(typeof(DataCenterCompleter))]
        public string DataCenter { get; set; }

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

        protected override void ProcessRecord()
        {
            MspLicensing.DataCenter? dataCenter = null;
            if (DataCenter != null)
            {
                try
                {
                    dataCenter = DataCenters.Parse(nameof(DataCenter), DataCenter);
                }
                catch (MspException ex)
                {
                    ThrowMspError(ex, DataCenter);
                }
            }
            bool byKind = MyInvocation.BoundParameters.ContainsKey(nameof(Kind));
            var patterns = new List<Wildcard>();
            foreach (var (field, given) in (Code ?? new string[0]).Select(c => (nameof(Code), c)).Concat((Name ?? new string[0]).Select(n => (nameof(Name), n))))
            {
                if (given == null || !TryPattern(field, given, out var pattern)) continue;
                patterns.Add(pattern);
                if (pattern.IsExact && Catalog.Find(pattern.Literal) == null)
                {
                    try
                    {
                        Catalog.Get(field, pattern.Literal);
                    }
                    catch (MspException ex)
                    {
                        WriteMspError(ex, given);
                    }
                }
            }

            foreach (var product in Catalog.Products.Where(p =>
                         (Code == null && Name == null || patterns.Any(x => x.IsMatch(p.Code) || x.IsMatch(p.Name)))
                         && (!byKind || p.Kind == Kind)
                         && (!dataCenter.HasValue || p.DataCenters.Contains(dataCenter.Value))))
                WriteObject(product);
        }
    }
}
