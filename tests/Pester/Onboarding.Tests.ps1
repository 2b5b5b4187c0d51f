#Requires -Modules @{ ModuleName = 'Pester'; ModuleVersion = '5.0' }
# R13: a CSV onboarding pipeline whose task was killed half-way runs again with -SkipExisting and completes, in the
# real pwsh, the way a scheduled task runs it.

BeforeAll {
    . (Join-Path $PSScriptRoot 'Acceptance.Helpers.ps1')
    $script:session = Enter-TestSession 'onboarding'
    $script:store = Join-Path $script:session.Folder 'store.db'
    $script:csv = Join-Path $script:session.Folder 'customers.csv'
    $script:count = 40
    1..$script:count | ForEach-Object {
        [pscustomobject]@{ Name = 'Customer {0:00}' -f $_; Country = 'DE'; City = 'Berlin'; ContactFirstName = 'Jonas'; ContactLastName = 'Weber'; Email = "jonas$_@example.com" }
    } | Export-Csv -LiteralPath $script:csv -NoTypeInformation
    $script:onboard = "Import-Csv ./customers.csv | New-MspCustomer{0} | New-MspSubscription -ServicePlan 'WF Services Monthly Rolling' -Seats 10{0}"

    Import-Module $script:ModuleManifest -Force
    Connect-MspStore -Path $script:store | Out-Null
    New-MspServicePlan -Name 'WF Services Monthly Rolling' -Product WFBSS -InitialPeriodMonths 12 -AutoRenewalMonths 1 -DataCenter Germany | Out-Null
    Disconnect-MspStore
}

AfterAll {
    Exit-TestSession $script:session
}

Describe 'Re-running an interrupted onboarding (R13)' {
    It 'completes what a killed task left undone, without errors, and holds every customer and subscription once' {
        # The task is killed once its tenth subscription has come out: customers and subscriptions after it are missing.
        $killed = ($script:onboard -f '') + ' | ForEach-Object -Begin { $n = 0 } -Process { if (++$n -eq 10) { Stop-Process -Id $PID -Force } }'
        $first = Invoke-ChildPwsh -WorkingDirectory $script:session.Folder -Store $script:store -ArgumentList @(
            '-Command', "Import-Module '$($script:ModuleManifest)'; $killed")
        $first.ExitCode | Should -Not -Be 0
        Connect-MspStore -Path $script:store | Out-Null
        $before = Get-MspStore
        $before.Subscriptions | Should -BeGreaterOrEqual 9
        $before.Subscriptions | Should -BeLessThan $script:count
        Disconnect-MspStore

        $rerun = Invoke-ChildPwsh -WorkingDirectory $script:session.Folder -Store $script:store -ArgumentList @(
            '-Command', "Import-Module '$($script:ModuleManifest)'; $($script:onboard -f ' -SkipExisting') | ForEach-Object Customer")

        $rerun.StdErr | Should -BeNullOrEmpty
        $rerun.ExitCode | Should -Be 0
        ($rerun.StdOut -split '\r?\n' | Where-Object { $_ }) | Should -Be (1..$script:count | ForEach-Object { 'Customer {0:00}' -f $_ })
        Connect-MspStore -Path $script:store | Out-Null
        (Get-MspCustomer).Count | Should -Be $script:count
        $subscriptions = Get-MspSubscription
        $subscriptions.Count | Should -Be $script:count
        ($subscriptions.Customer | Sort-Object -Unique).Count | Should -Be $script:count
        Disconnect-MspStore
    }

    It 'says what it skipped with -Verbose and still writes the duplicate errors without -SkipExisting' {
        Connect-MspStore -Path $script:store | Out-Null
        Push-Location $script:session.Folder
        try {
            $out = & {
                Import-Csv ./customers.csv | New-MspCustomer -SkipExisting -Verbose |
                    New-MspSubscription -ServicePlan 'WF Services Monthly Rolling' -Seats 10 -SkipExisting -Verbose
            } 4>&1
            $verbose = @($out | Where-Object { $_ -is [System.Management.Automation.VerboseRecord] } | ForEach-Object Message)
            $verbose | Should -Contain "Customer 'Customer 01' exists; skipped."
            $verbose | Should -Contain "Subscription of customer 'Customer 40' to service plan 'WF Services Monthly Rolling' exists; skipped."
            @($out | Where-Object { $_ -is [MspLicensing.Subscription] }).Count | Should -Be $script:count

            $duplicates = @(& {
                    $ErrorActionPreference = 'Continue'
                    Import-Csv ./customers.csv | New-MspCustomer | New-MspSubscription -ServicePlan 'WF Services Monthly Rolling' -Seats 10
                } 2>&1 | Where-Object { $_ -is [System.Management.Automation.ErrorRecord] })
            $duplicates.Count | Should -Be $script:count
            $duplicates[0].FullyQualifiedErrorId | Should -Be 'MspLicensing.CustomerNameTaken,MspLicensing.Commands.NewMspCustomerCommand'
            (Get-MspStore).Subscriptions | Should -Be $script:count
        }
        finally {
            Pop-Location
            Disconnect-MspStore
        }
    }
}
