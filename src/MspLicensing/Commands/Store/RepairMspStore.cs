using System.Linq;
using System.Management.Automation;

namespace MspLicensing.Commands
{
    [Cmdlet(VerbsDiagnostic.Repair, "MspStore", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(LedgerDisagreement))]
    public sealed partial class RepairMspStoreCommand : MspCmdlet
    {
        // Ledgers rewritten per transaction.
        private const int Batch = 500;

        protected override void EndProcessing()
        {
            var found = Read(UsageLedgerCheck.Find);
            if (found.Count == 0)
            {
                WriteVerbose("Every usage ledger agrees with the licenses and subscriptions; there is nothing to repair.");
                return;
            }
            var confirmed = found.Where(d => ShouldProcessChange(
                $"Rewrite the usage ledger of {(d.Customer == null ? "the customer no longer stored " + d.CustomerId : Named("customer", d.Customer))}"
                + $" from its licenses and subscriptions ({(d.Months.Count == 0 ? "its record only" : "months billed otherwise: " + UsageLedgerCheck.MonthsText(d))}).")).ToList();
            for (int i = 0; i < confirmed.Count; i += Batch)
            {
                var batch = confirmed.GetRange(i, System.Math.Min(Batch, confirmed.Count - i));
                if (!TryWrite(s => UsageLedgerCheck.Repair(s, batch), null, out var repaired)) return;
                foreach (var d in repaired) WriteObject(d);
            }
        }
    }
}
