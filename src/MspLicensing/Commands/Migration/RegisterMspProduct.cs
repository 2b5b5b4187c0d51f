using System;
using System.Management.Automation;

namespace MspLicensing.Commands
{
    [Cmdlet(VerbsLifecycle.Register, "MspProduct", SupportsShouldProcess = true, DefaultParameterSetName = ByActivationCode)]
    [OutputType(typeof(License))]
    public sealed partial class RegisterMspProductCommand : MspCmdlet
    {
        private const string ByActivationCode = "ByActivationCode";
        private const string ByAuthorizationKey = "ByAuthorizationKey";

        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [ArgumentCompleter(typeof(CustomerNameCompleter))]
        public CustomerPipeBind Customer { get; set; }

        [Parameter(Mandatory = true, Position = 1, ValueFromPipelineByPropertyName = true)]
        [ArgumentCompleter(typeof(ProductCompleter))]
        public string Product { get; set; }

        [Parameter(Mandatory = true, ValueFromPipelineByPropertyName = true)]
        public NonMspLicenseType LicenseType { get; set; }

        [Parameter(Mandatory = true, ValueFromPipelineByPropertyName = true)]
        [Alias("Units")]
        public int Seats { get; set; }

        [Parameter(Mandatory = true, ValueFromPipelineByPropertyName = true)]
        [DateTransformation]
        public DateTime ExpirationDate { get; set; }

        [Parameter(ValueFromPipelineByPropertyName = true)]
        [PSDefaultValue(Help = Clock.TodayHelp)]
        [DateTransformation]
        public DateTime StartDate { get; set; } = Clock.Today;

        [Parameter(ParameterSetName = ByActivationCode, Mandatory = true, ValueFromPipelineByPropertyName = true)]
        public string ActivationCode { get; set; }

        [Parameter(ParameterSetName = ByAuthorizationKey, Mandatory = true, ValueFromPipelineByPropertyName = true)]
        [Alias("AK")]
        public string AuthorizationKey { get; set; }

        protected override void ProcessRecord()
        {
            var registration = new ProductRegistration
            {
                Customer = Customer.Reference,
                Product = Product,
                LicenseType = LicenseType,
                Seats = Seats,
                StartDate = StartDate,
                ExpirationDate = ExpirationDate,
                ActivationCode = ActivationCode,
                AuthorizationKey = AuthorizationKey,
            };
            if (TryChange($"Register {LicenseType} license of {Product} for {Customer.Display}", Named("Customer", Customer.Display, "product", Product), Customer.Display,
                    s => MigrationOperations.Register(s, registration, Clock.UtcNow, Clock.Today), out var license))
                WriteObject(license);
        }
    }
}
