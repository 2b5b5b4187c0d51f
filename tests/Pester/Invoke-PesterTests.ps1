<#
.SYNOPSIS
    Runs the Pester acceptance tests of MspLicensing in this PowerShell and prints "Pester: N passed, N failed".
.DESCRIPTION
    Uses the Pester version that tests/Pester/Restore/Pester.Restore.csproj restores from NuGet (dotnet restore that
    project first; ./test.sh and ./build.ps1 do). The module must be built (dotnet build MspLicensing.sln). A test file
    that fails to load counts as failed. The exit code is the number of failures (0 when everything passed).
.PARAMETER Path
    Test files or folders to run; by default every *.Tests.ps1 file in tests/Pester.
.EXAMPLE
    dotnet pwsh -NoProfile -NonInteractive -File tests/Pester/Invoke-PesterTests.ps1
#>
[CmdletBinding()]
param(
    [string[]] $Path = @($PSScriptRoot)
)

$ErrorActionPreference = 'Stop'
Set-StrictMode -Version 3.0

[xml] $restore = Get-Content -LiteralPath (Join-Path $PSScriptRoot 'Restore/Pester.Restore.csproj') -Raw
$version = $restore.Project.PropertyGroup.PesterVersion
$packages = $env:NUGET_PACKAGES
if (-not $packages) {
    $listed = & dotnet nuget locals global-packages --list
    $packages = ($listed -replace '^global-packages:\s*', '').Trim()
}
$pesterManifest = Join-Path $packages "pester/$version/tools/Pester.psd1"
if (-not (Test-Path -LiteralPath $pesterManifest)) {
    throw "Pester $version is not in the NuGet packages folder ($packages). Run: dotnet restore tests/Pester/Restore"
}
Import-Module -Name $pesterManifest -Force

$configuration = New-PesterConfiguration
$configuration.Run.Path = $Path
$configuration.Run.PassThru = $true
$configuration.Output.RenderMode = 'Plaintext'
$configuration.Output.Verbosity = 'Detailed'
$result = Invoke-Pester -Configuration $configuration

$failed = $result.FailedCount + $result.FailedContainersCount
'Pester {0}: {1} passed, {2} failed, {3} skipped' -f $version, $result.PassedCount, $failed, $result.SkippedCount
exit $failed
