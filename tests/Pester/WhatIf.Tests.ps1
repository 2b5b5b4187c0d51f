#Requires -Modules @{ ModuleName = 'Pester'; ModuleVersion = '5.0' }
# Issue #11: -WhatIf says what will change. A child pwsh (as at a prompt or in a scheduled task, output to the
# console) cancels a subscription with -WhatIf: the console shows the customer, the plan, the day and that the month
# bills in full (R35), and the subscription stays as it was.

BeforeAll {
    . (Join-Path $PSScriptRoot 'Acceptance.Helpers.ps1')
    $script:session = Enter-TestSession 'whatif'
    $manifest = $script:ModuleManifest.Replace("'", "''")
    $script:scenario = Join-Path $script:session.Folder 'scenario.ps1'
    [IO.File]::WriteAllText($script:scenario, @"
`$ErrorActionPreference = 'Stop'
Import-Module '$manifest'
New-MspCustomer -Name Litware -Country US -City Seattle -State WA -ContactFirstName Ann -ContactLastName Lee -Email ann@litware.com | Out-Null
New-MspServicePlan -Name 'WF Services Monthly Rolling' -Product WFBSS -InitialPeriodMonths 12 -AutoRenewalMonths 1 -DataCenter Germany | Out-Null
New-MspSubscription -Customer Litware -ServicePlan 'WF Services Monthly Rolling' -Seats 9 -StartDate 2026-01-15 | Out-Null
Stop-MspSubscription -Customer Litware -Date 2026-06-15 -WhatIf
'status ' + (Get-MspSubscription -Customer Litware -AsOf 2026-07-01).Status
"@)
    $script:run = Invoke-ChildPwsh -ArgumentList '-File', $script:scenario -WorkingDirectory $script:session.Folder -Store (Join-Path $script:session.Folder 'store.db')
}

AfterAll {
    Exit-TestSession $script:session
}

Describe 'Stop-MspSubscription -WhatIf (child pwsh)' {
    It 'names the customer, the plan, the day and the billing of the month, and cancels nothing' {
        $script:run.ExitCode | Should -Be 0 -Because $script:run.StdErr
        # The console may wrap the line; the words are what counts.
        $shown = $script:run.StdOut -replace '\s+', ' '
        $shown | Should -BeLike '*What if: Litware / WF Services Monthly Rolling: cancelled on 2026-06-15; WFBSS ends that day (R35: the month it happens in is billed in full)*'
        $script:run.StdOut | Should -Match '(?m)^status Active\s*$'
    }
}
