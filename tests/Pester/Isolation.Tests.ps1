#Requires -Modules @{ ModuleName = 'Pester'; ModuleVersion = '5.0' }
# The module keeps its store and LiteDB apart from what other modules load: it runs on its own LiteDB whatever another
# module loaded before or after it. What matters is what a process loaded before the module, so every case runs in a
# fresh child pwsh. Needs the module built (dotnet build MspLicensing.sln) and the other LiteDB restored
# (dotnet restore tests/Pester/Restore).

BeforeAll {
    $script:root = (Resolve-Path (Join-Path $PSScriptRoot '../..')).Path
    $script:work = Join-Path ([IO.Path]::GetTempPath()) ('msplic-isolation-' + [guid]::NewGuid().ToString('N'))
    New-Item -ItemType Directory -Path $script:work | Out-Null

    # The module's LiteDB is the one it ships; the other is what the restore project downloads, as another module would bring it.
    $script:moduleLiteDb = [Reflection.AssemblyName]::GetAssemblyName((Join-Path $script:root 'bin/Dependencies/LiteDB.dll')).Version.ToString()
    [xml] $restore = Get-Content -LiteralPath (Join-Path $PSScriptRoot 'Restore/Pester.Restore.csproj') -Raw
    $otherVersion = $restore.Project.PropertyGroup.OtherLiteDbVersion
    $packages = $env:NUGET_PACKAGES
    if (-not $packages) {
        $packages = ((& dotnet nuget locals global-packages --list) -replace '^global-packages:\s*', '').Trim()
    }
    $script:otherLiteDb = Join-Path $packages "litedb/$otherVersion/lib/netstandard2.0/LiteDB.dll"
    if (-not (Test-Path -LiteralPath $script:otherLiteDb)) {
        throw "LiteDB $otherVersion is not in the NuGet packages folder ($packages). Run: dotnet restore tests/Pester/Restore"
    }
    $script:otherLiteDbVersion = [Reflection.AssemblyName]::GetAssemblyName($script:otherLiteDb).Version.ToString()

    # The stores and their dependencies precompiled for the .NET and platform of this pwsh, as the build lays them out
    # (src/MspLicensing.ReadyToRun): the module loads them from there, and the IL ones where there is no such folder.
    $os = if ($IsWindows) { 'win' } elseif ($IsMacOS) { 'osx' } else { 'linux' }
    $arch = [Runtime.InteropServices.RuntimeInformation]::ProcessArchitecture.ToString().ToLowerInvariant()
    $script:platform = 'net{0}-{1}-{2}' -f [Environment]::Version.Major, $os, $arch
    [xml] $readyToRun = Get-Content -LiteralPath (Join-Path $script:root 'src/MspLicensing.ReadyToRun/MspLicensing.ReadyToRun.csproj') -Raw
    $script:readyToRunMajor = [int]($readyToRun.Project.PropertyGroup.TargetFramework -replace '^net(\d+)\..*$', '$1')

    # Runs the module in a fresh pwsh: loads the other LiteDB (Before or After the module has used its store, or Never),
    # connects a new store, creates two customers, reads them back, and reports where each assembly was loaded from.
    # -ModuleRoot runs another copy of the module than the repository's.
    function Invoke-ModuleInFreshShell {
        param(
            [ValidateSet('Before', 'After', 'Never')]
            [string] $OtherLiteDb,
            [string] $ModuleRoot = $script:root
        )
        $folder = Join-Path $script:work ([guid]::NewGuid().ToString('N'))
        New-Item -ItemType Directory -Path $folder | Out-Null
        $literal = { param($text) "'" + ($text -replace "'", "''") + "'" }
        $script = @"
`$ErrorActionPreference = 'Stop'
`$ProgressPreference = 'SilentlyContinue'
`$when = $(& $literal $OtherLiteDb)
`$other = $(& $literal $script:otherLiteDb)
function Get-ContextName(`$assembly) { [System.Runtime.Loader.AssemblyLoadContext]::GetLoadContext(`$assembly).Name }

if (`$when -eq 'Before') { Add-Type -Path `$other }
Import-Module $(& $literal (Join-Path $ModuleRoot 'MspLicensing.psd1'))
Connect-MspStore -Path $(& $literal (Join-Path $folder 'store.db'))
`$null = New-MspCustomer -Name Contoso -Country US -City Seattle -State WA -ContactFirstName Ann -ContactLastName Lee -Email ann@contoso.com
if (`$when -eq 'After') { Add-Type -Path `$other }
`$null = New-MspCustomer -Name Fabrikam -Country DE -City Berlin -ContactFirstName Jonas -ContactLastName Weber -Email jonas@fabrikam.de
`$customers = @(Get-MspCustomer)
Disconnect-MspStore

`$store = [AppDomain]::CurrentDomain.GetAssemblies() | Where-Object { `$_.GetName().Name -eq 'MspLicensing.Store.LiteDb' }
# The LiteDB the store's code is bound to: the assembly of the LiteDB types its fields hold.
`$all = [Reflection.BindingFlags]'Public, NonPublic, Instance, Static, DeclaredOnly'
`$bound = `$store.GetTypes() | ForEach-Object { `$_.GetFields(`$all) } | ForEach-Object { `$_.FieldType.Assembly } |
    Where-Object { `$_.GetName().Name -eq 'LiteDB' } | Select-Object -First 1
`$result = [ordered]@{
    Customers        = @(`$customers | ForEach-Object Name | Sort-Object)
    CustomerContext  = Get-ContextName `$customers[0].GetType().Assembly
    CustomerLocation = `$customers[0].GetType().Assembly.Location
    StoreContext     = Get-ContextName `$store
    StoreLocation    = `$store.Location
    BoundLiteDb      = [ordered]@{ Version = `$bound.GetName().Version.ToString(); Context = Get-ContextName `$bound; Location = `$bound.Location }
    LoadedLiteDbs    = @([AppDomain]::CurrentDomain.GetAssemblies() | Where-Object { `$_.GetName().Name -eq 'LiteDB' } | ForEach-Object {
        [ordered]@{ Version = `$_.GetName().Version.ToString(); Context = Get-ContextName `$_; Location = `$_.Location } })
}
'RESULT:' + (ConvertTo-Json -InputObject `$result -Depth 4 -Compress)
"@
        # The same pwsh as this one: a tool pwsh runs as 'dotnet pwsh.dll', an installed one as its own executable.
        $executable = [Environment]::ProcessPath
        $arguments = @()
        if ([IO.Path]::GetFileNameWithoutExtension($executable) -eq 'dotnet') { $arguments += Join-Path $PSHOME 'pwsh.dll' }
        $encoded = [Convert]::ToBase64String([Text.Encoding]::Unicode.GetBytes($script))
        $output = @(& $executable @arguments -NoProfile -NonInteractive -EncodedCommand $encoded 2>&1 | ForEach-Object { "$_" })
        $line = $output | Where-Object { $_.StartsWith('RESULT:') } | Select-Object -Last 1
        if ($LASTEXITCODE -ne 0 -or -not $line) {
            throw "The child pwsh failed (exit code $LASTEXITCODE):`n$($output -join "`n")"
        }
        $line.Substring('RESULT:'.Length) | ConvertFrom-Json
    }

    # The module version id of an assembly file and whether it carries ReadyToRun code, read without loading it.
    function Read-PeFacts([string] $Path) {
        $stream = [IO.File]::OpenRead($Path)
        try {
            $pe = [Reflection.PortableExecutable.PEReader]::new($stream)
            $reader = [Reflection.Metadata.PEReaderExtensions]::GetMetadataReader($pe)
            [pscustomobject]@{
                ModuleVersionId = $reader.GetGuid($reader.GetModuleDefinition().Mvid)
                ReadyToRun      = $pe.PEHeaders.CorHeader.ManagedNativeHeaderDirectory.Size -gt 0
            }
        }
        finally { $stream.Dispose() }
    }

    # -From is the folder the store and LiteDB must come from: by default the images precompiled for this .NET and
    # platform when the build made them, else bin/Dependencies.
    function Assert-RunsOnOwnLiteDb($result, [string] $ModuleRoot = $script:root, [string] $From) {
        if (-not $From) {
            $From = Join-Path $ModuleRoot "bin/Dependencies/ReadyToRun/$script:platform"
            if (-not (Test-Path -LiteralPath $From)) { $From = Join-Path $ModuleRoot 'bin/Dependencies' }
        }
        $result.Customers | Should -Be @('Contoso', 'Fabrikam')
        # The domain types are cmdlet output: shared, from bin/.
        $result.CustomerContext | Should -Be 'Default'
        $result.CustomerLocation | Should -Be (Join-Path $ModuleRoot 'bin/MspLicensing.Domain.dll')
        # The store and the LiteDB it is bound to: the module's own, in its own load context, from bin/Dependencies.
        $result.StoreContext | Should -Be 'MspLicensing'
        $result.StoreLocation | Should -Be (Join-Path $From 'MspLicensing.Store.LiteDb.dll')
        $result.BoundLiteDb.Version | Should -Be $script:moduleLiteDb
        $result.BoundLiteDb.Context | Should -Be 'MspLicensing'
        $result.BoundLiteDb.Location | Should -Be (Join-Path $From 'LiteDB.dll')
    }
}

AfterAll {
    Remove-Item -LiteralPath $script:work -Recurse -Force -ErrorAction SilentlyContinue
}

Describe 'Dependency isolation' {
    It 'tests with two different LiteDB versions' {
        $script:moduleLiteDb | Should -Be '5.0.21.0'
        $script:otherLiteDbVersion | Should -Not -Be $script:moduleLiteDb
    }

    It 'runs the store on its own LiteDB when another module loaded another LiteDB first' {
        $result = Invoke-ModuleInFreshShell -OtherLiteDb Before

        Assert-RunsOnOwnLiteDb $result
        # The other LiteDB stays where the other module put it, the default context, and is not used by the store.
        $other = @($result.LoadedLiteDbs | Where-Object Context -EQ 'Default')
        $other.Count | Should -Be 1
        $other[0].Version | Should -Be $script:otherLiteDbVersion
        $other[0].Location | Should -Be $script:otherLiteDb
        @($result.LoadedLiteDbs).Count | Should -Be 2
    }

    It 'lets another module load its own LiteDB after the module has used the store' {
        $result = Invoke-ModuleInFreshShell -OtherLiteDb After

        Assert-RunsOnOwnLiteDb $result
        $other = @($result.LoadedLiteDbs | Where-Object Context -EQ 'Default')
        $other.Count | Should -Be 1
        $other[0].Version | Should -Be $script:otherLiteDbVersion
    }

    It 'runs the store on its own LiteDB with no other LiteDB loaded, leaving none in the default context' {
        $result = Invoke-ModuleInFreshShell -OtherLiteDb Never

        Assert-RunsOnOwnLiteDb $result
        @($result.LoadedLiteDbs).Count | Should -Be 1
        $result.LoadedLiteDbs[0].Context | Should -Be 'MspLicensing'
    }

    It 'runs the store from the images precompiled for the .NET and platform of this pwsh' {
        if ([Environment]::Version.Major -ne $script:readyToRunMajor) {
            Set-ItResult -Skipped -Because "the build precompiles for .NET $script:readyToRunMajor and this pwsh runs on .NET $([Environment]::Version.Major)"
            return
        }
        $result = Invoke-ModuleInFreshShell -OtherLiteDb Before

        Assert-RunsOnOwnLiteDb $result -From (Join-Path $script:root "bin/Dependencies/ReadyToRun/$script:platform")
    }

    It 'runs the store from the IL assemblies in bin/Dependencies where the build precompiled nothing for this platform, with another LiteDB loaded first' {
        $copy = Join-Path $script:work 'without-images'
        New-Item -ItemType Directory -Path $copy | Out-Null
        foreach ($item in 'MspLicensing.psd1', 'bin', 'en-US') { Copy-Item -LiteralPath (Join-Path $script:root $item) -Destination $copy -Recurse }
        Remove-Item -LiteralPath (Join-Path $copy 'bin/Dependencies/ReadyToRun') -Recurse -Force -ErrorAction SilentlyContinue

        $result = Invoke-ModuleInFreshShell -OtherLiteDb Before -ModuleRoot $copy

        Assert-RunsOnOwnLiteDb $result -ModuleRoot $copy -From (Join-Path $copy 'bin/Dependencies')
        @($result.LoadedLiteDbs | Where-Object Context -EQ 'Default').Count | Should -Be 1
    }
}

Describe 'Module layout' {
    It 'keeps the cmdlet and domain dlls in bin/ and the stores with LiteDB, Npgsql and what they need (on Windows PowerShell too) in bin/Dependencies/' {
        $bin = Join-Path $script:root 'bin'
        (Get-ChildItem -LiteralPath $bin -Filter *.dll).Name | Sort-Object | Should -Be (@('MspLicensing.dll', 'MspLicensing.Domain.dll') | Sort-Object)
        (Get-ChildItem -LiteralPath (Join-Path $bin 'Dependencies') -Filter *.dll).Name | Sort-Object |
            Should -Be (@(
                'LiteDB.dll', 'MspLicensing.Store.LiteDb.dll', 'Newtonsoft.Json.dll', 'System.Buffers.dll',
                # The team store: Npgsql 8 and the netstandard2.0 packages it brings.
                'MspLicensing.Store.Postgres.dll', 'Npgsql.dll', 'Microsoft.Bcl.AsyncInterfaces.dll', 'Microsoft.Bcl.HashCode.dll',
                'Microsoft.Extensions.DependencyInjection.Abstractions.dll', 'Microsoft.Extensions.Logging.Abstractions.dll',
                'System.Collections.Immutable.dll', 'System.Diagnostics.DiagnosticSource.dll', 'System.Memory.dll', 'System.Numerics.Vectors.dll',
                'System.Runtime.CompilerServices.Unsafe.dll', 'System.Text.Encodings.Web.dll', 'System.Text.Json.dll', 'System.Threading.Channels.dll',
                'System.Threading.Tasks.Extensions.dll'
            ) | Sort-Object)
    }

    It 'lists every dll in the FileList of the manifest, but the images precompiled for the platform of the build, and declares .NET Framework 4.7.2 for Windows PowerShell' {
        $manifest = Import-PowerShellDataFile (Join-Path $script:root 'MspLicensing.psd1')
        $dlls = Get-ChildItem -LiteralPath (Join-Path $script:root 'bin') -Filter *.dll -Recurse |
            ForEach-Object { [IO.Path]::GetRelativePath($script:root, $_.FullName).Replace('\', '/') } |
            Where-Object { -not $_.StartsWith('bin/Dependencies/ReadyToRun/') }
        $listed = $manifest.FileList | Where-Object { $_ -like '*.dll' }
        $dlls | Sort-Object | Should -Be ($listed | Sort-Object)
        $manifest.DotNetFrameworkVersion | Should -Be '4.7.2'
    }

    It 'precompiles every assembly of bin/Dependencies but the System ones PowerShell 7 brings, for the .NET and platform of the build: the same assemblies, with native code' {
        if ([Environment]::Version.Major -ne $script:readyToRunMajor) {
            Set-ItResult -Skipped -Because "the build precompiles for .NET $script:readyToRunMajor and this pwsh runs on .NET $([Environment]::Version.Major)"
            return
        }
        $images = Join-Path $script:root "bin/Dependencies/ReadyToRun/$script:platform"
        $compiled = (Get-ChildItem -LiteralPath (Join-Path $script:root 'bin/Dependencies') -Filter *.dll).Name |
            Where-Object { -not $_.StartsWith('System.') } | Sort-Object
        $compiled | Should -Contain 'Npgsql.dll'
        (Get-ChildItem -LiteralPath $images -Filter *.dll).Name | Sort-Object | Should -Be $compiled
        foreach ($name in $compiled) {
            $il = Read-PeFacts (Join-Path $script:root "bin/Dependencies/$name")
            $image = Read-PeFacts (Join-Path $images $name)
            # The same build (a stale image would run old code), and native code that the IL assembly has not.
            $image.ModuleVersionId | Should -Be $il.ModuleVersionId -Because "$name in $images must be the build of bin/Dependencies/$name"
            $image.ReadyToRun | Should -BeTrue -Because "$name in $images must be precompiled"
            $il.ReadyToRun | Should -BeFalse
        }
    }
}

