using MspLicensing.Commands.Help;

namespace MspLicensing.Commands
{
    public sealed partial class RegisterMspProductCommand
    {
        public static CommandHelp Help => new CommandHelp
        {
            Synopsis = "Registers a non-MSP license (Standard, pay-as-you-go, upfront or NFR) that Remote Manager manages.",
            Description = "Register-MspProduct records a license bought outside LMP, as Remote Manager knows it: registered by its activation code or by an Authorization Key. In a Customer Licensing Portal account this is the only way products reach Remote Manager: it needs an Authorization Key and supports Worry-Free Business Security Standard and Advanced, Worry-Free Business Security Services and Hosted Email Security. A customer cannot hold an MSP and a non-MSP license of the same product; non-MSP licenses move into LMP with Start-MspLicenseMigration. An NFR (not-for-resale) license from the Partner Portal is a non-MSP license that is never billed and never migrated. Rows of an export bind from the pipeline.",
            Rules = new[] { Rules.R2, Rules.R39, Rules.R51, Rules.R60 },
            Parameters =
            {
                ["Customer"] = "The customer: a name, a CustomerId or the object.",
                ["Product"] = "The product (code or name).",
                ["LicenseType"] = "Standard, PayAsYouGo (xSP reporting), Upfront (xSP upfront) or NFR (not for resale, from the Partner Portal; never billed).",
                ["Seats"] = $"Seats of the license, {SubscriptionOperations.MinSeats} to {SubscriptionOperations.MaxSeats}.",
                ["ExpirationDate"] = "The day the license expires.",
                ["StartDate"] = "The day the license started; default today.",
                ["ActivationCode"] = "The license's activation code (37 characters).",
                ["AuthorizationKey"] = "The Authorization Key the product was registered with; the license then gets an activation code of its own.",
            },
            Examples = new[]
            {
                new HelpExample("Register an on-premises Worry-Free license",
                    "Register-MspProduct -Customer Contoso -Product WFBS-ADV -LicenseType Standard -Seats 40 -ExpirationDate 2027-06-30 -ActivationCode WF-AAAA-BBBBB-CCCCC-DDDDD-EEEEE-FFFFF",
                    "Get-MspLicense -Customer Contoso shows it with LicenseModel NonMsp.",
                    ExampleSetup.Contoso),
                new HelpExample("Register Hosted Email Security in a Customer Licensing Portal account",
                    "Set-MspAccount -AccountType CustomerLicensingPortal\nRegister-MspProduct -Customer Contoso -Product HES -LicenseType PayAsYouGo -Seats 25 -ExpirationDate 2027-01-31 -AuthorizationKey 6RNY5-RXTHF-4KPRC-YSNAK-SS4JN",
                    "A CLP account registers by Authorization Key only.",
                    ExampleSetup.Contoso),
                new HelpExample("Record an NFR license from the Partner Portal",
                    "Register-MspProduct -Customer Contoso -Product WFBSS -LicenseType NFR -Seats 10 -ExpirationDate 2027-06-30 -ActivationCode WF-NNNN-BBBBB-CCCCC-DDDDD-EEEEE-FFFFF",
                    "The license shows LicenseType NFR in Get-MspLicense and Get-MspManagedProduct; the usage report never has a line for it.",
                    ExampleSetup.Contoso),
            },
            Inputs = "Objects with Customer, Product, LicenseType, Seats, ExpirationDate and ActivationCode or AuthorizationKey properties.",
            Outputs = "The registered licenses.",
            Related = new[] { "Start-MspLicenseMigration", "Get-MspLicense", "Get-MspFeature" },
        };
    }
}
