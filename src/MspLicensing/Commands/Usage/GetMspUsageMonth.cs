using System.Linq;
using System.Management.Automation;

namespace MspLicensing.Commands
{
    [Cmdlet(VerbsCommon.Get, "MspUsageMonth", SupportsPaging = true)]
    [OutputType(typeof(UsageMonth))]
    public sealed partial class GetMspUsageMonthCommand : MonthRangeCmdlet
    {
        [Parameter]
        public UsageReportStatus[] Status { get; set; }

        protected override void EndProcessing()
        {
            var from = FromMonth;
            var to = ToMonth;
            const string Activity = "Listing the usage report months";
            var months = Read(s => UsageOperations.MonthList(s, from, to, Clock.Today, (month, index, count) => MonthProgress(Activity, month, index, count)));
            EndMonthProgress(Activity);
            WritePage(Status == null ? months : months.Where(m => Status.Contains(m.Status)).ToList());
        }
    }
}
