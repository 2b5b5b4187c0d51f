using MspLicensing.Commands.Help;

namespace MspLicensing.Commands
{
    public sealed partial class SyncMspRemoteManagerCommand
    {
        public static CommandHelp Help => new CommandHelp
        {
            Synopsis = "Applies the changes waiting for Remote Manager and the Licensing Management Platform.",
            Description = "Customers created or changed on one side reach the other through an outbox: a customer created with New-MspCustomer appears in Remote Manager (Get-MspManagedProduct), and one created with -Origin RemoteManager appears in the Licensing Management Platform (New-MspSubscription), once Sync-MspRemoteManager has run. It applies every pending change, oldest first, and returns what it applied; Get-MspStore shows how many are pending (PendingSync). Run it in the same scheduled task as Invoke-MspRenewal.",
            Rules = new[] { Rules.R11, Rules.R70 },
            Examples = new[]
            {
                new HelpExample("Apply what is pending", "Sync-MspRemoteManager", "One row per change applied.", ExampleSetup.Contoso),
                new HelpExample("A customer created in Remote Manager gets a plan",
                    "New-MspCustomer -Name Fabrikam -Country DE -City Berlin -ContactFirstName Jonas -ContactLastName Weber -Email jonas@fabrikam.de -Origin RemoteManager\nSync-MspRemoteManager\nNew-MspSubscription -Customer Fabrikam -ServicePlan 'WF Services Monthly Rolling' -Seats 10",
                    "Before the synchronization the customer is not yet in the Licensing Management Platform, and the assignment is refused.",
                    ExampleSetup.MonthlyPlan),
            },
            Outputs = "The changes applied.",
            Related = new[] { "Get-MspStore", "Get-MspManagedProduct", "New-MspCustomer" },
        };
    }
}
