using MspLicensing.Commands.Help;

namespace MspLicensing.Commands
{
    public sealed partial class GetMspFeatureCommand
    {
        public static CommandHelp Help => new CommandHelp
        {
            Synopsis = "Shows the feature matrix: what a Licensing Management Platform and a Customer Licensing Portal account can do.",
            Description = "Get-MspFeature lists every row of the Remote Manager feature matrix by account type, from the module's own data: the rows that list products and plug-ins come from the product catalog and the integration list. With -AccountType, it lists only the features that account type supports.",
            Rules = new[] { Rules.R2 },
            Parameters =
            {
                ["Name"] = "Only features whose name or id matches; wildcards allowed.",
                ["AccountType"] = "Only the features this account type supports.",
            },
            Examples = new[]
            {
                new HelpExample("The whole matrix",
                    "Get-MspFeature",
                    "One row per feature with what each account type has."),
                new HelpExample("What a Customer Licensing Portal account can do",
                    "Get-MspFeature -AccountType CustomerLicensingPortal",
                    "Only the supported rows."),
                new HelpExample("Which products Remote Manager supports",
                    "(Get-MspFeature -Name 'Supported products').LicensingManagementPlatform",
                    "The list comes from the catalog (Get-MspProduct)."),
            },
            Outputs = "Feature matrix rows.",
            Related = new[] { "Get-MspAccount", "Get-MspProduct", "about_MspLicensing_FeatureMatrix" },
        };
    }
}
