#Requires -Modules @{ ModuleName = 'Pester'; ModuleVersion = '5.0' }
# The default views as a scheduled task or redirected output renders them (80 columns) and as a wide console does
# (120 columns): every type of module/MspLicensing.format.ps1xml, fed with realistic data built through the cmdlets.

BeforeAll {
    Import-Module (Join-Path $PSScriptRoot '../../MspLicensing.psd1') -Force
    $script:work = Join-Path ([IO.Path]::GetTempPath()) ("msplic-views-" + [guid]::NewGuid().ToString('N'))
    New-Item -ItemType Directory -Path $script:work | Out-Null
    Connect-MspStore -Path (Join-Path $script:work 'store.db') | Out-Null

    # The layout must hold with a 55-character company name and a 60-character email address.
    $script:long = 'Northwind Traders International Holdings GmbH & Co. KG'
    $script:longEmail = 'maximilian.oberhausen-schmidt@northwind-traders.example.com'
    $script:code = '^[A-Z0-9]{2}-[A-Z0-9]{4}(-[A-Z0-9]{5}){5}$'

    New-MspCustomer -Name $long -Country DE -City 'Frankfurt am Main' -State HE -ContactFirstName Maximilian -ContactLastName 'Oberhausen-Schmidt' -Email $longEmail | Out-Null
    New-MspCustomer -Name Contoso -Country US -City Seattle -State WA -ContactFirstName Ann -ContactLastName Lee -Email ann@contoso.com | Out-Null
    New-MspCustomer -Name Fabrikam -Country DE -City Berlin -ContactFirstName Jonas -ContactLastName Weber -Email jonas@fabrikam.de | Out-Null

    New-MspServicePlan -Name 'WF Services Monthly Rolling' -Product WFBSS -InitialPeriodMonths 12 -AutoRenewalMonths 1 -DataCenter Germany | Out-Null
    New-MspServicePlan -Name 'WF Services XDR' -Product WFXDR -InitialPeriodMonths 12 -AutoRenewalMonths 1 -DataCenter @{ '*' = 'Germany'; CAS = 'Europe' } | Out-Null
    New-MspServicePlan -Name 'WF Advanced On-Premises Annual' -Product WFBS-ADV -InitialPeriodMonths 12 | Out-Null
    New-MspServicePlan -Name 'WF Standard' -Product WFBS-STD -InitialPeriodMonths 12 | Out-Null

    New-MspSubscription -Customer Contoso -ServicePlan 'WF Services Monthly Rolling' -Seats 25 -StartDate 2026-01-05 | Out-Null
    New-MspSubscription -Customer $long -ServicePlan 'WF Services Monthly Rolling' -Seats 10 -StartDate 2026-01-05 | Out-Null
    New-MspSubscription -Customer Fabrikam -ServicePlan 'WF Advanced On-Premises Annual' -Seats 40 -StartDate 2026-01-05 | Out-Null

    # Contoso uses more seats than it holds: Remote Manager shows ExceededAllocation (R71).
    Get-MspLicense -Customer Contoso -Product WFBSS | Set-MspLicense -Used 31 -Date 2026-02-10 | Out-Null
    Get-MspLicense -Customer Fabrikam -Product WFBS-ADV | Set-MspLicense -Used 12 -Date 2026-02-10 | Out-Null

    # A registered non-MSP license, migrated into the platform (R39, 3.8).
    Register-MspProduct -Customer Fabrikam -Product WFBS-STD -LicenseType Standard -Seats 15 -ExpirationDate 2027-06-30 -ActivationCode WF-AAAA-BBBBB-CCCCC-DDDDD-EEEEE-FFFFF | Out-Null
    Start-MspLicenseMigration -ActivationCode WF-AAAA-BBBBB-CCCCC-DDDDD-EEEEE-FFFFF -ServicePlan 'WF Standard' | Out-Null

    New-MspTemplate -Name 'WF baseline' -Product WFBSS -Setting @{ RealTimeScan = 'On'; WebReputation = 'High' } | Out-Null
    Enable-MspIntegration -Name ConnectWiseManage | Out-Null

    # February is approved with one lowered line; March is still being prepared.
    Set-MspUsageReport -Month 2026-02 -Customer Contoso -Product WFBSS -Chargeable 20 -Comment 'Seats raised by mistake, corrected' | Out-Null
    Submit-MspUsageReport -Month 2026-02 -Confirm:$false | Out-Null
    Approve-MspUsageReport -Month 2026-02 -Confirm:$false | Out-Null
    Sync-MspRemoteManager | Out-Null

    function script:Get-Line([string] $Text) { @($Text -split '\r?\n' | Where-Object { $_.Trim() }) }
    function script:Get-LongestLine([string] $Text) { ($Text -split '\r?\n' | Measure-Object -Property Length -Maximum).Maximum }
    function script:Get-IsoDate([datetime] $Date) { $Date.ToString('yyyy-MM-dd', [cultureinfo]::InvariantCulture) }
}

