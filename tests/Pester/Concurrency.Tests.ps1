# Two real pwsh processes writing one store at once, as an interactive session and a scheduled task do: nothing is
# lost, and a change based on an object the other process changed meanwhile is refused in that process (optimistic
# concurrency) instead of silently overwriting.

BeforeAll {
    . (Join-Path $PSScriptRoot 'Acceptance.Helpers.ps1')
    $script:session = Enter-TestSession 'concurrency'
    $script:work = $script:session.Folder
    $script:store = Join-Path $script:work 'shared.db'
    Import-Module $script:ModuleManifest -Force
    Connect-MspStore -Path $script:store
    New-MspCustomer -Name Shared -Country US -City Austin -State TX -ContactFirstName Sam -ContactLastName Lee -Email sam@shared.example | Out-Null
    New-MspServicePlan -Name 'WF Services Monthly Rolling' -Product WFBSS -InitialPeriodMonths 12 -AutoRenewalMonths 1 -DataCenter Germany | Out-Null
    New-MspSubscription -Customer Shared -ServicePlan 'WF Services Monthly Rolling' -Seats 10 | Out-Null
    Disconnect-MspStore

    # Each writer reads the shared subscription, waits for the other at a barrier (./go), then imports 200 customers
    # through the pipeline and changes the seats from the object it read before the barrier.
    $writer = @'
param([string] $Tag, [int] $Seats, [string] $Manifest)
$ErrorActionPreference = 'Continue'
Import-Module $Manifest
$stale = Get-MspSubscription -Customer Shared
[IO.File]::WriteAllText("$PWD/ready-$Tag", '')
while (-not (Test-Path ./go)) { Start-Sleep -Milliseconds 10 }
1..200 | ForEach-Object {
    [pscustomobject]@{ Name = "$Tag Customer $_"; Country = 'US'; City = 'Austin'; State = 'TX'; ContactFirstName = 'Pat'; ContactLastName = $Tag; Email = "pat$_@$($Tag.ToLowerInvariant()).example" }
} | New-MspCustomer | ForEach-Object { "CREATED $($_.Name)" }
$stale | Set-MspSubscription -Seats $Seats -ErrorVariable refused -ErrorAction SilentlyContinue | Out-Null
if ($refused) { "SEATS-REFUSED $($refused[0].FullyQualifiedErrorId) | $($refused[0].Exception.Message)" } else { "SEATS-OK $Seats" }
'@
    [IO.File]::WriteAllText((Join-Path $script:work 'writer.ps1'), $writer)

    # Each incrementer adds one seat ten times: read, add one, write; a refused stale write is read again and retried.
    $incrementer = @'
param([string] $Tag, [string] $Manifest)
$ErrorActionPreference = 'Stop'
Import-Module $Manifest
[IO.File]::WriteAllText("$PWD/inc-ready-$Tag", '')
while (-not (Test-Path ./inc-go)) { Start-Sleep -Milliseconds 10 }
$retries = 0
for ($i = 0; $i -lt 10; $i++) {
    while ($true) {
        $subscription = Get-MspSubscription -Customer Shared
        $seats = (Get-MspLicense -Customer Shared).Seats
        try { $subscription | Set-MspSubscription -Seats ($seats + 1) | Out-Null; break }
        catch { if ($_.FullyQualifiedErrorId -notlike 'MspLicensing.StaleObject,*') { throw }; $retries++ }
    }
}
"INCREMENTED 10 RETRIES $retries"
'@
    [IO.File]::WriteAllText((Join-Path $script:work 'incrementer.ps1'), $incrementer)

    function Start-Pair {
        param([string] $Script, [object[]] $ArgumentsA, [object[]] $ArgumentsB, [string] $ReadyPrefix, [string] $Go)
        $a = Invoke-ChildPwsh -NoWait -ArgumentList (@('-File', $Script) + $ArgumentsA) -WorkingDirectory $script:work -Store $script:store
        $b = Invoke-ChildPwsh -NoWait -ArgumentList (@('-File', $Script) + $ArgumentsB) -WorkingDirectory $script:work -Store $script:store
        $deadline = [datetime]::UtcNow.AddSeconds(120)
        while (-not ((Test-Path (Join-Path $script:work "$ReadyPrefix-A")) -and (Test-Path (Join-Path $script:work "$ReadyPrefix-B")))) {
            if ([datetime]::UtcNow -gt $deadline -or $a.Process.HasExited -or $b.Process.HasExited) { break }
            Start-Sleep -Milliseconds 20
        }
        [IO.File]::WriteAllText((Join-Path $script:work $Go), '')
        @((Wait-ChildPwsh $a), (Wait-ChildPwsh $b))
    }
}

