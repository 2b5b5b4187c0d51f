#Requires -Modules @{ ModuleName = 'Pester'; ModuleVersion = '5.0' }
# Customer and billing data is the owner's alone: under umask 022 a pwsh that uses the default store, backs it up and
# exports a month creates every file 0600 and every new folder 0700. An export with -Force replaces a symbolic link
# at its path instead of writing to the file the link points to. Linux and macOS only (Windows keeps the ACLs).

BeforeAll {
    . (Join-Path $PSScriptRoot 'Acceptance.Helpers.ps1')
    $script:session = Enter-TestSession 'private'
    $script:work = $script:session.Folder

    if (-not $IsWindows) {
        $secret = Join-Path $script:work 'secret.txt'
        [IO.File]::WriteAllText($secret, 'not for an export')
        New-Item -ItemType Directory -Path (Join-Path $script:work 'exports') | Out-Null
        New-Item -ItemType SymbolicLink -Path (Join-Path $script:work 'exports/link.csv') -Target $secret | Out-Null

        $job = Join-Path $script:work 'job.ps1'
        [IO.File]::WriteAllText($job, @"
Remove-Item env:MSPLICENSING_STORE
`$env:XDG_DATA_HOME = '$($script:work)/xdg'
Import-Module '$($script:ModuleManifest)'
New-MspServicePlan -Name Monthly -Product WFBSS -AutoRenewalMonths 1 -DataCenter Germany | Out-Null
New-MspCustomer -Name Contoso -Country US -City Seattle -ContactFirstName Ann -ContactLastName Lee -Email ann@contoso.com | New-MspSubscription -ServicePlan Monthly -Seats 5 -StartDate 2026-01-15 | Out-Null
Backup-MspStore -Path ./backups/nightly.db | Out-Null
Export-MspUsageReport -Month 2026-03 -Path ./exports/usage.csv -ByCustomer | Out-Null
Export-MspUsageReport -Month 2026-03 -Path ./exports/link.csv -ByCustomer -Force | Out-Null
(Get-MspStore).Path
"@)
        $script:output = @(& bash -c "umask 022 && cd '$($script:work)' && dotnet '$($script:PwshDll)' -NoProfile -NonInteractive -File '$job' 2>&1")
        $script:exit = $LASTEXITCODE
    }

    function Get-Mode([string] $Path) { (& stat -c '%a' $Path) }
}

AfterAll {
    Exit-TestSession $script:session
}

Describe 'Files the module writes' -Skip:$IsWindows {
    It 'runs under umask 022' {
        $script:exit | Should -Be 0 -Because ($script:output -join "`n")
        $script:output[-1] | Should -Be "$($script:work)/xdg/MspLicensing/msplicensing.db"
    }

    It 'creates the default store folder 0700 and the store 0600' {
        Get-Mode "$($script:work)/xdg" | Should -Be '700'
        Get-Mode "$($script:work)/xdg/MspLicensing" | Should -Be '700'
        Get-Mode "$($script:work)/xdg/MspLicensing/msplicensing.db" | Should -Be '600'
    }

    It 'creates backups 0600 in a new folder 0700' {
        Get-Mode "$($script:work)/backups" | Should -Be '700'
        Get-Mode "$($script:work)/backups/nightly.db" | Should -Be '600'
    }

    It 'creates exports 0600' {
        Get-Mode "$($script:work)/exports/usage.csv" | Should -Be '600'
    }

    It 'replaces a symbolic link at the export path with the export, and leaves the file it pointed to alone' {
        [IO.File]::ReadAllText("$($script:work)/secret.txt") | Should -Be 'not for an export'
        $link = Get-Item "$($script:work)/exports/link.csv"
        $link.LinkType | Should -BeNullOrEmpty
        Get-Content $link.FullName -TotalCount 1 | Should -Match '^Month,'
        Get-Mode $link.FullName | Should -Be '600'
    }

    It 'leaves no staging or log files behind' {
        Get-ChildItem -Force -Recurse -File $script:work | Where-Object { $_.Name -like '*.partial' -or $_.Name -like '*-log.db' } |
            Select-Object -ExpandProperty FullName | Should -BeNullOrEmpty
    }
}
