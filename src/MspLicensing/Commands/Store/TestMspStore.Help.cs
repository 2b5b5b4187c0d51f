using System.Linq;
using MspLicensing.Commands.Help;

namespace MspLicensing.Commands
{
    public sealed partial class TestMspStoreCommand
    {
        public static CommandHelp Help => new CommandHelp
        {
            Synopsis = "Checks a store file completely without changing it, and reports whether it is healthy and what is damaged.",
            Description = "Test-MspStore reads the whole store: every page (its header and slot table), every document (its blocks, and its bytes as LiteDB decodes them, then mapped to its customer, plan, subscription, license or other object; a customer, plan or template must be kept under the name key and external id keys its fields make, or it would not be found by its name: one renamed in the file by another program is reported; a license must sit in a subscription that is in the store and belongs to the license's customer), every index node and every index from end to end (it must list each document of its collection once), the schema record and the partner account. It returns a report with Healthy ($true when nothing is wrong) and Problems (one sentence each). Then it checks every customer's usage ledger, which a month's report reads, against what the customer's licenses and subscriptions bill, and names the customers and months where one bills otherwise; Repair-MspStore rewrites those (such a ledger does not make Connect-MspStore refuse the store, whose file is whole). It only reads: it never creates, upgrades or repairs a store, and the file is left byte for byte as it was. A healthy store gets the verified stamp beside it (.<file name>.verified, see Connect-MspStore), so the next session need not check it again; a damaged one loses it. Without -Path it checks the session's store (see Connect-MspStore). A damaged store is also refused by Connect-MspStore and by every command with a StoreDamaged error; restore the latest copy made with Backup-MspStore, check the copy with Test-MspStore, and connect to it. Checking takes a second or two for 10,000 customers, longer as the audit log and the seat histories grow (about 24 s for 10,000 customers after a year of seat changes, 5 s of it the ledgers). It checks a copy of the file and its log, which it makes beside the store (hidden files named .<file name>.<random>.check, the owner's alone, encrypted as the store is) and deletes when done (a later check deletes one that a killed check left behind, once it is a day old): commands of other sessions on the store wait only while the copy is made (about a second for a few hundred megabytes) and go on while the copy is checked; the stamp is then written only when nothing changed the store since the copy was made. When the disk has no room for the copy (the store's size and 64 MB more) or the folder takes no new file, it checks the store itself, and commands of other sessions wait meanwhile (up to their Connect-MspStore -Timeout, 30 s by default, then StoreBusy): check such a store when it is quiet, for example before the nightly backup. For the team store in PostgreSQL (without -Path), whose pages and indexes the database server keeps, it reads and maps every document and the schema record and reports any that does not map, looks up every customer by its name and each of its external ids and every service plan and template by its name as the commands do, and reports one that is not found so (a row another program changed without its keys) and a license that sits in a subscription of another customer or in none, and checks the usage ledgers.",
            Parameters =
            {
                ["Path"] = "The store file to check. Without it, the session's store. Binds from the FullName of files, so Get-ChildItem *.db | Test-MspStore checks several.",
                ["Password"] = "The password of an encrypted store, as a SecureString. Without -Path, the password the session connected with.",
                ["Quiet"] = "Returns only $true (healthy) or $false (damaged) instead of the report.",
            },
            Examples = new[]
            {
                new HelpExample("Check the session's store",
                    "Test-MspStore",
                    "Shows Healthy, the counts of documents and problems, and the path."),
                new HelpExample("Check a backup before restoring it",
                    "Backup-MspStore -Path ./backup/copy.db | Out-Null\nif (Test-MspStore -Path ./backup/copy.db -Quiet) { Connect-MspStore -Path ./backup/copy.db }",
                    "Connects to the copy only when it is healthy."),
                new HelpExample("List what is wrong",
                    "(Test-MspStore).Problems",
                    "Each problem in one line, e.g. which page or collection is damaged; nothing for a healthy store."),
            },
            Inputs = "Files (their FullName), to check each.",
            Outputs = "A report (Path, Healthy, Problems, SchemaVersion, Encrypted, Pages, Documents) for each store, or with -Quiet $true or $false.",
            Related = new[] { "Connect-MspStore", "Backup-MspStore", "Get-MspStore", "Repair-MspStore" },
        };
    }
}
