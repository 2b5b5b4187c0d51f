# The README's quick start and its onboarding pipeline, extracted from README.md and run as written, in a temp
# working folder (only ./MspLicensing.psd1 becomes the manifest's full path). Run after `dotnet build`.

BeforeAll {
    . (Join-Path $PSScriptRoot 'Acceptance.Helpers.ps1')
    $script:session = Enter-TestSession 'readme'
    $script:work = $script:session.Folder

    $readme = Join-Path $script:RepoRoot 'README.md'
    $blocks = @(Get-MarkdownPowerShellBlock -Path $readme -Under '## Quick start')
    $script:quickStart = ConvertTo-ScriptWithManifestPath $blocks[0]
    $script:onboarding = ConvertTo-ScriptWithManifestPath $blocks[1]

    # Pester runs with ErrorActionPreference Stop; a user's prompt has Continue.
    $ErrorActionPreference = 'Continue'
    Push-Location -LiteralPath $script:work
    try {
        $script:quickStartOutput = @(. ([scriptblock]::Create($script:quickStart)))
    }
    finally {
        Pop-Location
    }
}

AfterAll {
    Exit-TestSession $script:session
}

Describe 'The README quick start' {
    Context 'as extracted from README.md' {
        It 'is the first powershell block under "## Quick start" and starts by importing the module' {
            $script:quickStart | Should -Match '(?m)^Import-Module '
            $script:quickStart | Should -Match 'Connect-MspStore -Path \./demo\.db'
            $script:onboarding | Should -Match '^Import-Csv \./customers\.csv \| New-MspCustomer \| New-MspSubscription'
        }

        It 'loads the module built in this repository, not one installed on the machine' {
            (Get-Module MspLicensing).Path | Should -BeLike "$($script:RepoRoot)*"
        }

        It 'writes its store to ./demo.db in the working folder' {
            Join-Path $script:work 'demo.db' | Should -Exist
            (Get-MspStore).Path | Should -Be (Join-Path $script:work 'demo.db')
        }
    }

    Context 'after it ran' {
        It 'named the partner account and its default data center' {
            $account = Get-MspAccount
            $account.Name | Should -Be 'Northwind IT Services'
            $account.DefaultDataCenter | Should -Be 'Germany'
        }

        It 'created Contoso with its ConnectWise Manage id' {
            $customer = Get-MspCustomer -ExternalId @{ ConnectWiseManage = '4711' }
            $customer.Name | Should -Be 'Contoso'
            $customer.Country | Should -Be 'US'
            $customer.Email | Should -Be 'ann@contoso.com'
        }

        It 'showed the first license with a 37-character activation code (R32)' {
            $shown = $script:quickStartOutput | Where-Object { $_.PSObject.Properties['ActivationCode'] -and $_.PSObject.Properties['LicenseId'] }
            @($shown).Count | Should -Be 1
            $shown.Product | Should -Be 'WFBSS'
            $shown.Seats | Should -Be 25
            $shown.ActivationCode | Should -Match '^WF-[A-Z0-9]{4}(-[A-Z0-9]{5}){5}$'
            $shown.ActivationCode.Length | Should -Be 37
        }

        It 'previewed the crossgrade: WFBSS transferred with its code, the other XDR components new' {
            $preview = $script:quickStartOutput | Where-Object { $_.PSObject.Properties['Action'] -and $_.PSObject.Properties['FromServicePlan'] }
            $first = $script:quickStartOutput | Where-Object { $_.PSObject.Properties['LicenseId'] } | Select-Object -First 1
            ($preview | Where-Object Product -EQ 'WFBSS').Action | Should -Be 'Transfer'
            ($preview | Where-Object Product -EQ 'WFBSS').ActivationCode | Should -Be $first.ActivationCode
            ($preview | Where-Object Action -EQ 'New').Product | Sort-Object | Should -Be @('CAS', 'HES', 'TMEMS', 'WFBSS-EDR')
            ($preview | Where-Object Action -EQ 'EndSubscription').FromServicePlan | Should -Be 'WF Services Monthly Rolling'
        }

        It 'crossgraded Contoso to Worry-Free XDR, keeping the WFBSS activation code and the 30 seats (R41)' {
            $first = $script:quickStartOutput | Where-Object { $_.PSObject.Properties['LicenseId'] } | Select-Object -First 1
            $licenses = Get-MspLicense -Customer Contoso
            $licenses.Product | Sort-Object | Should -Be @('CAS', 'HES', 'TMEMS', 'WFBSS', 'WFBSS-EDR')
            $licenses.Suite | Select-Object -Unique | Should -Be 'WFXDR'
            $licenses.ServicePlan | Select-Object -Unique | Should -Be 'WF Services XDR'
            ($licenses | Where-Object Product -EQ 'WFBSS').ActivationCode | Should -Be $first.ActivationCode
            ($licenses | Where-Object Product -EQ 'CAS').DataCenter | Should -Be 'Europe'
            ($licenses | Where-Object Product -EQ 'HES').DataCenter | Should -Be 'Germany'
            $licenses.Seats | Select-Object -Unique | Should -Be 30
        }

        It 'ended the emptied subscription "deactivated by license transfer" (R44)' {
            $old = Get-MspSubscription -Customer Contoso | Where-Object ServicePlan -EQ 'WF Services Monthly Rolling'
            $old.Status | Should -Be 'Deactivated'
            (Get-MspSubscription -Customer Contoso | Where-Object ServicePlan -EQ 'WF Services XDR').Status | Should -Be 'Active'
        }

        It "reports this month's usage as one Worry-Free XDR row of 30 seats in band 26-50 (R53)" {
            $report = $script:quickStartOutput | Where-Object { $_.PSObject.Properties['Band'] }
            @($report).Count | Should -Be 1
            $report.Product | Should -Be 'WFXDR'
            $report.Month | Should -Be ([datetime]::Today.ToString('yyyy-MM'))
            $report.Provisioned | Should -Be 30
            $report.Chargeable | Should -Be 30
            $report.Band | Should -Be '26-50'
            $report.Status | Should -Be 'Preparing'
        }

        It 'recorded the last five changes in the audit log, newest first' {
            $audit = @($script:quickStartOutput | Where-Object { $_.PSObject.Properties['Summary'] -and $_.PSObject.Properties['Command'] })
            $audit.Count | Should -Be 5
            $audit[0].Command | Should -Be 'Invoke-MspRenewal'
            $audit[1].Command | Should -Be 'Invoke-MspCrossgrade'
            $audit.Command | Should -Contain 'Set-MspSubscription'
            ($audit | Where-Object Command -EQ 'Set-MspSubscription').Summary | Should -Match '25 -> 30'
            $audit.User | Select-Object -Unique | Should -Be ([Environment]::UserName)
        }

        It 'keeps every change in the audit log, from the account to the renewal run' {
            $commands = (Get-MspAuditLog).Command
            foreach ($command in 'Set-MspAccount', 'New-MspCustomer', 'New-MspServicePlan', 'New-MspSubscription', 'Set-MspSubscription', 'Invoke-MspCrossgrade') {
                $commands | Should -Contain $command
            }
        }
    }
}

