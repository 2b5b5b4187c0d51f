using System.Management.Automation;

namespace MspLicensing.Commands
{
    [Cmdlet(VerbsCommon.Get, "MspUsageTrend")]
    [OutputType(typeof(UsageTrend))]
    public sealed partial class GetMspUsageTrendCommand : MonthRangeCmdlet
    {
        private const string Activity = "Computing the usage trend";

        [Parameter(Position = 0)]
        [ArgumentCompleter(typeof(ProductCompleter))]
        public string Product { get; set; }

        protected override void EndProcessing()
        {
            var from = FromMonth;
            var to = ToMonth;
            bool read = TryRead(s => UsageInsightOperations.Trend(s, from, to, Product, Clock.Today, (m, i, n) => MonthProgress(Activity, m, i, n)),
                Product ?? From ?? To, out var rows);
            EndMonthProgress(Activity);
            if (read) WriteObject(rows, enumerateCollection: true);
        }
    }
}
