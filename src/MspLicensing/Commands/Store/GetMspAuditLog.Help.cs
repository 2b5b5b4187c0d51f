using System.Linq;
using System;
using MspLicensing.Commands.Help;

namespace MspLicensing.Commands
{
    public sealed partial class GetMspAuditLogCommand
    {
        public static CommandHelp Help => new CommandHelp
        {
            Synopsis = "Lists the changes made to the store, newest first.",
            Description = "Every change records when it happened, who made it (the user name), the command, the action (Create, Update, Delete and the like), the target, the customer it concerns and a short before/after summary. Get-MspAuditLog lists them, newest first, filtered by time, target, command, user or customer. Use -First to see the latest few."
                + " A customer's history (-Customer, or customers from the pipeline) is every change that concerns the customer: its customer record (including template assignments), its subscriptions (created, seats and dates changed, suspended, resumed, cancelled, converted, renewed, crossgraded), its licenses (used counts, registrations, removals), its license migrations and the lines of the usage report set for it. The Customer property shows the customer's name as it is now (empty once the customer is deleted; the Target keeps the name the change was made under)."
                + " Entries recorded before the log kept the customer of each change are traced to their customer when the store is upgraded, where the changed object tells it: the customer record and the subscriptions, licenses and migrations still in the store. Older usage report changes, and changes of licenses unregistered since, name no customer: find them by -Target, e.g. -Target '*Contoso*'.",
            Parameters =
            {
                ["After"] = "Only changes at or after this time (local time).",
                ["Before"] = "Only changes at or before this time (local time).",
                ["TargetType"] = "Only changes to this kind of object: " + string.Join(", ", AuditTargetTypeCompleter.TargetTypes.Select(t => t.Value).OrderBy(v => v, StringComparer.Ordinal)) + ".",
                ["Target"] = "Only changes to targets whose name matches; wildcards allowed.",
                ["CustomerId"] = "Only the changes that concern the customer with this id, also once the customer is deleted; binds from customer objects (and any object with a CustomerId property) in the pipeline.",
                ["Customer"] = "Only the changes that concern this customer: a name, a CustomerId or the object from Get-MspCustomer.",
                ["Command"] = "Only changes made by this cmdlet; wildcards allowed, e.g. Set-*.",
                ["User"] = "Only changes made by this user; wildcards allowed.",
            },
            Examples = new[]
            {
                new HelpExample("The last ten changes",
                    "Get-MspAuditLog -First 10",
                    "Newest first."),
                new HelpExample("The history of one customer",
                    "Get-MspCustomer -Name Contoso | Get-MspAuditLog",
                    "Shows when Contoso was created and every change since, with before and after values: the customer record, the subscription, its seats and the lowered usage report line.",
                    ExampleSetup.ContosoOnMonthly + "\nSet-MspCustomer -Name Contoso -City Redmond\nSet-MspSubscription -Customer Contoso -Seats 30 -Date 2026-02-01"
                    + "\nSet-MspUsageReport -Month 2026-02 -Customer Contoso -Product WFBSS -Chargeable 25 -Comment 'Raised on the 20th'"),
                new HelpExample("One customer's subscription changes, by name",
                    "Get-MspAuditLog -Customer Contoso -TargetType Subscription | Format-List Time, User, Command, Action, Customer, Summary",
                    "The filters combine: only Contoso's subscription entries, each with every field.",
                    ExampleSetup.ContosoOnMonthly + "\nSet-MspSubscription -Customer Contoso -Seats 30 -Date 2026-02-01"),
                new HelpExample("Changes made by scheduled tasks yesterday",
                    "Get-MspAuditLog -User svc-* -After ([datetime]::Today.AddDays(-1)) -Before ([datetime]::Today)",
                    "Filters by user name and time."),
            },
            Inputs = "Customer objects (their CustomerId), or any object with a CustomerId property, to show the changes that concern those customers.",
            Outputs = "Audit entries, newest first.",
            Related = new[] { "Get-MspStore", "Get-MspCustomer" },
        };
    }
}
