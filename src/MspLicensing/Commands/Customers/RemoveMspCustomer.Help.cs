using MspLicensing.Commands.Help;

namespace MspLicensing.Commands
{
    public sealed partial class RemoveMspCustomerCommand
    {
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
    }
}
