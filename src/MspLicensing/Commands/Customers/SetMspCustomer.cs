using System;
using System.Collections;
using System.Collections.Generic;
using System.Management.Automation;

namespace MspLicensing.Commands
{
    [Cmdlet(VerbsCommon.Set, "MspCustomer", DefaultParameterSetName = CustomerIdentity.ByName, SupportsShouldProcess = true)]
    [OutputType(typeof(Customer))]
    public sealed partial class SetMspCustomerCommand : MspCmdlet
    {
        private PipelineBatch<(CustomerRef Target, CustomerFields Fields), Customer> _batch;

        [Parameter(ParameterSetName = CustomerIdentity.ByName, Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [ArgumentCompleter(typeof(CustomerNameCompleter))]
        [ValidateNotNullOrEmpty]
        public string Name { get; set; }

        [Parameter(ParameterSetName = CustomerIdentity.ById, Mandatory = true, ValueFromPipelineByPropertyName = true)]
        public Guid CustomerId { get; set; }

        [Parameter(ParameterSetName = CustomerIdentity.ByObject, Mandatory = true, ValueFromPipeline = true)]
        public Customer InputObject { get; set; }

        [Parameter]
        [ValidateNotNullOrEmpty]
        public string NewName { get; set; }

        [Parameter]
        [ArgumentCompleter(typeof(CountryCompleter))]
        [ValidateNotNullOrEmpty]
        public string Country { get; set; }

        [Parameter]
        [ValidateNotNullOrEmpty]
        public string City { get; set; }

        [Parameter]
        [AllowEmptyString]
        public string State { get; set; }

        [Parameter]
        [ValidateNotNullOrEmpty]
        public string ContactFirstName { get; set; }

        [Parameter]
        [ValidateNotNullOrEmpty]
        public string ContactLastName { get; set; }

        [Parameter]
        [ValidateNotNullOrEmpty]
        public string Email { get; set; }

        [Parameter]
        [AllowEmptyString]
        public string Address { get; set; }

        [Parameter]
        [AllowEmptyString]
        public string PostalCode { get; set; }

        [Parameter]
        [AllowEmptyString]
        public string Phone { get; set; }

        [Parameter]
        [AllowEmptyString]
        [ArgumentCompleter(typeof(TimeZoneCompleter))]
        public string TimeZone { get; set; }

        [Parameter]
        [AllowEmptyString]
        [ArgumentCompleter(typeof(LanguageCompleter))]
        public string Language { get; set; }

        [Parameter]
        [AllowEmptyString]
        public string Notes { get; set; }

        [Parameter]
        [BooleanTransformation]
        public bool Enabled { get; set; }

        [Parameter]
        [ExternalIdTransformation]
        public Hashtable ExternalId { get; set; }

        [Parameter]
        [ArgumentCompleter(typeof(TemplateNameCompleter))]
        [AllowEmptyCollection]
        public string[] Template { get; set; }

        [Parameter]
        public SwitchParameter PassThru { get; set; }

        protected override void BeginProcessing()
        {
            _batch = new PipelineBatch<(CustomerRef Target, CustomerFields Fields), Customer>(this,
                (session, item) => CustomerOperations.Update(session, item.Target, item.Fields, Clock.UtcNow),
                item => item.Target.Display, "customers changed", writeResults: PassThru);
        }

        protected override void ProcessRecord()
        {
            var target = CustomerIdentity.Reference(ParameterSetName, Name, CustomerId, InputObject);
            Dictionary<string, string> externalIds;
            try
            {
                externalIds = Tables.Strings(ExternalId, nameof(ExternalId));
            }
            catch (MspException ex)
            {
                _batch.Fail(ex, Named("Customer", target.Display), target.Display);
                return;
            }
            var fields = new CustomerFields
            {
                Name = NewName,
                Country = Country,
                City = City,
                State = State,
                ContactFirstName = ContactFirstName,
                ContactLastName = ContactLastName,
                Email = Email,
                Address = Address,
                PostalCode = PostalCode,
                Phone = Phone,
                TimeZone = TimeZone,
                Language = Language,
                Notes = Notes,
                Enabled = MyInvocation.BoundParameters.ContainsKey(nameof(Enabled)) ? Enabled : (bool?)null,
                ExternalId = externalIds,
                Templates = Template,
            };
            _batch.AddConfirmed((target, fields), Named("Customer", target.Display), "Change customer " + target.Display);
        }

        protected override void EndProcessing() => _batch.Complete();
    }
}
