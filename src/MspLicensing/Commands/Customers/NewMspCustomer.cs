using System.Collections;
using System.Collections.Generic;
using System.Management.Automation;

namespace MspLicensing.Commands
{
    [Cmdlet(VerbsCommon.New, "MspCustomer", SupportsShouldProcess = true)]
    [OutputType(typeof(Customer))]
    public sealed partial class NewMspCustomerCommand : MspCmdlet
    {
        private PipelineBatch<Customer, Creation<Customer>> _batch;

        /// <summary>With -SkipExisting: the fields each prepared customer was given, to compare with a customer that exists.</summary>
        private readonly Dictionary<Customer, CustomerFields> _given = new Dictionary<Customer, CustomerFields>();

        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [Alias("CompanyName", "Company")]
        public string Name { get; set; }

        [Parameter(Mandatory = true, ValueFromPipelineByPropertyName = true)]
        [ArgumentCompleter(typeof(CountryCompleter))]
        [Alias("CountryCode")]
        public string Country { get; set; }

        [Parameter(Mandatory = true, ValueFromPipelineByPropertyName = true)]
        public string City { get; set; }

        [Parameter(ValueFromPipelineByPropertyName = true)]
        [Alias("Province", "Region")]
        public string State { get; set; }

        [Parameter(Mandatory = true, ValueFromPipelineByPropertyName = true)]
        [Alias("FirstName")]
        public string ContactFirstName { get; set; }

        [Parameter(Mandatory = true, ValueFromPipelineByPropertyName = true)]
        [Alias("LastName")]
        public string ContactLastName { get; set; }

        [Parameter(Mandatory = true, ValueFromPipelineByPropertyName = true)]
        [Alias("EmailAddress")]
        public string Email { get; set; }

        [Parameter(ValueFromPipelineByPropertyName = true)]
        [Alias("Street")]
        public string Address { get; set; }

        [Parameter(ValueFromPipelineByPropertyName = true)]
        [Alias("Zip", "PostCode")]
        public string PostalCode { get; set; }

        [Parameter(ValueFromPipelineByPropertyName = true)]
        [Alias("PhoneNumber")]
        public string Phone { get; set; }

        [Parameter(ValueFromPipelineByPropertyName = true)]
        [ArgumentCompleter(typeof(TimeZoneCompleter))]
        public string TimeZone { get; set; }

        [Parameter(ValueFromPipelineByPropertyName = true)]
        [ArgumentCompleter(typeof(LanguageCompleter))]
        public string Language { get; set; }

        [Parameter(ValueFromPipelineByPropertyName = true)]
        public string Notes { get; set; }

        [Parameter(ValueFromPipelineByPropertyName = true)]
        [BooleanTransformation]
        public bool? Enabled { get; set; }

        [Parameter(ValueFromPipelineByPropertyName = true)]
        [ExternalIdTransformation]
        public Hashtable ExternalId { get; set; }

        [Parameter(ValueFromPipelineByPropertyName = true)]
        public CustomerOrigin Origin { get; set; } = CustomerOrigin.LicensingManagementPlatform;

        [Parameter(ValueFromPipelineByPropertyName = true)]
        [ArgumentCompleter(typeof(TemplateNameCompleter))]
        public string[] Template { get; set; }

        [Parameter]
        public SwitchParameter SkipExisting { get; set; }

        protected override void BeginProcessing()
        {
            _batch = new PipelineBatch<Customer, Creation<Customer>>(this,
                (session, customer) => CustomerOperations.New(session, customer, SkipExisting ? _given[customer] : null, SkipExisting, Clock.UtcNow),
                customer => customer.Name, "customers created",
                emit: created => WriteCreation(created, Named("Customer", created.Value.Name), "Set-MspCustomer"),
                readAhead: CustomerOperations.ReadAhead);
        }

        protected override void ProcessRecord()
        {
            Customer prepared;
            try
            {
                var fields = new CustomerFields
                {
                    Name = Name,
                    Country = Country,
                    City = City,
                    State = Blank(State),
                    ContactFirstName = ContactFirstName,
                    ContactLastName = ContactLastName,
                    Email = Email,
                    Address = Blank(Address),
                    PostalCode = Blank(PostalCode),
                    Phone = Blank(Phone),
                    TimeZone = Blank(TimeZone),
                    Language = Blank(Language),
                    Notes = Blank(Notes),
                    Enabled = Enabled,
                    ExternalId = Tables.Strings(ExternalId, nameof(ExternalId)),
                    Origin = Origin,
                    Templates = Template,
                };
                prepared = CustomerOperations.Prepare(fields);
                if (SkipExisting) _given[prepared] = fields;
            }
            catch (MspException ex)
            {
                _batch.Fail(ex, Named("Customer", Name), Name);
                return;
            }
            _batch.AddConfirmed(prepared, Named("Customer", prepared.Name), "Create customer " + prepared.Name);
        }

        protected override void EndProcessing() => _batch.Complete();

        /// <summary>An empty cell of a CSV file means "not given".</summary>
        private static string Blank(string value) => string.IsNullOrWhiteSpace(value) ? null : value;
    }
}
