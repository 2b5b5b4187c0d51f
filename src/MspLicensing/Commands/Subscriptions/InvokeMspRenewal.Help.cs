using MspLicensing.Commands.Help;

namespace MspLicensing.Commands
{
    public sealed partial class InvokeMspRenewalCommand
    {
        public static CommandHelp Help => new CommandHelp
        {
            Synopsis = "Renews what is due and moves licenses through their statuses as of a day.",
            Description = "Invoke-MspRenewal renews every subscription with auto-renewal whose expiration date has come (catching up missed periods), and records the status of every license as of -AsOf (default today): ExpiringSoon, InGrace, Expired and so on. It returns one object per thing it did, subscription by subscription in the order Get-MspSubscription lists them (by customer, start date and plan). Running it twice for the same day changes nothing the second time, so it is safe in a scheduled task; it commits in batches, so people working at the prompt are not held up, and a subscription someone changes meanwhile is simply read again. -WhatIf, however it is set (the parameter, $WhatIfPreference, or the -WhatIf of a function that calls this command), shows a line for each subscription the run would renew or move to another status, and changes nothing. -Confirm asks subscription by subscription and renews the ones confirmed; a subscription declined is renewed by the next run.",
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
    }
}
