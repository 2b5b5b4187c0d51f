using System.Management.Automation;

namespace MspLicensing.Commands
{
    [Cmdlet(VerbsLifecycle.Disable, "MspIntegration", SupportsShouldProcess = true)]
    [OutputType(typeof(IntegrationState))]
    public sealed partial class DisableMspIntegrationCommand : IntegrationSwitchCmdlet
    {
        protected override bool On => false;
    }
}
