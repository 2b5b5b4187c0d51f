using System.Management.Automation;

namespace MspLicensing.Commands
{
    [Cmdlet(VerbsCommunications.Disconnect, "MspStore")]
    [OutputType(typeof(void))]
    public sealed partial class DisconnectMspStoreCommand : MspCmdlet
    {
        protected override void EndProcessing() => StoreConnection.Clear(this);
    }
}
