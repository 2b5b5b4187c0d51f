# Get-X | Export-Csv, then Import-Csv: every Get- cmdlet's output reads back with the same rows and the same
# names, ids, codes, seats and statuses, and no cell holds a type name: lists are written as their items separated
# by '; ', maps as key=value pairs (R55). ConvertTo-Json writes statuses and other choices by name, and the usage
# report's CSV export carries a UTF-8 byte order mark so that Excel reads non-ASCII names.

BeforeDiscovery {
    $script:cases = @(
        @{ Name = 'Get-MspAccount'; Command = 'Get-MspAccount'; Keys = 'Name', 'AccountType', 'DefaultDataCenter', 'GracePeriodDays' }
        @{ Name = 'Get-MspFeature'; Command = 'Get-MspFeature'; Keys = 'Id', 'Area', 'Name', 'SupportedInLmp', 'SupportedInClp' }
        @{ Name = 'Get-MspProduct'; Command = 'Get-MspProduct'; Keys = 'Code', 'Name', 'Kind', 'AddOnOf', 'ManagedByRemoteManager', 'ActivationCodePrefix' }
        @{ Name = 'Get-MspCustomer'; Command = 'Get-MspCustomer'; Keys = 'CustomerId', 'Name', 'Country', 'City', 'State', 'Email', 'PostalCode', 'Phone', 'Enabled', 'ContactName' }
        @{ Name = 'Get-MspServicePlan'; Command = 'Get-MspServicePlan'; Keys = 'ServicePlanId', 'Name', 'Version', 'Enabled', 'InitialPeriodMonths', 'AutoRenewalMonths', 'IsBundle' }
        @{ Name = 'Get-MspSubscription'; Command = 'Get-MspSubscription'; Keys = 'SubscriptionId', 'CustomerId', 'Customer', 'ServicePlan', 'Status', 'AutoRenewal', 'Renewals' }
        @{ Name = 'Get-MspLicense'; Command = 'Get-MspLicense'; Keys = 'LicenseId', 'Customer', 'Product', 'Suite', 'ActivationCode', 'DataCenter', 'Seats', 'Used', 'Status', 'LicenseModel', 'LicenseType' }
        @{ Name = 'Get-MspCrossgradePlan'; Command = "Get-MspCrossgradePlan -Customer Contoso -ServicePlan 'WF Services XDR'"; Keys = 'Customer', 'ServicePlan', 'Product', 'Suite', 'Action', 'FromServicePlan', 'ActivationCode', 'LicenseStatus' }
        @{ Name = 'Get-MspUsageReport'; Command = 'Get-MspUsageReport'; Keys = 'Month', 'Product', 'Customers', 'Provisioned', 'Used', 'Chargeable', 'Band', 'Status' }
        @{ Name = 'Get-MspUsageReport -ByCustomer'; Command = 'Get-MspUsageReport -ByCustomer'; Keys = 'Month', 'Customer', 'Product', 'ServicePlan', 'ActivationCode', 'Provisioned', 'Used', 'OverProvisionedPercent', 'Chargeable', 'Band' }
        @{ Name = 'Get-MspUsageMonth'; Command = 'Get-MspUsageMonth'; Keys = 'Month', 'Status', 'Lines', 'Customers', 'Chargeable', 'Adjustments', 'RejectedReason' }
        @{ Name = 'Get-MspUsageTrend'; Command = 'Get-MspUsageTrend'; Keys = 'Month', 'Product', 'Customers', 'Chargeable', 'Change', 'Band', 'HeadroomUp', 'HeadroomDown', 'NextBand', 'LowerBand', 'Status' }
        @{ Name = 'Get-MspRightSizing'; Command = 'Get-MspRightSizing -Months 1'; Keys = 'CustomerId', 'Customer', 'SubscriptionId', 'ServicePlan', 'Product', 'Seats', 'HighestUsed', 'SuggestedSeats', 'ReleasableSeats', 'FromMonth', 'ToMonth' }
        @{ Name = 'Get-MspLicenseMigration'; Command = 'Get-MspLicenseMigration'; Keys = 'MigrationId', 'Customer', 'Product', 'SourceActivationCode', 'NewActivationCode', 'ServicePlan', 'Seats', 'Status' }
        @{ Name = 'Get-MspManagedProduct'; Command = 'Get-MspCustomer | Get-MspManagedProduct'; Keys = 'Customer', 'Product', 'ActivationCode', 'LicenseModel', 'Seats', 'Used', 'Status' }
        @{ Name = 'Get-MspTemplate'; Command = 'Get-MspTemplate'; Keys = 'TemplateId', 'Name', 'Product', 'Customers' }
        @{ Name = 'Get-MspIntegration'; Command = 'Get-MspIntegration'; Keys = 'Name', 'DisplayName', 'Enabled', 'Supported', 'Customers' }
        @{ Name = 'Get-MspAuditLog'; Command = 'Get-MspAuditLog'; Keys = 'Id', 'User', 'Command', 'Action', 'TargetType', 'TargetId', 'Target', 'CustomerId', 'Customer', 'Summary' }
        @{ Name = 'Get-MspStore'; Command = 'Get-MspStore'; Keys = 'Path', 'SchemaVersion', 'Encrypted', 'AccountName', 'Customers', 'ServicePlans', 'Subscriptions', 'Licenses' }
    )
}

