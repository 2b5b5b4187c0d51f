using System.IO;
using System.Management.Automation;

namespace MspLicensing.Commands
{
    [Cmdlet(VerbsData.Backup, "MspStore", SupportsShouldProcess = true)]
    [OutputType(typeof(FileInfo))]
    public sealed partial class BackupMspStoreCommand : MspCmdlet
    {
        [Parameter(Mandatory = true, Position = 0)]
        [ValidateNotNullOrEmpty]
        public string Path { get; set; }

        protected override void EndProcessing()
        {
            string target = SessionState.Path.GetUnresolvedProviderPathFromPSPath(Path);
            if (!ShouldProcess(target, "Back up store '" + Store.Path + "'")) return;
            try
            {
                Store.Backup(target);
                WriteFileItem(target);
            }
            catch (MspException ex)
            {
                ThrowMspError(ex, target);
            }
        }
    }
}
