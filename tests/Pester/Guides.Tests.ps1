# Every guide in docs/guides run as a scheduled task runs it: all powershell blocks of a guide, in order, written
# into one .ps1 in a temp folder and run by a child `pwsh -NoProfile -NonInteractive -File`. The guides are not
# changed here; the test makes their errors visible even where a script would not turn them into an exit code.

BeforeDiscovery {
    $script:guides = @(Get-ChildItem -Path (Join-Path $PSScriptRoot '../../docs/guides') -Filter *.md |
        ForEach-Object { @{ Name = $_.BaseName; Path = $_.FullName } })
}

BeforeAll {
    . (Join-Path $PSScriptRoot 'Acceptance.Helpers.ps1')
    $script:session = Enter-TestSession 'guides'
    $script:work = $script:session.Folder
    Import-Module $script:ModuleManifest -Force

    function New-GuideScript {
        param([string] $Path, [string] $Folder)
        New-Item -ItemType Directory -Path $Folder -Force | Out-Null
        $blocks = @(Get-MarkdownPowerShellBlock -Path $Path | ForEach-Object { ConvertTo-ScriptWithManifestPath $_ })
        $script = Join-Path $Folder 'guide.ps1'
        [IO.File]::WriteAllText($script, ($blocks -join "`n"))
        $script
    }
}

AfterAll {
    Exit-TestSession $script:session
}

Describe 'Guide <Name>' -ForEach $script:guides {
    BeforeAll {
        $folder = Join-Path $script:work $Name
        $script:guideScript = New-GuideScript -Path $Path -Folder (Join-Path $folder 'as-written')
        $script:asWritten = Invoke-ChildPwsh -ArgumentList '-File', $script:guideScript `
            -WorkingDirectory (Split-Path $script:guideScript) -Store (Join-Path $folder 'env.db')
        [IO.File]::WriteAllText((Join-Path $folder 'stdout.txt'), $script:asWritten.StdOut)

        # The same script with ErrorActionPreference Stop: any error, also a non-terminating one, ends it non-zero.
        $strictScript = New-GuideScript -Path $Path -Folder (Join-Path $folder 'strict')
        $script:strict = Invoke-ChildPwsh -ArgumentList '-Command', "& { `$ErrorActionPreference = 'Stop'; . ./guide.ps1 }" `
            -WorkingDirectory (Split-Path $strictScript) -Store (Join-Path $folder 'env.db')
    }

    It 'has powershell blocks to run' {
        (Get-Content -Raw $script:guideScript) | Should -Not -BeNullOrEmpty
    }

    It 'runs as a scheduled task with exit code 0' {
        $script:asWritten.ExitCode | Should -Be 0 -Because $script:asWritten.StdErr
    }

    It 'writes nothing to the error stream' {
        $script:asWritten.StdErr | Should -BeNullOrEmpty
    }

    It 'still ends with exit code 0 when every error stops it' {
        $script:strict.ExitCode | Should -Be 0 -Because ($script:strict.StdErr + $script:strict.StdOut)
        $script:strict.StdErr | Should -BeNullOrEmpty
    }
}

