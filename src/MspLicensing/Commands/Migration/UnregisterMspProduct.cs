using System;
using System.Management.Automation;
using MspLicensing.Commands.Help;

namespace MspLicensing.Commands
{
    [Cmdlet(VerbsLifecycle.Unregister, "MspProduct", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High, DefaultParameterSetName = ByActivationCode)]
    [OutputType(typeof(void))]
    public sealed class UnregisterMspProductCommand : MspCmdlet
    {
        private const string ByActivationCode = "ByActivationCode";
        private PipelineBatch<Guid, License> _batch;

        [Parameter(ParameterSetName = ByActivationCode, Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [ArgumentCompleter(typeof(ActivationCodeCompleter))]
        public string ActivationCode { get; set; }

        [Parameter(ParameterSetName = Identity.ById, Mandatory = true, ValueFromPipelineByPropertyName = true)]
        public Guid LicenseId { get; set; }

        public static CommandHelp Help => new CommandHelp
        {
            Synopsis = "Deletes a product registered to Remote Manager (Customer Licensing Portal accounts only).",
            Description = "Unregister-MspProduct deletes a product (its license) from Remote Manager. Only a Customer Licensing Portal account deletes products; in a Licensing Management Platform account the command refuses and says to cancel the subscription instead. It asks for confirmation unless -Confirm:$false is given.",
            Rules = new[] { Rules.R2 },
            Parameters =
            {
                ["ActivationCode"] = "The activation code of the product's license. Binds from licenses in the pipeline.",
                ["LicenseId"] = "The license's id.",
            },
            Examples = new[]
            {
                new HelpExample("Delete a registered product",
                    "Unregister-MspProduct -ActivationCode (Get-MspLicense -Customer Contoso -Product HES).ActivationCode -Confirm:$false",
                    "The license is gone from Get-MspLicense.",
                    "Set-MspAccount -AccountType CustomerLicensingPortal\n" + ExampleSetup.Contoso + "\nRegister-MspProduct -Customer Contoso -Product HES -LicenseType PayAsYouGo -Seats 25 -ExpirationDate 2027-01-31 -AuthorizationKey 6RNY5-RXTHF-4KPRC-YSNAK-SS4JN"),
                new HelpExample("Delete every expired product of a customer",
                    "Get-MspLicense -Customer Contoso -Status Expired -AsOf 2028-01-01 | Unregister-MspProduct -Confirm:$false",
                    "Licenses from the pipeline, one by one.",
                    "Set-MspAccount -AccountType CustomerLicensingPortal\n" + ExampleSetup.Contoso + "\nRegister-MspProduct -Customer Contoso -Product HES -LicenseType PayAsYouGo -Seats 25 -ExpirationDate 2027-01-31 -AuthorizationKey 6RNY5-RXTHF-4KPRC-YSNAK-SS4JN"),
            },
            Inputs = "Licenses from Get-MspLicense.",
            Outputs = "None.",
            Related = new[] { "Register-MspProduct", "Get-MspLicense", "Get-MspFeature" },
        };

        protected override void BeginProcessing()
        {
            _batch = new PipelineBatch<Guid, License>(this, (session, id) => MigrationOperations.Unregister(session, id), id => id, "products deleted", writeResults: false);
        }

        protected override void ProcessRecord()
        {
            Guid id = LicenseId;
            string name = Named("License", ParameterSetName == ByActivationCode ? ActivationCode : id.ToString());
            if (ParameterSetName == ByActivationCode)
            {
                try
                {
                    id = Store.Read(s => LicenseOperations.Resolve(s, null, ActivationCode)).LicenseId;
                }
                catch (MspException ex)
                {
                    _batch.Fail(ex, name, ActivationCode);
                    return;
                }
            }
            _batch.AddConfirmed(id, name, "Delete product " + (ParameterSetName == ByActivationCode ? ActivationCode : id.ToString()) + " from Remote Manager");
        }

        protected override void EndProcessing() => _batch.Complete();
    }
}
