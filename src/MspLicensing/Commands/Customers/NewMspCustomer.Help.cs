using MspLicensing.Commands.Help;

namespace MspLicensing.Commands
{
    public sealed partial class NewMspCustomerCommand
    {
        public static CommandHelp Help => new CommandHelp
        {
            Synopsis = "Creates end customers.",
            Description = "New-MspCustomer creates a customer of the MSP. Every parameter binds from the pipeline by property name, so Import-Csv customers.csv | New-MspCustomer creates one customer per row; bad rows are reported one by one and skipped, the good ones are created (in batches, each customer whole or not at all). Empty optional cells are ignored. The customer's name must be unique in the account, ignoring case. With -SkipExisting, a customer the account has already is passed on as it is instead of being refused, so an import or onboarding that stopped half-way can simply run again.",
            Rules = new[] { Rules.R10, Rules.R11, Rules.R13, Rules.R70, Rules.R72 },
            Parameters =
            {
                ["Name"] = $"The company name, 1 to {CustomerValidation.MaxNameLength} characters, unique in the account ignoring case.",
                ["Country"] = "The country as an ISO 3166-1 alpha-2 code such as US, DE or JP (the English country name is accepted too).",
                ["City"] = $"The city, up to {CustomerValidation.MaxCityLength} characters.",
                ["State"] = $"The state or province, where the country has one; up to {CustomerValidation.MaxStateLength} characters.",
                ["ContactFirstName"] = $"The first name of the customer's contact, up to {CustomerValidation.MaxContactNameLength} characters.",
                ["ContactLastName"] = $"The last name of the customer's contact, up to {CustomerValidation.MaxContactNameLength} characters.",
                ["Email"] = "The contact's email address.",
                ["Address"] = $"The street address, up to {CustomerValidation.MaxAddressLength} characters.",
                ["PostalCode"] = $"The postal code: letters, digits, spaces and hyphens, up to {CustomerValidation.MaxPostalCodeLength} characters.",
                ["Phone"] = "The phone number: digits with an optional leading +, spaces, ( ) . / - and an optional extension such as 'x 12'.",
                ["TimeZone"] = "The customer's time zone: an id this system knows (for example 'W. Europe Standard Time' or 'Europe/Berlin') or a fixed offset such as UTC+01:00.",
                ["Language"] = "The customer's language as a tag such as en-US, de-DE or ja-JP.",
                ["Notes"] = $"Free text, up to {CustomerValidation.MaxNotesLength} characters; line breaks and tabs are allowed.",
                ["Enabled"] = "Whether the customer is enabled; an empty value means the default, True. Accepts True/False, and yes/no or 1/0 from CSV files.",
                ["ExternalId"] = "The customer's ids in PSA and RMM tools, as a hashtable such as @{ ConnectWiseManage = '4711'; Autotask = '0815' } or as text 'ConnectWiseManage=4711;Autotask=0815'. Values are text or numbers; each tool appears once (keys ignore case).",
                ["Origin"] = "Where the customer is created: LicensingManagementPlatform (default) or RemoteManager. It reaches the other side when Sync-MspRemoteManager runs.",
                ["Template"] = "Names of Remote Manager policy templates to assign (one per product: Worry-Free Business Security Services, Cloud Edge).",
                ["SkipExisting"] = "Creates only the customers the account does not have yet (R13). A customer whose name exists already (ignoring case) is not created again: the stored customer is passed down the pipeline as it is, and a verbose line says so (Customer 'Contoso' exists; skipped.). None of its fields is overwritten: a warning names each field the input gives differently, with the stored and the given value, and Set-MspCustomer changes them. A name that comes twice in the input is created once. Skipped customers are not errors; the progress counts them apart.",
            },
            Examples = new[]
            {
                new HelpExample("Create a customer",
                    "New-MspCustomer -Name Contoso -Country US -City Seattle -State WA -ContactFirstName Ann -ContactLastName Lee -Email ann@contoso.com",
                    "Creates the customer and returns it."),
                new HelpExample("Import customers from a CSV file",
                    "Import-Csv ./customers.csv | New-MspCustomer",
                    "With a file whose header is Name,Country,City,State,ContactFirstName,ContactLastName,Email,ExternalId (ExternalId as 'ConnectWiseManage=4711'), each row becomes a customer. A row with a bad value is reported with the customer's name, the field and the value, and the other rows are still created.",
                    "[IO.File]::WriteAllText(\"$PWD/customers.csv\", \"Name,Country,City,State,ContactFirstName,ContactLastName,Email,ExternalId`nFabrikam,DE,Berlin,,Jonas,Weber,jonas@fabrikam.de,ConnectWiseManage=4711`nTailspin Toys,GB,London,,Amy,Clark,amy@tailspintoys.co.uk,`n\")"),
                new HelpExample("Set the rejected rows of an import aside",
                    "Import-Csv ./customers.csv | New-MspCustomer -ErrorVariable rejected -ErrorAction SilentlyContinue\n$rejected.TargetObject | Export-Csv ./rejected.csv -NoTypeInformation",
                    "Each error names its row's customer (Customer 'Margie Travel': Email 'margie-at-travel' is not valid: ...) and its TargetObject is the row, so rejected.csv holds the rows to correct and import again; the other rows are created.",
                    "[IO.File]::WriteAllText(\"$PWD/customers.csv\", \"Name,Country,City,ContactFirstName,ContactLastName,Email`nFabrikam,DE,Berlin,Jonas,Weber,jonas@fabrikam.de`nMargie Travel,US,Boston,Margie,Shoop,margie-at-travel`n\")"),
                new HelpExample("Re-run an interrupted onboarding",
                    "Import-Csv ./customers.csv | New-MspCustomer -SkipExisting | New-MspSubscription -ServicePlan 'WF Services Monthly Rolling' -Seats 10 -SkipExisting",
                    "The first run stopped after Fabrikam was created and subscribed and Tailspin Toys was created. This run creates only Northwind, subscribes Tailspin Toys and Northwind, and passes Fabrikam and its subscription on as they are, without errors: the output holds the subscriptions of all three customers. Add -Verbose to see what was skipped.",
                    ExampleSetup.InterruptedOnboarding),
                new HelpExample("Keep the PSA id of a customer",
                    "New-MspCustomer -Name Northwind -Country CA -City Toronto -State ON -ContactFirstName Raj -ContactLastName Patel -Email raj@northwind.ca -ExternalId @{ ConnectWiseManage = '4711' } -TimeZone UTC-05:00 -Language en-CA",
                    "Find it later with Get-MspCustomer -ExternalId @{ ConnectWiseManage = '4711' }."),
            },
            Inputs = "Objects with properties named like the parameters, such as the rows of Import-Csv.",
            Outputs = "The created customers; with -SkipExisting also the existing customers the input names.",
            Related = new[] { "Get-MspCustomer", "Set-MspCustomer", "Remove-MspCustomer", "about_MspLicensing_Customers" },
        };
    }
}
