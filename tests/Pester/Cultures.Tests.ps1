#Requires -Modules @{ ModuleName = 'Pester'; ModuleVersion = '5.0' }
# PRODUCT.md §5: dates and months mean the same in every culture. One script run by child pwsh processes whose culture
# is en-US, de-DE and th-TH (Thai Buddhist calendar), set inside the script as a user or a scheduled task would:
# the same ISO command lines and CSV files store the same days, and views show them as ISO.

BeforeAll {
    . (Join-Path $PSScriptRoot 'Acceptance.Helpers.ps1')
    $script:session = Enter-TestSession 'cultures'
    $script:work = $script:session.Folder

    $script:scenario = Join-Path $script:work 'scenario.ps1'
    $manifest = $script:ModuleManifest.Replace("'", "''")
    [IO.File]::WriteAllText($script:scenario, @"
param([string] `$Culture)
`$ErrorActionPreference = 'Stop'
[cultureinfo]::CurrentCulture = `$Culture
[cultureinfo]::CurrentUICulture = `$Culture
Import-Module '$manifest'
"culture `$([cultureinfo]::CurrentCulture.Name)"
New-MspServicePlan -Name Monthly -Product WFBSS -InitialPeriodMonths 12 -AutoRenewalMonths 1 -DataCenter Germany | Out-Null
Set-Content -Path ./customers.csv -Value @(
    'Name,Country,City,ContactFirstName,ContactLastName,Email,StartDate'
    'Contoso,US,Seattle,Ann,Lee,ann@contoso.com,2026-02-03'
    'Fabrikam,DE,Berlin,Jonas,Weber,jonas@fabrikam.de,2026-03-31T00:00:00'
)
Import-Csv ./customers.csv | New-MspCustomer | Out-Null
Import-Csv ./customers.csv | ForEach-Object { [pscustomobject]@{ Customer = `$_.Name; StartDate = `$_.StartDate } } |
    New-MspSubscription -ServicePlan Monthly -Seats 10 | Out-Null
Get-MspLicense -Customer Contoso | Set-MspLicense -Used 7 -Date '2026-02-10' | Out-Null
Set-MspSubscription -Customer Fabrikam -ExpirationDate 2027-04-15 | Out-Null
foreach (`$l in Get-MspLicense | Sort-Object Customer) {
    'license {0} {1} {2} {3}' -f `$l.Customer, `$l.StartDate.ToString('yyyy-MM-dd', [cultureinfo]::InvariantCulture),
        `$l.ExpirationDate.ToString('yyyy-MM-dd', [cultureinfo]::InvariantCulture), (`$l.UsedHistory -join ',')
}
`$report = Get-MspUsageReport -Month 2026-02
'report {0} {1} {2}' -f `$report.Month, `$report.Provisioned, `$report.Used
Get-MspLicense -Customer Contoso | Format-List | Out-String -Width 120
"@)

    function script:Invoke-Scenario([string] $Culture) {
        $folder = Join-Path $script:work $Culture
        New-Item -ItemType Directory -Path $folder | Out-Null
        Invoke-ChildPwsh -ArgumentList '-File', $script:scenario, $Culture -WorkingDirectory $folder -Store (Join-Path $folder 'store.db')
    }

    function script:Get-StoredLine([string] $Text) { @($Text -split '\r?\n' | Where-Object { $_ -match '^(license|report) ' }) }

    $script:runs = @{}
    foreach ($culture in 'en-US', 'de-DE', 'th-TH') { $script:runs[$culture] = Invoke-Scenario $culture }
}

AfterAll {
    Exit-TestSession $script:session
}

Describe 'Dates mean the same in every culture (child pwsh)' {
    It 'runs the scenario in <_> without errors' -ForEach 'en-US', 'de-DE', 'th-TH' {
        $run = $script:runs[$_]
        $run.ExitCode | Should -Be 0 -Because $run.StdErr
        $run.StdErr | Should -BeNullOrEmpty
        $run.StdOut | Should -Match "(?m)^culture $_\s*$"
    }

    It 'stores the ISO days of the command line and the CSV file in en-US' {
        Get-StoredLine $script:runs['en-US'].StdOut | Should -Be @(
            'license Contoso 2026-02-03 2027-02-03 2026-02-10: 7'
            'license Fabrikam 2026-03-31 2027-04-15 '
            'report 2026-02 10 7'
        )
    }

    It 'stores the same days in <_> as in en-US' -ForEach 'de-DE', 'th-TH' {
        Get-StoredLine $script:runs[$_].StdOut | Should -Be (Get-StoredLine $script:runs['en-US'].StdOut)
    }

    It 'shows the dates of Format-List as ISO in <_>' -ForEach 'de-DE', 'th-TH' {
        $text = $script:runs[$_].StdOut
        $text | Should -Match '(?m)^StartDate\s+: 2026-02-03\s*$'
        $text | Should -Match '(?m)^ExpirationDate\s+: 2027-02-03\s*$'
        $text | Should -Match '(?m)^UsedHistory\s+: \{2026-02-10: 7\}\s*$'
    }
}
