using System.Globalization;
using MspLicensing.Commands.Help;

namespace MspLicensing.Commands
{
    public sealed partial class GetMspUsageReportCommand
    {
        public static CommandHelp Help => new CommandHelp
        {
            Synopsis = "Shows the usage report of a month or several: per product, or per customer and license.",
            Description = "Get-MspUsageReport computes the monthly report the MSP is billed on. By default it has one row per product: how many customers, the provisioned, used and chargeable seats added up over all customers, and the seat band that total falls in. With -ByCustomer it has one row per customer and billed license (a suite is one row): the peak seats held in the month, the peak used count reported, the over-provisioned percentage (never negative: a used count above provisioned shows as exceeded, with ExceededBy seats), the chargeable seats and the comment of an adjustment. A license active on any day of the month bills the whole month; trials never bill. A Submitted or Approved month shows the figures as they were submitted."
                + $" Several months (-Month 2026-01,2026-02, months from the pipeline, or a range with -From and -To) give each month's report in turn (a range oldest first, a list in its order), every row with its Month; nothing is added up across months. A range covers at most {UsageOperations.MaxReportMonths.ToString(CultureInfo.InvariantCulture)} months. Get-MspUsageMonth lists the months with the status of their reports.",
            Rules = new[] { Rules.R50, Rules.R51, Rules.R52, Rules.R53, Rules.R54 },
            Parameters =
            {
                ["Month"] = "The month, yyyy-MM (a date works too), or several; default the current month. Binds from the pipeline: month text, dates, and objects with a Month property (such as the rows of Get-MspUsageMonth).",
                ["From"] = "The first month of a range of months, yyyy-MM; without it the range begins with the first month a license bills in.",
                ["To"] = "The last month of a range of months, yyyy-MM; without it the range ends with the current month.",
                ["Customer"] = "Only this customer's rows (the bands still come from all customers): a name, a CustomerId or the object. Binds from customers in the pipeline, and from objects with a CustomerId or Customer property.",
                ["Product"] = "Only this product's rows (a suite's code for a suite).",
                ["ByCustomer"] = "One row per customer and billed license instead of one per product.",
            },
            Examples = new[]
            {
                new HelpExample("What to report for March", "Get-MspUsageReport -Month 2026-03", "One row per product with its seat band.", ExampleSetup.UsageMarch),
                new HelpExample("The lines behind it",
                    "Get-MspUsageReport -Month 2026-03 -ByCustomer",
                    "Contoso bills 40 seats for March (its peak), with 28 used.",
                    ExampleSetup.UsageMarch),
                new HelpExample("The first quarter, month by month",
                    "Get-MspUsageReport -From 2026-01 -To 2026-03",
                    "One report per month, each row with its Month; -Month 2026-01,2026-02,2026-03 and '2026-01','2026-02','2026-03' | Get-MspUsageReport give the same.",
                    ExampleSetup.UsageMarch),
                new HelpExample("A customer's lines over several months",
                    "Get-MspCustomer -Name Contoso | Get-MspUsageReport -From 2026-02 -To 2026-03 -ByCustomer",
                    "Customers in the pipeline choose the rows; the months come from -From and -To.",
                    ExampleSetup.UsageMarch),
                new HelpExample("Every month still being prepared",
                    "Get-MspUsageMonth -Status Preparing | Get-MspUsageReport",
                    "The rows of Get-MspUsageMonth give their Month.",
                    ExampleSetup.UsageMarch),
                new HelpExample("Hand the month to a PSA import",
                    "Get-MspUsageReport -Month 2026-03 -ByCustomer | Export-Csv ./usage-2026-03.csv -NoTypeInformation",
                    "The rows are flat, so Export-Csv writes one column per property (Export-MspUsageReport does the same with invariant formats).",
                    ExampleSetup.UsageMarch),
            },
            Inputs = "Months (yyyy-MM text or dates), objects with a Month property, and customers or objects with a CustomerId or Customer property, to show their rows.",
            Outputs = "Report rows per product, or per customer and license with -ByCustomer, each with its Month.",
            Related = new[] { "Get-MspUsageMonth", "Set-MspUsageReport", "Submit-MspUsageReport", "Export-MspUsageReport", "Get-MspAccount" },
        };
    }
}
