using System.Linq;
using MspLicensing.Commands.Help;

namespace MspLicensing.Commands
{
    public sealed partial class SetMspAccountCommand
    {
        public static CommandHelp Help => new CommandHelp
        {
            Synopsis = "Changes the partner account: name, account type, seat bands or default data center.",
            Description = "Set-MspAccount changes the settings of the partner account the store belongs to. Only the given settings change; the change is recorded in the audit log. An account object from Get-MspAccount in the pipeline makes the change conditional: if someone changed the account after it was read, the change is refused.",
            Rules = new[] { Rules.R1, Rules.R2, Rules.R3, Rules.R36 },
            Parameters =
            {
                ["Name"] = "The partner's name, 1 to 100 characters.",
                ["AccountType"] = "LicensingManagementPlatform (LMP) or CustomerLicensingPortal (CLP). Online Registration (OLR) accounts are CustomerLicensingPortal.",
                ["SeatBands"] = "The lower bound of each seat band, strictly increasing and starting at 1, e.g. 1,26,51,101,251,501,1001,2001,5001. Each band runs to the next lower bound minus one; the last is open-ended.",
                ["DefaultDataCenter"] = "The data center used for services when a service plan names none: " + string.Join(", ", DataCenters.All.Select(d => d.ToString())) + ".",
                ["GracePeriodDays"] = $"Days after expiration during which a license is InGrace and a suspended subscription can still be resumed, 0 to {Account.MaxGracePeriodDays}; default {Account.DefaultGracePeriodDays}.",
                ["InputObject"] = "The account as read by Get-MspAccount; the change is refused when the account changed since.",
                ["PassThru"] = "Writes the changed account.",
            },
            Examples = new[]
            {
                new HelpExample("Name the account and choose the default data center",
                    "Set-MspAccount -Name 'Northwind IT Services' -DefaultDataCenter Germany -PassThru",
                    "Returns the changed account."),
                new HelpExample("Use coarser seat bands",
                    "Set-MspAccount -SeatBands 1,51,251,1001\n(Get-MspAccount).SeatBands.Name",
                    "The bands become 1-50, 51-250, 251-1000 and 1001+."),
                new HelpExample("Switch to a Customer Licensing Portal account",
                    "Set-MspAccount -AccountType CustomerLicensingPortal -WhatIf",
                    "-WhatIf shows the change without making it."),
            },
            Inputs = "An account from Get-MspAccount.",
            Outputs = "With -PassThru, the changed account.",
            Related = new[] { "Get-MspAccount", "Get-MspFeature" },
        };
    }
}
