using MspLicensing.Commands.Help;

namespace MspLicensing.Commands
{
    public sealed partial class GetMspLicenseCommand
    {
        public static CommandHelp Help => new CommandHelp
        {
            Synopsis = "Lists licenses by customer, subscription, product, status or activation code.",
            Description = "Get-MspLicense lists the licenses with their product (and suite), activation code, seats, last used count, dates, status, license model (Msp or NonMsp) and type (Full or Trial; Standard, PayAsYouGo, Upfront or NFR). The status is computed as of today, or as of -AsOf: besides the statuses of R38, Unbundled and Removed (R43) and Deactivated (R44). Each license keeps its SeatHistory (every seat change with its day) and UsedHistory. Customers and subscriptions in the pipeline list their licenses.",
            Rules = new[] { Rules.R30, Rules.R32, Rules.R38, Rules.R43 },
            Parameters =
            {
                ["Customer"] = "Only this customer's licenses: a name, a CustomerId or the object. Binds from the pipeline.",
                ["SubscriptionId"] = "Only the licenses of this subscription. Binds from subscriptions in the pipeline.",
                ["LicenseId"] = "License ids.",
                ["Product"] = "Only licenses of this product (code or name); a suite's code finds its components.",
                ["Status"] = "Only licenses in this status as of the -AsOf day.",
                ["ActivationCode"] = "Only the license with this activation code; wildcards allowed.",
                ["AsOf"] = "The day statuses are computed for; default today.",
            },
            Examples = new[]
            {
                new HelpExample("A customer's licenses and activation codes", "Get-MspLicense -Customer Contoso", "One row per license.", ExampleSetup.ContosoOnMonthly),
                new HelpExample("Find a license by its activation code",
                    "$code = (Get-MspLicense -Customer Contoso).ActivationCode\nGet-MspLicense -ActivationCode $code",
                    "Useful when a product console shows only the code.",
                    ExampleSetup.ContosoOnMonthly),
                new HelpExample("Licenses that expire soon",
                    "Get-MspLicense -Status ExpiringSoon -AsOf 2026-12-20",
                    "Licenses that will not renew and are within their plan's notice days.",
                    ExampleSetup.ContosoOnMonthly + "\nSet-MspSubscription -Customer Contoso -AutoRenewal $false"),
            },
            Inputs = "Customers and subscriptions, or objects with a Customer, CustomerId, SubscriptionId, LicenseId or ActivationCode property.",
            Outputs = "Licenses.",
            Related = new[] { "Set-MspLicense", "Remove-MspLicense", "Get-MspSubscription", "New-MspSubscription" },
        };
    }
}
