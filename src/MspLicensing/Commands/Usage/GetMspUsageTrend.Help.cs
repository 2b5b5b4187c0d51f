using System.Globalization;
using MspLicensing.Commands.Help;

namespace MspLicensing.Commands
{
    public sealed partial class GetMspUsageTrendCommand
    {
        public static CommandHelp Help => new CommandHelp
        {
            Synopsis = "Shows per product and month the chargeable seats, the seat band and how far the total is from the band's edges.",
            Description = "Get-MspUsageTrend follows the usage report over months: per product and month the customers, the chargeable seats of all customers added up (R53), the change from the month before, the seat band, and the headroom: HeadroomUp is how many seats can still be added before the total enters the next band (490 seats in 251-500 have 10), HeadroomDown how many can be released before it drops into the band below; NextBand and LowerBand name those bands. A Submitted or Approved month shows its frozen figures and bands. Rows come per product, oldest month first."
                + $" Without -From the trend covers the {UsageInsightOperations.DefaultTrendMonths.ToString(CultureInfo.InvariantCulture)} months up to -To (default the current month); a range covers at most {UsageOperations.MaxReportMonths.ToString(CultureInfo.InvariantCulture)} months, as with Get-MspUsageReport.",
            Rules = new[] { Rules.R57, Rules.R53, Rules.R54 },
            Parameters =
            {
                ["From"] = "The first month, yyyy-MM; default eleven months before -To.",
                ["To"] = "The last month, yyyy-MM; default the current month.",
                ["Product"] = "Only this product (a code or name; a suite's code for a suite).",
            },
            Examples = new[]
            {
                new HelpExample("How the year went",
                    "Get-MspUsageTrend -From 2026-01 -To 2026-04",
                    "One row per product and month: WFBSS grows from 25 to 35 seats in February and stays in band 26-50 with 15 seats of headroom up.",
                    ExampleSetup.RightSizing),
                new HelpExample("Products close to the next band",
                    "Get-MspUsageTrend -From 2026-04 -To 2026-04 | Where-Object HeadroomUp -le 20",
                    "The products of April that are at most 20 seats short of the next band.",
                    ExampleSetup.RightSizing),
            },
            Outputs = "One row per product and month: Month, Product, ProductName, Customers, Chargeable, Change, Band, HeadroomUp, HeadroomDown, NextBand, LowerBand, Status.",
            Related = new[] { "Get-MspUsageReport", "Get-MspRightSizing", "Get-MspAccount" },
        };
    }
}
