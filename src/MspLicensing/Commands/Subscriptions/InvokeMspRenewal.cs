using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;

namespace MspLicensing.Commands
{
    [Cmdlet(VerbsLifecycle.Invoke, "MspRenewal", SupportsShouldProcess = true)]
    [OutputType(typeof(RenewalAction))]
    public sealed partial class InvokeMspRenewalCommand : MspCmdlet
    {
        [Parameter(Position = 0)]
        [PSDefaultValue(Help = Clock.TodayHelp)]
        [DateTransformation]
        public DateTime AsOf { get; set; } = Clock.Today;

        protected override void EndProcessing()
        {
            var asOf = AsOf.Date;
            RenewalRun run;
            var watch = System.Diagnostics.Stopwatch.StartNew();
            try
            {
                Dates.Day(nameof(AsOf), asOf);
                run = Read(s => RenewalOperations.Due(s, asOf));
                WriteVerbose($"Worked out the run as of {Dates.Format(asOf)} in {watch.ElapsedMilliseconds} ms: {run.Due.Count} subscription(s) have work.");
            }
            catch (MspException ex)
            {
                ThrowMspError(ex, AsOf);
                return;
            }

            // Each subscription is a step of its own, in the words of -WhatIf and -Confirm; the ones the user goes ahead
            // with are renewed (-WhatIf, however it was set, goes ahead with none).
            var due = run.Due.Where(p => ShouldProcessChange(ChangePreview.Renewal(p))).ToList();

            int done = 0;
            Write(() => RenewalOperations.ApplyInBatches(Store, CommandName, run, due, Clock.UtcNow, () => watch.Elapsed, stored =>
            {
                foreach (var (renewal, result) in stored)
                {
                    if (result.Succeeded) WriteObject(result.Value, enumerateCollection: true);
                    else WriteMspError(result.Error, renewal.Subscription.SubscriptionId);
                }
                done += stored.Count;
                WriteProgress(new ProgressRecord(1, CommandName, $"{done} of {due.Count} subscriptions done")
                {
                    PercentComplete = (int)(100L * done / Math.Max(1, due.Count)),
                });
            }));
            if (due.Count > 0)
                WriteProgress(new ProgressRecord(1, CommandName, "Done") { RecordType = ProgressRecordType.Completed });
            WriteVerbose($"Renewal run as of {Dates.Format(asOf)} done in {watch.ElapsedMilliseconds} ms.");
        }

        private void Write(Action renew)
        {
            try
            {
                renew();
            }
            catch (MspLicensing.Store.BatchInterruptedException<IReadOnlyList<RenewalAction>> ex)
            {
                // What was stored before the store failed is reported; then the failure stops the run.
                foreach (var stored in ex.Committed)
                    if (stored != null && stored.Succeeded) WriteObject(stored.Value, enumerateCollection: true);
                ThrowMspError(ex.Failure, null);
                throw;
            }
            catch (MspException ex)
            {
                ThrowMspError(ex, null);
                throw;
            }
        }
    }
}
