using MspLicensing.Commands.Help;

namespace MspLicensing.Commands
{
    public sealed partial class GetMspCrossgradePlanCommand
    {
        public static CommandHelp Help => new CommandHelp
        {
            Synopsis = "Shows what a crossgrade to another service plan would do, without changing anything.",
            Description = "Get-MspCrossgradePlan returns one row per product of the new plan (per component of a suite): New, Transfer (with the plan it comes from and the activation code it keeps, \"License transfer from <plan>\"), or Decide for a Software license the customer holds already, until -SoftwareAction says Transfer or New. Rows follow for the licenses the crossgrade leaves Unbundled or Deactivated and the subscriptions it ends. Nothing is written.",
            Rules = new[] { Rules.R41, Rules.R42, Rules.R43, Rules.R44, Rules.R45 },
            Parameters =
            {
                ["Customer"] = "The customer: a name, a CustomerId or the object. Binds from the pipeline.",
                ["ServicePlan"] = "The plan the customer would move to.",
                ["Seats"] = "Seats of every license of the new plan, as Invoke-MspCrossgrade would take them.",
                ["SoftwareAction"] = "Transfer or New for each duplicate Software product, e.g. @{ 'WFBS-ADV' = 'Transfer' }.",
                ["Date"] = "The day of the crossgrade; default today.",
            },
            Examples = new[]
            {
                new HelpExample("Preview moving a customer to Worry-Free XDR",
                    "Get-MspCrossgradePlan -Customer Contoso -ServicePlan 'WF Services XDR'",
                    "Worry-Free Business Security Services shows \"License transfer from WF Services Monthly Rolling\" with its activation code; the other components are New.",
                    ExampleSetup.ContosoReadyForXdr),
                new HelpExample("Which customers on a plan would need a decision for Software licenses",
                    "Get-MspCustomer | Get-MspCrossgradePlan -ServicePlan 'WF Services XDR' | Where-Object Action -eq Decide",
                    "Customers from the pipeline; an empty result means every duplicate transfers by itself.",
                    ExampleSetup.ContosoReadyForXdr),
            },
            Inputs = "Customers, or objects with a Customer, CustomerId or Name property.",
            Outputs = "Crossgrade plan rows.",
            Related = new[] { "Invoke-MspCrossgrade", "New-MspSubscription", "Get-MspLicense" },
        };
    }
}
