using System.Management.Automation;

namespace MspLicensing.Commands
{
    [Cmdlet(VerbsCommon.Get, "MspRightSizing")]
    [OutputType(typeof(RightSizingCandidate))]
    public sealed partial class GetMspRightSizingCommand : UsageCmdlet
    {
        [Parameter]
        public int Months { get; set; } = RightSizingRequest.DefaultMonths;

        [Parameter]
        [PercentTransformation]
        public int Threshold { get; set; } = RightSizingRequest.DefaultThreshold;

        [Parameter(ValueFromPipelineByPropertyName = true)]
        [Alias("CustomerId")]
        [ArgumentCompleter(typeof(CustomerNameCompleter))]
        public CustomerPipeBind Customer { get; set; }

        [Parameter]
        [ArgumentCompleter(typeof(ProductCompleter))]
        public string Product { get; set; }

        protected override void ProcessRecord()
        {
            var request = new RightSizingRequest
            {
                Month = MonthStart(),
                Months = Months,
                Threshold = Threshold,
                Customer = Customer?.Reference,
                Product = Product,
            };
            if (TryRead(s => UsageInsightOperations.RightSizing(s, request), Customer?.Display ?? Month, out var candidates))
                WriteObject(candidates, enumerateCollection: true);
        }
    }
}
