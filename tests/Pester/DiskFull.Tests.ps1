#Requires -Modules @{ ModuleName = 'Pester'; ModuleVersion = '5.0' }
# A full disk never loses acknowledged work: the store is copied onto a small tmpfs that is filled up, and real pwsh
# processes write to it. What a command reported as done must be in the store afterwards, and what it did not report
# must not be; the error names the store and says "Disk full". Mounting a tmpfs needs root (CI runs as root); where
# the mount is refused the tests are skipped with the reason.

BeforeAll {
    . (Join-Path $PSScriptRoot 'Acceptance.Helpers.ps1')
    $script:session = Enter-TestSession 'diskfull'
    $script:work = $script:session.Folder
    Import-Module $script:ModuleManifest -Force

    # A store with 2,000 auto-renewing subscriptions that are due: the renewal run writes over 2 MB (its log and then
    # the file, which grows by 1.1 MB), more than the most room a case leaves.
    $script:base = Join-Path $script:work 'base.db'
    Connect-MspStore -Path $script:base
    New-MspServicePlan -Name Monthly -Product WFBSS -InitialPeriodMonths 1 -AutoRenewalMonths 1 -DataCenter Germany | Out-Null
    $script:customers = 2000
    1..$script:customers | ForEach-Object {
        [pscustomobject]@{ Name = "Customer $_"; Country = 'DE'; City = 'Berlin'; ContactFirstName = 'A'; ContactLastName = 'B'; Email = "a$_@example.com" }
    } | New-MspCustomer | New-MspSubscription -ServicePlan Monthly -Seats 5 -StartDate 2026-01-10 | Out-Null
    Disconnect-MspStore

    $script:mount = Join-Path $script:work 'mnt'
    New-Item -ItemType Directory -Path $script:mount | Out-Null
    $script:mountable = $false
    $script:why = ''
    if (-not $IsLinux) { $script:why = 'a tmpfs disk-full test needs Linux' }
    else {
        # mount is also a Windows PowerShell alias: call the program by its path.
        $script:mountExe = (Get-Command -Name mount -CommandType Application | Select-Object -First 1).Source
        $out = & $script:mountExe -t tmpfs -o size=1M tmpfs $script:mount 2>&1
        if ($LASTEXITCODE -eq 0) { $script:mountable = $true; & umount $script:mount }
        else { $script:why = "mounting a tmpfs was refused (it needs root): $out" }
    }

    # Mounts a fresh tmpfs with the base store as msp.db and fills it until $FreeKB are left.
    function Initialize-FullDisk {
        param([int] $FreeKB)
        if ((& findmnt -n $script:mount) -ne $null) { & umount $script:mount }
        $sizeKB = [int]((Get-Item $script:base).Length / 1KB) + $FreeKB + 4096
        & $script:mountExe -t tmpfs -o "size=$($sizeKB)k" tmpfs $script:mount
        if ($LASTEXITCODE -ne 0) { throw "mount failed" }
        Copy-Item $script:base (Join-Path $script:mount 'msp.db')
        $avail = [long]((& df -k --output=avail $script:mount | Select-Object -Last 1).Trim())
        & dd if=/dev/zero "of=$(Join-Path $script:mount 'filler')" bs=1K "count=$($avail - $FreeKB)" status=none 2>$null
        $left = [long]((& df -k --output=avail $script:mount | Select-Object -Last 1).Trim())
        if ($left -gt $FreeKB + 64) { throw "the tmpfs still has $left KB free after filling it" }
    }

    # Runs a script in a child pwsh on the store on the tmpfs; its last output line is JSON.
    function Invoke-OnFullDisk {
        param([string] $Script)
        $file = Join-Path $script:work ("job-{0}.ps1" -f [guid]::NewGuid().ToString('N'))
        [IO.File]::WriteAllText($file, "Import-Module '$($script:ModuleManifest)'`nConnect-MspStore -Path '$($script:mount)/msp.db'`n$Script")
        $run = Invoke-ChildPwsh -ArgumentList '-File', $file -WorkingDirectory $script:work -Store (Join-Path $script:work 'env.db')
        $json = ($run.StdOut -split "`n" | Where-Object { $_.StartsWith('{') } | Select-Object -Last 1)
        [pscustomobject]@{ Run = $run; Result = if ($json) { $json | ConvertFrom-Json } }
    }

    # What the store on the tmpfs holds, read by a fresh process after the filler is gone.
    function Get-StoreCount {
        Remove-Item (Join-Path $script:mount 'filler') -ErrorAction SilentlyContinue
        (Invoke-OnFullDisk @'
$s = Get-MspStore
[pscustomobject]@{ Customers = $s.Customers; Audit = $s.AuditEntries; Renewed = @(Get-MspAuditLog -TargetType Subscription -First 100000 | Where-Object Action -eq 'Renew').Count } | ConvertTo-Json -Compress
'@).Result
    }
}

AfterAll {
    if ($script:mountable -and (& findmnt -n $script:mount) -ne $null) { & umount $script:mount }
    Exit-TestSession $script:session
}

Describe 'A full disk' {
    It 'makes the renewal run fail with a Disk full error naming the store, and stores nothing it did not report (<FreeKB> KB free)' -ForEach @(
        @{ FreeKB = 128 }, @{ FreeKB = 512 }, @{ FreeKB = 1024 }
    ) {
        if (-not $script:mountable) { Set-ItResult -Skipped -Because $script:why; return }
        Initialize-FullDisk -FreeKB $FreeKB
        $before = (Invoke-OnFullDisk "[pscustomobject]@{ Audit = (Get-MspStore).AuditEntries } | ConvertTo-Json -Compress").Result.Audit
        $job = Invoke-OnFullDisk @'
$renewed = [Collections.Generic.List[object]]::new()
$errorId = $null
try { Invoke-MspRenewal -ErrorAction Stop | ForEach-Object { $renewed.Add($_) } } catch { $errorId = $_.FullyQualifiedErrorId; $message = $_.Exception.Message }
$reported = @($renewed | Where-Object Action -eq 'Renewed' | Select-Object -ExpandProperty SubscriptionId -Unique).Count
[pscustomobject]@{ Reported = $reported; ErrorId = $errorId; Message = $message } | ConvertTo-Json -Compress
'@
        $job.Result | Should -Not -BeNullOrEmpty -Because $job.Run.StdErr
        $job.Result.ErrorId | Should -BeLike 'MspLicensing.StoreDiskFull,*'
        $job.Result.Message | Should -BeLike "Disk full: *'$($script:mount)/msp.db'*"
        # Exactly what was reported as renewed is renewed in the store, and nothing else was written.
        $after = Get-StoreCount
        $after.Renewed | Should -Be $job.Result.Reported
        if ($job.Result.Reported -eq 0) { $after.Audit | Should -Be $before }
    }

    It 'keeps every customer a bulk import reported, and none it did not, and the same process goes on once there is space' {
        if (-not $script:mountable) { Set-ItResult -Skipped -Because $script:why; return }
        # Room for a few batches of 500 and not for all six.
        Initialize-FullDisk -FreeKB 5120
        $job = Invoke-OnFullDisk @'
$created = [Collections.Generic.List[object]]::new()
1..3000 | ForEach-Object {
    [pscustomobject]@{ Name = "Bulk $_"; Country = 'DE'; City = 'Berlin'; ContactFirstName = 'A'; ContactLastName = 'B'; Email = "b$_@example.com"; Notes = ('x' * 400) }
} | New-MspCustomer -ErrorAction SilentlyContinue -ErrorVariable failed | ForEach-Object { $created.Add($_) }
$diskFull = @($failed | Where-Object { "$($_.FullyQualifiedErrorId)$($_.ErrorRecord.FullyQualifiedErrorId)" -like 'MspLicensing.StoreDiskFull,*' }).Count
Remove-Item '__MOUNT__/filler'
$later = New-MspCustomer -Name 'After the disk was freed' -Country DE -City Berlin -ContactFirstName A -ContactLastName B -Email c@example.com -ErrorAction SilentlyContinue -ErrorVariable laterError
[pscustomobject]@{ Created = $created.Count; DiskFull = $diskFull; Later = [bool]$later; LaterError = "$laterError" } | ConvertTo-Json -Compress
'@.Replace('__MOUNT__', $script:mount)
        $job.Result | Should -Not -BeNullOrEmpty -Because $job.Run.StdErr
        $job.Result.DiskFull | Should -Be 1
        $job.Result.Created | Should -BeGreaterThan 0
        $job.Result.Created | Should -BeLessThan 3000
        $job.Result.Later | Should -BeTrue -Because $job.Result.LaterError
        (Get-StoreCount).Customers | Should -Be ($script:customers + $job.Result.Created + 1)
        # A nearly full disk gets no verified stamp: the room is LiteDB's, and the next session checks the store fully.
        Join-Path $script:mount '.msp.db.verified' | Should -Not -Exist
    }

    It 'makes a backup onto it fail with Disk full and leaves no partial file' {
        if (-not $script:mountable) { Set-ItResult -Skipped -Because $script:why; return }
        Initialize-FullDisk -FreeKB 256
        $job = Invoke-OnFullDisk @'
Connect-MspStore -Path '__BASE__'
try { Backup-MspStore -Path '__MOUNT__/backup.db' -ErrorAction Stop | Out-Null; $errorId = $null } catch { $errorId = $_.FullyQualifiedErrorId }
[pscustomobject]@{ ErrorId = $errorId } | ConvertTo-Json -Compress
'@.Replace('__MOUNT__', $script:mount).Replace('__BASE__', $script:base)
        $job.Result.ErrorId | Should -BeLike 'MspLicensing.StoreDiskFull,*' -Because $job.Run.StdErr
        # Only the store and the filler: no backup and no staging file.
        Get-ChildItem -Force $script:mount | Where-Object Name -notin 'msp.db', 'filler' | Select-Object -ExpandProperty Name | Should -BeNullOrEmpty
    }
}

Describe 'A backup' {
    It 'takes over the staging file a killed backup to the same target left' {
        Connect-MspStore -Path $script:base
        $folder = Join-Path $script:work 'backups'
        New-Item -ItemType Directory -Path $folder | Out-Null
        [IO.File]::WriteAllText((Join-Path $folder '.nightly.db.partial'), 'left by a backup that was killed while it wrote')
        $file = Backup-MspStore -Path (Join-Path $folder 'nightly.db')
        Disconnect-MspStore
        @(Get-ChildItem -Force $folder).Name | Should -Be @('nightly.db')
        Connect-MspStore -Path $file.FullName
        (Get-MspStore).Customers | Should -Be $script:customers
        Disconnect-MspStore
    }
}