BeforeAll {
    . (Join-Path $PSScriptRoot 'Acceptance.Helpers.ps1')
    $script:session = Enter-TestSession 'export'
    $script:work = $script:session.Folder
    Import-Module $script:ModuleManifest -Force
    Connect-MspStore -Path (Join-Path $script:work 'store.db')

    Set-MspAccount -Name 'Northwind IT Services' -DefaultDataCenter Germany | Out-Null
    New-MspCustomer -Name Contoso -Country US -City Seattle -State WA -ContactFirstName Ann -ContactLastName Lee -Email ann@contoso.com -ExternalId @{ ConnectWiseManage = '4711'; NinjaOne = 'c-17' } | Out-Null
    New-MspCustomer -Name Fabrikam -Country DE -City Berlin -ContactFirstName Jonas -ContactLastName Weber -Email jonas@fabrikam.de -Phone '+49 30 1234' -PostalCode 10115 -ExternalId @{ Autotask = '99' } | Out-Null
    New-MspCustomer -Name 'Tailspin, Toys' -Country GB -City London -ContactFirstName Ruth -ContactLastName Ng -Email ruth@tailspin.example | Out-Null
    New-MspServicePlan -Name 'WF Services Monthly Rolling' -Product WFBSS -InitialPeriodMonths 12 -AutoRenewalMonths 1 | Out-Null
    New-MspServicePlan -Name 'WF Advanced' -Product WFBS-ADV -InitialPeriodMonths 12 -AutoRenewalMonths 1 | Out-Null
    New-MspServicePlan -Name 'WF Services XDR' -Product WFXDR -AutoRenewalMonths 1 -DataCenter @{ '*' = 'Germany'; CAS = 'Europe' } | Out-Null
    New-MspSubscription -Customer Contoso -ServicePlan 'WF Services Monthly Rolling' -Seats 25 | Out-Null
    New-MspSubscription -Customer Fabrikam -ServicePlan 'WF Services XDR' -Seats 40 | Out-Null
    Register-MspProduct -Customer 'Tailspin, Toys' -Product WFBS-ADV -LicenseType Standard -Seats 15 -ExpirationDate ([datetime]::Today.AddMonths(6)) -ActivationCode WF-AAAA-BBBBB-CCCCC-DDDDD-EEEEE-FFFFF | Out-Null
    Start-MspLicenseMigration -ActivationCode WF-AAAA-BBBBB-CCCCC-DDDDD-EEEEE-FFFFF -ServicePlan 'WF Advanced' | Out-Null
    New-MspTemplate -Name 'WF baseline' -Product WFBSS -Setting @{ RealTimeScan = 'On'; WebReputation = 'High' } | Out-Null
    Set-MspCustomer -Name Contoso -Template 'WF baseline' | Out-Null
    Enable-MspIntegration -Name ConnectWiseManage | Out-Null
    [pscustomobject]@{ ActivationCode = (Get-MspLicense -Customer Contoso).ActivationCode; Used = 20; Date = [datetime]::Today.ToString('yyyy-MM-dd') } | Set-MspLicense
    Sync-MspRemoteManager | Out-Null

    # A list written by Export-Csv as its type name: System.Int32[], System.Collections.Generic.List`1[...], MspLicensing.X[].
    $script:typeNamePattern = '^(System\.[\w.]+(`\d+)?\[.*\]|System\.Collections\.[\w.`\[\],]+|MspLicensing\.[\w.]+\[\])$'
    # A type name anywhere in a cell: a namespace, a dot and a capitalized type (case-sensitive, so a path such as
    # msplicensing.db is not one).
    $script:typeNameInside = '\b(System|MspLicensing)\.[A-Z]'
}