Describe 'The README onboarding pipeline' {
    BeforeAll {
        $rows = @(
            [pscustomobject]@{ Name = 'Fabrikam'; Country = 'DE'; City = 'Berlin'; State = ''; ContactFirstName = 'Jonas'; ContactLastName = 'Weber'; Email = 'jonas@fabrikam.de'; ExternalId = 'ConnectWiseManage=5001' }
            [pscustomobject]@{ Name = 'Tailspin Toys'; Country = 'GB'; City = 'London'; State = ''; ContactFirstName = 'Ruth'; ContactLastName = 'Ng'; Email = 'ruth@tailspin.example'; ExternalId = 'ConnectWiseManage=5002' }
            [pscustomobject]@{ Name = 'Nowhere Inc'; Country = 'XX'; City = 'Nowhere'; State = ''; ContactFirstName = 'Bo'; ContactLastName = 'Kim'; Email = 'bo@nowhere.example'; ExternalId = '' }
            [pscustomobject]@{ Name = 'Wingtip'; Country = 'US'; City = 'Austin'; State = 'TX'; ContactFirstName = 'Lia'; ContactLastName = 'Park'; Email = 'lia@wingtip.example'; ExternalId = 'ConnectWiseManage=5004' }
        )
        $rows | Export-Csv -Path (Join-Path $script:work 'customers.csv') -NoTypeInformation

        $ErrorActionPreference = 'Continue'   # as at a user's prompt: a bad row must not stop the others
        Push-Location -LiteralPath $script:work
        try {
            $all = @(. ([scriptblock]::Create($script:onboarding)) 2>&1)
        }
        finally {
            Pop-Location
        }
        $script:onboardErrors = @($all | Where-Object { $_ -is [Management.Automation.ErrorRecord] })
        $script:onboarded = @($all | Where-Object { $_ -isnot [Management.Automation.ErrorRecord] })
    }

    It 'creates a customer for each good row, with its external id' {
        foreach ($name in 'Fabrikam', 'Tailspin Toys', 'Wingtip') {
            Get-MspCustomer -Name $name | Should -Not -BeNullOrEmpty -Because $name
        }
        (Get-MspCustomer -ExternalId @{ ConnectWiseManage = '5002' }).Name | Should -Be 'Tailspin Toys'
        (Get-MspCustomer -Name Wingtip).State | Should -Be 'TX'
    }

    It 'reports the bad row once, naming the field and the value, and creates nothing for it (R10)' {
        $script:onboardErrors.Count | Should -Be 1
        $script:onboardErrors[0].FullyQualifiedErrorId | Should -BeLike 'MspLicensing.InvalidValue,*'
        $script:onboardErrors[0].Exception.Message | Should -BeLike "*Country 'XX'*"
        Get-MspCustomer -Name 'Nowhere Inc' -ErrorAction SilentlyContinue | Should -BeNullOrEmpty
    }

    It 'gives each new customer a subscription to the monthly rolling plan with 10 seats' {
        $script:onboarded.Count | Should -Be 3
        $script:onboarded.Customer | Sort-Object | Should -Be @('Fabrikam', 'Tailspin Toys', 'Wingtip')
        foreach ($subscription in $script:onboarded) {
            $subscription.ServicePlan | Should -Be 'WF Services Monthly Rolling'
            $subscription.Status | Should -Be 'Active'
            $subscription.StartDate | Should -Be ([datetime]::Today)
        }
    }

    It 'provisions one WFBSS license of 10 seats with its own activation code per customer' {
        $licenses = @('Fabrikam', 'Tailspin Toys', 'Wingtip' | ForEach-Object { Get-MspLicense -Customer $_ })
        $licenses.Count | Should -Be 3
        $licenses.Product | Select-Object -Unique | Should -Be 'WFBSS'
        $licenses.Seats | Select-Object -Unique | Should -Be 10
        $licenses.DataCenter | Select-Object -Unique | Should -Be 'Germany'
        $licenses.ActivationCode | Select-Object -Unique | Should -HaveCount 3
        $licenses.ActivationCode | ForEach-Object { $_ | Should -Match '^WF-[A-Z0-9]{4}(-[A-Z0-9]{5}){5}$' }
    }

    It 'adds the new seats to the WFBSS usage line of the month' {
        $row = Get-MspUsageReport | Where-Object Product -EQ 'WFBSS'
        $row.Customers | Should -Be 3
        $row.Provisioned | Should -Be 30
        $row.Band | Should -Be '26-50'
    }
}
