# The month's usage report as an HTML page, in the real pwsh without a terminal: one self-contained, well-formed page
# with the figures of the CSV export, text from the store encoded, the same in every culture (R55), with the trend
# chart (R57) and the right-sizing candidates (R58); and the trend and right-sizing views at 80 columns.

BeforeAll {
    . (Join-Path $PSScriptRoot 'Acceptance.Helpers.ps1')
    $script:session = Enter-TestSession 'usage-html'
    $script:work = $script:session.Folder
    Import-Module $script:ModuleManifest -Force
    Connect-MspStore -Path (Join-Path $script:work 'store.db') | Out-Null

    $script:odd = 'Fabrikam <Research> & "Sons"'
    New-MspCustomer -Name Contoso -Country US -City Seattle -State WA -ContactFirstName Ann -ContactLastName Lee -Email ann@contoso.com | Out-Null
    New-MspCustomer -Name $odd -Country DE -City Berlin -ContactFirstName Jonas -ContactLastName Weber -Email jonas@fabrikam.de | Out-Null
    New-MspServicePlan -Name 'WF Services Monthly Rolling' -Product WFBSS -InitialPeriodMonths 12 -AutoRenewalMonths 1 -DataCenter Germany | Out-Null
    New-MspServicePlan -Name 'Cloud Apps' -Product CAS -InitialPeriodMonths 12 -AutoRenewalMonths 1 -DataCenter Europe | Out-Null
    New-MspSubscription -Customer Contoso -ServicePlan 'WF Services Monthly Rolling' -Seats 490 -StartDate 2026-01-15 | Out-Null
    New-MspSubscription -Customer $odd -ServicePlan 'WF Services Monthly Rolling' -Seats 40 -StartDate 2026-06-01 | Out-Null
    New-MspSubscription -Customer $odd -ServicePlan 'Cloud Apps' -Seats 1200 -StartDate 2026-03-01 | Out-Null
    Set-MspSubscription -Customer Contoso -Seats 450 -Date 2026-08-01 | Out-Null
    foreach ($month in '2026-09', '2026-10', '2026-11') {
        Get-MspLicense -Customer $odd -Product WFBSS | Set-MspLicense -Used 12 -Date "$month-05" | Out-Null
        Get-MspLicense -Customer Contoso | Set-MspLicense -Used 440 -Date "$month-05" | Out-Null
    }
    Submit-MspUsageReport -Month 2026-09 -Confirm:$false | Out-Null

    Export-MspUsageReport -Month 2026-11 -Format Html -Path (Join-Path $work 'report.html') | Out-Null
    Export-MspUsageReport -Month 2026-11 -Path (Join-Path $work 'report.csv') | Out-Null
    $script:text = Get-Content -Raw -Encoding utf8 (Join-Path $work 'report.html')
    $script:page = [xml] $script:text
    $script:ns = [System.Xml.XmlNamespaceManager]::new($script:page.NameTable)
    $script:ns.AddNamespace('h', 'http://www.w3.org/1999/xhtml')
    $script:ns.AddNamespace('s', 'http://www.w3.org/2000/svg')

    function script:Get-LongestLine([string] $Text) { ($Text -split '\r?\n' | Measure-Object -Property Length -Maximum).Maximum }
}

AfterAll {
    Exit-TestSession $script:session
}

