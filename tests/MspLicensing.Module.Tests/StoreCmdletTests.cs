using System;
using System.IO;
using System.Linq;
using System.Management.Automation;
using MspLicensing.Module.Tests.Hosting;
using MspLicensing.Store;
using Xunit;

namespace MspLicensing.Module.Tests
{
    public class StoreCmdletTests
    {
        [Fact]
        public void Connect_MspStore_creates_a_store_and_Get_MspStore_describes_it()
        {
            using var s = new ModuleSession(connect: false);
            var info = s.Ok("Connect-MspStore -Path ./sub/msp.db -PassThru").Objects<StoreInfo>().Single();
            Assert.Equal(Path.Combine(s.Directory, "sub", "msp.db"), info.Path);
            Assert.Equal("Connect-MspStore", info.Source);
            Assert.Equal(Schema.Current, info.SchemaVersion);
            s.NewCustomer("Contoso");
            var again = s.Ok("Get-MspStore").Objects<StoreInfo>().Single();
            Assert.Equal(1, again.Customers);
            Assert.Equal(1, again.AuditEntries);
            Assert.Equal(AccountType.LicensingManagementPlatform, again.AccountType);
            Assert.Matches(@"Kind\s+Source\s+Customers\s+PendingSync\s+Path", s.Ok("Get-MspStore | Out-Default").Text);
            Assert.Matches(@"LiteDB\s+Connect-MspStore\s+1\s+\d+\s+\S*msp\.db", s.Ok("Get-MspStore | Out-Default").Text);
        }

        [Theory]
        [InlineData("empty", "")]
        [InlineData("text", "this is not a database\n")]
        public void Connecting_to_a_file_that_is_not_a_store_stops_with_an_error_naming_it_and_leaves_it_untouched(string kind, string content)
        {
            using var s = new ModuleSession();
            s.NewCustomer("Contoso");
            string path = Path.Combine(s.Directory, kind + ".db");
            File.WriteAllText(path, content);
            var r = s.Run($"Connect-MspStore -Path '{path}'; 'still running'");
            var error = Assert.Single(r.Errors);
            Assert.Equal("MspLicensing.StoreInvalid,MspLicensing.Commands.ConnectMspStoreCommand", error.FullyQualifiedErrorId);
            Assert.Equal(ErrorCategory.InvalidData, error.CategoryInfo.Category);
            Assert.Contains(path, error.Exception.Message);
            Assert.Equal(content, File.ReadAllText(path));
            // The session stays on its store.
            Assert.Equal("Contoso", s.Ok("Get-MspCustomer").Objects<Customer>().Single().Name);
        }

        [Fact]
        public void A_garbage_default_store_is_a_terminating_error_for_every_command()
        {
            using var s = new ModuleSession(connect: false);
            string path = Path.Combine(s.Directory, "garbage.db");
            File.WriteAllBytes(path, new byte[100]);
            s.Ok($"Connect-MspStore -Path '{Path.Combine(s.Directory, "good.db")}'");
            File.Copy(path, Path.Combine(s.Directory, "good.db"), overwrite: true);
            var r = s.Run("Get-MspCustomer");
            Assert.Contains("good.db", r.ErrorText);
            // Terminating: try/catch catches it without -ErrorAction Stop, and the statement after it does not run.
            foreach (var command in new[] { "Get-MspCustomer", "Get-MspAccount", "New-MspCustomer -Name X -Country US -City Y -ContactFirstName A -ContactLastName B -Email a@b.com", "Get-MspStore" })
            {
                var caught = s.Run($"try {{ {command}; 'after' }} catch {{ 'caught ' + $_.FullyQualifiedErrorId }}");
                Assert.Equal("caught MspLicensing.StoreInvalid," , caught.Output.Single().ToString().Substring(0, "caught MspLicensing.StoreInvalid,".Length));
            }
            Assert.Equal(100, new FileInfo(Path.Combine(s.Directory, "good.db")).Length);
        }

        [Fact]
        public void Encrypted_store_opens_only_with_its_password()
        {
            using var s = new ModuleSession(connect: false);
            s.Ok("$pw = [System.Net.NetworkCredential]::new('', 'S3cure-Passw0rd').SecurePassword; Connect-MspStore -Path ./secure.db -Password $pw");
            s.NewCustomer("Contoso");
            Assert.True(s.Ok("Get-MspStore").Objects<StoreInfo>().Single().Encrypted);
            var before = File.ReadAllBytes(Path.Combine(s.Directory, "secure.db"));

            var missing = s.Run("Connect-MspStore -Path ./secure.db");
            Assert.Equal("MspLicensing.StorePasswordRequired,MspLicensing.Commands.ConnectMspStoreCommand", missing.Errors.Single().FullyQualifiedErrorId);
            var wrong = s.Run("Connect-MspStore -Path ./secure.db -Password ([System.Net.NetworkCredential]::new('', 'wrong').SecurePassword)");
            Assert.Equal("MspLicensing.StoreWrongPassword,MspLicensing.Commands.ConnectMspStoreCommand", wrong.Errors.Single().FullyQualifiedErrorId);
            Assert.Equal(before, File.ReadAllBytes(Path.Combine(s.Directory, "secure.db")));
            Assert.Equal("Contoso", s.Ok("Get-MspCustomer").Objects<Customer>().Single().Name);
        }

