@{
    RootModule           = 'bin/MspLicensing.dll'
    ModuleVersion        = '0.1.0'
    GUID                 = '5d8a3c61-2f4e-4b7a-9c1d-8e6f0a2b4c3d'
    Author               = 'MspLicensing contributors'
    CompanyName          = 'MspLicensing'
    Copyright            = '(c) MspLicensing contributors. All rights reserved.'
    Description          = 'A licensing platform for managed service providers: end customers, service plans, licenses with seats and activation codes, crossgrades, trials, license migration, the monthly usage report and the Remote Manager view, in one store file.'
    PowerShellVersion    = '5.1'
    # The dlls are built for netstandard2.0; .NET Framework 4.6.1-4.7.1 would need extra facade assemblies.
    DotNetFrameworkVersion = '4.7.2'
    CompatiblePSEditions = @('Desktop', 'Core')
    FormatsToProcess     = @('bin/MspLicensing.format.ps1xml', 'bin/MspLicensing.List.format.ps1xml')
    CmdletsToExport      = @(
        'Connect-MspStore'
        'Disconnect-MspStore'
        'Get-MspStore'
        'Backup-MspStore'
        'Get-MspAuditLog'
        'Get-MspAccount'
        'Set-MspAccount'
        'Get-MspFeature'
        'Get-MspProduct'
        'New-MspCustomer'
        'Get-MspCustomer'
        'Set-MspCustomer'
        'Remove-MspCustomer'
        'New-MspServicePlan'
        'Get-MspServicePlan'
        'Set-MspServicePlan'
        'Remove-MspServicePlan'
        'New-MspSubscription'
        'Get-MspSubscription'
        'Set-MspSubscription'
        'Suspend-MspSubscription'
        'Resume-MspSubscription'
        'Stop-MspSubscription'
        'Convert-MspSubscription'
        'Get-MspLicense'
        'Set-MspLicense'
        'Remove-MspLicense'
        'Invoke-MspRenewal'
        'Get-MspCrossgradePlan'
        'Invoke-MspCrossgrade'
        'Get-MspUsageReport'
        'Set-MspUsageReport'
        'Submit-MspUsageReport'
        'Approve-MspUsageReport'
        'Deny-MspUsageReport'
        'Export-MspUsageReport'
        'Register-MspProduct'
        'Unregister-MspProduct'
        'Start-MspLicenseMigration'
        'Get-MspLicenseMigration'
        'Complete-MspLicenseMigration'
        'Sync-MspRemoteManager'
        'Get-MspManagedProduct'
        'New-MspTemplate'
        'Get-MspTemplate'
        'Set-MspTemplate'
        'Get-MspIntegration'
        'Enable-MspIntegration'
        'Disable-MspIntegration'
    )
    FunctionsToExport    = @()
    VariablesToExport    = @()
    AliasesToExport      = @()
    FileList             = @(
        'bin/MspLicensing.dll'
        'bin/MspLicensing.Domain.dll'
        'bin/MspLicensing.format.ps1xml'
        'bin/MspLicensing.List.format.ps1xml'
        'bin/Dependencies/MspLicensing.Store.LiteDb.dll'
        'bin/Dependencies/LiteDB.dll'
        'bin/Dependencies/System.Buffers.dll'
        'en-US/MspLicensing.dll-Help.xml'
        'en-US/about_MspLicensing.help.txt'
        'en-US/about_MspLicensing_Catalog.help.txt'
        'en-US/about_MspLicensing_Customers.help.txt'
        'en-US/about_MspLicensing_FeatureMatrix.help.txt'
        'en-US/about_MspLicensing_Rules.help.txt'
        'en-US/about_MspLicensing_SeatBands.help.txt'
    )
    PrivateData          = @{
        PSData = @{
            Tags       = @('MSP', 'Licensing', 'TrendMicro', 'LMP', 'RemoteManager', 'PSEdition_Desktop', 'PSEdition_Core', 'Windows', 'Linux', 'MacOS')
        }
    }
}
