using MspLicensing.Commands.Help;

namespace MspLicensing.Commands
{
    public sealed partial class GetMspStoreCommand
    {
        public static CommandHelp Help => new CommandHelp
        {
            Synopsis = "Shows the store this session uses: kind, path or server and database, schema version and counts.",
            Description = "Get-MspStore opens the session's store (see Connect-MspStore) and shows its kind (LiteDB for a store file, PostgreSQL for the team store), where it is (the file's path, or the server and database of the team store, shown as postgresql://user@server:port/database and never with a password), how the session chose it (Source: Connect-MspStore, MSPLICENSING_CONNECTION, MSPLICENSING_STORE or Default), its size, schema version, whether it is encrypted, the partner account and how many customers, service plans, subscriptions, licenses and audit entries it holds, and how many changes wait for Sync-MspRemoteManager. The store is created when it does not exist yet.",
            Examples = new[]
            {
                new HelpExample("Show the current store",
                    "Get-MspStore",
                    "Shows path, source, size, schema version and counts."),
                new HelpExample("See which team store a session uses",
                    "Get-MspStore | Format-List Kind, Server, Database, SchemaVersion, Customers",
                    "For the team store: PostgreSQL, the server and database, the schema version and how many customers it holds."),
                new HelpExample("Check the size of the store in a scheduled task",
                    "$store = Get-MspStore\nif ($store.SizeBytes -gt 500MB) { \"Store $($store.Path) is large: back it up and archive.\" }",
                    "Reads the properties of the store information object."),
            },
            Outputs = "The store's information.",
            Related = new[] { "Connect-MspStore", "Backup-MspStore" },
        };
    }
}
