using System.Management.Automation;

namespace MspLicensing.Commands
{
    [Cmdlet(VerbsLifecycle.Deny, "MspUsageReport", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(UsageReport))]
    public sealed partial class DenyMspUsageReportCommand : UsageCmdlet
    {
        [Parameter(Mandatory = true, Position = 1)]
        public string Reason { get; set; }

        protected override void ProcessRecord()
        {
            var month = MonthStart();
            if (TryChange($"Reject usage report {month}", Month, s => UsageOperations.Deny(s, month, Reason, Clock.UtcNow), out var report))
                WriteObject(report);
        }
    }
}
