using System;
using System.Management.Automation;
using MspLicensing.Commands.Help;

namespace MspLicensing.Commands
{
    [Cmdlet(VerbsCommon.Set, "MspLicense", DefaultParameterSetName = ByActivationCode, SupportsShouldProcess = true)]
    [OutputType(typeof(License))]
    public sealed class SetMspLicenseCommand : MspCmdlet
    {
        private const string ByActivationCode = "ByActivationCode";
        private PipelineBatch<(Guid? Id, string Code, int Used, DateTime Date), License> _batch;

        [Parameter(ParameterSetName = ByActivationCode, Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        public string ActivationCode { get; set; }

        [Parameter(ParameterSetName = Identity.ById, Mandatory = true, ValueFromPipelineByPropertyName = true)]
        public Guid LicenseId { get; set; }

        [Parameter(ParameterSetName = Identity.ByObject, Mandatory = true, ValueFromPipeline = true)]
        public License InputObject { get; set; }

        [Parameter(Mandatory = true, ValueFromPipelineByPropertyName = true)]
        public int Used { get; set; }

        [Parameter(ValueFromPipelineByPropertyName = true)]
        public DateTime Date { get; set; } = DateTime.Today;

        [Parameter]
        public SwitchParameter PassThru { get; set; }

        public static CommandHelp Help => new CommandHelp
        {
            Synopsis = "Records the used count a product console or RMM reports for a license.",
            Description = "Set-MspLicense -Used records how many seats of a license are in use on a day (default today). The usage report shows the peak used count of each month beside the provisioned seats, and Remote Manager shows a license whose used count exceeds its seats as ExceededAllocation. A count for the same day replaces the earlier one. Rows from an RMM export with ActivationCode, Used and Date columns bind from the pipeline.",
            Rules = new[] { Rules.R34 },
            Parameters =
            {
                ["ActivationCode"] = "The license's activation code.",
                ["LicenseId"] = "The license's id.",
                ["InputObject"] = "The license from Get-MspLicense.",
                ["Used"] = "The number of seats in use, 0 or more.",
                ["Date"] = "The day of the count; default today.",
                ["PassThru"] = "Writes the changed licenses.",
            },
            Examples = new[]
            {
                new HelpExample("Record today's used count",
                    "Get-MspLicense -Customer Contoso -Product WFBSS | Set-MspLicense -Used 23 -PassThru",
                    "The license shows Used 23.",
                    ExampleSetup.ContosoOnMonthly),
                new HelpExample("Import used counts from an RMM export",
                    "Import-Csv ./usage.csv | Set-MspLicense",
                    "Each row (ActivationCode, Used, Date) records a count; a row with an unknown code is reported and the others are recorded.",
                    ExampleSetup.ContosoOnMonthly + "\n$code = (Get-MspLicense -Customer Contoso).ActivationCode\n[IO.File]::WriteAllText(\"$PWD/usage.csv\", \"ActivationCode,Used,Date`n$code,20,2026-02-01`n$code,24,2026-02-15`n\")"),
            },
            Inputs = "Licenses from Get-MspLicense, or objects with ActivationCode (or LicenseId), Used and Date properties.",
            Outputs = "With -PassThru, the changed licenses.",
            Related = new[] { "Get-MspLicense" },
        };

        protected override void BeginProcessing()
        {
            _batch = new PipelineBatch<(Guid? Id, string Code, int Used, DateTime Date), License>(this,
                (session, item) =>
                {
                    var id = item.Id ?? (session.FindLicenseByActivationCode(ActivationCodes.Normalize("ActivationCode", item.Code))
                        ?? throw new MspException("LicenseNotFound", ErrorKind.ObjectNotFound, $"No license has the activation code '{item.Code}'. Get-MspLicense lists the licenses.", item.Code)).LicenseId;
                    return SubscriptionOperations.SetUsed(session, id, item.Used, item.Date, DateTime.UtcNow);
                },
                item => item.Code ?? item.Id?.ToString(), "used counts recorded", writeResults: PassThru);
        }

        protected override void ProcessRecord()
        {
            // Used and Date differ per pipeline item (rows of an export): they travel with the item.
            (Guid? Id, string Code, int Used, DateTime Date) item = ParameterSetName == Identity.ById ? (LicenseId, null, Used, Date)
                : ParameterSetName == Identity.ByObject ? (InputObject.LicenseId, InputObject.ActivationCode, Used, Date)
                : ((Guid?)null, ActivationCode, Used, Date);
            if (ShouldProcess(item.Code ?? item.Id?.ToString(), $"Record used count {item.Used} on {Dates.Format(item.Date)}"))
                _batch.Add(item);
        }

        protected override void EndProcessing() => _batch.Complete();
    }
}
