using MspLicensing.Commands.Help;

namespace MspLicensing.Commands
{
    public sealed partial class ExportMspUsageReportCommand
    {
        public static CommandHelp Help => new CommandHelp
        {
            Synopsis = "Writes a month's usage report to a CSV or JSON file.",
            Description = "Export-MspUsageReport writes the rows Get-MspUsageReport shows (per product, or per customer and license with -ByCustomer) to a file, flat, with invariant numbers (a dot as decimal separator) and months as yyyy-MM, so spreadsheets and PSA tools in any language import it. CSV has a header row; JSON is an array of objects. " + UsageExport.Encoding + " An existing file is overwritten only with -Force. Reports of past months stay available, so any month can be exported again. " + UsageExport.FormulaCells,
            Rules = new[] { Rules.R55 },
            Parameters =
            {
                ["Month"] = "The month, yyyy-MM; default the current month.",
                ["Path"] = "The file to write; its folder is created when needed.",
                ["Format"] = "Csv (default) or Json.",
                ["ByCustomer"] = "One row per customer and billed license instead of one per product.",
                ["Force"] = "Overwrite an existing file.",
            },
            Examples = new[]
            {
                new HelpExample("Export March for the PSA", "Export-MspUsageReport -Month 2026-03 -Path ./usage-2026-03.csv -ByCustomer", "One row per customer and license.", ExampleSetup.UsageMarch),
                new HelpExample("Export the product totals as JSON", "Export-MspUsageReport -Month 2026-03 -Path ./usage-2026-03.json -Format Json", "An array of objects with Month, Product, Customers, Provisioned, Used, Chargeable, Band and Status.", ExampleSetup.UsageMarch),
            },
            Outputs = "The written file.",
            Related = new[] { "Get-MspUsageReport", "Submit-MspUsageReport" },
        };
    }
}
