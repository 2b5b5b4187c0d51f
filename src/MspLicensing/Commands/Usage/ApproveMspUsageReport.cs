using System.Management.Automation;

namespace MspLicensing.Commands
{
    [Cmdlet(VerbsLifecycle.Approve, "MspUsageReport", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(UsageReport))]
    public sealed partial class ApproveMspUsageReportCommand : UsageCmdlet
    {
        protected override void ProcessRecord()
        {
            var month = MonthStart();
            if (TryChange($"Approve usage report {month}", Month, s => UsageOperations.Approve(s, month, Clock.UtcNow), out var report))
                WriteObject(report);
        }
    }
}