        [Fact]
        public void Runspaces_of_one_process_keep_their_own_store()
        {
            using var a = new ModuleSession();
            using var b = new ModuleSession();
            a.NewCustomer("Only in A");
            Assert.Empty(b.Ok("Get-MspCustomer").Output);
            Assert.NotEqual(a.Ok("(Get-MspStore).Path").Output.Single().ToString(), b.Ok("(Get-MspStore).Path").Output.Single().ToString());
        }

        [Fact]
        public void Default_store_is_in_the_per_user_data_folder()
        {
            string expected = OperatingSystem.IsWindows()
                ? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData), "MspLicensing", "msplicensing.db")
                : Path.Combine(Environment.GetEnvironmentVariable("XDG_DATA_HOME") is string x && x.Length > 0
                    ? x
                    : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".local", "share"), "MspLicensing", "msplicensing.db");
            Assert.Equal(expected, MspLicensing.Commands.StoreConnection.DefaultPath());
        }

        [Fact]
        public void Backup_MspStore_writes_a_copy_that_opens_and_never_overwrites()
        {
            using var s = new ModuleSession();
            s.NewCustomer("Contoso");
            Assert.Empty(s.Ok("Backup-MspStore ./backups/one.db -WhatIf").Output);
            Assert.False(File.Exists(Path.Combine(s.Directory, "backups", "one.db")));
            var file = s.Ok("Backup-MspStore ./backups/one.db").Objects<FileInfo>().Single();
            Assert.True(file.Exists);
            var r = s.Run("Backup-MspStore ./backups/one.db");
            Assert.Equal("MspLicensing.BackupTargetExists,MspLicensing.Commands.BackupMspStoreCommand", r.Errors.Single().FullyQualifiedErrorId);
            s.Ok("Connect-MspStore ./backups/one.db");
            Assert.Equal("Contoso", s.Ok("Get-MspCustomer").Objects<Customer>().Single().Name);
        }

        [Fact]
        public void Get_MspAuditLog_lists_changes_newest_first_with_who_what_and_before_after()
        {
            using var s = new ModuleSession();
            s.NewCustomer("Contoso");
            s.NewCustomer("Fabrikam");
            s.Ok("Set-MspCustomer Contoso -City Redmond");
            var entries = s.Ok("Get-MspAuditLog").Objects<AuditEntry>().ToList();
            Assert.Equal(3, entries.Count);
            Assert.Equal("Set-MspCustomer", entries[0].Command);
            Assert.Equal("Update", entries[0].Action);
            Assert.Equal(Environment.UserName, entries[0].User);
            Assert.Equal("City: 'Seattle' -> 'Redmond'", entries[0].Summary);
            Assert.True(entries[0].Time <= DateTime.Now && entries[0].Time > DateTime.Now.AddMinutes(-5));
            Assert.Equal(2, s.Ok("Get-MspCustomer Contoso | Get-MspAuditLog").Output.Count);
            Assert.Single(s.Ok("Get-MspAuditLog -First 1").Output);
            Assert.Equal(2, s.Ok("Get-MspAuditLog -Command New-*").Output.Count);
            Assert.Empty(s.Ok("Get-MspAuditLog -After ([datetime]::Now.AddMinutes(5))").Output);
            Assert.Matches(@"Time\s+Target\s+Summary", s.Ok("Get-MspAuditLog | Out-Default").Text);
        }
    }

    [Collection(ProcessEnvironment.Name)]
    public class StoreEnvironmentTests
    {
        [Fact]
        public void Disconnect_MspStore_returns_to_the_store_of_MSPLICENSING_STORE()
        {
            using var s = new ModuleSession();
            string envStore = Path.Combine(s.Directory, "from-env.db");
            var info = s.Ok($"$env:MSPLICENSING_STORE = '{envStore}'; try {{ Disconnect-MspStore; Get-MspStore }} finally {{ $env:MSPLICENSING_STORE = $null }}")
                .Objects<StoreInfo>().Single();
            Assert.Equal(envStore, info.Path);
            Assert.Equal("MSPLICENSING_STORE", info.Source);
            Assert.Null(s.Ok("$global:MspLicensingStoreConnection").Output.SingleOrDefault()?.BaseObject);
        }
    }
}