AfterAll {
    Exit-TestSession $script:session
}

Describe '<Name> | Export-Csv | Import-Csv' -ForEach $script:cases {
    BeforeAll {
        $script:objects = @(& ([scriptblock]::Create($Command)))
        $csv = Join-Path $script:work ("{0}.csv" -f ($Name -replace '[^\w-]', '_'))
        $script:objects | Export-Csv -Path $csv -NoTypeInformation
        $script:rows = @(Import-Csv -Path $csv)
    }

    It 'has something to export' {
        $script:objects.Count | Should -BeGreaterThan 0
    }

    It 'reads back one row per object' {
        $script:rows.Count | Should -Be $script:objects.Count
    }

    It 'reads back its names, ids, codes, counts and statuses unchanged' {
        foreach ($key in $Keys) {
            $expected = @($script:objects | ForEach-Object { if ($null -eq $_.$key) { '' } else { [string] $_.$key } })
            $actual = @($script:rows | ForEach-Object { $_.$key })
            $actual | Should -Be $expected -Because "column $key"
        }
    }

    It 'writes the identity and scalar columns as values, not type names' {
        foreach ($key in $Keys) {
            $script:rows | Where-Object { $_.$key -match $script:typeNamePattern } | Should -BeNullOrEmpty -Because "column $key"
        }
    }

    It 'writes no type name in any cell, lists and maps included' {
        foreach ($row in $script:rows) {
            foreach ($cell in $row.PSObject.Properties) {
                $cell.Value | Should -Not -MatchExactly $script:typeNameInside -Because "column $($cell.Name)"
            }
        }
    }
}