Describe 'Export-MspUsageReport -Format Html' {
    It 'writes one well-formed, self-contained page that prints on A4' {
        $page.DocumentElement.LocalName | Should -Be 'html'
        $page.SelectNodes('//h:script|//h:link|//h:img|//h:iframe', $ns).Count | Should -Be 0
        $text | Should -Not -Match '(src|href)\s*='
        $text | Should -Not -Match 'url\('
        $text | Should -Match '@page\s*\{size:A4'
        $text | Should -Match '@media print'
        $page.SelectNodes('//h:section', $ns) | ForEach-Object id | Should -Be @('totals', 'trend', 'rightsizing')
    }

    It 'holds the figures of the CSV export of the same month' {
        $csv = Import-Csv (Join-Path $work 'report.csv') | ForEach-Object { '{0} {1} {2} {3} {4} {5}' -f $_.Product, $_.Customers, $_.Provisioned, $_.Used, $_.Chargeable, $_.Band }
        $html = $page.SelectNodes("//h:section[@id='totals']//h:tbody/h:tr", $ns) | ForEach-Object {
            $cells = @($_.SelectNodes('h:td', $ns) | ForEach-Object InnerText)
            '{0} {1} {2} {3} {4} {5}' -f $cells[0], $cells[2], $cells[3], $cells[4], $cells[5], $cells[6]
        }
        # CAS has no used count: the cell is empty in both.
        $csv | Should -Be @('CAS 1 1200  1200 1001-2000', 'WFBSS 2 490 452 490 251-500')
        $html | Should -Be $csv
    }

    It 'encodes text from the store' {
        $text | Should -Not -Match ([regex]::Escape($odd))
        $page.SelectNodes("//h:section[@id='rightsizing']//h:td", $ns).InnerText | Should -Contain $odd
    }

    It 'draws the twelve months up to the month per product, with ISO months on the axis and a legend' {
        $svg = $page.SelectSingleNode('//s:svg', $ns)
        $labels = @($svg.SelectNodes('s:text', $ns) | ForEach-Object InnerText)
        $labels | Should -Contain '2025-12'
        $labels | Should -Contain '2026-11'
        $svg.SelectNodes('s:polyline', $ns).Count | Should -Be 2
        @($page.SelectNodes("//h:section[@id='trend']//h:li", $ns).InnerText) | Should -Be @('CAS (Cloud App Security)', 'WFBSS (Worry-Free Business Security Services)')
    }

    It 'lists the right-sizing candidates of the three months up to the month' {
        $rows = $page.SelectNodes("//h:section[@id='rightsizing']//h:tbody/h:tr", $ns) | ForEach-Object { (@($_.SelectNodes('h:td', $ns) | ForEach-Object InnerText) | Select-Object -First 7) -join '|' }
        # Contoso used 440 of 450: not 20% below. The other customer used 12 of 40.
        $rows | Should -Be @("$odd|WF Services Monthly Rolling|WFBSS|40|12|12|28")
    }

    It 'writes the same page in another culture' {
        $before = [cultureinfo]::CurrentCulture
        try {
            [cultureinfo]::CurrentCulture = 'de-DE'
            Export-MspUsageReport -Month 2026-11 -Format Html -Path (Join-Path $work 'report-de.html') | Out-Null
            [cultureinfo]::CurrentCulture = 'th-TH'
            Export-MspUsageReport -Month 2026-11 -Format Html -Path (Join-Path $work 'report-th.html') | Out-Null
        }
        finally {
            [cultureinfo]::CurrentCulture = $before
        }
        Get-Content -Raw (Join-Path $work 'report-de.html') | Should -BeExactly $text
        Get-Content -Raw (Join-Path $work 'report-th.html') | Should -BeExactly $text
    }
}

Describe 'The trend and the right-sizing list at 80 columns' {
    It 'shows the headroom to the next band (R57)' {
        $out = Get-MspUsageTrend -From 2026-05 -To 2026-08 -Product WFBSS | Out-String
        Get-LongestLine $out | Should -BeLessOrEqual 80
        # 490 seats are 10 short of the next band.
        $out | Should -Match '(?m)^2026-05\s+WFBSS\s+1\s+490\s+0\s+251-500\s+10\s+239\s*$'
        $out | Should -Match '(?m)^2026-06\s+WFBSS\s+2\s+530\s+\+40\s+501-1000\s+470\s+29\s*$'
        $out | Should -Match '(?m)^2026-08\s+WFBSS\s+2\s+490\s+-40\s+251-500\s+10\s+239\s*$'
    }

    It 'lists the candidates with what they release and hands them to Set-MspSubscription (R58)' {
        $out = Get-MspRightSizing -Month 2026-11 | Out-String
        Get-LongestLine $out | Should -BeLessOrEqual 80
        $out | Should -Match '(?m)^Customer\s+ServicePlan\s+Product\s+Seats\s+Used\s+Suggested\s+Releasable\s*$'
        $out | Should -Match '(?m)^Fabrikam <Research>\S*\s+WF Services Mo\S*\s+WFBSS\s+40\s+12\s+12\s+28\s*$'
        Get-MspRightSizing -Month 2026-11 | Set-MspSubscription -Date 2026-12-01 -WhatIf
        (Get-MspLicense -Customer $odd -Product WFBSS).Seats | Should -Be 40
        $changed = Get-MspRightSizing -Month 2026-11 | Set-MspSubscription -Date 2026-12-01 -PassThru
        $changed.Customer | Should -Be $odd
        (Get-MspLicense -Customer $odd -Product WFBSS).Seats | Should -Be 12
        (Get-MspLicense -Customer Contoso).Seats | Should -Be 450
        Get-MspRightSizing -Month 2026-11 | Should -BeNullOrEmpty
    }
}
