using MspLicensing.Commands.Help;

namespace MspLicensing.Commands
{
    public sealed partial class ConnectMspStoreCommand
    {
        public static CommandHelp Help => new CommandHelp
        {
            Synopsis = "Switches this session to a store file, creating it when it does not exist.",
            Description = "Connect-MspStore chooses the store file that every MspLicensing command of this session uses, until Disconnect-MspStore or another Connect-MspStore. Without it, commands use $env:MSPLICENSING_STORE when that is set, else the per-user default file. A path that does not exist becomes a new, empty store (with -Password, an encrypted one). An existing file that is not a store, or a wrong password, is refused with an error naming the path, and the file is left untouched. Connect-MspStore first checks the file as Test-MspStore does, every page, document and index (about a second for 10,000 customers): a damaged store (truncated, overwritten, or with bytes that no longer decode or map) is refused with a StoreDamaged error that says what is wrong, and nothing is written to it; restore the latest copy made with Backup-MspStore, and list the damage with Test-MspStore. Later commands check the file's header, collection and index pages each time, and a command that meets damage stops with StoreDamaged and writes nothing more. Several sessions and processes can use one store at the same time.",
            Parameters =
            {
                ["Path"] = "The store file. Relative paths are resolved against the current location; the folder is created when needed.",
                ["Password"] = "The password of an encrypted store, as a SecureString. For a new file, the store is created encrypted with this password.",
                ["Timeout"] = "How many seconds a command of this session waits while another command (in any process) uses the store, before it fails with StoreBusy and changes nothing; 0 fails at once. While it waits it says so (-Verbose, and a progress line at the prompt).",
                ["PassThru"] = "Writes the store's information (as Get-MspStore does) after connecting.",
            },
            Examples = new[]
            {
                new HelpExample("Use a store in a shared folder",
                    "Connect-MspStore -Path ./licensing/msp.db -PassThru",
                    "Creates the store when it does not exist and shows its path, schema version and counts."),
                new HelpExample("Use an encrypted store",
                    "$password = [System.Net.NetworkCredential]::new('', 'S3cure-Passw0rd').SecurePassword\nConnect-MspStore -Path ./secure.db -Password $password\nGet-MspAccount",
                    "Creates or opens an encrypted store. At an interactive prompt, read the password with Read-Host -AsSecureString instead of writing it in a script."),
            },
            Outputs = "With -PassThru, the store's information.",
            Related = new[] { "Disconnect-MspStore", "Get-MspStore", "Test-MspStore", "about_MspLicensing" },
        };
    }
}