Describe 'Lists and maps in a CSV export' {
    BeforeAll {
        function Export-Row {
            param([Parameter(ValueFromPipeline)] $InputObject)
            begin { $all = [Collections.Generic.List[object]]::new() }
            process { $all.Add($InputObject) }
            end {
                $csv = Join-Path $script:work ('lists-{0}.csv' -f [guid]::NewGuid().ToString('N'))
                $all | Export-Csv -Path $csv -NoTypeInformation
                Import-Csv -Path $csv
            }
        }
    }

    It 'writes the products of a plan with their data centers' {
        (Get-MspServicePlan 'WF Services Monthly Rolling' | Export-Row).Products | Should -Be 'WFBSS (Germany)'
        (Get-MspServicePlan 'WF Services XDR' | Export-Row).Products | Should -Match '^WFXDR \(CAS=Europe, .*WFBSS=Germany.*\)$'
    }

    It 'writes the components, data centers and account types of a product' {
        $row = Get-MspProduct WFXDR | Export-Row
        $row.Components | Should -Be 'CAS; TMEMS; HES; WFBSS; WFBSS-EDR'
        (Get-MspProduct CE | Export-Row).RemoteManagerAccountTypes | Should -Be 'LicensingManagementPlatform'
        (Get-MspProduct CAS | Export-Row).DataCenters | Should -Match '^UnitedStates; Europe; '
    }

    It 'writes the seat and used history and the placements of a license as dated items' {
        $row = Get-MspLicense -Customer Contoso | Export-Row
        $today = [datetime]::Today.ToString('yyyy-MM-dd', [cultureinfo]::InvariantCulture)
        $row.SeatHistory | Should -Be "${today}: 25"
        $row.UsedHistory | Should -Be "${today}: 20"
        $row.Placements | Should -Be "${today}: - Full"
    }

    It 'writes the templates of a customer and the settings of a template' {
        (Get-MspCustomer Contoso | Export-Row).Templates | Should -Be 'WF baseline'
        (Get-MspTemplate 'WF baseline' | Export-Row).Settings | Should -Be 'RealTimeScan=On; WebReputation=High'
    }

    It 'writes the seat bands and plug-ins of the account' {
        $row = Get-MspAccount | Export-Row
        $row.SeatBands | Should -Be '1-25; 26-50; 51-100; 101-250; 251-500; 501-1000; 1001-2000; 2001-5000; 5001+'
        $row.SeatBandMinimums | Should -Be '1; 26; 51; 101; 251; 501; 1001; 2001; 5001'
        $row.EnabledIntegrations | Should -Be 'ConnectWiseManage'
    }

    It 'keeps the objects lists in the pipeline and filters on statuses as before' {
        (Get-MspServicePlan 'WF Services XDR').Products[0].Code | Should -Be 'WFXDR'
        (Get-MspLicense -Customer Contoso).SeatHistory[0].Seats | Should -Be 25
        @(Get-MspLicense | Where-Object Status -eq 'Active').Count | Should -BeGreaterThan 0
        @(Get-MspCustomer Contoso | Get-MspLicense).Count | Should -Be 1
    }
}

Describe 'ConvertTo-Json' {
    It 'writes the statuses and other choices of a license by name' {
        $json = Get-MspLicense -Customer Contoso | ConvertTo-Json -Depth 3
        $json | Should -Match '"Status": "Active"'
        $back = $json | ConvertFrom-Json
        $back.Status | Should -Be 'Active'
        $back.LicenseModel | Should -Be 'Msp'
        $back.DataCenter | Should -Be 'Germany'
        $back.SeatHistory[0].Seats | Should -Be 25
    }

    It 'writes the status and version of a subscription by name' {
        $back = Get-MspSubscription -Customer Contoso | ConvertTo-Json | ConvertFrom-Json
        $back.Status | Should -Be 'Active'
        $back.PlanVersion | Should -Be 'Full'
    }

    It 'writes the status of a usage report line by name' {
        $back = @(Get-MspUsageReport -ByCustomer | ConvertTo-Json | ConvertFrom-Json)
        $back.Status | Sort-Object -Unique | Should -Be 'Preparing'
        (@(Get-MspUsageReport | ConvertTo-Json | ConvertFrom-Json).Status | Sort-Object -Unique) | Should -Be 'Preparing'
    }

    It 'writes the data centers of a plan by name' {
        $back = Get-MspServicePlan 'WF Services XDR' | ConvertTo-Json -Depth 4 | ConvertFrom-Json
        $back.Products[0].DataCenters.CAS | Should -Be 'Europe'
        $back.Version | Should -Be 'Full'
    }
}

