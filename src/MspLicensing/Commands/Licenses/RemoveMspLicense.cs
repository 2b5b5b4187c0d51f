using System;
using System.Management.Automation;

namespace MspLicensing.Commands
{
    [Cmdlet(VerbsCommon.Remove, "MspLicense", DefaultParameterSetName = ByActivationCode, SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High)]
    [OutputType(typeof(void))]
    public sealed partial class RemoveMspLicenseCommand : MspCmdlet
    {
        private const string ByActivationCode = "ByActivationCode";
        private PipelineBatch<(Guid? Id, string Code), License> _batch;

        [Parameter(ParameterSetName = ByActivationCode, Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [ArgumentCompleter(typeof(UnbundledActivationCodeCompleter))]
        public string ActivationCode { get; set; }

        [Parameter(ParameterSetName = Identity.ById, Mandatory = true, ValueFromPipelineByPropertyName = true)]
        public Guid LicenseId { get; set; }

        [Parameter(ParameterSetName = Identity.ByObject, Mandatory = true, ValueFromPipeline = true)]
        public License InputObject { get; set; }

        [Parameter]
        [PSDefaultValue(Help = Clock.TodayHelp)]
        [DateTransformation]
        public DateTime Date { get; set; } = Clock.Today;

        protected override void BeginProcessing()
        {
            _batch = new PipelineBatch<(Guid? Id, string Code), License>(this,
                (session, item) => LicenseOperations.Remove(session, item.Id, item.Code, Date),
                item => item.Code ?? item.Id?.ToString(), "licenses removed", writeResults: false);
        }

        protected override void ProcessRecord()
        {
            (Guid? Id, string Code) item = ParameterSetName == Identity.ById ? (LicenseId, null)
                : ParameterSetName == Identity.ByObject ? (InputObject.LicenseId, InputObject.ActivationCode)
                : ((Guid?)null, ActivationCode);
            // -WhatIf and -Confirm work the removal out first (it is High impact: asked about by default), so they name
            // the license and what the removal bills, and a refusal is reported whether or not anything is written.
            _batch.AddConfirmed(item, Named("License", item.Code ?? item.Id?.ToString()), $"Remove license {item.Code ?? item.Id?.ToString()} on {Dates.Format(Date)}");
        }

        protected override void EndProcessing() => _batch.Complete();
    }
}
