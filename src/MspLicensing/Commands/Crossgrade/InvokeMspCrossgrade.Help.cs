using MspLicensing.Commands.Help;

namespace MspLicensing.Commands
{
    public sealed partial class InvokeMspCrossgradeCommand
    {
        public static CommandHelp Help => new CommandHelp
        {
            Synopsis = "Moves customers to a service plan whose products they partly hold already (crossgrade).",
            Description = "Invoke-MspCrossgrade assigns a plan that duplicates products the customer holds, in one transaction per customer. Duplicate Service licenses transfer to the new subscription with their activation code and seat history; duplicate Software licenses follow -SoftwareAction (Transfer, or New with a new code), and without it the command stops and lists what must be decided. Products not held before get new licenses, which start at once. Leaving a suite leaves its other licenses Unbundled until they expire, and a subscription left with no license ends as Deactivated. -WhatIf, however it is set (the parameter, $WhatIfPreference, or the -WhatIf of a function that calls this command), shows each customer's crossgrade plan and changes nothing: a line with the customer, the plan, the day and the month the new licenses bill from, then a line a step (New, or the plan a license is transferred from with its activation code). -Confirm shows the same plan and asks once a customer; No leaves that customer as it is. Customers come from the pipeline; one that fails is reported and the others go on. A customer who holds the plan already, with a license for each of its products, is left as it is and the command says so with -Verbose, so an interrupted bulk crossgrade can be run again from the start.",
            Rules = new[] { Rules.R21, Rules.R40, Rules.R41, Rules.R42, Rules.R43, Rules.R44, Rules.R45 },
            Parameters =
            {
                ["Customer"] = "The customer: a name, a CustomerId or the object. Binds from the pipeline.",
                ["ServicePlan"] = "The plan to move to: a name, a ServicePlanId or the object.",
                ["Seats"] = $"Seats of every license of the new plan, {SubscriptionOperations.MinSeats} to {SubscriptionOperations.MaxSeats}; default: transferred licenses keep theirs and new ones get the same (or the plan's units).",
                ["ProductSeats"] = "Seats by product code of the new plan, e.g. @{ WFXDR = 30 }.",
                ["SoftwareAction"] = "Transfer or New for each duplicate Software product, e.g. @{ 'WFBS-ADV' = 'Transfer' }.",
                ["Date"] = "The day of the crossgrade; default today.",
            },
            Examples = new[]
            {
                new HelpExample("Move a customer from monthly Worry-Free Services to Worry-Free XDR",
                    "Invoke-MspCrossgrade -Customer Contoso -ServicePlan 'WF Services XDR'",
                    "The Worry-Free Services license keeps its activation code; Cloud App Security, Email Security, Hosted Email Security and the EDR add-on are new. The old subscription ends as Deactivated.",
                    ExampleSetup.ContosoReadyForXdr),
                new HelpExample("See the plan first",
                    "Invoke-MspCrossgrade -Customer Contoso -ServicePlan 'WF Services XDR' -Date 2026-06-01 -WhatIf",
                    $"What if: Contoso: crossgrade to 'WF Services XDR' on 2026-06-01; new licenses bill from 2026-06 {Rules.R52.Quote}\nThen a line a product: '  WFBSS: License transfer from WF Services Monthly Rolling' with its activation code, '  CAS: New' and so on, and the subscription the crossgrade ends. Nothing changes.",
                    ExampleSetup.ContosoReadyForXdr),
                new HelpExample("Upgrade every customer of a plan, keeping on-premises keys",
                    "Get-MspSubscription -ServicePlan 'WF Services Monthly Rolling' | Invoke-MspCrossgrade -ServicePlan 'WF Services XDR' -SoftwareAction @{ 'WFBS-ADV' = 'Transfer' }",
                    "Each customer is crossgraded in its own transaction, with progress; a customer that cannot be moved is reported and the others go on.",
                    ExampleSetup.ContosoReadyForXdr),
            },
            Inputs = "Customers, or objects with a Customer, CustomerId or Name property (such as subscriptions).",
            Outputs = "The new subscriptions.",
            Related = new[] { "Get-MspCrossgradePlan", "New-MspSubscription", "Get-MspLicense" },
        };
    }
}
