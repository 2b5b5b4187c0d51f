#Requires -Modules @{ ModuleName = 'Pester'; ModuleVersion = '5.0' }
# Run after `dotnet build` (or through ./build.ps1): Invoke-Pester ./tests/Pester

BeforeAll {
    $root = Resolve-Path (Join-Path $PSScriptRoot '../..')
    Import-Module (Join-Path $root 'MspLicensing.psd1') -Force
    $script:work = Join-Path ([IO.Path]::GetTempPath()) ("msplic-pester-" + [guid]::NewGuid().ToString('N'))
    New-Item -ItemType Directory -Path $script:work | Out-Null
    Connect-MspStore -Path (Join-Path $script:work 'store.db')
}

AfterAll {
    Disconnect-MspStore
    Remove-Module MspLicensing -Force -ErrorAction SilentlyContinue
    Remove-Item -LiteralPath $script:work -Recurse -Force -ErrorAction SilentlyContinue
}

Describe 'Module' {
    It 'exports the cmdlets its manifest lists' {
        $manifest = Import-PowerShellDataFile (Join-Path $PSScriptRoot '../../MspLicensing.psd1')
        (Get-Command -Module MspLicensing).Name | Sort-Object | Should -Be ($manifest.CmdletsToExport | Sort-Object)
    }

    It 'has full help with examples for every cmdlet' {
        foreach ($command in Get-Command -Module MspLicensing) {
            $help = Get-Help $command.Name -Full
            $help.Synopsis | Should -Not -BeNullOrEmpty -Because $command.Name
            @($help.Examples.Example).Count | Should -BeGreaterOrEqual 2 -Because $command.Name
        }
    }
}

Describe 'Customers' {
    It 'imports customers from a CSV file and reports the bad rows' {
        $csv = Join-Path $script:work 'customers.csv'
        @(
            [pscustomobject]@{ Name = 'Contoso'; Country = 'US'; City = 'Seattle'; State = 'WA'; ContactFirstName = 'Ann'; ContactLastName = 'Lee'; Email = 'ann@contoso.com'; ExternalId = 'ConnectWiseManage=4711' }
            [pscustomobject]@{ Name = 'Nowhere Inc'; Country = 'XX'; City = 'Nowhere'; State = ''; ContactFirstName = 'Bo'; ContactLastName = 'Kim'; Email = 'bo@example.com'; ExternalId = '' }
            [pscustomobject]@{ Name = 'Fabrikam'; Country = 'DE'; City = 'Berlin'; State = ''; ContactFirstName = 'Jonas'; ContactLastName = 'Weber'; Email = 'jonas@fabrikam.de'; ExternalId = '' }
        ) | Export-Csv -Path $csv -NoTypeInformation

        $created = Import-Csv $csv | New-MspCustomer -ErrorVariable bad -ErrorAction SilentlyContinue

        $created.Name | Should -Be @('Contoso', 'Fabrikam')
        $bad.Count | Should -Be 1
        $bad[0].FullyQualifiedErrorId | Should -BeLike 'MspLicensing.InvalidValue,*'
        $bad[0].Exception.Message | Should -BeLike "*Country 'XX'*"
        (Get-MspCustomer -ExternalId @{ ConnectWiseManage = '4711' }).Name | Should -Be 'Contoso'
    }

    It 'shows customers in the default table at 80 columns' {
        $text = Get-MspCustomer -Name Contoso | Out-String -Width 80
        $text | Should -Match '(?m)^Name\s+Country\s+Enabled\s+Email\s*$'
        $text | Should -Match '(?m)^Contoso\s+US\s+True\s+ann@contoso\.com\s*$'
        ($text -split '\r?\n' | Measure-Object -Property Length -Maximum).Maximum | Should -BeLessOrEqual 80
    }

    It 'refuses to delete a customer in a Licensing Management Platform account (R12)' {
        { Remove-MspCustomer -Name Contoso -Confirm:$false -ErrorAction Stop } | Should -Throw -ErrorId 'MspLicensing.CustomerDeletionNotAllowed,MspLicensing.Commands.RemoveMspCustomerCommand'
        Get-MspCustomer -Name Contoso | Should -Not -BeNullOrEmpty
    }

    It 'changes a customer read from the pipeline and records the change' {
        Get-MspCustomer -Name Fabrikam | Set-MspCustomer -City Hamburg
        (Get-MspCustomer -Name Fabrikam).City | Should -Be 'Hamburg'
        (Get-MspCustomer -Name Fabrikam | Get-MspAuditLog -First 1).Summary | Should -Be "City: 'Berlin' -> 'Hamburg'"
    }
}
