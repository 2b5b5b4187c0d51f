#Requires -Modules @{ ModuleName = 'Pester'; ModuleVersion = '5.0' }
# A hung holder does not hang everyone: a renewal run is stopped with SIGSTOP while it uses the store, and a command
# in another process waits at most its timeout, says that it waits, and fails with StoreBusy having changed nothing.
# After SIGCONT the renewal finishes whole. Linux and macOS only (SIGSTOP).

BeforeAll {
    . (Join-Path $PSScriptRoot 'Acceptance.Helpers.ps1')
    $script:session = Enter-TestSession 'busy'
    $script:work = $script:session.Folder
    $script:store = Join-Path $script:work 'msp.db'
    if (-not $IsWindows) {
        Import-Module $script:ModuleManifest -Force
        Connect-MspStore -Path $script:store
        New-MspServicePlan -Name Monthly -Product WFBSS -InitialPeriodMonths 1 -AutoRenewalMonths 1 -DataCenter Germany | Out-Null
        1..3000 | ForEach-Object {
            [pscustomobject]@{ Name = "Customer $_"; Country = 'DE'; City = 'Berlin'; ContactFirstName = 'A'; ContactLastName = 'B'; Email = "a$_@example.com" }
        } | New-MspCustomer | New-MspSubscription -ServicePlan Monthly -Seats 5 -StartDate 2026-01-10 | Out-Null
        Disconnect-MspStore

        $holderScript = Join-Path $script:work 'holder.ps1'
        [IO.File]::WriteAllText($holderScript, "Import-Module '$($script:ModuleManifest)'`nConnect-MspStore -Path '$($script:store)'`nGet-MspAccount | Out-Null`n[Console]::Out.WriteLine('ready'); [Console]::Out.Flush()`n'renewed ' + @(Invoke-MspRenewal -ErrorAction Stop).Count")
        $waiterScript = Join-Path $script:work 'waiter.ps1'
        # Each attempt's waiter tries its own account name: an attempt that found the store free made its change, and
        # only the change of the attempt that found it busy must be missing.
        [IO.File]::WriteAllText($waiterScript, @"
param([string] `$Name)
Import-Module '$($script:ModuleManifest)'
`$watch = [Diagnostics.Stopwatch]::StartNew()
try {
    Connect-MspStore -Path '$($script:store)' -Timeout 3 -Verbose -ErrorAction Stop 4>&1 | ForEach-Object { 'VERBOSE ' + `$_.Message }
    Set-MspAccount -Name `$Name -Verbose -ErrorAction Stop 4>&1 | ForEach-Object { 'VERBOSE ' + `$_.Message }
    'RESULT ok'
} catch { 'RESULT ' + `$_.FullyQualifiedErrorId; 'MESSAGE ' + `$_.Exception.Message }
'ELAPSED ' + `$watch.ElapsedMilliseconds
"@)

        # Stop the renewal while it holds the store: it says when it starts, and its run is store work from there on;
        # should a stop fall between two of its transactions, let it run a little and stop it again.
        $start = [Diagnostics.ProcessStartInfo]::new('dotnet')
        foreach ($argument in @($script:PwshDll, '-NoProfile', '-NonInteractive', '-File', $holderScript)) { $start.ArgumentList.Add($argument) }
        $start.WorkingDirectory = $script:work
        $start.UseShellExecute = $false
        $start.RedirectStandardOutput = $true
        $start.Environment['MSPLICENSING_STORE'] = Join-Path $script:work 'env.db'
        $start.Environment['PSModulePath'] = Join-Path $PSHOME 'Modules'
        $process = [Diagnostics.Process]::Start($start)
        while (($line = $process.StandardOutput.ReadLine()) -ne $null -and $line -ne 'ready') { }
        $rest = $process.StandardOutput.ReadToEndAsync()
        $script:busy = $null
        # kill is also a Windows PowerShell alias: call the program by its path.
        $kill = (Get-Command -Name kill -CommandType Application | Select-Object -First 1).Source
        Start-Sleep -Milliseconds 150
        for ($attempt = 0; $attempt -lt 20 -and -not $process.HasExited -and -not $script:busy; $attempt++) {
            & $kill -STOP $process.Id
            $name = "Changed while waiting $attempt"
            $run = Invoke-ChildPwsh -ArgumentList '-File', $waiterScript, $name -WorkingDirectory $script:work -Store (Join-Path $script:work 'env.db')
            if ($run.StdOut -match 'RESULT MspLicensing.StoreBusy') { $script:busy = $run; $script:busyName = $name }
            & $kill -CONT $process.Id
            if (-not $script:busy) { Start-Sleep -Milliseconds 50 }
        }
        $process.WaitForExit(120000) | Out-Null
        $script:holder = [pscustomobject]@{ ExitCode = $process.ExitCode; StdOut = $rest.GetAwaiter().GetResult(); StdErr = '' }
    }
}

AfterAll {
    Exit-TestSession $script:session
}

Describe 'A command while a stopped process holds the store' -Skip:$IsWindows {
    It 'finds the store held at some moment of the renewal run' {
        $script:busy | Should -Not -BeNullOrEmpty -Because 'a renewal of 3,000 subscriptions holds the store for most of its run'
    }

    It 'waits at most its timeout and fails with StoreBusy' {
        $elapsed = [int]($script:busy.StdOut -split "`n" | Where-Object { $_ -like 'ELAPSED *' } | ForEach-Object { $_.Substring(8) })
        $elapsed | Should -BeGreaterOrEqual 3000
        $elapsed | Should -BeLessThan 8000
        $script:busy.StdOut | Should -Match "MESSAGE The store '.*msp\.db' stayed in use by another command for 3 s"
    }

    It 'says that it waits while it waits' {
        $script:busy.StdOut | Should -Match "VERBOSE Waiting for the store '.*msp\.db': another command is using it"
    }

    It 'changed nothing, and the renewal finished whole after SIGCONT' {
        $script:holder.ExitCode | Should -Be 0 -Because $script:holder.StdErr
        $script:holder.StdOut | Should -Match 'renewed \d+'
        Connect-MspStore -Path $script:store
        (Get-MspAccount).Name | Should -Not -Be $script:busyName
        @(Get-MspAuditLog -TargetType Account -First 100000 | Where-Object Summary -like "*-> '$script:busyName'*").Count | Should -Be 0
        @(Get-MspAuditLog -TargetType Subscription -First 100000 | Where-Object Action -eq 'Renew').Count | Should -Be 3000
        Disconnect-MspStore
    }
}
