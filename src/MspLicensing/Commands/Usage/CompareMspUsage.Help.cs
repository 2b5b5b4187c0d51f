using MspLicensing.Commands.Help;

namespace MspLicensing.Commands
{
    public sealed partial class CompareMspUsageCommand
    {
        public static CommandHelp Help => new CommandHelp
        {
            Synopsis = "Compares a month's usage report with the seats the PSA bills the customers.",
            Description = "Compare-MspUsage is the month-end reconciliation: it sets what the vendor bills the MSP (the chargeable seats of the month's usage report) beside what the MSP bills its customers (the agreement rows of its PSA), one line per customer and product, and says where seats are billed too few (UnderBilled, NotInPsa) or too many (OverBilled, NotLicensed). The PSA rows come from any export: Import-Csv of a ConnectWise Manage or Autotask export, or objects a script builds. By default their columns are ExternalId, Customer, Product and Quantity; -ExternalIdColumn, -CustomerColumn, -ProductColumn and -QuantityColumn name others, and -ProductMap maps the PSA's product names to products. A Submitted or Approved month is compared with its frozen figures, so the comparison after submitting shows what was billed. Nothing is changed: fix the PSA agreements, or the report (Set-MspUsageReport) while it is still Preparing, and compare again."
                + " With -Summary it writes one row per product instead: the seats of all lines added up, and SeatsNotBilled, what the MSP pays for every month without billing it. The lines and the summary are flat, so Export-Csv writes them as they are. about_MspLicensing_MonthEnd describes the month-end workflow: report, reconcile, submit.",
            Rules = new[] { Rules.R80, Rules.R81, Rules.R82, Rules.R53, Rules.R54 },
            Parameters =
            {
                ["Month"] = "The month to compare, yyyy-MM (a date works too); default the current month. It does not bind from the pipeline, so a PSA export with a Month column does not change it. It is read before the first row: a month that is not one stops the command before a row is read.",
                ["BilledSeats"] = "The PSA's rows, one per agreement addition (customer, product and quantity): the rows of Import-Csv, hashtables or any objects with the columns as properties. Binds from the pipeline: Import-Csv agreements.csv | Compare-MspUsage -Month 2026-11. Rows of one customer and product add up. Piped rows are read as they come, and the command keeps what each row bills, not the row (only a row left out with an error stays, as its error's target): pipe a large export rather than give -BilledSeats (Import-Csv ...), which holds every row until the command ends.",
                ["Psa"] = PsaRows.PsaHelp,
                ["ExternalIdColumn"] = PsaRows.ExternalIdColumnHelp,
                ["CustomerColumn"] = PsaRows.CustomerColumnHelp,
                ["ProductColumn"] = PsaRows.ProductColumnHelp,
                ["QuantityColumn"] = PsaRows.QuantityColumnHelp,
                ["ProductMap"] = PsaRows.ProductMapHelp,
                ["Summary"] = "One row per product instead of one per customer and product: the lines added up, how many do not match, and the seats not billed and billed too many.",
            },
            Examples = new[]
            {
                new HelpExample("Reconcile March with the PSA's agreements",
                    "Import-Csv ./agreements.csv | Compare-MspUsage -Month 2026-03 -Psa ConnectWiseManage",
                    "Contoso matches by its ConnectWise Manage id 4711; its two rows add up to 35 of 40 chargeable seats: UnderBilled by 5. Fabrikam matches by name, Northwind is billed in the PSA but holds no license: NotLicensed.",
                    ExampleSetup.UsageMarchAndPsa),
                new HelpExample("The seats lost per product",
                    "Import-Csv ./agreements.csv | Compare-MspUsage -Month 2026-03 -Psa ConnectWiseManage -Summary",
                    "SeatsNotBilled is what the vendor charges each month and the PSA does not bill.",
                    ExampleSetup.UsageMarchAndPsa),
                new HelpExample("A ConnectWise export with its own column and product names",
                    "$map = @{ 'WF Services Seat' = 'WFBSS'; 'Onsite Labour' = '' }\nCompare-MspUsage -Month 2026-03 -BilledSeats (Import-Csv ./cw-additions.csv) -Psa ConnectWiseManage -ExternalIdColumn CompanyId -CustomerColumn Company -ProductColumn Addition -QuantityColumn Qty -ProductMap $map",
                    "The labour addition is mapped to '' and left out; the quantities 40.00 and 10.00 are whole seats.",
                    ExampleSetup.UsageMarchAndPsa),
                new HelpExample("Hand the mismatches to the billing team",
                    "Import-Csv ./agreements.csv | Compare-MspUsage -Month 2026-03 -Psa ConnectWiseManage | Where-Object Status -ne 'Match' | Export-Csv ./mismatches-2026-03.csv -NoTypeInformation",
                    "Every line is flat: Customer, Product, Chargeable, Billed, Difference, Status, ExternalId, MatchedBy, PsaRows and Note.",
                    ExampleSetup.UsageMarchAndPsa),
            },
            Inputs = "PSA rows: the objects of Import-Csv, hashtables or any objects with the columns as properties.",
            Outputs = "One line per customer and product (ReconciliationLine), or one per product with -Summary (ReconciliationSummary). A warning counts the rows left out for errors.",
            Notes = "A bad PSA row (a quantity that is not a whole number, a product that maps to nothing, no customer) is a non-terminating error that names the row, and the rest is compared; with -ErrorAction Stop the first one stops the command. Rows are numbered from 1, the first row after the header line of a CSV file. The error's TargetObject is the row, so Compare-MspUsage -ErrorVariable bad ... ; $bad.TargetObject | Export-Csv bad-rows.csv collects them.",
            Related = new[] { "Get-MspUsageReport", "Set-MspUsageReport", "Submit-MspUsageReport", "Get-MspCustomer", "about_MspLicensing_MonthEnd" },
        };
    }
}