Describe 'The scheduled-tasks guide keeps its promises' {
    BeforeAll {
        $script:folder = Join-Path $script:work 'scheduled-tasks/as-written'
        $script:month = (Get-Date).AddMonths(-1).ToString('yyyy-MM', [cultureinfo]::InvariantCulture)
        Connect-MspStore -Path (Join-Path $script:folder 'msp.db')
    }

    It 'keeps everything in the store the script connects to, ./msp.db' {
        Join-Path $script:folder 'msp.db' | Should -Exist
        Join-Path $script:work 'scheduled-tasks/env.db' | Should -Not -Exist
    }

    It 'onboards Contoso from the PSA export with its ConnectWise Manage id and a 10-seat WFBSS license' {
        Join-Path $script:folder 'new-customers.csv' | Should -Exist
        $license = Get-MspCustomer -ExternalId @{ ConnectWiseManage = '4711' } | Get-MspLicense
        @($license).Count | Should -Be 1
        $license.Customer | Should -Be 'Contoso'
        $license.Product | Should -Be 'WFBSS'
        $license.Seats | Should -Be 10
        $license.DataCenter | Should -Be 'Germany'
        $license.ActivationCode | Should -Match '^WF-[A-Z0-9]{4}(-[A-Z0-9]{5}){5}$'
    }

    It 'prints how many renewal actions and synchronized changes the nightly job made' {
        [IO.File]::ReadAllText((Join-Path $script:work 'scheduled-tasks/stdout.txt')) | Should -Match '\d+ renewal actions, \d+ changes synchronized'
    }

    It 'records the used count from the RMM export, which Remote Manager shows beside the seats' {
        (Get-MspLicense -Customer Contoso).Used | Should -Be 9
        $managed = Get-MspManagedProduct -Customer Contoso
        $managed.Used | Should -Be 9
        $managed.Seats | Should -Be 10
        $managed.Status | Should -Be 'Normal'
    }

    It "submits last month's usage report and exports its lines per customer to ./usage-yyyy-MM.csv" {
        $submitted = @(Get-MspAuditLog -TargetType UsageReport | Where-Object { $_.TargetId -eq $script:month -and $_.Action -eq 'Submitted' })
        $submitted.Count | Should -Be 1
        $csv = Join-Path $script:folder "usage-$($script:month).csv"
        $csv | Should -Exist
        (Get-Content $csv -TotalCount 1) | Should -Match '^"?Month"?,"?CustomerId"?,"?Customer"?'
        # Contoso was onboarded this month, so last month bills nothing.
        @(Import-Csv $csv).Count | Should -Be 0
    }

    It 'runs the nightly job a second time in the same night without changing anything' {
        Disconnect-MspStore
        $nightly = (Get-MarkdownPowerShellBlock -Path (Join-Path $script:RepoRoot 'docs/guides/scheduled-tasks.md') -Under '## The nightly job') -join "`n"
        $again = Join-Path $script:folder 'nightly-again.ps1'
        [IO.File]::WriteAllText($again, "`$ErrorActionPreference = 'Stop'`nImport-Module '$($script:ModuleManifest)'`nConnect-MspStore -Path ./msp.db`n$nightly")
        $run = Invoke-ChildPwsh -ArgumentList '-File', $again -WorkingDirectory $script:folder -Store (Join-Path $script:folder 'env.db')
        $run.ExitCode | Should -Be 0 -Because $run.StdErr
        $run.StdOut | Should -Match '0 renewal actions, 0 changes synchronized'
    }
}

