using MspLicensing.Commands.Help;

namespace MspLicensing.Commands
{
    public sealed partial class GetMspCustomerCommand
    {
        public static CommandHelp Help => new CommandHelp
        {
            Synopsis = "Finds end customers by name, id, country, state or external id.",
            Description = "Get-MspCustomer lists the customers of the account, sorted by name. Names take wildcards; an exact name that matches no customer is reported as an error (a wildcard that matches nothing is not). Filters combine: every given filter must match. Names and ids bind from the pipeline, so a list of names or the rows of a CSV file find their customers.",
            Rules = new[] { Rules.R10 },
            Parameters =
            {
                ["Name"] = "Customer names; wildcards allowed, case is ignored. A backtick makes a wildcard character literal: 'Wild`*' is the name Wild*.",
                ["CustomerId"] = "Customer ids.",
                ["Country"] = "Only customers in this country (ISO 3166-1 alpha-2 code or English name).",
                ["Enabled"] = "Only enabled ($true) or disabled ($false) customers.",
                ["Email"] = "Only customers whose contact email matches; wildcards allowed, e.g. *@contoso.com.",
                ["ExternalId"] = "Only customers with these external ids, e.g. @{ ConnectWiseManage = '4711' }; values take wildcards.",
            },
            Examples = new[]
            {
                new HelpExample("Find a customer by name",
                    "Get-MspCustomer -Name Contoso",
                    "Case is ignored.",
                    "New-MspCustomer -Name Contoso -Country US -City Seattle -ContactFirstName Ann -ContactLastName Lee -Email ann@contoso.com"),
                new HelpExample("Customers whose name starts with 'Fab' in Germany",
                    "Get-MspCustomer -Name Fab* -Country DE",
                    "Wildcards and filters combine."),
                new HelpExample("Find a customer by its PSA id",
                    "Get-MspCustomer -ExternalId @{ ConnectWiseManage = '4711' }",
                    "Useful in RMM scripts that know the PSA company id."),
                new HelpExample("Find a name that holds a wildcard character",
                    "Get-MspCustomer -Name ([WildcardPattern]::Escape('Wild[1]'))",
                    "Escape writes 'Wild`[1`]': escaped wildcard characters are literal, so the pattern is the exact name Wild[1] (and not Wild1). A pattern that is not valid, such as 'Wild[1', is refused with an error that names it.",
                    "New-MspCustomer -Name 'Wild[1]' -Country US -City Seattle -ContactFirstName Ann -ContactLastName Lee -Email ann@wild.example.com"),
                new HelpExample("The first 20 disabled customers",
                    "Get-MspCustomer -Enabled $false -First 20",
                    "-First and -Skip page through long lists."),
            },
            Inputs = "Names as strings, or objects with a Name or CustomerId property.",
            Outputs = "Customers.",
            Related = new[] { "New-MspCustomer", "Set-MspCustomer", "Remove-MspCustomer" },
        };
    }
}
