using System;
using System.IO;
using System.Management.Automation;
using System.Security;
using MspLicensing.Store;

namespace MspLicensing.Commands
{
    [Cmdlet(VerbsCommunications.Connect, "MspStore", SupportsShouldProcess = true, DefaultParameterSetName = FileSet)]
    [OutputType(typeof(StoreInfo))]
    public sealed partial class ConnectMspStoreCommand : MspCmdlet
    {
        private const string FileSet = "Path";
        private const string DatabaseSet = "ConnectionString";

        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true, ParameterSetName = FileSet)]
        [Alias("FullName")]
        [ValidateNotNullOrEmpty]
        public string Path { get; set; }

        [Parameter(ParameterSetName = FileSet)]
        public SecureString Password { get; set; }

        [Parameter(Mandatory = true, ParameterSetName = DatabaseSet)]
        [ValidateNotNullOrEmpty]
        public string ConnectionString { get; set; }

        [Parameter(ParameterSetName = DatabaseSet)]
        [Credential]
        public PSCredential Credential { get; set; }

        [Parameter]
        [ValidateRange(0, 86400)]
        [PSDefaultValue(Value = 30)]
        public int Timeout { get; set; } = 30;

        [Parameter]
        public SwitchParameter PassThru { get; set; }

        protected override void ProcessRecord()
        {
            if (ParameterSetName == DatabaseSet)
            {
                ConnectDatabase();
                return;
            }
            string full = SessionState.Path.GetUnresolvedProviderPathFromPSPath(Path);
            if (!File.Exists(full) && !ShouldProcess(full, "Create a new MspLicensing store"))
                return;
            Connect(new StoreConnection(full, Password, "Connect-MspStore", TimeSpan.FromSeconds(Timeout)), verify: true);
        }

        private void ConnectDatabase()
        {
            string display;
            try
            {
                display = StoreFactory.DisplayOf(ConnectionString, Credential?.UserName);
            }
            catch (MspException ex)
            {
                ThrowMspError(ex, null);
                return;
            }
            var connection = new StoreConnection(ConnectionString, Credential, display, "Connect-MspStore", TimeSpan.FromSeconds(Timeout));
            try
            {
                if (!StoreFactory.DatabaseHoldsStore(connection) && !ShouldProcess(display, "Create a new MspLicensing store in the database"))
                    return;
            }
            catch (MspException ex)
            {
                ThrowMspError(ex, display);
                return;
            }
            Connect(connection, verify: false);
        }

        private void Connect(StoreConnection connection, bool verify)
        {
            try
            {
                using (var store = StoreFactory.Open(connection, connection.Timeout, WaitingForStore, verify))
                {
                    StoreConnection.Set(this, connection);
                    StoreConnection.MarkChecked(this, connection.Path);
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
                ThrowMspError(ex, connection.Path);
            }
        }
    }
}
