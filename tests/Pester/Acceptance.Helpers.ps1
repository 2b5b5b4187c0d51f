<#
.SYNOPSIS
    Shared helpers of the Pester acceptance tests: a temp folder per test file, the module manifest by its full path,
    the PowerShell blocks of a markdown file, and a child pwsh process run the way a scheduled task runs it.
.DESCRIPTION
    Dot-source it in a BeforeAll block. Nothing here touches the user's default store: every child process gets
    MSPLICENSING_STORE pointing into the test's own folder unless the caller passes a store of its own.
#>

$script:RepoRoot = (Resolve-Path -LiteralPath (Join-Path $PSScriptRoot '../..')).ProviderPath
$script:ModuleManifest = Join-Path $script:RepoRoot 'MspLicensing.psd1'

# The pwsh of this session is `dotnet pwsh.dll` (a local dotnet tool); the tool resolves only inside the repo,
# so child shells start pwsh.dll by its full path and work from any folder.
$script:PwshDll = Join-Path $PSHOME 'pwsh.dll'

function New-TestFolder {
    param([Parameter(Mandatory)] [string] $Name)
    $path = Join-Path ([IO.Path]::GetTempPath()) ("msplic-{0}-{1}" -f $Name, [guid]::NewGuid().ToString('N'))
    New-Item -ItemType Directory -Path $path | Out-Null
    (Resolve-Path -LiteralPath $path).ProviderPath
}

function Remove-TestFolder {
    param([string] $Path)
    if ($Path -and (Test-Path -LiteralPath $Path)) {
        Remove-Item -LiteralPath $Path -Recurse -Force -ErrorAction SilentlyContinue
    }
}

function Enter-TestSession {
    <#
    A temp folder for one test file, with MSPLICENSING_STORE pointed into it: anything that runs before a store is
    connected lands there, never in the user's default store. Returns what Exit-TestSession takes back.
    #>
    param([Parameter(Mandatory)] [string] $Name)
    $session = [pscustomobject]@{ Folder = (New-TestFolder $Name); SavedStore = $env:MSPLICENSING_STORE }
    $env:MSPLICENSING_STORE = Join-Path $session.Folder 'fallback.db'
    $session
}

function Exit-TestSession {
    <# Disconnects and removes the module if a test loaded it, restores MSPLICENSING_STORE and removes the folder. #>
    param([Parameter(Mandatory)] $Session)
    if (Get-Command Disconnect-MspStore -ErrorAction SilentlyContinue) { Disconnect-MspStore -ErrorAction SilentlyContinue }
    Remove-Module MspLicensing -Force -ErrorAction SilentlyContinue
    $env:MSPLICENSING_STORE = $Session.SavedStore
    Remove-TestFolder $Session.Folder
}

function Get-MarkdownPowerShellBlock {
    <# The ```powershell blocks of a markdown text, in order; -Under limits them to one "## " section. #>
    param(
        [Parameter(Mandatory)] [string] $Path,
        [string] $Under
    )
    $text = [IO.File]::ReadAllText($Path)
    if ($Under) {
        $start = $text.IndexOf("`n$Under")
        if ($start -lt 0) { throw "No section '$Under' in $Path" }
        $text = $text.Substring($start + 1)
        $next = [regex]::Match($text.Substring($Under.Length), '(?m)^## ')
        if ($next.Success) { $text = $text.Substring(0, $Under.Length + $next.Index) }
    }
    foreach ($match in [regex]::Matches($text, '(?ms)^```powershell\r?\n(.*?)^```')) {
        $match.Groups[1].Value
    }
}

function ConvertTo-ScriptWithManifestPath {
    <# Replaces the documented ./MspLicensing.psd1 by the full path of the built manifest, nothing else. #>
    param([Parameter(Mandatory)] [string] $Script)
    $Script.Replace('./MspLicensing.psd1', "'$($script:ModuleManifest.Replace("'", "''"))'")
}

function Invoke-ChildPwsh {
    <#
    Runs a child `dotnet pwsh.dll -NoProfile -NonInteractive <arguments>` in a folder and returns its exit code,
    standard output and standard error. MSPLICENSING_STORE is set for it (never the user's default store) and the
    module path holds only pwsh's own modules, so no installed MspLicensing can leak in.
    #>
    param(
        [Parameter(Mandatory)] [string[]] $ArgumentList,
        [Parameter(Mandatory)] [string] $WorkingDirectory,
        [Parameter(Mandatory)] [string] $Store,
        # A team store (PostgreSQL connection string) for the child, as $env:MSPLICENSING_CONNECTION.
        [string] $Connection,
        [switch] $NoWait
    )
    $start = [Diagnostics.ProcessStartInfo]::new('dotnet')
    $start.ArgumentList.Add($script:PwshDll)
    foreach ($argument in @('-NoProfile', '-NonInteractive') + $ArgumentList) { $start.ArgumentList.Add($argument) }
    $start.WorkingDirectory = $WorkingDirectory
    $start.UseShellExecute = $false
    $start.RedirectStandardOutput = $true
    $start.RedirectStandardError = $true
    $start.RedirectStandardInput = $true
    $start.Environment['MSPLICENSING_STORE'] = $Store
    $start.Environment['MSPLICENSING_CONNECTION'] = if ($Connection) { $Connection } else { $null }
    $start.Environment['POWERSHELL_TELEMETRY_OPTOUT'] = '1'
    $start.Environment['POWERSHELL_UPDATECHECK'] = 'Off'
    $start.Environment['PSModulePath'] = Join-Path $PSHOME 'Modules'
    $process = [Diagnostics.Process]::Start($start)
    $process.StandardInput.Close()
    $stdout = $process.StandardOutput.ReadToEndAsync()
    $stderr = $process.StandardError.ReadToEndAsync()
    $run = [pscustomobject]@{ Process = $process; StdOutTask = $stdout; StdErrTask = $stderr }
    if ($NoWait) { return $run }
    Wait-ChildPwsh $run
}

function Wait-ChildPwsh {
    param([Parameter(Mandatory)] $Run, [int] $TimeoutSeconds = 300)
    if (-not $Run.Process.WaitForExit($TimeoutSeconds * 1000)) {
        $Run.Process.Kill($true)
        throw "The child pwsh (process $($Run.Process.Id)) did not end within $TimeoutSeconds s"
    }
    $Run.Process.WaitForExit()
    [pscustomobject]@{
        ExitCode = $Run.Process.ExitCode
        StdOut   = $Run.StdOutTask.GetAwaiter().GetResult()
        StdErr   = $Run.StdErrTask.GetAwaiter().GetResult()
    }
}
