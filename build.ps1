<#
.SYNOPSIS
    Builds MspLicensing, regenerates its help, runs the tests and packages the module.
.DESCRIPTION
    For people with PowerShell 7 or Windows PowerShell 5.1 and the .NET SDK. Without pwsh, ./test.sh (README.md)
    runs the same build and tests.
    Steps: build the solution; regenerate the help (MAML, about topics, docs/*.md) from the code and the domain;
    build the module again so the fresh help lands in en-US/ beside the manifest, where Get-Help looks; run the xunit
    tests; run the Pester tests in tests/Pester with the pwsh (dotnet-tools.json) and Pester
    (tests/Pester/Restore) versions the repository pins; with -Package, lay out a module folder in
    out/MspLicensing/<version>.
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
    # The same run as ./test.sh: the xunit projects, then the Pester tests in the pwsh and Pester versions the
    # repository pins (dotnet-tools.json, tests/Pester/Restore), whatever PowerShell runs this script.
    Invoke-Step 'Restore the local tools (pwsh) and Pester' { dotnet tool restore; if ($LASTEXITCODE -eq 0) { dotnet restore tests/Pester/Restore } }
    Invoke-Step 'xunit tests' { dotnet test MspLicensing.sln -c $Configuration --no-build }
    # A child process, so the module loaded by the tests does not lock bin/ in this session; without a terminal it
    # formats at 80 columns, as a scheduled task does.
    $env:POWERSHELL_TELEMETRY_OPTOUT = '1'
    $env:POWERSHELL_UPDATECHECK = 'Off'
    Invoke-Step 'Pester tests' { dotnet pwsh -NoProfile -NonInteractive -File tests/Pester/Invoke-PesterTests.ps1 }
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
