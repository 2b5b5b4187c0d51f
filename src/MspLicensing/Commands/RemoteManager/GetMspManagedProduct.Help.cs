using MspLicensing.Commands.Help;

namespace MspLicensing.Commands
{
    public sealed partial class GetMspManagedProductCommand
    {
        public static CommandHelp Help => new CommandHelp
        {
            Synopsis = "Shows the products Remote Manager manages for customers, with their status and where to open the console.",
            Description = "Get-MspManagedProduct is the customer's product tree of the Remote Manager console: every product Remote Manager manages (MSP and non-MSP licenses), with the status Normal, ExpiringSoon, Expired or ExceededAllocation (more seats used than provisioned, from Set-MspLicense -Used), and where the product's console opens (Open Console). Products with their own console, such as ScanMail for Exchange, are not listed. A customer appears once Sync-MspRemoteManager has brought it to Remote Manager.",
            Rules = new[] { Rules.R70, Rules.R71 },
            Parameters =
            {
                ["Customer"] = "The customer: a name, a CustomerId or the object. Binds from the pipeline.",
                ["Status"] = "Only products in this status.",
                ["AsOf"] = "The day the status is computed for; default today.",
            },
            Examples = new[]
            {
                new HelpExample("A customer's products in Remote Manager", "Get-MspManagedProduct -Customer Contoso", "ScanMail would not be listed: it has its own console.",
                    ExampleSetup.ContosoOnMonthly + "\nSync-MspRemoteManager"),
                new HelpExample("Every license that uses more seats than it has",
                    "Get-MspCustomer | Get-MspManagedProduct -Status ExceededAllocation",
                    "Customers that have not reached Remote Manager yet are reported one by one.",
                    ExampleSetup.ContosoOnMonthly + "\nSync-MspRemoteManager\nGet-MspLicense -Customer Contoso | Set-MspLicense -Used 30"),
            },
            Inputs = "Customers, or objects with a Customer, CustomerId or Name property.",
            Outputs = "Managed products.",
            Related = new[] { "Sync-MspRemoteManager", "Get-MspLicense", "Set-MspLicense" },
        };
    }
}
