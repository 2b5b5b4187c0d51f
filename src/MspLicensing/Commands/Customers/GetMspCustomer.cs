using System;
using System.Collections;
using System.Management.Automation;

namespace MspLicensing.Commands
{
    [Cmdlet(VerbsCommon.Get, "MspCustomer", DefaultParameterSetName = ByName, SupportsPaging = true)]
    [OutputType(typeof(Customer))]
    public sealed partial class GetMspCustomerCommand : MspCmdlet
    {
        private const string ByName = "ByName";
        private const string ById = "ById";

        [Parameter(ParameterSetName = ByName, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [SupportsWildcards]
        [ArgumentCompleter(typeof(CustomerNameCompleter))]
        public string[] Name { get; set; }

        [Parameter(ParameterSetName = ById, Mandatory = true, ValueFromPipelineByPropertyName = true)]
        public Guid[] CustomerId { get; set; }

        [Parameter]
        [ArgumentCompleter(typeof(CountryCompleter))]
        public string Country { get; set; }

        [Parameter]
        [BooleanTransformation]
        public bool Enabled { get; set; }

        [Parameter]
        [SupportsWildcards]
        public string Email { get; set; }

        [Parameter]
        [ExternalIdTransformation]
        public Hashtable ExternalId { get; set; }

        protected override void ProcessRecord()
        {
            if (!TryNames(nameof(Name), Name, out _)) return;
            var query = new CustomerQuery
            {
                Name = Name,
                CustomerId = CustomerId,
                Country = Country,
                Enabled = MyInvocation.BoundParameters.ContainsKey(nameof(Enabled)) ? Enabled : (bool?)null,
                Email = Email,
            };
            Found<Customer> found;
            try
            {
                query.ExternalId = Tables.Strings(ExternalId, nameof(ExternalId));
                found = Read(s => CustomerOperations.Get(s, query));
            }
            catch (MspException ex)
            {
                ThrowMspError(ex, null);
                return;
            }
            foreach (var missing in found.NotFound) WriteMspError(missing, missing.Target);
            WritePage(found.Items);
        }
    }
}
