using MspLicensing.Commands.Help;

namespace MspLicensing.Commands
{
    public sealed partial class ExportMspUsageReportCommand
    {
        public static CommandHelp Help => new CommandHelp
        {
            Synopsis = "Writes a month's usage report to a CSV or JSON file, or as an HTML page to look at and print.",
            Description = "Export-MspUsageReport writes the rows Get-MspUsageReport shows (per product, or per customer and license with -ByCustomer) to a file, flat, with invariant numbers (a dot as decimal separator) and months as yyyy-MM, so spreadsheets and PSA tools in any language import it. CSV has a header row; JSON is an array of objects. " + UsageExport.Encoding + " An existing file is overwritten only with -Force. Reports of past months stay available, so any month can be exported again. " + UsageExport.FormulaCells
                + " -Format Html writes one self-contained page (UTF-8, inline style and an inline SVG chart, no scripts or external files, laid out for A4 when printed): the month's totals per product with their bands and headroom (the figures of the CSV), a chart of each product's chargeable seats over the twelve months up to the month, and the right-sizing candidates of the three months up to it with a threshold of 20% (Get-MspRightSizing); with -BilledSeats also the month against the seats the PSA bills (Compare-MspUsage). Text from the store is HTML-encoded; numbers are invariant and months yyyy-MM, so the page is the same in every culture and on every day.",
            Rules = new[] { Rules.R55, Rules.R57, Rules.R58, Rules.R80 },
            Parameters =
            {
                ["Month"] = "The month, yyyy-MM; default the current month.",
                ["Path"] = "The file to write; its folder is created when needed.",
                ["Format"] = "Csv (default), Json or Html.",
                ["ByCustomer"] = "One row per customer and billed license instead of one per product (Csv and Json).",
                ["Force"] = "Overwrite an existing file.",
                ["BilledSeats"] = "The PSA's rows (Import-Csv of its agreements, as Compare-MspUsage reads them): the Html page then also sets the month against the seats the PSA bills, per product and for each customer and product that does not match. Html only. Rows that cannot be read are left out, each with its error.",
                ["Psa"] = PsaRows.PsaHelp,
                ["ExternalIdColumn"] = PsaRows.ExternalIdColumnHelp,
                ["CustomerColumn"] = PsaRows.CustomerColumnHelp,
                ["ProductColumn"] = PsaRows.ProductColumnHelp,
                ["QuantityColumn"] = PsaRows.QuantityColumnHelp,
                ["ProductMap"] = PsaRows.ProductMapHelp,
            },
            Examples = new[]
            {
                new HelpExample("Export March for the PSA", "Export-MspUsageReport -Month 2026-03 -Path ./usage-2026-03.csv -ByCustomer", "One row per customer and license.", ExampleSetup.UsageMarch),
                new HelpExample("Export the product totals as JSON", "Export-MspUsageReport -Month 2026-03 -Path ./usage-2026-03.json -Format Json", "An array of objects with Month, Product, Customers, Provisioned, Used, Chargeable, Band and Status.", ExampleSetup.UsageMarch),
                new HelpExample("A page for the month-end meeting", "Export-MspUsageReport -Month 2026-04 -Path ./usage-2026-04.html -Format Html", "Open it in a browser or print it: totals, the seats per product since May 2025 as a chart, and the licenses that could be lowered.", ExampleSetup.RightSizing),
                new HelpExample("The page with the PSA beside it", "Export-MspUsageReport -Month 2026-03 -Path ./usage-2026-03.html -Format Html -BilledSeats (Import-Csv ./agreements.csv) -Psa ConnectWiseManage", "The page also shows, per product, the seats billed in the PSA against the chargeable seats, and the customers that do not match (Contoso under-billed by 5, Northwind billed without a license).", ExampleSetup.UsageMarchAndPsa),
            },
            Outputs = "The written file.",
            Related = new[] { "Get-MspUsageReport", "Compare-MspUsage", "Submit-MspUsageReport" },
        };
    }
}