Describe 'The month-end job of the scheduled-tasks guide' {
    # The "## Month end" block as its own task script, against a store with a customer billed last month.
    BeforeAll {
        $script:folder = Join-Path $script:work 'scheduled-month-end'
        New-Item -ItemType Directory -Path $script:folder | Out-Null
        $script:month = (Get-Date).AddMonths(-1).ToString('yyyy-MM', [cultureinfo]::InvariantCulture)
        $monthStart = [datetime]::ParseExact("$($script:month)-01", 'yyyy-MM-dd', [cultureinfo]::InvariantCulture)
        Connect-MspStore -Path (Join-Path $script:folder 'msp.db')
        New-MspServicePlan -Name 'WF Services Monthly Rolling' -Product WFBSS -InitialPeriodMonths 12 -AutoRenewalMonths 1 -DataCenter Germany | Out-Null
        New-MspCustomer -Name Contoso -Country US -City Seattle -ContactFirstName Ann -ContactLastName Lee -Email ann@contoso.com | Out-Null
        New-MspSubscription -Customer Contoso -ServicePlan 'WF Services Monthly Rolling' -Seats 20 -StartDate $monthStart.AddMonths(-1) | Out-Null
        Get-MspLicense -Customer Contoso | Set-MspLicense -Used 7 -Date $monthStart.AddDays(4)
        Disconnect-MspStore

        $block = (Get-MarkdownPowerShellBlock -Path (Join-Path $script:RepoRoot 'docs/guides/scheduled-tasks.md') -Under '## Month end') -join "`n"
        $script:job = Join-Path $script:folder 'month-end.ps1'
        # Run under a culture with another calendar and date order: the month must still be last month's ISO name.
        [IO.File]::WriteAllText($script:job, "[cultureinfo]::CurrentCulture = 'th-TH'`nImport-Module '$($script:ModuleManifest)'`nConnect-MspStore -Path ./msp.db`n$block")
        $script:csv = Join-Path $script:folder "usage-$($script:month).csv"
        $script:first = Invoke-ChildPwsh -ArgumentList '-File', $script:job -WorkingDirectory $script:folder -Store (Join-Path $script:folder 'env.db')
        $script:firstCsv = if (Test-Path $script:csv) { [IO.File]::ReadAllText($script:csv) }
        $script:second = Invoke-ChildPwsh -ArgumentList '-File', $script:job -WorkingDirectory $script:folder -Store (Join-Path $script:folder 'env.db')
        Connect-MspStore -Path (Join-Path $script:folder 'msp.db')
    }

    AfterAll {
        Disconnect-MspStore
    }

    It 'submits last month and exports its lines, under a Thai culture too' {
        $script:first.ExitCode | Should -Be 0 -Because $script:first.StdErr
        $script:first.StdErr | Should -BeNullOrEmpty
        (Get-MspUsageReport -Month $script:month).Status | Should -Be 'Submitted'
        $rows = @(Import-Csv $script:csv)
        $rows.Count | Should -Be 1
        $rows[0].Month | Should -Be $script:month
        $rows[0].Customer | Should -Be 'Contoso'
        $rows[0].Provisioned | Should -Be '20'
        $rows[0].Used | Should -Be '7'
        $rows[0].Chargeable | Should -Be '20'
        $rows[0].Status | Should -Be 'Submitted'
    }

    It 'changes nothing when it runs a second time' {
        $script:second.ExitCode | Should -Be 0 -Because $script:second.StdErr
        $script:second.StdErr | Should -BeNullOrEmpty
        $script:second.StdOut | Should -Match "The $($script:month) report is already Submitted"
        [IO.File]::ReadAllText($script:csv) | Should -BeExactly $script:firstCsv
        @(Get-MspAuditLog -TargetType UsageReport | Where-Object Action -eq 'Submitted').Count | Should -Be 1
    }

    It 'stops at the first error with exit code 1 and writes no export' {
        $folder = Join-Path $script:folder 'refused'
        New-Item -ItemType Directory -Path $folder | Out-Null
        Copy-Item $script:job $folder
        Connect-MspStore -Path (Join-Path $folder 'msp.db')
        Set-MspAccount -AccountType CustomerLicensingPortal -Confirm:$false | Out-Null
        Disconnect-MspStore
        $run = Invoke-ChildPwsh -ArgumentList '-File', (Join-Path $folder 'month-end.ps1') -WorkingDirectory $folder -Store (Join-Path $folder 'env.db')
        Connect-MspStore -Path (Join-Path $script:folder 'msp.db')
        $run.ExitCode | Should -Be 1
        $run.StdErr | Should -Match 'Usage reports'
        Join-Path $folder "usage-$($script:month).csv" | Should -Not -Exist
    }
}

