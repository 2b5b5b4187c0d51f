using System;
using MspLicensing.Commands.Help;

namespace MspLicensing.Commands
{
    public sealed partial class ConnectMspStoreCommand
    {
        public static CommandHelp Help => new CommandHelp
        {
            Synopsis = "Switches this session to a store file, creating it when it does not exist, or to the team store in a PostgreSQL database.",
            Description = "Connect-MspStore chooses the store file that every MspLicensing command of this session uses, until Disconnect-MspStore or another Connect-MspStore. Without it, commands use $env:MSPLICENSING_STORE when that is set, else the per-user default file. A path that does not exist becomes a new, empty store (with -Password, an encrypted one). An existing file that is not a store, or a wrong password, is refused with an error naming the path, and the file is left untouched. Connect-MspStore first checks the file as Test-MspStore does, every page, document and index (about a second for 10,000 customers, longer as the audit log grows), unless a check passed before and only MspLicensing commands changed the file since: a hidden file beside the store (.<file name>.verified) records the file as the last check and the last change left it, and anything else that changes the store (another program, a copy, an older module) makes the next session check it fully again. The stamp is written only while the store's disk has 64 MB free beyond its log, so it never takes the room a change needs; on a nearly full disk or a network share every session checks fully. The full check reads a copy of the file that it makes beside the store and deletes (as Test-MspStore does): commands of other sessions wait only while the copy is made, and when one of them changed the store meanwhile the check stands for the store as it was copied, and writes no stamp, so the next session checks again; without room for the copy it checks the file itself, and the others wait meanwhile. A damaged store (truncated, overwritten, or with bytes that no longer decode or map) is refused with a StoreDamaged error that says what is wrong, and nothing is written to it; restore the latest copy made with Backup-MspStore, and list the damage with Test-MspStore. Later commands check the file's header, collection and index pages each time, and a command that meets damage stops with StoreDamaged and writes nothing more. Several sessions and processes can use one store at the same time. A store file is for one machine (it is not safe on a network share): a team of technicians shares one store in a PostgreSQL database instead, with -ConnectionString (and -Credential for the password). The database must exist; its first connection creates the store's tables (in the schema msplicensing; -WhatIf shows that instead) and later ones upgrade them, and a store written by a newer MspLicensing is refused. Every command works the same on either kind of store. The role that connects first, and once after each module update, creates or upgrades the tables: it must own the database (or have CREATE on it). Every other role needs only USAGE on the schema msplicensing, SELECT, INSERT, UPDATE and DELETE on its tables and USAGE on its sequences; a role with SELECT alone can list and report, and a change it tries is refused with StoreAccessDenied, naming the store and the table. Without Connect-MspStore, $env:MSPLICENSING_CONNECTION names the team store for every session (it wins over $env:MSPLICENSING_STORE); its password comes from the connection string, PGPASSWORD or the user's .pgpass file. Two technicians changing the same object at once: one change lands, the other is refused with a StaleObject error that names who changed it and when, and nothing is overwritten.",
            Parameters =
            {
                ["Path"] = "The store file. Relative paths are resolved against the current location; the folder is created when needed.",
                ["Password"] = "The password of an encrypted store, as a SecureString. For a new file, the store is created encrypted with this password.",
                ["ConnectionString"] = "The team store: a PostgreSQL connection string such as 'Host=db;Database=msp;Username=tech1' (Host and Database are needed; Port, SSL Mode and the other Npgsql keywords may be given). Give the password with -Credential rather than in the string. A password in the string is used, but the session keeps the string without it (the password only as a SecureString), and it is never shown: not by Get-MspStore (postgresql://tech1@db/msp), in errors, in -Verbose output or in the audit log, which names the technician's account and the role. TLS: 'SSL Mode=Require' encrypts the connection, 'SSL Mode=VerifyFull' also checks the server's certificate (Root Certificate=<file> names the authority when the machine does not trust it); a server without TLS, or a certificate that cannot be trusted, is refused with an error that says so and nothing is written.",
                ["Credential"] = "The user name and password for the team store's database. The user name replaces the one in the connection string.",
                ["Timeout"] = "How many seconds a command of this session waits while another command (in any process) uses the store, before it fails with StoreBusy and changes nothing; 0 fails at once. While it waits it says so (-Verbose, and a progress line at the prompt).",
                ["PassThru"] = "Writes the store's information (as Get-MspStore does) after connecting.",
            },
            Examples = new[]
            {
                new HelpExample("Use a store in a shared folder",
                    "Connect-MspStore -Path ./licensing/msp.db -PassThru",
                    "Creates the store when it does not exist and shows its path, schema version and counts."),
                new HelpExample("Use the team store",
                    "Connect-MspStore -ConnectionString 'Host=db;Database=msp;Username=tech1' -Credential $credential -PassThru",
                    "Connects to the store in the PostgreSQL database msp on the server db with the technician's user name and password ($credential = Get-Credential tech1 asks for them), creates its tables when the database has none, and shows its server, database, schema version and counts."),
                new HelpExample("Use an encrypted store",
                    "$password = [System.Net.NetworkCredential]::new('', 'S3cure-Passw0rd').SecurePassword\nConnect-MspStore -Path ./secure.db -Password $password\nGet-MspAccount",
                    "Creates or opens an encrypted store. At an interactive prompt, read the password with Read-Host -AsSecureString instead of writing it in a script."),
            },
            Outputs = "With -PassThru, the store's information.",
            Related = new[] { "Disconnect-MspStore", "Get-MspStore", "Copy-MspStore", "Test-MspStore", "about_MspLicensing" },
        };
    }
}
