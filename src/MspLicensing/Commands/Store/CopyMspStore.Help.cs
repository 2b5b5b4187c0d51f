using System;
using MspLicensing.Commands.Help;

namespace MspLicensing.Commands
{
    public sealed partial class CopyMspStoreCommand
    {
        public static CommandHelp Help => new CommandHelp
        {
            Synopsis = "Copies every document of this session's store into another store: a store file into the team store in PostgreSQL, or back.",
            Description = "Copy-MspStore moves a store to the other kind: from the store file of a single admin into the team store in a PostgreSQL database (Destination is a connection string), or from the team store into a store file (Destination is a path) that a single admin can open with Connect-MspStore. It reads the session's store in one consistent view and writes every document into the destination in one transaction: the account, customers, service plans, subscriptions with their licenses and history, usage reports, migrations, templates, changes waiting for synchronization and the whole audit log with its ids. Then it reads the destination back and compares the number of documents of every kind; a copy that differs is reported (StoreCopyIncomplete). The destination must hold nothing yet (a new file, or a database without a store or with an empty one): a destination that holds customers, plans, subscriptions, licenses or audit entries is refused and left as it is, unless -Force, which replaces what it holds. The session stays connected to its store; connect to the copy with Connect-MspStore.",
            Parameters =
            {
                ["Destination"] = "Where the copy goes: a PostgreSQL connection string (it names Host= or Server=, for example 'Host=db;Database=msp;Username=admin'), or the path of a store file.",
                ["Credential"] = "The user name and password for the destination database.",
                ["Password"] = "For a store file as the destination: the password to encrypt it with.",
                ["Force"] = "Replaces what the destination holds instead of refusing a destination that is not empty.",
            },
            Examples = new[]
            {
                new HelpExample("Move to the team store",
                    "Connect-MspStore -Path ./msplicensing.db\nCopy-MspStore -Destination 'Host=db;Database=msp;Username=admin' -Credential $credential\nConnect-MspStore -ConnectionString 'Host=db;Database=msp;Username=tech1' -Credential $credential",
                    "Copies the single admin's store into the database msp on the server db ($credential = Get-Credential admin asks for the database user's password) and shows how many documents of each kind the copy holds; then the session (and every technician) connects to the team store.",
                    "Connect-MspStore -Path ./msplicensing.db\n" + ExampleSetup.Contoso),
                new HelpExample("A copy of the team store for one admin",
                    "Connect-MspStore -ConnectionString 'Host=db;Database=msp;Username=tech1' -Credential $credential\nCopy-MspStore -Destination ./msp-copy.db\nConnect-MspStore -Path ./msp-copy.db",
                    "Writes a new store file with everything the team store holds, which opens on one machine without the database."),
            },
            Outputs = "What was copied: source, destination, its kind, and the number of customers, plans, subscriptions, licenses, audit entries and documents in the copy.",
            Related = new[] { "Connect-MspStore", "Backup-MspStore", "Get-MspStore" },
        };
    }
}
