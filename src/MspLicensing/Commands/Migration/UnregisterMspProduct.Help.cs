using MspLicensing.Commands.Help;

namespace MspLicensing.Commands
{
    public sealed partial class UnregisterMspProductCommand
    {
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
    }
}
