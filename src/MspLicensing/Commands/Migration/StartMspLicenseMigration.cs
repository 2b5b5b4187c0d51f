using System;
using System.Management.Automation;

namespace MspLicensing.Commands
{
    [Cmdlet(VerbsLifecycle.Start, "MspLicenseMigration", SupportsShouldProcess = true, DefaultParameterSetName = ByActivationCode)]
    [OutputType(typeof(LicenseMigration))]
    public sealed partial class StartMspLicenseMigrationCommand : MspCmdlet
    {
        private const string ByActivationCode = "ByActivationCode";
        private const string ByDetails = "ByDetails";
        private PipelineBatch<(MigrationRequest Request, ProductRegistration Registration), LicenseMigration> _batch;

        [Parameter(ParameterSetName = ByActivationCode, Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [Parameter(ParameterSetName = ByDetails, Mandatory = true, ValueFromPipelineByPropertyName = true)]
        [ArgumentCompleter(typeof(NonMspActivationCodeCompleter))]
        public string ActivationCode { get; set; }

        [Parameter(ParameterSetName = ByDetails, Mandatory = true, ValueFromPipelineByPropertyName = true)]
        [ArgumentCompleter(typeof(CustomerNameCompleter))]
        public CustomerPipeBind Customer { get; set; }

        [Parameter(ParameterSetName = ByDetails, Mandatory = true, ValueFromPipelineByPropertyName = true)]
        [ArgumentCompleter(typeof(ProductCompleter))]
        public string Product { get; set; }

        [Parameter(ParameterSetName = ByDetails, Mandatory = true, ValueFromPipelineByPropertyName = true)]
        public NonMspLicenseType LicenseType { get; set; }

        [Parameter(ParameterSetName = ByDetails, ValueFromPipelineByPropertyName = true)]
        [DateTransformation]
        public DateTime ExpirationDate { get; set; }

        [Parameter(ParameterSetName = Identity.ById, Mandatory = true, ValueFromPipelineByPropertyName = true)]
        public Guid LicenseId { get; set; }

        [Parameter(Mandatory = true, Position = 1, ValueFromPipelineByPropertyName = true)]
        [ArgumentCompleter(typeof(ServicePlanNameCompleter))]
        public ServicePlanPipeBind ServicePlan { get; set; }

        [Parameter]
        [Alias("Units")]
        public int Seats { get; set; }

        [Parameter]
        [PSDefaultValue(Help = Clock.TodayHelp)]
        [DateTransformation]
        public DateTime Date { get; set; } = Clock.Today;

        protected override void BeginProcessing()
        {
            _batch = new PipelineBatch<(MigrationRequest Request, ProductRegistration Registration), LicenseMigration>(this,
                (session, item) => MigrationOperations.RegisterAndStart(session, item.Registration, item.Request, Clock.UtcNow, Clock.Today),
                item => item.Request.ActivationCode ?? item.Request.LicenseId?.ToString(), "licenses migrated");
        }

        protected override void ProcessRecord()
        {
            var request = new MigrationRequest
            {
                LicenseId = ParameterSetName == Identity.ById ? LicenseId : (Guid?)null,
                ActivationCode = ParameterSetName == Identity.ById ? null : ActivationCode,
                ServicePlan = ServicePlan.Reference,
                Seats = Bound(nameof(Seats)) ? Seats : (int?)null,
                Date = Date,
            };
            string name = Named("License", request.ActivationCode ?? request.LicenseId.ToString());
            if (ParameterSetName == ByDetails && !Bound(nameof(Seats)))
            {
                _batch.Fail(MspException.RequiredFieldMissing("Seats",
                    " with -Customer, -Product and -LicenseType: give the seats of the license to register and migrate.", ActivationCode), name, ActivationCode);
                return;
            }
            var registration = ParameterSetName != ByDetails ? null : new ProductRegistration
            {
                Customer = Customer.Reference,
                Product = Product,
                LicenseType = LicenseType,
                Seats = Seats,
                StartDate = Date,
                ExpirationDate = Bound(nameof(ExpirationDate)) ? ExpirationDate : (DateTime?)null,
                ActivationCode = ActivationCode,
            };
            _batch.AddConfirmed((request, registration), name, $"Migrate {request.ActivationCode ?? request.LicenseId.ToString()} into service plan '{ServicePlan.Display}'");
        }

        protected override void EndProcessing() => _batch.Complete();
    }
}
