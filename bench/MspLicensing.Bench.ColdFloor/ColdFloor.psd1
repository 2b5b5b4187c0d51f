@{
    RootModule        = 'MspLicensing.Bench.ColdFloor.dll'
    ModuleVersion     = '0.1.0'
    GUID              = '0b7f3a52-6c1e-4d8b-9f2a-3e5c7d9b1a64'
    Author            = 'MspLicensing contributors'
    Description       = 'The floor of the benchmark''s cold start: one binary cmdlet that does no work of its own.'
    PowerShellVersion = '5.1'
    FormatsToProcess  = @('ColdFloor.format.ps1xml')
    CmdletsToExport   = @('Get-ColdFloorItem')
    FunctionsToExport = @()
    VariablesToExport = @()
    AliasesToExport   = @()
}
