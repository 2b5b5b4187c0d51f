using System.Globalization;
using System.Management.Automation;

namespace MspLicensing.Commands
{
    [Cmdlet(VerbsLifecycle.Submit, "MspUsageReport", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(UsageReport))]
    public sealed partial class SubmitMspUsageReportCommand : UsageCmdlet
    {
        [Parameter]
        public SwitchParameter Force { get; set; }

        protected override void ProcessRecord()
        {
            var month = MonthStart();
            if (!TryChange($"Submit usage report {month}", Month, s => UsageOperations.Submit(s, month, Clock.Today, Clock.UtcNow, Force), out var submitted)) return;
            var report = submitted.Report;
            if (!submitted.Changed)
            {
                var since = report.Status == UsageReportStatus.Approved ? report.ApprovedUtc : report.SubmittedUtc;
                WriteWarning($"The {report.Month} report is already {report.Status}" +
                    (since.HasValue ? $" (since {since.Value.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture)} UTC)" : string.Empty) +
                    "; nothing changed.");
            }
            WriteObject(report);
        }
    }
}
