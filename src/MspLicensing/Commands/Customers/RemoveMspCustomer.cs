using System;
using System.Management.Automation;
using MspLicensing.Commands.Help;

namespace MspLicensing.Commands
{
    [Cmdlet(VerbsCommon.Remove, "MspCustomer", DefaultParameterSetName = CustomerIdentity.ByName, SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High)]
    [OutputType(typeof(void))]
    public sealed class RemoveMspCustomerCommand : MspCmdlet
    {
        private PipelineBatch<CustomerRef, Customer> _batch;

        [Parameter(ParameterSetName = CustomerIdentity.ByName, Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [ArgumentCompleter(typeof(CustomerNameCompleter))]
        [ValidateNotNullOrEmpty]
        public string Name { get; set; }

        [Parameter(ParameterSetName = CustomerIdentity.ById, Mandatory = true, ValueFromPipelineByPropertyName = true)]
        public Guid CustomerId { get; set; }

        [Parameter(ParameterSetName = CustomerIdentity.ByObject, Mandatory = true, ValueFromPipeline = true)]
        public Customer InputObject { get; set; }

        public static CommandHelp Help => new CommandHelp
        {
            Synopsis = "Deletes end customers (Customer Licensing Portal accounts only).",
            Description = "Remove-MspCustomer deletes a customer that holds no products. Only a Customer Licensing Portal account can delete customers; in a Licensing Management Platform account the command refuses and says what to do instead. It asks for confirmation unless -Confirm:$false is given.",
            Rules = new[] { Rules.R2, Rules.R12 },
            Parameters =
            {
                ["Name"] = "The name of the customer to delete (case is ignored).",
                ["CustomerId"] = "The id of the customer to delete.",
                ["InputObject"] = "The customer from Get-MspCustomer; refused when the customer changed since it was read.",
            },
            Examples = new[]
            {
                new HelpExample("Delete a customer in a Customer Licensing Portal account",
                    "Remove-MspCustomer -Name Contoso -Confirm:$false",
                    "Deletes the customer without asking.",
                    "Set-MspAccount -AccountType CustomerLicensingPortal\nNew-MspCustomer -Name Contoso -Country US -City Seattle -ContactFirstName Ann -ContactLastName Lee -Email ann@contoso.com"),
                new HelpExample("See which disabled customers would be deleted",
                    "Get-MspCustomer -Enabled $false | Remove-MspCustomer -WhatIf",
                    "-WhatIf lists them without deleting anything.",
                    "Set-MspAccount -AccountType CustomerLicensingPortal\nNew-MspCustomer -Name Contoso -Country US -City Seattle -ContactFirstName Ann -ContactLastName Lee -Email ann@contoso.com -Enabled $false"),
            },
            Inputs = "Customers from Get-MspCustomer, or objects with a Name or CustomerId property.",
            Outputs = "None.",
            Related = new[] { "Get-MspCustomer", "Set-MspCustomer", "Get-MspFeature" },
        };

        protected override void BeginProcessing()
        {
            _batch = new PipelineBatch<CustomerRef, Customer>(this,
                (session, target) => CustomerOperations.Remove(session, target),
                target => target.Display, "customers deleted", writeResults: false);
        }

        protected override void ProcessRecord()
        {
            var target = CustomerIdentity.Reference(ParameterSetName, Name, CustomerId, InputObject);
            _batch.AddConfirmed(target, Named("Customer", target.Display), "Delete customer " + target.Display);
        }

        protected override void EndProcessing() => _batch.Complete();
    }
}
