using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using MspLicensing.Commands.Help;

namespace MspLicensing.Commands
{
    [Cmdlet(VerbsCommon.Get, "MspUsageReport", DefaultParameterSetName = ByProduct)]
    [OutputType(typeof(UsageSummary), ParameterSetName = new[] { ByProduct })]
    [OutputType(typeof(UsageLine), ParameterSetName = new[] { ByCustomerSet })]
    public sealed class GetMspUsageReportCommand : UsageCmdlet
    {
        private const string ByProduct = "ByProduct";
        private const string ByCustomerSet = "ByCustomer";

        private (IReadOnlyList<UsageLine> Lines, UsageReportStatus Status)? _month;

        [Parameter(ValueFromPipeline = true)]
        [ArgumentCompleter(typeof(CustomerNameCompleter))]
        public CustomerPipeBind Customer { get; set; }

        [Parameter]
        [ArgumentCompleter(typeof(ProductCompleter))]
        public string Product { get; set; }

        [Parameter(ParameterSetName = ByCustomerSet, Mandatory = true)]
        public SwitchParameter ByCustomer { get; set; }

        public static CommandHelp Help => new CommandHelp
        {
            Synopsis = "Shows a month's usage report: per product, or per customer and license.",
            Description = "Get-MspUsageReport computes the monthly report the MSP is billed on. By default it has one row per product: how many customers, the provisioned, used and chargeable seats added up over all customers, and the seat band that total falls in. With -ByCustomer it has one row per customer and billed license (a suite is one row): the peak seats held in the month, the peak used count reported, the over-provisioned percentage (never negative: a used count above provisioned shows as exceeded, with ExceededBy seats), the chargeable seats and the comment of an adjustment. A license active on any day of the month bills the whole month; trials never bill. A Submitted or Approved month shows the figures as they were submitted.",
            Rules = new[] { Rules.R50, Rules.R51, Rules.R52, Rules.R53, Rules.R54 },
            Parameters =
            {
                ["Month"] = "The month, yyyy-MM (a date works too); default the current month.",
                ["Customer"] = "Only this customer's rows (the bands still come from all customers).",
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
                new HelpExample("Hand the month to a PSA import",
                    "Get-MspUsageReport -Month 2026-03 -ByCustomer | Export-Csv ./usage-2026-03.csv -NoTypeInformation",
                    "The rows are flat, so Export-Csv writes one column per property (Export-MspUsageReport does the same with invariant formats).",
                    ExampleSetup.UsageMarch),
            },
            Inputs = "Customers, to show their rows.",
            Outputs = "Report rows per product, or per customer and license with -ByCustomer.",
            Related = new[] { "Set-MspUsageReport", "Submit-MspUsageReport", "Export-MspUsageReport", "Get-MspAccount" },
        };

        protected override void ProcessRecord()
        {
            var month = MonthStart();
            string product = null;
            if (Product != null)
            {
                try
                {
                    product = Catalog.Get(nameof(Product), Product).Code;
                }
                catch (MspException ex)
                {
                    ThrowMspError(ex, Product);
                    return;
                }
            }
            // Customers piped in share one computation of the month.
            if (_month == null)
            {
                if (!TryRead(s => (Lines: UsageOperations.Lines(s, month, ByCustomer || Customer != null), Status: UsageOperations.StatusOf(s, month)), Month, out var computed)) return;
                _month = computed;
            }
            Guid? customerId = null;
            if (Customer != null)
            {
                if (!TryRead(s => CustomerOperations.Resolve(s, Customer.Reference).CustomerId, Customer.Display, out var id)) return;
                customerId = id;
            }
            var result = (Lines: _month.Value.Lines
                .Where(l => (!customerId.HasValue || l.CustomerId == customerId.Value) && (product == null || string.Equals(l.Product, product, StringComparison.OrdinalIgnoreCase)))
                .ToList(), _month.Value.Status);
            if (ByCustomer) WriteObject(result.Lines, enumerateCollection: true);
            else WriteObject(UsageOperations.Summaries(result.Lines, month, result.Status), enumerateCollection: true);
        }
    }
}
