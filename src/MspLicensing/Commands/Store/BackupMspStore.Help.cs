using MspLicensing.Commands.Help;

namespace MspLicensing.Commands
{
    public sealed partial class BackupMspStoreCommand
    {
        public static CommandHelp Help => new CommandHelp
        {
            Synopsis = "Writes a consistent copy of the store to a new file.",
            Description = "Backup-MspStore reads the whole store in one transaction, so the copy is consistent even while other sessions write, and writes it to a new file that opens with Connect-MspStore (with the same password, if the store is encrypted). The target must not exist: a backup never overwrites a file. The copy is built in memory and written to a hidden staging file beside the target (.<name>.partial) that becomes the target only when it is complete; when the disk is full the command fails with a Disk full error and removes the staging file, and a staging file left by a backup that was killed while writing is taken over by the next backup to the same target. A backup of the team store (PostgreSQL) is a store file too, which a single admin can open with Connect-MspStore -Path.",
            Parameters =
            {
                ["Path"] = "The new file to write. Its folder is created when needed; an existing file is refused.",
            },
            Examples = new[]
            {
                new HelpExample("Back up before month-end",
                    "Backup-MspStore -Path ./backup/msplicensing-2026-11.db",
                    "Writes the copy and returns the file."),
                new HelpExample("Back up with a date stamp and open the copy",
                    "$file = Backup-MspStore -Path (\"./backup/msp-{0:yyyyMMdd-HHmm}.db\" -f [datetime]::Now)\nConnect-MspStore -Path $file.FullName\nGet-MspStore",
                    "The copy is a complete store."),
            },
            Outputs = "The backup file.",
            Related = new[] { "Get-MspStore", "Connect-MspStore", "Copy-MspStore" },
        };
    }
}
