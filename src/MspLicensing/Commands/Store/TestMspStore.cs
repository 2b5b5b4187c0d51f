using System.Linq;
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
            if (own && session.IsDatabase)
            {
                var report = TestDatabase(session);
                if (Quiet) WriteObject(report.Healthy);
                else WriteObject(report);
                return;
            }
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

        /// <summary>The team store: every document read and mapped, and what the commands look up found as they look for it, in one view; then the usage ledgers; a failure is its one problem.</summary>
        private StoreHealth TestDatabase(StoreConnection session)
        {
            var health = new StoreHealth { Path = session.Path };
            try
            {
                using (var store = StoreFactory.Open(session, session.Timeout, WaitingForStore, verify: false))
                {
                    health.SchemaVersion = store.GetInfo().SchemaVersion;
                    var (documents, problems) = store.Read(s =>
                    {
                        var found = LookupCheck.Find(s, out int read).ToList();
                        return (read + s.Migrations.All().Count() + s.Outbox.All().Count()
                            + s.UsageReportMonths().Count(month => s.GetUsageReport(month) != null) + s.AuditLog(new AuditQuery()).Count() + 1, found);
                    });
                    health.Documents = documents;
                    var ledgers = store.Read(UsageLedgerCheck.Find);
                    if (ledgers.Count > 0) problems.Add(UsageLedgerCheck.Describe(ledgers));
                    health.Problems = problems.ToArray();
                    health.Healthy = problems.Count == 0;
                }
            }
            catch (MspException ex)
            {
                health.Problems = new[] { ex.Message };
            }
            return health;
        }
    }
}
