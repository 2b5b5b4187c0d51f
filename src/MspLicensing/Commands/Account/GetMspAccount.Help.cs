using MspLicensing.Commands.Help;

namespace MspLicensing.Commands
{
    public sealed partial class GetMspAccountCommand
    {
        public static CommandHelp Help => new CommandHelp
        {
            Synopsis = "Shows the partner account: name, account type, seat bands and default data center.",
            Description = "The store belongs to one partner account. Its type decides what the module allows (see Get-MspFeature); its seat bands decide the band of the monthly usage report; its default data center is used for services when a plan does not name one.",
            Rules = new[] { Rules.R1, Rules.R2, Rules.R3 },
            Examples = new[]
            {
                new HelpExample("Show the account",
                    "Get-MspAccount",
                    "A new store has a Licensing Management Platform account with the default seat bands."),
                new HelpExample("List the seat bands",
                    "(Get-MspAccount).SeatBands",
                    "Each band has a Minimum, a Maximum (empty for the last, open-ended band) and a Name such as 251-500."),
            },
            Outputs = "The partner account.",
            Related = new[] { "Set-MspAccount", "Get-MspFeature", "about_MspLicensing_SeatBands" },
        };
    }
}
