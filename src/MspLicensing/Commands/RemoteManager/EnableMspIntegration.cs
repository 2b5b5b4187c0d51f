using System.Management.Automation;

namespace MspLicensing.Commands
{
    [Cmdlet(VerbsLifecycle.Enable, "MspIntegration", SupportsShouldProcess = true)]
    [OutputType(typeof(IntegrationState))]
    public sealed partial class EnableMspIntegrationCommand : IntegrationSwitchCmdlet
    {
        protected override bool On => true;
    }
}
