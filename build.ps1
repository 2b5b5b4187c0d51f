<#
.SYNOPSIS
    Builds MspLicensing, regenerates its help, runs the tests and packages the module.
.DESCRIPTION
    For people with PowerShell 7 or Windows PowerShell 5.1 and the .NET SDK. Without pwsh, the two commands in
    README.md (dotnet build / dotnet test) do the same build and tests.
    Steps: build the solution; regenerate the help (MAML, about topics, docs/*.md) from the code and the domain;
    build the module again so the fresh help lands in en-US/ beside the manifest, where Get-Help looks; run the xunit tests; run the Pester tests in
    tests/Pester when Pester 5 is installed; with -Package, lay out a module folder in out/MspLicensing/<version>.
.EXAMPLE
    ./build.ps1
.EXAMPLE
    ./build.ps1 -Configuration Release -Package
#>
[CmdletBinding()]
param(
    [ValidateSet('Debug', 'Release')]
    [string] $Configuration = 'Release',

    [switch] $SkipTests,

    [switch] $Package
)

$ErrorActionPreference = 'Stop'
Set-Location -LiteralPath $PSScriptRoot

function Invoke-Step {
    param([string] $Name, [scriptblock] $Action)
    Write-Host "==> $Name" -ForegroundColor Cyan
    & $Action
    if ($LASTEXITCODE -ne 0) { throw "$Name failed (exit code $LASTEXITCODE)." }
}

Invoke-Step 'Build' { dotnet build MspLicensing.sln -c $Configuration }
Invoke-Step 'Generate help' { dotnet run --project src/MspLicensing.HelpGen -c $Configuration --no-build }
Invoke-Step 'Lay out the module with the fresh help (en-US/ beside the manifest)' { dotnet build src/MspLicensing -c $Configuration --no-restore }

if (-not $SkipTests) {
    Invoke-Step 'xunit tests' { dotnet test MspLicensing.sln -c $Configuration --no-build }

    $pester = Get-Module -ListAvailable -Name Pester | Where-Object Version -ge ([version]'5.0') | Sort-Object Version -Descending | Select-Object -First 1
    if ($pester) {
        Write-Host "==> Pester tests (Pester $($pester.Version))" -ForegroundColor Cyan
        # A child process, so the module loaded by the tests does not lock bin/ in this session.
        $pwsh = (Get-Process -Id $PID).Path
        & $pwsh -NoProfile -Command "Import-Module Pester -MinimumVersion 5.0; `$r = Invoke-Pester -Path '$PSScriptRoot/tests/Pester' -Output Detailed -PassThru; exit `$r.FailedCount"
        if ($LASTEXITCODE -ne 0) { throw "Pester tests failed ($LASTEXITCODE failed)." }
    }
    else {
        Write-Host '==> Pester 5 is not installed: Pester tests skipped (Install-Module Pester -MinimumVersion 5.0).' -ForegroundColor Yellow
    }
}

if ($Package) {
    $manifest = Import-PowerShellDataFile -Path ./MspLicensing.psd1
    $target = Join-Path $PSScriptRoot "out/MspLicensing/$($manifest.ModuleVersion)"
    if (Test-Path $target) { Remove-Item -LiteralPath $target -Recurse -Force }
    New-Item -ItemType Directory -Path $target | Out-Null
    Copy-Item -LiteralPath ./MspLicensing.psd1 -Destination $target
    Copy-Item -LiteralPath ./bin -Destination $target -Recurse
    Copy-Item -LiteralPath ./en-US -Destination $target -Recurse
    Get-ChildItem -Path (Join-Path $target 'bin') -Filter *.pdb -Recurse | Remove-Item
    Test-ModuleManifest -Path (Join-Path $target 'MspLicensing.psd1') | Out-Null
    Write-Host "==> Packaged: $target" -ForegroundColor Green
}