Describe 'The month-end guide keeps its promises' {
    BeforeAll {
        $script:folder = Join-Path $script:work 'month-end/as-written'
        $script:month = (Get-Date).AddMonths(-1).ToString('yyyy-MM', [cultureinfo]::InvariantCulture)
        Connect-MspStore -Path (Join-Path $script:folder 'msp.db')
    }

    AfterAll {
        Disconnect-MspStore
    }

    It 'hands the billing team the one line that did not match: Contoso, 5 seats not billed' {
        $rows = @(Import-Csv (Join-Path $script:folder "mismatches-$($script:month).csv"))
        $rows.Count | Should -Be 1
        $rows[0].Customer | Should -Be 'Contoso'
        $rows[0].Status | Should -Be 'UnderBilled'
        $rows[0].Difference | Should -Be '5'
        $rows[0].MatchedBy | Should -Be 'ExternalId'
        $rows[0].PsaRows | Should -Be '1, 2'
    }

    It 'submits the month once every line matches, and still compares it with the frozen figures' {
        (Get-MspUsageReport -Month $script:month).Status | Should -Be 'Submitted'
        $csv = Join-Path $script:folder 'cw-additions.csv'
        $map = @{ 'WF Services Seat' = 'WFBSS'; 'Onsite Labour' = '' }
        $lines = @(Import-Csv $csv | Compare-MspUsage -Month $script:month -Psa ConnectWiseManage -ExternalIdColumn CompanyId -CustomerColumn Company -ProductColumn Addition -QuantityColumn Qty -ProductMap $map)
        $lines.Count | Should -Be 2
        $lines.Status | Should -Be @('Match', 'Match')
        $lines.ReportStatus | Should -Be @('Submitted', 'Submitted')
    }

    It 'reports a bad row of an Import-Csv pipeline with its row as the target, and compares the rest' {
        $csv = Join-Path $script:folder 'bad.csv'
        [IO.File]::WriteAllText($csv, "Customer,Product,Quantity`nContoso,WFBSS,40`nFabrikam,WFBSS,2.5`n")
        $lines = @(Import-Csv $csv | Compare-MspUsage -Month $script:month -ErrorVariable bad -ErrorAction SilentlyContinue -WarningVariable warned -WarningAction SilentlyContinue)
        $bad.Count | Should -Be 1
        $bad[0].FullyQualifiedErrorId | Should -BeLike 'MspLicensing.PsaQuantityInvalid*'
        $bad[0].Exception.Message | Should -BeLike "PSA row 2 (customer 'Fabrikam'): Quantity '2.5' is not valid*"
        $bad[0].TargetObject.Customer | Should -Be 'Fabrikam'
        ($lines | Where-Object Customer -eq 'Contoso').Status | Should -Be 'Match'
        ($lines | Where-Object Customer -eq 'Fabrikam').Status | Should -Be 'NotInPsa'
        "$warned" | Should -BeLike '1 of 2 PSA rows were left out*'
    }
}

Describe 'How the guide tests see errors' {
    # Why the guide runs are checked three ways: a script run with -File that hits a non-terminating error (a bad
    # CSV row, an unknown customer) still exits 0, so a scheduled task would report success.
    BeforeAll {
        $script:probe = Join-Path $script:work 'probe'
        New-Item -ItemType Directory -Path $script:probe | Out-Null
        [IO.File]::WriteAllText((Join-Path $script:probe 'guide.ps1'), "Import-Module '$($script:ModuleManifest)'`nConnect-MspStore -Path ./msp.db`nGet-MspLicense -Customer 'No Such Customer'`n'done'")
    }

    It 'a -File run of a script with a failing command exits 0 but writes the error to stderr' {
        $run = Invoke-ChildPwsh -ArgumentList '-File', './guide.ps1' -WorkingDirectory $script:probe -Store (Join-Path $script:probe 'env.db')
        $run.ExitCode | Should -Be 0
        $run.StdOut | Should -Match 'done'
        $run.StdErr | Should -Match 'No Such Customer'
    }

    It 'the strict run stops at the failing command with a non-zero exit code' {
        $run = Invoke-ChildPwsh -ArgumentList '-Command', "& { `$ErrorActionPreference = 'Stop'; . ./guide.ps1 }" -WorkingDirectory $script:probe -Store (Join-Path $script:probe 'env.db')
        $run.ExitCode | Should -Not -Be 0
        $run.StdOut | Should -Not -Match 'done'
    }
}