AfterAll {
    Exit-TestSession $script:session
}

Describe 'Two processes importing customers and changing the same subscription at once' {
    BeforeAll {
        $script:runs = Start-Pair -Script './writer.ps1' -ArgumentsA 'A', 31, $script:ModuleManifest -ArgumentsB 'B', 32, $script:ModuleManifest -ReadyPrefix 'ready' -Go 'go'
        $script:seatLines = @($script:runs | ForEach-Object { ($_.StdOut -split "`r?`n") -match '^SEATS-' })
        Connect-MspStore -Path $script:store
    }

    It 'both processes end with exit code 0 and nothing on the error stream' {
        foreach ($run in $script:runs) {
            $run.ExitCode | Should -Be 0 -Because $run.StdErr
            $run.StdErr | Should -BeNullOrEmpty
        }
    }

    It 'each process created its 200 customers' {
        foreach ($run in $script:runs) {
            @(($run.StdOut -split "`r?`n") -match '^CREATED ').Count | Should -Be 200
        }
    }

    It 'the store holds every customer of both processes' {
        $customers = @(Get-MspCustomer)
        $customers.Count | Should -Be 401
        foreach ($tag in 'A', 'B') {
            @($customers | Where-Object Name -Like "$tag Customer *").Count | Should -Be 200
        }
        (Get-MspStore).Customers | Should -Be 401
    }

    It 'no customer was overwritten by the other process' {
        foreach ($tag in 'A', 'B') {
            foreach ($n in 1, 77, 200) {
                $customer = Get-MspCustomer -Name "$tag Customer $n"
                $customer.ContactLastName | Should -Be $tag
                $customer.Email | Should -Be "pat$n@$($tag.ToLowerInvariant()).example"
            }
        }
        (Get-MspCustomer -Name Shared).Email | Should -Be 'sam@shared.example'
    }

    It 'one stale seat change landed and the other was refused as an error in its process' {
        $script:seatLines.Count | Should -Be 2
        @($script:seatLines -like 'SEATS-OK *').Count | Should -Be 1
        $refused = @($script:seatLines -like 'SEATS-REFUSED *')
        $refused.Count | Should -Be 1
        $refused[0] | Should -BeLike 'SEATS-REFUSED MspLicensing.StaleObject,*'
        $refused[0] | Should -Match 'changed by someone else.*nothing was written'
    }

    It 'the seats are those of the change that landed, and only that change is in the audit log' {
        $landed = [int] (@($script:seatLines -like 'SEATS-OK *')[0] -replace 'SEATS-OK ')
        (Get-MspLicense -Customer Shared).Seats | Should -Be $landed
        $changes = @(Get-MspAuditLog | Where-Object Command -EQ 'Set-MspSubscription')
        $changes.Count | Should -Be 1
        $changes[0].Summary | Should -Match "10 -> $landed"
    }
}

Describe 'Two processes raising the seats of one subscription at once' {
    BeforeAll {
        Connect-MspStore -Path $script:store
        $script:startSeats = (Get-MspLicense -Customer Shared).Seats
        $script:startChanges = @(Get-MspAuditLog | Where-Object Command -EQ 'Set-MspSubscription').Count
        Disconnect-MspStore
        $script:incRuns = Start-Pair -Script './incrementer.ps1' -ArgumentsA 'A', $script:ModuleManifest -ArgumentsB 'B', $script:ModuleManifest -ReadyPrefix 'inc-ready' -Go 'inc-go'
        Connect-MspStore -Path $script:store
    }

    It 'both processes finish their ten increments, retrying the refused ones' {
        foreach ($run in $script:incRuns) {
            $run.ExitCode | Should -Be 0 -Because $run.StdErr
            $run.StdOut | Should -Match 'INCREMENTED 10 RETRIES \d+'
        }
    }

    It 'loses no increment: the seats rose by twenty' {
        (Get-MspLicense -Customer Shared).Seats | Should -Be ($script:startSeats + 20)
    }

    It 'records every landed change in the audit log' {
        @(Get-MspAuditLog | Where-Object Command -EQ 'Set-MspSubscription').Count | Should -Be ($script:startChanges + 20)
    }
}