AfterAll {
    Disconnect-MspStore
    Remove-Module MspLicensing -Force -ErrorAction SilentlyContinue
    Remove-Item -LiteralPath $script:work -Recurse -Force -ErrorAction SilentlyContinue
}

Describe 'Default views at 80 columns (scheduled tasks, redirected output) and 120 columns' {
    It 'shows customers with country, enabled flag and email' {
        $text = Get-MspCustomer | Out-String -Width 80

        Get-LongestLine $text | Should -BeLessOrEqual 80
        $text | Should -Match '(?m)^Name\s+Country\s+Enabled\s+Email\s*$'
        $text | Should -Match '(?m)^Contoso\s+US\s+True\s+ann@contoso\.com\s*$'
        $text | Should -Match '(?m)^Northwind Traders Internati\u2026 DE\s+True\s+maximilian\.'

        $wide = Get-MspCustomer | Format-Table -View Wide | Out-String -Width 120
        Get-LongestLine $wide | Should -BeLessOrEqual 120
        $wide | Should -Match '(?m)^Name\s+Country\s+City\s+Contact\s+Enabled\s+Email\s*$'
        $wide | Should -Match 'Contoso\s+US\s+Seattle\s+Ann Lee\s+True\s+ann@contoso\.com'
    }

    It 'shows the partner account and its seat bands' {
        $text = Get-MspAccount | Out-String -Width 80
        Get-LongestLine $text | Should -BeLessOrEqual 80
        $text | Should -Match 'Name\s+AccountType\s+DataCenter\s+GraceDays'
        $text | Should -Match 'LicensingManagementPlatform\s+UnitedStates\s+30'

        $bands = (Get-MspAccount).SeatBands | Out-String -Width 80
        $bands | Should -Match 'Name\s+Minimum\s+Maximum'
        $bands | Should -Match '(?m)^251-500\s+251\s+500\s*$'

        $wide = Get-MspAccount | Format-Table -View Wide | Out-String -Width 120
        Get-LongestLine $wide | Should -BeLessOrEqual 120
        $wide | Should -Match '1-25, 26-50, 51-100'
    }

    It 'shows the catalog with codes first and names last' {
        $text = Get-MspProduct | Out-String -Width 80
        Get-LongestLine $text | Should -BeLessOrEqual 80
        $text | Should -Match '(?m)^Code\s+Kind\s+ManagedByRM\s+Name\s*$'
        $text | Should -Match '(?m)^WFBSS-EDR\s+Service\s+True\s+Worry-Free Services Endpoint'
        $text | Should -Match '(?m)^SMEX\s+Software\s+False\s+ScanMail for Exchange Suite with DLP 12'

        $wide = Get-MspProduct | Format-Table -View Wide | Out-String -Width 120
        Get-LongestLine $wide | Should -BeLessOrEqual 120
        $wide | Should -Match 'WFXDR\s+Suite\s+True\s+Worry-Free XDR\s+CAS, TMEMS, HES, WFBSS, WFBSS-EDR'
    }

    It 'shows both columns of the feature matrix, wrapped at words (R2)' {
        $text = Get-MspFeature | Out-String -Width 80

        Get-LongestLine $text | Should -BeLessOrEqual 80
        $text | Should -Match '(?m)^Feature\s+LicensingManagementPlatform\s+CustomerLicensingPortal\s*$'
        $text | Should -Match '(?m)^Deleting customers\s+Not supported\s+Supported\s*$'
        $text | Should -Match 'Automatic registration\s+Authorization Key required'
        $text | Should -Not -Match 'Securit\s*$' -Because 'long cells wrap between words, not inside them'
    }

    It 'shows the connected store with its pending synchronization' {
        $text = Get-MspStore | Out-String -Width 80

        Get-LongestLine $text | Should -BeLessOrEqual 80
        $text | Should -Match '(?m)^Kind\s+Source\s+Customers\s+PendingSync\s+Path\s*$'
        $text | Should -Match 'LiteDB\s+Connect-MspStore\s+3\s+\d+\s+\S*store\.db' -Because 'a long path keeps its file name'
    }

    It 'shows the audit log with whole summaries' {
        $text = Get-MspAuditLog -First 10 | Out-String -Width 80

        Get-LongestLine $text | Should -BeLessOrEqual 80
        $text | Should -Match '(?m)^Time\s+Target\s+Summary\s*$'
        $text | Should -Match '(?m)^\d{4}-\d\d-\d\d \d\d:\d\d 2026-02 / Contoso /\s+Chargeable: 25 -> 20 \(Seats raised by\s*$'
        $text | Should -Match '(?m)^\s+WFBSS\s+mistake, corrected\)\s*$'
        $newCode = (Get-MspLicenseMigration -Customer Fabrikam).NewActivationCode
        $text | Should -Match ([regex]::Escape($newCode)) -Because 'an activation code in a summary stays whole'

        $wide = Get-MspAuditLog -First 10 | Format-Table -View Wide | Out-String -Width 120
        Get-LongestLine $wide | Should -BeLessOrEqual 120
        $wide | Should -Match '(?m)^Time\s+User\s+Command\s+Target\s+Summary\s*$'
        $wide | Should -Match 'Set-MspUsageReport\s+2026-02 / Contoso / WFBSS\s+Chargeable: 25 -> 20'
        $wide | Should -Match '(?m)^\s{20,}WF-AAAA-BBBBB-CCCCC-DDDDD-EEEEE-FFFFF\s' -Because 'an activation code in a target stays whole'
    }

    It 'shows service plans with their periods and products' {
        $text = Get-MspServicePlan | Out-String -Width 80

        Get-LongestLine $text | Should -BeLessOrEqual 80
        $text | Should -Match '(?m)^Name\s+Version\s+Enabled\s+Initial\s+Renewal\s+Products\s*$'
        $text | Should -Match 'WF Services Monthly Rolling\s+Full\s+True\s+12\s+1\s+WFBSS'
        $text | Should -Match 'WF Advanced On-Premises An\u2026\s+Full\s+True\s+12\s+none\s+WFBS-ADV'

        $products = (Get-MspServicePlan -Name 'WF Services XDR').Products | Out-String -Width 80
        Get-LongestLine $products | Should -BeLessOrEqual 80
        $products | Should -Match '(?m)^Code\s+DataCenters\s+Name\s*$'
        $products | Should -Match 'WFXDR\s+CAS=Europe, TMEMS=Germany,\s+Worry-Free XDR'

        $wide = Get-MspServicePlan | Format-Table -View Wide | Out-String -Width 120
        $wide | Should -Match 'WF Advanced On-Premises Annual\s+Full\s+True\s+12\s+none\s+30\s+1\s+WFBS-ADV'
    }

    It 'shows subscriptions with status, ISO expiration date and auto-renewal' {
        $text = Get-MspSubscription | Out-String -Width 80

        Get-LongestLine $text | Should -BeLessOrEqual 80
        $text | Should -Match '(?m)^Status\s+Expires\s+AutoRenewal\s+ServicePlan\s+Customer\s*$'
        $contoso = Get-MspSubscription -Customer Contoso
        $text | Should -Match ('{0}\s+{1}\s+True\s+WF Services Monthly R\u2026\s+Contoso' -f $contoso.Status, (Get-IsoDate $contoso.ExpirationDate))
        $text | Should -Match 'Northwind Traders In\u2026'

        $wide = Get-MspSubscription | Format-Table -View Wide | Out-String -Width 120
        Get-LongestLine $wide | Should -BeLessOrEqual 120
        $wide | Should -Match '(?m)^Status\s+StartDate\s+Expires\s+AutoRenewal\s+ServicePlan\s+Customer\s*$'
        $wide | Should -Match '2026-01-05\s+\d{4}-\d\d-\d\d\s+False\s+WF Advanced On-Premises Annual\s+Fabrikam'
    }

    It 'keeps ISO dates in any culture' {
        $culture = [cultureinfo]::CurrentCulture
        try {
            [cultureinfo]::CurrentCulture = 'de-DE'
            $text = Get-MspSubscription -Customer Contoso | Out-String -Width 80
        }
        finally {
            [cultureinfo]::CurrentCulture = $culture
        }
        $text | Should -Match (Get-IsoDate (Get-MspSubscription -Customer Contoso).ExpirationDate)
    }

    It 'shows the whole activation code of every license, then product, status, seats and customer' {
        $text = Get-MspLicense | Out-String -Width 80

        Get-LongestLine $text | Should -BeLessOrEqual 80
        $text | Should -Match '(?m)^ActivationCode\s+Product\s+Status\s+Seats\s+Customer\s*$'
        foreach ($license in Get-MspLicense) {
            $license.ActivationCode | Should -Match $code
            $text | Should -Match ('{0}\s+{1}\s+{2}\s+{3}\s' -f $license.ActivationCode, [regex]::Escape($license.Product), $license.Status, $license.Seats)
        }
        $text | Should -Match 'Northwind \u2026'

        $wide = Get-MspLicense | Format-Table -View Wide | Out-String -Width 120
        Get-LongestLine $wide | Should -BeLessOrEqual 120
        $wide | Should -Match '(?m)^ActivationCode\s+Product\s+Suite\s+Status\s+Seats\s+Used\s+Expires\s+Model\s+Customer\s*$'
        $wide | Should -Match 'WF-AAAA-BBBBB-CCCCC-DDDDD-EEEEE-FFFFF\s+WFBS-STD\s+Deactivated\s+15\s+2027-06-30\s+NonMsp\s+Fabrikam'
        $contoso = Get-MspLicense -Customer Contoso
        $wide | Should -Match ('{0}\s+WFBSS\s+\w+\s+25\s+31\s+{1}\s+Msp\s+Contoso' -f $contoso.ActivationCode, (Get-IsoDate $contoso.ExpirationDate))
    }

    It 'groups licenses under the whole customer name with -View ByCustomer' {
        $text = Get-MspLicense | Format-Table -View ByCustomer | Out-String -Width 80

        Get-LongestLine $text | Should -BeLessOrEqual 80
        $text | Should -Match ('Customer: {0}' -f [regex]::Escape($long))
        $text | Should -Match '(?m)^ActivationCode\s+Product\s+Status\s+Seats\s+Expires\s*$'
        $text | Should -Match ('{0}\s+WFBSS\s' -f (Get-MspLicense -Customer $long).ActivationCode)
    }

    It 'shows the seat history and the used counts of a license' {
        $license = Get-MspLicense -Customer Contoso -Product WFBSS

        $seats = $license.SeatHistory | Out-String -Width 80
        $seats | Should -Match '(?m)^Date\s+Seats\s*$'
        $seats | Should -Match '(?m)^2026-01-05\s+25\s*$'

        $used = $license.UsedHistory | Out-String -Width 80
        $used | Should -Match '(?m)^Date\s+Used\s*$'
        $used | Should -Match '(?m)^2026-02-10\s+31\s*$'
    }

    It 'previews a crossgrade as Product/Service, License Status and Activation Code (R45, seed 004)' {
        $text = Get-MspCrossgradePlan -Customer $long -ServicePlan 'WF Services XDR' | Out-String -Width 80

        Get-LongestLine $text | Should -BeLessOrEqual 80
        $text | Should -Match ('Customer: {0}\s+Service plan: WF Services XDR' -f [regex]::Escape($long))
        $text | Should -Match '(?m)^Product/Service\s+License Status\s+Activation Code\s*$'
        $text | Should -Match '(?m)^CAS\s+New\s*$'
        $text | Should -Match '(?m)^WFBSS-EDR\s+New\s*$'
        $code = (Get-MspLicense -Customer $long -Product WFBSS).ActivationCode
        $text | Should -Match ('(?m)^WFBSS\s+License transfer from WF\s+{0}\s*$' -f $code)
        $text | Should -Match '(?m)^\s+Services Monthly Rolling\s*$'
        $text | Should -Match 'Deactivated by license'

        $wide = Get-MspCrossgradePlan -Customer $long -ServicePlan 'WF Services XDR' | Format-Table -View Wide | Out-String -Width 120
        Get-LongestLine $wide | Should -BeLessOrEqual 120
        $wide | Should -Match ('WFBSS\s+Worry-Free Business Security\s+License transfer from WF Services\s+{0}' -f $code)
    }

    It 'shows the monthly usage report with used, chargeable, band and status (R50, R53, R54)' {
        $text = Get-MspUsageReport -Month 2026-02 | Out-String -Width 80

        Get-LongestLine $text | Should -BeLessOrEqual 80
        $text | Should -Match '(?m)^Month\s+Product\s+Customers\s+Provisioned\s+Used\s+Chargeable\s+Band\s+Status\s*$'
        $text | Should -Match '(?m)^2026-02\s+WFBSS\s+2\s+35\s+31\s+30\s+26-50\s+Approved\s*$'
        $text | Should -Match '(?m)^2026-02\s+WFBS-ADV\s+1\s+40\s+12\s+40\s+26-50\s+Approved\s*$'

        $march = Get-MspUsageReport -Month 2026-03 | Out-String -Width 80
        $march | Should -Match '(?m)^2026-03\s+WFBSS\s+2\s+35\s+35\s+26-50\s+Preparing\s*$' -Because 'no used count was reported for March'

        $wide = Get-MspUsageReport -Month 2026-02 | Format-Table -View Wide | Out-String -Width 120
        Get-LongestLine $wide | Should -BeLessOrEqual 120
        $wide | Should -Match 'Approved\s+Worry-Free Business Security Services'
    }

    It 'shows the usage report by customer, grouped by month' {
        $text = Get-MspUsageReport -Month 2026-02 -ByCustomer | Out-String -Width 80

        Get-LongestLine $text | Should -BeLessOrEqual 80
        $text | Should -Match 'Month: 2026-02'
        $text | Should -Match '(?m)^Product\s+Provisioned\s+Used\s+Over%\s+Chargeable\s+Status\s+Customer\s*$'
        # 31 used of 25 provisioned: exceeded, never a negative percentage (R50).
        $text | Should -Match '(?m)^WFBSS\s+25\s+31\s+exceeded\s+20\s+Approved\s+Contoso\s*$'
        $text | Should -Match 'Northwind Traders In\u2026'

        $wide = Get-MspUsageReport -Month 2026-02 -ByCustomer | Format-Table -View Wide | Out-String -Width 120
        Get-LongestLine $wide | Should -BeLessOrEqual 120
        $wide | Should -Match ('WFBSS\s+25\s+31\s+exceeded\s+20\s+Approved\s+{0}\s+Contoso' -f (Get-MspLicense -Customer Contoso).ActivationCode)
    }

    It 'shows the state of a month''s report' {
        $text = Submit-MspUsageReport -Month 2026-03 -Confirm:$false | Out-String -Width 80
        $text | Should -Match '(?m)^Month\s+Status\s+Lines\s+Adjustments\s+Submitted\s+Approved\s+RejectedReason\s*$'
        $text | Should -Match '2026-03\s+Submitted\s+3\s+0\s+\d{4}-\d\d-\d\d'

        $rejected = Deny-MspUsageReport -Month 2026-03 -Reason 'Contoso seats do not match the distributor invoice' -Confirm:$false | Out-String -Width 80
        Get-LongestLine $rejected | Should -BeLessOrEqual 80
        # The rejected report comes back with its lines, as they stand now.
        $rejected | Should -Match '2026-03\s+Rejected\s+3\s+0\s+\d{4}-\d\d-\d\d\s+Contoso seats do not'
        $rejected | Should -Match 'distributor invoice'
    }

    It 'shows a license migration with its status and the whole new activation code' {
        $text = Get-MspLicenseMigration | Out-String -Width 80
        $migration = Get-MspLicenseMigration -Customer Fabrikam

        Get-LongestLine $text | Should -BeLessOrEqual 80
        $text | Should -Match '(?m)^Status\s+Product\s+NewActivationCode\s+Customer\s*$'
        $text | Should -Match ('(?m)^Completed\s+WFBS-STD\s+{0}\s+Fabrikam\s*$' -f $migration.NewActivationCode)

        $wide = Get-MspLicenseMigration | Format-Table -View Wide | Out-String -Width 120
        $wide | Should -Match ('Completed\s+WFBS-STD\s+WF-AAAA-BBBBB-CCCCC-DDDDD-EEEEE-FFFFF\s+{0}\s+Fabrikam' -f $migration.NewActivationCode)
    }

    It 'shows what a synchronization with Remote Manager applied' {
        Set-MspCustomer -Name $long -City 'Bad Homburg vor der Hoehe'
        $text = Sync-MspRemoteManager | Out-String -Width 80

        Get-LongestLine $text | Should -BeLessOrEqual 80
        $text | Should -Match '(?m)^Change\s+To\s+Customer\s+Summary\s*$'
        $text | Should -Match 'Update\s+RemoteManager\s+Northwind Traders Inter\u2026\s+City:'
    }

    It 'shows the managed products of each customer with the Remote Manager status (R71)' {
        $text = Get-MspCustomer | Get-MspManagedProduct | Out-String -Width 80

        Get-LongestLine $text | Should -BeLessOrEqual 80
        $text | Should -Match 'Customer: Contoso'
        $text | Should -Match ('Customer: {0}' -f [regex]::Escape($long))
        $text | Should -Match '(?m)^Product\s+Status\s+Seats\s+Used\s+Expires\s+LicenseModel\s+LicenseType\s*$'
        $text | Should -Match '(?m)^WFBSS\s+ExceededAllocation\s+25\s+31\s+\d{4}-\d\d-\d\d\s+Msp\s+Full\s*$'

        $wide = Get-MspManagedProduct -Customer Contoso | Format-Table -View Wide | Out-String -Width 120
        Get-LongestLine $wide | Should -BeLessOrEqual 120
        $wide | Should -Match ('ExceededAllocation\s+25\s+31\s+\S+\s+Msp\s+Full\s+{0}' -f (Get-MspLicense -Customer Contoso).ActivationCode)
    }

    It 'shows templates with their settings' {
        $text = Get-MspTemplate | Out-String -Width 80

        Get-LongestLine $text | Should -BeLessOrEqual 80
        $text | Should -Match '(?m)^Name\s+Product\s+Customers\s+Settings\s*$'
        $text | Should -Match 'WF baseline\s+WFBSS\s+0\s+RealTimeScan=On;'
        $text | Should -Match 'WebReputation=High'
    }

    It 'shows the third-party integrations' {
        $text = Get-MspIntegration | Out-String -Width 80

        Get-LongestLine $text | Should -BeLessOrEqual 80
        $text | Should -Match '(?m)^Name\s+Enabled\s+Supported\s+Customers\s+DisplayName\s*$'
        $text | Should -Match '(?m)^ConnectWiseAutomate\s+False\s+True\s+0\s+ConnectWise Automate\s*$'
        $text | Should -Match '(?m)^ConnectWiseManage\s+True\s+True'
    }

    It 'shows what a renewal run did, grouped by its day' {
        $text = Invoke-MspRenewal -AsOf 2027-01-06 | Out-String -Width 80

        Get-LongestLine $text | Should -BeLessOrEqual 80
        $text | Should -Match 'AsOf: 2027-01-06'
        $text | Should -Match '(?m)^Action\s+From\s+To\s+Product\s+Customer\s*$'
        $text | Should -Match '(?m)^Renewed\s+2027-01-05\s+2027-02-05\s+Contoso\s*$'
        $text | Should -Match '(?m)^Renewed\s+2027-01-05\s+2027-02-05\s+Northwind Traders Internatio\u2026\s*$'
    }

    It 'fits every default view into 79 columns and keeps whole headers at 120' {
        $views = ([xml](Get-Content -Raw (Join-Path $PSScriptRoot '../../module/MspLicensing.format.ps1xml'))).Configuration.ViewDefinitions.View
        $views.Count | Should -BeGreaterOrEqual 23
        foreach ($view in $views) {
            $headers = @($view.TableControl.TableHeaders.TableColumnHeader)
            $total = ($headers | ForEach-Object { [int] $_.Width } | Measure-Object -Sum).Sum + $headers.Count - 1
            $limit = if ($view.Name -eq 'Wide') { 119 } else { 79 }
            $total | Should -BeLessOrEqual $limit -Because "$($view.Name) of $($view.ViewSelectedBy.TypeName)"
            foreach ($header in $headers) {
                $header.Label.Length | Should -BeLessOrEqual ([int] $header.Width) -Because "the header $($header.Label) of $($view.ViewSelectedBy.TypeName) does not wrap"
            }
        }
    }
}
