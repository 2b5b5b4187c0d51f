using System.Management.Automation;

namespace MspLicensing.Commands
{
    [Cmdlet(VerbsData.Sync, "MspRemoteManager", SupportsShouldProcess = true)]
    [OutputType(typeof(SyncResult))]
    public sealed partial class SyncMspRemoteManagerCommand : MspCmdlet
    {
        protected override void EndProcessing()
        {
            int pending = Read(s => s.Outbox.Count());
            if (pending == 0 || !ShouldProcess($"{pending} pending change(s)", "Synchronize with Remote Manager")) return;
            if (TryWrite(s => RemoteManagerOperations.Sync(s, Clock.UtcNow), null, out var results))
                WriteObject(results, enumerateCollection: true);
        }
    }
}
