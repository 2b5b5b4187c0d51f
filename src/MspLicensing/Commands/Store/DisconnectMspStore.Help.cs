using MspLicensing.Commands.Help;

namespace MspLicensing.Commands
{
    public sealed partial class DisconnectMspStoreCommand
    {
        public static CommandHelp Help => new CommandHelp
        {
            Synopsis = "Returns this session to the default store.",
            Description = "Disconnect-MspStore forgets the store chosen with Connect-MspStore. Later commands use the team store that $env:MSPLICENSING_CONNECTION names when it is set, else the store file of $env:MSPLICENSING_STORE when that is set, else the per-user default store. No store is changed.",
            Examples = new[]
            {
                new HelpExample("Go back to the default store",
                    "Disconnect-MspStore\nGet-MspStore",
                    "Get-MspStore then shows the default store (Source Default, MSPLICENSING_STORE or MSPLICENSING_CONNECTION)."),
                new HelpExample("Work on a copy, then return",
                    "Connect-MspStore -Path ./copy.db\nGet-MspCustomer\nDisconnect-MspStore",
                    "Looks at another store for a moment and returns to the usual one."),
            },
            Related = new[] { "Connect-MspStore", "Get-MspStore" },
        };
    }
}
