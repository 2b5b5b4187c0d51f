#Requires -Modules @{ ModuleName = 'Pester'; ModuleVersion = '5.0' }
# Damaged store files in the real pwsh: a store cut to 409,600 bytes and one with a random second page are refused by
# Connect-MspStore with StoreDamaged, a scheduled task (another process, MSPLICENSING_STORE) that adds a customer to one
# fails with StoreDamaged and exit code 1, Test-MspStore lists the damage at 80 columns, and no file changes a byte.

BeforeAll {
    . (Join-Path $PSScriptRoot 'Acceptance.Helpers.ps1')
    $script:session = Enter-TestSession 'damaged'
    $script:work = $script:session.Folder
    Import-Module $script:ModuleManifest -Force
    $good = Join-Path $script:work 'good.db'
    Connect-MspStore -Path $good
    1..400 | ForEach-Object {
        [pscustomobject]@{ Name = "Customer $_"; Country = 'US'; City = 'Seattle'; ContactFirstName = 'Ann'; ContactLastName = 'Lee'; Email = 'ann@example.com' }
    } | New-MspCustomer | Out-Null
    Disconnect-MspStore
    $bytes = [IO.File]::ReadAllBytes($good)

    $script:truncated = Join-Path $script:work 'truncated.db'
    [IO.File]::WriteAllBytes($script:truncated, $bytes[0..(409600 - 1)])
    $script:overwritten = Join-Path $script:work 'overwritten.db'
    $page = [byte[]]::new(8192)
    [Random]::new(7).NextBytes($page)
    $copy = [byte[]]$bytes.Clone()
    [Array]::Copy($page, 0, $copy, 8192, 8192)
    [IO.File]::WriteAllBytes($script:overwritten, $copy)

    function Get-Hash([string] $Path) { (Get-FileHash -LiteralPath $Path -Algorithm SHA256).Hash }
}

AfterAll {
    Exit-TestSession $script:session
}

Describe 'A damaged store' {
    It 'is refused by Connect-MspStore with StoreDamaged, <Name>' -ForEach @(
        @{ Name = 'cut to 409,600 bytes'; Variable = 'truncated'; Says = 'truncated' }
        @{ Name = 'with a random second page'; Variable = 'overwritten'; Says = 'not a collection page' }
    ) {
        $path = Get-Variable -Name $Variable -Scope Script -ValueOnly
        $before = Get-Hash $path
        $caught = $null
        try { Connect-MspStore -Path $path -ErrorAction Stop } catch { $caught = $_ }
        $caught.FullyQualifiedErrorId | Should -Be 'MspLicensing.StoreDamaged,MspLicensing.Commands.ConnectMspStoreCommand'
        $caught.CategoryInfo.Category | Should -Be 'InvalidData'
        $caught.Exception.Message | Should -Match ([regex]::Escape($path))
        $caught.Exception.Message | Should -Match $Says
        $caught.Exception.Message | Should -Match 'Backup-MspStore'
        Get-Hash $path | Should -Be $before
    }

    It 'fails a scheduled task that adds a customer, with exit code 1, and is left as it was' {
        $before = Get-Hash $script:truncated
        $job = Join-Path $script:work 'job.ps1'
        [IO.File]::WriteAllText($job, @"
`$env:MSPLICENSING_STORE = '$($script:truncated)'
Import-Module '$($script:ModuleManifest)'
try {
    New-MspCustomer -Name Added -Country US -City Seattle -ContactFirstName Ann -ContactLastName Lee -Email ann@example.com -ErrorAction Stop | Out-Null
    'RESULT created'
} catch { 'RESULT ' + `$_.FullyQualifiedErrorId; exit 1 }
"@)
        $output = @(& dotnet $script:PwshDll -NoProfile -NonInteractive -File $job 2>&1)
        $LASTEXITCODE | Should -Be 1
        $output | Should -Contain 'RESULT MspLicensing.StoreDamaged,MspLicensing.Commands.NewMspCustomerCommand'
        Get-Hash $script:truncated | Should -Be $before
    }

    It 'is listed by Test-MspStore at 80 columns without a change' {
        $before = Get-Hash $script:overwritten
        $report = Test-MspStore -Path $script:overwritten
        $report.Healthy | Should -BeFalse
        $report.Problems | Should -Not -BeNullOrEmpty
        $text = $report | Out-String -Width 80
        ($text -split "`n" | Measure-Object -Maximum -Property Length).Maximum | Should -BeLessOrEqual 80
        $text | Should -Match '(?m)^Healthy\s+Problems\s+Documents\s+Path'
        $text | Should -Match '(?m)^False\s+\d+\s+0\s+\S*overwritten\.db'
        Test-MspStore -Path (Join-Path $script:work 'good.db') -Quiet | Should -BeTrue
        Get-Hash $script:overwritten | Should -Be $before
    }
}
