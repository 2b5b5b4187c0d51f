using System.Management.Automation;
using System.Security;
using MspLicensing.Store;

namespace MspLicensing.Commands
{
    [Cmdlet(VerbsDiagnostic.Test, "MspStore")]
    [OutputType(typeof(StoreHealth), typeof(bool))]
    public sealed partial class TestMspStoreCommand : MspCmdlet
    {
        [Parameter(Position = 0, ValueFromPipelineByPropertyName = true)]
        [Alias("FullName")]
        [ValidateNotNullOrEmpty]
        public string Path { get; set; }

        [Parameter]
        public SecureString Password { get; set; }

        [Parameter]
        public SwitchParameter Quiet { get; set; }

        protected override void ProcessRecord()
        {
            var session = StoreConnection.Current(this);
            bool own = string.IsNullOrEmpty(Path);
            string full = own ? session.Path : SessionState.Path.GetUnresolvedProviderPathFromPSPath(Path);
            var connection = new StoreConnection(full, Password ?? (own ? session.Password : null), "Test-MspStore", session.Timeout);
            try
            {
                var health = LiteDbStore.Test(full, connection.PlainPassword, connection.Timeout, WaitingForStore);
                if (Quiet) WriteObject(health.Healthy);
                else WriteObject(health);
            }
            catch (MspException ex)
            {
                WriteMspError(ex, full);
            }
        }
    }
}
