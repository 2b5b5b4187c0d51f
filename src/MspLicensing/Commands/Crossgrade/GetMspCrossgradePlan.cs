using System.Management.Automation;

namespace MspLicensing.Commands
{
    [Cmdlet(VerbsCommon.Get, "MspCrossgradePlan")]
    [OutputType(typeof(CrossgradeStep))]
    public sealed partial class GetMspCrossgradePlanCommand : CrossgradeCmdlet
    {
        protected override void ProcessRecord()
        {
            var request = Request(null);
            if (TryRead(s => CrossgradeOperations.Plan(s, request), Customer.Display, out var steps))
                WriteObject(steps, enumerateCollection: true);
        }
    }
}