Describe 'Export-MspUsageReport for Excel' {
    BeforeAll {
        $script:mueller = "M$([char]0xFC)ller GmbH"
        New-MspCustomer -Name $script:mueller -Country DE -City M$([char]0xFC)nchen -ContactFirstName J$([char]0xFC)rgen -ContactLastName Wei$([char]0xDF) -Email j@mueller.example | Out-Null
        New-MspSubscription -Customer $script:mueller -ServicePlan 'WF Services Monthly Rolling' -Seats 5 | Out-Null
        $script:csv = Join-Path $script:work 'usage-excel.csv'
        $script:json = Join-Path $script:work 'usage-excel.json'
        Export-MspUsageReport -Path $script:csv -ByCustomer | Out-Null
        Export-MspUsageReport -Path $script:json -ByCustomer -Format Json | Out-Null
    }

    It 'starts the CSV file with a UTF-8 byte order mark' {
        $bytes = [IO.File]::ReadAllBytes($script:csv)
        $bytes[0..2] | Should -Be @(0xEF, 0xBB, 0xBF)
    }

    It 'reads the non-ASCII customer name back with Import-Csv' {
        (Import-Csv -Path $script:csv).Customer | Should -Contain $script:mueller
    }

    It 'writes the JSON file without a byte order mark' {
        [IO.File]::ReadAllBytes($script:json)[0] | Should -Be ([byte][char]'[')
        (Get-Content -Raw -Path $script:json | ConvertFrom-Json).Customer | Should -Contain $script:mueller
    }
}

Describe 'Dates and numbers in a license export' {
    It 'reads back the start and expiration dates as the same days' {
        $licenses = @(Get-MspLicense)
        $csv = Join-Path $script:work 'license-dates.csv'
        $licenses | Export-Csv -Path $csv -NoTypeInformation
        $rows = @(Import-Csv $csv)
        for ($i = 0; $i -lt $licenses.Count; $i++) {
            [datetime]::Parse($rows[$i].ExpirationDate, [cultureinfo]::InvariantCulture).Date | Should -Be $licenses[$i].ExpirationDate.Date
            [datetime]::Parse($rows[$i].StartDate, [cultureinfo]::InvariantCulture).Date | Should -Be $licenses[$i].StartDate.Date
            [int] $rows[$i].Seats | Should -Be $licenses[$i].Seats
        }
    }
}

Describe 'Customers moved to a second store through Export-Csv and Import-Csv | New-MspCustomer' {
    BeforeAll {
        $script:original = @(Get-MspCustomer)
        $csv = Join-Path $script:work 'customers-export.csv'
        $script:original | Export-Csv -Path $csv -NoTypeInformation
        Connect-MspStore -Path (Join-Path $script:work 'second.db')
        $script:created = @(Import-Csv -Path $csv | New-MspCustomer)
    }

    AfterAll {
        Connect-MspStore -Path (Join-Path $script:work 'store.db')
    }

    It 'creates every customer in the second store' {
        $script:created.Count | Should -Be $script:original.Count
        (Get-MspStore).Path | Should -Be (Join-Path $script:work 'second.db')
        (Get-MspCustomer).Name | Sort-Object | Should -Be ($script:original.Name | Sort-Object)
    }

    It 'keeps the contact, address and enabled fields' {
        foreach ($before in $script:original) {
            $after = Get-MspCustomer -Name $before.Name
            foreach ($field in 'Country', 'City', 'State', 'ContactFirstName', 'ContactLastName', 'Email', 'PostalCode', 'Phone', 'Enabled') {
                $after.$field | Should -Be $before.$field -Because "$($before.Name) $field"
            }
        }
    }

    It 'keeps the external ids for the PSA and RMM tools' {
        (Get-MspCustomer -ExternalId @{ ConnectWiseManage = '4711' }).Name | Should -Be 'Contoso'
        (Get-MspCustomer -ExternalId @{ NinjaOne = 'c-17' }).Name | Should -Be 'Contoso'
        (Get-MspCustomer -ExternalId @{ Autotask = '99' }).Name | Should -Be 'Fabrikam'
        (Get-MspCustomer -Name 'Tailspin, Toys').ExternalId.Count | Should -Be 0
    }

    It 'gives the copies new ids in the new store' {
        $ids = (Get-MspCustomer).CustomerId
        foreach ($before in $script:original) { $ids | Should -Not -Contain $before.CustomerId }
    }
}
