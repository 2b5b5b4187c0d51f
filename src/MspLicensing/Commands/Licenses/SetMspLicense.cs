using System;
using System.Linq;
using System.Management.Automation;

namespace MspLicensing.Commands
{
    [Cmdlet(VerbsCommon.Set, "MspLicense", DefaultParameterSetName = ByActivationCode, SupportsShouldProcess = true)]
    [OutputType(typeof(License))]
    public sealed partial class SetMspLicenseCommand : MspCmdlet
    {
        private const string ByActivationCode = "ByActivationCode";
        private PipelineBatch<(Guid? Id, string Code, int? Used, DateTime Date, string Description), License> _batch;
        private bool _usedFromRows;

        [Parameter(ParameterSetName = ByActivationCode, Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [ArgumentCompleter(typeof(ActivationCodeCompleter))]
        public string ActivationCode { get; set; }

        [Parameter(ParameterSetName = Identity.ById, Mandatory = true, ValueFromPipelineByPropertyName = true)]
        public Guid LicenseId { get; set; }

        [Parameter(ParameterSetName = Identity.ByObject, Mandatory = true, ValueFromPipeline = true)]
        public License InputObject { get; set; }

        // From the rows of an export, Used and Date bind by property name; a license object in the pipeline carries
        // its last Used count, which must not be recorded again, so they do not bind from it.
        [Parameter(ParameterSetName = ByActivationCode, ValueFromPipelineByPropertyName = true)]
        [Parameter(ParameterSetName = Identity.ById, ValueFromPipelineByPropertyName = true)]
        [Parameter(ParameterSetName = Identity.ByObject)]
        public int? Used { get; set; }

        [Parameter]
        [AllowEmptyString]
        public string Description { get; set; }

        [Parameter(ParameterSetName = ByActivationCode, ValueFromPipelineByPropertyName = true)]
        [Parameter(ParameterSetName = Identity.ById, ValueFromPipelineByPropertyName = true)]
        [Parameter(ParameterSetName = Identity.ByObject)]
        [PSDefaultValue(Help = Clock.TodayHelp)]
        [DateTransformation]
        public DateTime Date { get; set; } = Clock.Today;

        [Parameter]
        public SwitchParameter PassThru { get; set; }

        protected override void BeginProcessing()
        {
            _usedFromRows = !Bound(nameof(Used));
            _batch = new PipelineBatch<(Guid? Id, string Code, int? Used, DateTime Date, string Description), License>(this,
                (session, item) => LicenseOperations.Set(session, item.Id, item.Code, new LicenseChanges { Used = item.Used, Date = item.Date, Description = item.Description }, Clock.UtcNow, Clock.Today),
                item => item.Code ?? item.Id?.ToString(), "used counts recorded", writeResults: PassThru);
        }

        protected override void ProcessRecord()
        {
            // Used and Date differ per pipeline item (rows of an export): they travel with the item.
            string description = Bound(nameof(Description)) ? Description ?? string.Empty : null;
            // A Used cell of a row that is not a whole number does not bind (PowerShell skips it silently), and an empty
            // one binds as 0: the first is refused, the second means "not given", as empty cells do elsewhere.
            object cell = _usedFromRows && PipelineInput is PSObject row ? row.Properties[nameof(Used)]?.Value : null;
            int? used = cell is string text && string.IsNullOrWhiteSpace(text) ? null : Used;
            (Guid? Id, string Code, int? Used, DateTime Date, string Description) item = ParameterSetName == Identity.ById ? (LicenseId, null, used, Date, description)
                : ParameterSetName == Identity.ByObject ? (InputObject.LicenseId, InputObject.ActivationCode, used, Date, description)
                : ((Guid?)null, ActivationCode, used, Date, description);
            string name = Named("License", item.Code ?? item.Id?.ToString());
            if (!Used.HasValue && cell != null && !string.IsNullOrWhiteSpace(cell.ToString()))
            {
                _batch.Fail(MspException.InvalidValue(nameof(Used), cell, LicenseOperations.UsedCountAllowed), name, item.Code ?? (object)item.Id);
                return;
            }
            if (!item.Used.HasValue && description == null)
            {
                _batch.Fail(new MspException("NothingToChange", ErrorKind.InvalidArgument,
                    "Give -Used (the seats in use) or -Description (the product description, Customer Licensing Portal accounts).", null), name, item.Code ?? (object)item.Id);
                return;
            }
            string what = string.Join(" and ", new[] { item.Used.HasValue ? $"used count {item.Used} on {Dates.Format(item.Date)}" : null, description != null ? "description" : null }.Where(x => x != null));
            _batch.AddConfirmed(item, name, $"Record {what} of license {item.Code ?? item.Id?.ToString()}");
        }

        protected override void EndProcessing() => _batch.Complete();
    }
}
