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
        private const int BatchSize = 500;

        [Parameter(Position = 0)]
        public DateTime AsOf { get; set; } = DateTime.Today;

        public static CommandHelp Help => new CommandHelp
        {
            Synopsis = "Renews what is due and moves licenses through their statuses as of a day.",
            Description = "Invoke-MspRenewal renews every subscription with auto-renewal whose expiration date has come (catching up missed periods), and records the status of every license as of -AsOf (default today): ExpiringSoon, InGrace, Expired and so on. It returns one object per thing it did. Running it twice for the same day changes nothing the second time, so it is safe in a scheduled task; it commits in batches, so people working at the prompt are not held up, and a subscription someone changes meanwhile is simply read again. -WhatIf shows what it would do.",
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
                    "Nothing is changed.",
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
            try
            {
                Dates.Day(nameof(AsOf), asOf);
                run = Read(s => RenewalOperations.Due(s, asOf));
            }
            catch (MspException ex)
            {
                ThrowMspError(ex, AsOf);
                return;
            }

            bool whatIf = MyInvocation.BoundParameters.TryGetValue("WhatIf", out var flag) && ((SwitchParameter)flag).IsPresent;
            if (whatIf)
            {
                // Say what each subscription would get, worked out from a read; nothing is written.
                var preview = Read(s => run.SubscriptionIds.SelectMany(id =>
                {
                    var sub = s.Subscriptions.Get(id);
                    return RenewalOperations.Plan(sub, s.LicensesOfSubscription(id).ToList(), s.Customers.Get(sub.CustomerId)?.Name, asOf, run.GraceDays);
                }).ToList());
                foreach (var a in preview)
                    ShouldProcess($"{a.Customer} / {a.ServicePlan}" + (a.Product == null ? string.Empty : " / " + a.Product), $"{a.Action} {a.From ?? "new"} -> {a.To}");
                return;
            }
            var due = run.SubscriptionIds;
            if (!ShouldProcess($"{due.Count} subscription(s)", $"Renew and record statuses as of {Dates.Format(asOf)}")) return;

            int done = 0;
            for (int start = 0; start < due.Count; start += BatchSize)
            {
                var chunk = due.Skip(start).Take(BatchSize).ToList();
                IReadOnlyList<MspLicensing.Store.ItemResult<IReadOnlyList<RenewalAction>>> results;
                try
                {
                    results = Store.WriteEach(CommandName, chunk, (s, id) => RenewalOperations.Apply(s, run, id, DateTime.UtcNow));
                }
                catch (MspException ex)
                {
                    ThrowMspError(ex, null);
                    return;
                }
                for (int i = 0; i < chunk.Count; i++)
                {
                    if (results[i].Succeeded) WriteObject(results[i].Value, enumerateCollection: true);
                    else WriteMspError(results[i].Error, chunk[i]);
                }
                done += chunk.Count;
                WriteProgress(new ProgressRecord(1, CommandName, $"{done} of {due.Count} subscriptions done")
                {
                    PercentComplete = (int)(100L * done / Math.Max(1, due.Count)),
                });
            }
            if (due.Count > 0)
                WriteProgress(new ProgressRecord(1, CommandName, "Done") { RecordType = ProgressRecordType.Completed });
        }
    }
}
