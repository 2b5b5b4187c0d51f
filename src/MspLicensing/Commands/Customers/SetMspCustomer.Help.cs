using MspLicensing.Commands.Help;

namespace MspLicensing.Commands
{
    public sealed partial class SetMspCustomerCommand
    {
        public static CommandHelp Help => new CommandHelp
        {
            Synopsis = "Changes end customers: contact data, name, enabled flag, external ids.",
            Description = "Set-MspCustomer changes the given fields of a customer and leaves the others as they are. The customer is named by -Name, by -CustomerId or by the object from Get-MspCustomer in the pipeline; with an object, the change is refused when someone changed the customer after it was read. An empty string clears an optional field (State, Address, PostalCode, Phone, TimeZone, Language, Notes). -ExternalId adds or replaces the given ids and removes those given an empty value. Every change is recorded in the audit log with the values before and after.",
            Rules = new[] { Rules.R10, Rules.R70, Rules.R72 },
            Parameters =
            {
                ["Name"] = "The name of the customer to change (case is ignored). Binds from the pipeline by property name.",
                ["CustomerId"] = "The id of the customer to change. Binds from the pipeline by property name.",
                ["InputObject"] = "The customer from Get-MspCustomer; the change is refused when the customer changed since it was read.",
                ["NewName"] = "A new name, unique in the account ignoring case.",
                ["Country"] = "The country, as an ISO 3166-1 alpha-2 code or English name.",
                ["City"] = "The city.",
                ["State"] = "The state or province; an empty string clears it.",
                ["ContactFirstName"] = "The contact's first name.",
                ["ContactLastName"] = "The contact's last name.",
                ["Email"] = "The contact's email address.",
                ["Address"] = "The street address; an empty string clears it.",
                ["PostalCode"] = "The postal code; an empty string clears it.",
                ["Phone"] = "The phone number; an empty string clears it.",
                ["TimeZone"] = "The time zone id or offset such as UTC+01:00; an empty string clears it.",
                ["Language"] = "The language tag such as en-US; an empty string clears it.",
                ["Notes"] = $"Free text, up to {CustomerValidation.MaxNotesLength} characters (line breaks and tabs allowed); an empty string clears it.",
                ["Enabled"] = "Enables ($true) or disables ($false) the customer. Disabling changes no license.",
                ["ExternalId"] = "External ids to add or replace, e.g. @{ Autotask = '0815' }; an empty value removes an id, e.g. @{ Autotask = '' }. Values are text or numbers; each tool appears once (keys ignore case).",
                ["Template"] = "Names of Remote Manager policy templates to assign; a template replaces the customer's template of the same product. An empty list, @(), takes every template off the customer.",
                ["PassThru"] = "Writes the changed customers.",
            },
            Examples = new[]
            {
                new HelpExample("Change the contact",
                    "Set-MspCustomer -Name Contoso -ContactFirstName Bo -ContactLastName Kim -Email bo@contoso.com -PassThru",
                    "Only the given fields change.",
                    "New-MspCustomer -Name Contoso -Country US -City Seattle -ContactFirstName Ann -ContactLastName Lee -Email ann@contoso.com"),
                new HelpExample("Disable every customer in a country",
                    "Get-MspCustomer -Country GB | Set-MspCustomer -Enabled $false -WhatIf",
                    "-WhatIf lists the customers that would be disabled; run it again without -WhatIf to disable them.",
                    "New-MspCustomer -Name 'Tailspin Toys' -Country GB -City London -ContactFirstName Amy -ContactLastName Clark -Email amy@tailspintoys.co.uk"),
                new HelpExample("Rename a customer and record its Autotask id",
                    "Set-MspCustomer -Name Contoso -NewName 'Contoso Ltd' -ExternalId @{ Autotask = '0815' }",
                    "The old and new names are kept in the audit log.",
                    "New-MspCustomer -Name Contoso -Country US -City Seattle -ContactFirstName Ann -ContactLastName Lee -Email ann@contoso.com"),
            },
            Inputs = "Customers from Get-MspCustomer, or objects with a Name or CustomerId property.",
            Outputs = "With -PassThru, the changed customers.",
            Related = new[] { "Get-MspCustomer", "New-MspCustomer", "Get-MspAuditLog" },
        };
    }
}
