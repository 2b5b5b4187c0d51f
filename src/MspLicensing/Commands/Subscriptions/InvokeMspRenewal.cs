using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using MspLicensing.Commands.Help;

namespace MspLicensing.Commands
{
    [Cmdlet(VerbsLifecycle.Invoke, "MspRenewal", SupportsShouldProcess = true)]
    [OutputType(typeof(RenewalAction))]
    public sealed class InvokeMspRenewalCommand : MspCmdlet
    {
        // Batches sized by time (BatchPace): each holds the store for about half a second, so readers and seat changes
        // at the prompt get in between; a renewal is cheap and every commit of a large store costs far more than one,
        // so a batch may take thousands of them.
        private static readonly TimeSpan RenewalBatchTime = TimeSpan.FromMilliseconds(500);
        private const int RenewalMaxBatch = 5000;
        // A renewal takes well under a millisecond: the first batch need not feel its way up from a handful.
        private const int RenewalFirstBatch = 500;

        [Parameter(Position = 0)]
        [PSDefaultValue(Help = Clock.TodayHelp)]
        [DateTransformation]
        public DateTime AsOf { get; set; } = Clock.Today;

        public static CommandHelp Help => new CommandHelp
        {
            Synopsis = "Renews what is due and moves licenses through their statuses as of a day.",
            Description = "Invoke-MspRenewal renews every subscription with auto-renewal whose expiration date has come (catching up missed periods), and records the status of every license as of -AsOf (default today): ExpiringSoon, InGrace, Expired and so on. It returns one object per thing it did. Running it twice for the same day changes nothing the second time, so it is safe in a scheduled task; it commits in batches, so people working at the prompt are not held up, and a subscription someone changes meanwhile is simply read again. -WhatIf, however it is set (the parameter, $WhatIfPreference, or the -WhatIf of a function that calls this command), shows a line for each subscription the run would renew or move to another status, and changes nothing. -Confirm asks subscription by subscription and renews the ones confirmed; a subscription declined is renewed by the next run.",
            Rules = new[] { Rules.R33, Rules.R36, Rules.R38 },
            Parameters =
            {
                ["AsOf"] = "The day to renew and compute statuses for; default today.",
            },
            Examples = new[]
            {
                new HelpExample("The nightly renewal run",
                    "Invoke-MspRenewal",
                    "Renews what is due today and reports status changes; a second run today returns nothing."),
                new HelpExample("See what a run at the end of next January would do",
                    "Invoke-MspRenewal -AsOf 2027-01-31 -WhatIf",
                    "What if: Contoso / WF Services Monthly Rolling: subscription Renewed 2027-01-15 -> 2027-02-15\nNothing is changed.",
                    ExampleSetup.ContosoOnMonthly),
                new HelpExample("Renew as of a day and list the renewals",
                    "Invoke-MspRenewal -AsOf 2027-01-15 | Where-Object Action -eq Renewed",
                    "Each Renewed row shows the old and new expiration date.",
                    ExampleSetup.ContosoOnMonthly),
            },
            Outputs = "What the run did: Renewed (From and To are expiration dates) or StatusChanged (From and To are statuses).",
            Related = new[] { "Get-MspSubscription", "Get-MspLicense", "Resume-MspSubscription" },
        };

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
            var pace = new MspLicensing.Store.BatchPace(() => watch.Elapsed, RenewalBatchTime, RenewalMaxBatch, RenewalFirstBatch);
            for (int start = 0; start < due.Count;)
            {
                var chunk = new List<PlannedRenewal>();
                for (int i = start; i < due.Count && chunk.Count < pace.BatchSize; i++) chunk.Add(due[i]);
                start += chunk.Count;
                var began = watch.Elapsed;
                var results = Write(chunk, (s, planned) => RenewalOperations.Apply(s, planned, Clock.UtcNow));
                // A subscription someone changed since the run read it is worked out again from a fresh read.
                var stale = chunk.Where((p, i) => results[i].Error is MspException e && e.ErrorId == "StaleObject").Select(p => p.Subscription.SubscriptionId).ToList();
                var again = stale.Count == 0 ? null : Write(stale, (s, id) => RenewalOperations.ApplyFresh(s, run, id, Clock.UtcNow));
                for (int i = 0, k = 0; i < chunk.Count; i++)
                {
                    var result = results[i].Error is MspException e && e.ErrorId == "StaleObject" ? again[k++] : results[i];
                    if (result.Succeeded) WriteObject(result.Value, enumerateCollection: true);
                    else WriteMspError(result.Error, chunk[i].Subscription.SubscriptionId);
                }
                pace.Committed(chunk.Count, watch.Elapsed - began);
                done += chunk.Count;
                WriteProgress(new ProgressRecord(1, CommandName, $"{done} of {due.Count} subscriptions done")
                {
                    PercentComplete = (int)(100L * done / Math.Max(1, due.Count)),
                });
            }
            if (due.Count > 0)
                WriteProgress(new ProgressRecord(1, CommandName, "Done") { RecordType = ProgressRecordType.Completed });
            WriteVerbose($"Renewal run as of {Dates.Format(asOf)} done in {watch.ElapsedMilliseconds} ms.");
        }

        private IReadOnlyList<MspLicensing.Store.ItemResult<IReadOnlyList<RenewalAction>>> Write<T>(IReadOnlyList<T> items, Func<MspLicensing.Store.IStoreSession, T, IReadOnlyList<RenewalAction>> apply)
        {
            try
            {
                return Store.WriteEach(CommandName, items, apply);
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
