using System;
using System.IO;
using System.Management.Automation;
using System.Security;
using MspLicensing.Store;

namespace MspLicensing.Commands
{
    [Cmdlet(VerbsCommunications.Connect, "MspStore", SupportsShouldProcess = true)]
    [OutputType(typeof(StoreInfo))]
    public sealed partial class ConnectMspStoreCommand : MspCmdlet
    {
        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [Alias("FullName")]
        [ValidateNotNullOrEmpty]
        public string Path { get; set; }

        [Parameter]
        public SecureString Password { get; set; }

        [Parameter]
        [ValidateRange(0, 86400)]
        [PSDefaultValue(Value = 30)]
        public int Timeout { get; set; } = 30;

        [Parameter]
        public SwitchParameter PassThru { get; set; }

        protected override void ProcessRecord()
        {
            string full = SessionState.Path.GetUnresolvedProviderPathFromPSPath(Path);
            if (!File.Exists(full) && !ShouldProcess(full, "Create a new MspLicensing store"))
                return;
            var connection = new StoreConnection(full, Password, "Connect-MspStore", TimeSpan.FromSeconds(Timeout));
            try
            {
                using (var store = LiteDbStore.Open(full, connection.PlainPassword, timeout: connection.Timeout, waiting: WaitingForStore, verify: true))
                {
                    StoreConnection.Set(this, connection);
                    StoreConnection.MarkChecked(this, full);
                    if (PassThru)
                    {
                        var info = store.GetInfo();
                        info.Source = connection.Source;
                        WriteObject(info);
                    }
                }
            }
            catch (MspException ex)
            {
                ThrowMspError(ex, full);
            }
        }
    }
}
