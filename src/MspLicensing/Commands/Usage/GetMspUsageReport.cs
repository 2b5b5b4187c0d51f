using System.Linq;
using System.Management.Automation;

namespace MspLicensing.Commands
{
    [Cmdlet(VerbsCommon.Get, "MspUsageReport", DefaultParameterSetName = ByProduct)]
    [OutputType(typeof(UsageSummary), ParameterSetName = new[] { ByProduct })]
    [OutputType(typeof(UsageLine), ParameterSetName = new[] { ByCustomerSet })]
    public sealed partial class GetMspUsageReportCommand : MonthRangeCmdlet
    {
        private const string ByProduct = "ByProduct";
        private const string ByCustomerSet = "ByCustomer";
        private const string Activity = "Computing the usage report";

        /// <summary>The months computed so far: customers and months piped in share one computation of each month.</summary>
        private readonly UsageMonthCache _computed = new UsageMonthCache();

        [Parameter(Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [ArgumentCompleter(typeof(MonthCompleter))]
        [MonthTransformation]
        [ValidateNotNullOrEmpty]
        [PSDefaultValue(Help = Clock.CurrentMonthHelp)]
        public string[] Month { get; set; }

        [Parameter(ValueFromPipelineByPropertyName = true)]
        [Alias("CustomerId")]
        [ArgumentCompleter(typeof(CustomerNameCompleter))]
        public CustomerPipeBind Customer { get; set; }

        [Parameter]
        [ArgumentCompleter(typeof(ProductCompleter))]
        public string Product { get; set; }

        [Parameter(ParameterSetName = ByCustomerSet, Mandatory = true)]
        public SwitchParameter ByCustomer { get; set; }

        protected override void ProcessRecord()
        {
            if (RangeGiven && Month != null)
            {
                ThrowMspError(new MspException("MonthAndRange", ErrorKind.InvalidArgument,
                    $"Give the months either as -Month ({string.Join(",", Month)}) or as a range with -From and -To ({From ?? "the first month"} to {To ?? "the current month"}), not both."),
                    Month);
                return;
            }
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
            var request = new UsageReportRequest
            {
                InRange = RangeGiven,
                From = FromMonth,
                To = ToMonth,
                Months = RangeGiven ? null : (Month ?? new[] { Clock.CurrentMonth }).Select(m => ParseMonth(nameof(Month), m)).ToList(),
                Today = Clock.Today,
                Customer = Customer?.Reference,
                Product = product,
                ByCustomer = ByCustomer,
            };
            bool read = TryRead(s => UsageOperations.Report(s, request, _computed, (m, i, n) => MonthProgress(Activity, m, i, n)),
                Customer?.Display ?? From ?? To ?? string.Join(",", request.Months?.Select(m => m.ToString()) ?? new string[0]), out var report);
            EndMonthProgress(Activity);
            if (!read) return;
            foreach (var month in report)
            {
                if (ByCustomer) WriteObject(month.Lines, enumerateCollection: true);
                else WriteObject(month.Summaries(), enumerateCollection: true);
            }
        }
    }
}
