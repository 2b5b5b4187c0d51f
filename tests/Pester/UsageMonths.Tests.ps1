# The pipelines a user tries with the usage report, in the real pwsh without a terminal (80 columns): months piped in
# are months, customers piped in are customers, and the months list shows where each month's report stands (R50, R54).

BeforeAll {
    . (Join-Path $PSScriptRoot 'Acceptance.Helpers.ps1')
    $script:session = Enter-TestSession 'usage-months'
    Import-Module $script:ModuleManifest -Force
    Connect-MspStore -Path (Join-Path $script:session.Folder 'store.db') | Out-Null

    New-MspCustomer -Name Contoso -Country US -City Seattle -State WA -ContactFirstName Ann -ContactLastName Lee -Email ann@contoso.com | Out-Null
    New-MspCustomer -Name Fabrikam -Country DE -City Berlin -ContactFirstName Jonas -ContactLastName Weber -Email jonas@fabrikam.de | Out-Null
    New-MspServicePlan -Name 'WF Services Monthly Rolling' -Product WFBSS -InitialPeriodMonths 12 -AutoRenewalMonths 1 -DataCenter Germany | Out-Null
    New-MspSubscription -Customer Contoso -ServicePlan 'WF Services Monthly Rolling' -Seats 20 -StartDate 2026-01-15 | Out-Null
    New-MspSubscription -Customer Fabrikam -ServicePlan 'WF Services Monthly Rolling' -Seats 10 -StartDate 2026-02-01 | Out-Null
    Submit-MspUsageReport -Month 2026-01 -Confirm:$false | Out-Null
    Approve-MspUsageReport -Month 2026-01 -Confirm:$false | Out-Null
    Submit-MspUsageReport -Month 2026-02 -Confirm:$false | Out-Null

    function script:Get-LongestLine([string] $Text) { ($Text -split '\r?\n' | Measure-Object -Property Length -Maximum).Maximum }
}

AfterAll {
    Exit-TestSession $script:session
}

Describe 'Months in the pipeline' {
    It 'reads month text piped to Get-MspUsageReport as months, each row with its month, and customers as customers' {
        $rows = '2026-01', '2026-02', '2026-03' | Get-MspUsageReport

        $rows.Month | Should -Be @('2026-01', '2026-02', '2026-03')
        $rows.Chargeable | Should -Be @(20, 30, 30)
        $rows.Status | Should -Be @('Approved', 'Submitted', 'Preparing')
        (Get-MspUsageReport -From 2026-01 -To 2026-03).Chargeable | Should -Be @(20, 30, 30)
        (Get-MspCustomer Fabrikam | Get-MspUsageReport -Month 2026-01, 2026-02 -ByCustomer).Month | Should -Be @('2026-02')

        $text = '2026-01', '2026-02' | Get-MspUsageReport | Out-String
        Get-LongestLine $text | Should -BeLessOrEqual 80
        $text | Should -Match '(?m)^2026-01\s+WFBSS\s+1\s+20\s+20\s+1-25\s+Approved\s*$'
        $text | Should -Match '(?m)^2026-02\s+WFBSS\s+2\s+30\s+30\s+26-50\s+Submitted\s*$'
    }

    It 'lists the months newest first with the status of their reports, and the rows pipe on' {
        $months = Get-MspUsageMonth -To 2026-03

        $months.Month | Should -Be @('2026-03', '2026-02', '2026-01')
        $months.Status | Should -Be @('Preparing', 'Submitted', 'Approved')
        $text = $months | Out-String
        Get-LongestLine $text | Should -BeLessOrEqual 79
        $text | Should -Match '(?m)^Month\s+Status\s+Lines\s+Customers\s+Chargeable\s+Adjustments\s+Submitted\s+Approved\s*$'
        $text | Should -Match '(?m)^2026-03\s+Preparing\s+2\s+2\s+30\s+0\s*$'
        $text | Should -Match '(?m)^2026-01\s+Approved\s+1\s+1\s+20\s+0\s+\d{4}-\d\d-\d\d\s+\d{4}-\d\d-\d\d\s*$'

        (Get-MspUsageMonth -Status Submitted | Get-MspUsageReport).Month | Should -Be @('2026-02')
    }
}
