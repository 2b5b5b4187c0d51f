#Requires -Modules @{ ModuleName = 'Pester'; ModuleVersion = '5.0' }
# The team store in the real pwsh: Connect-MspStore -ConnectionString with -Credential, Get-MspStore, and a scheduled
# task's child pwsh that finds the team store through $env:MSPLICENSING_CONNECTION. Needs the PostgreSQL server that
# test.sh starts (MSPLICENSING_TEST_POSTGRES); without it these tests are skipped with the reason, and under CI=true
# they fail. It also shows that the team store keeps working beside a module that loaded other versions of the
# libraries Npgsql needs (System.Text.Json, Microsoft.Extensions.Logging.Abstractions), before or after it.

BeforeAll {
    . (Join-Path $PSScriptRoot 'Acceptance.Helpers.ps1')
    $script:session = Enter-TestSession 'teamstore'
    $script:server = $env:MSPLICENSING_TEST_POSTGRES
    $script:unavailable = $null
    if (-not $script:server) {
        $script:unavailable = 'no PostgreSQL server for the tests (MSPLICENSING_TEST_POSTGRES is not set; ./test.sh starts one)'
        if ($env:CI -eq 'true') { throw "CI=true needs the team-store tests to run, but there is $script:unavailable" }
    }
    else {
        $psql = @(Get-Command psql -CommandType Application -ErrorAction SilentlyContinue | ForEach-Object Source) +
                @(Get-ChildItem /usr/lib/postgresql/*/bin/psql -ErrorAction SilentlyContinue | ForEach-Object FullName) | Select-Object -First 1
        $parts = @{}
        foreach ($pair in $script:server -split ';') { if ($pair -match '^\s*([^=]+?)\s*=\s*(.*)$') { $parts[$Matches[1].ToLowerInvariant()] = $Matches[2] } }
        $script:database = 'msplic_pester_' + [guid]::NewGuid().ToString('N').Substring(0, 12)
        & $psql -h $parts['host'] -p $parts['port'] -U $parts['username'] -d postgres -q -c "CREATE DATABASE $script:database" | Out-Null
        if ($LASTEXITCODE -ne 0) { throw "psql could not create the test database" }
        $script:admin = @{ Psql = $psql; Host = $parts['host']; Port = $parts['port']; User = $parts['username'] }
        $script:connection = "Host=$($parts['host']);Port=$($parts['port']);Database=$script:database;Username=$($parts['username'])"
    }
}

AfterAll {
    if ($script:admin) {
        foreach ($name in @($script:database) + @($script:otherDatabases)) {
            if ($name) { & $script:admin.Psql -h $script:admin.Host -p $script:admin.Port -U $script:admin.User -d postgres -q -c "DROP DATABASE IF EXISTS $name WITH (FORCE)" | Out-Null }
        }
    }
    Exit-TestSession $script:session
}

Describe 'The team store in pwsh' {
    BeforeEach {
        if ($script:unavailable) { Set-ItResult -Skipped -Because $script:unavailable }
    }

    It 'connects with a credential, works like a store file, and shows the store without the password' {
        $secret = 'Pw-' + [guid]::NewGuid().ToString('N')
        $script = @"
`$ErrorActionPreference = 'Stop'
Import-Module '$script:ModuleManifest'
`$credential = [pscredential]::new('$($script:admin.User)', (ConvertTo-SecureString '$secret' -AsPlainText -Force))
Connect-MspStore -ConnectionString '$script:connection' -Credential `$credential
`$null = New-MspCustomer -Name Contoso -Country US -City Seattle -State WA -ContactFirstName Ann -ContactLastName Lee -Email ann@contoso.com
Get-MspCustomer | Format-Table | Out-String -Width 80
Get-MspStore | Format-List Kind, Server, Database, SchemaVersion, Customers, Path | Out-String
`$npgsql = [AppDomain]::CurrentDomain.GetAssemblies() | Where-Object { `$_.GetName().Name -eq 'Npgsql' }
'Npgsql context: ' + [System.Runtime.Loader.AssemblyLoadContext]::GetLoadContext(`$npgsql).Name
"@
        $run = Invoke-ChildPwsh -ArgumentList @('-Command', $script) -WorkingDirectory $script:session.Folder -Store (Join-Path $script:session.Folder 'unused.db')
        $run.StdErr | Should -BeNullOrEmpty
        $run.ExitCode | Should -Be 0
        $run.StdOut | Should -Match 'Contoso\s+US\s+True'
        $run.StdOut | Should -Match 'Kind\s+: PostgreSQL'
        $run.StdOut | Should -Match "Database\s+: $script:database"
        $run.StdOut | Should -Match 'Customers\s+: 1'
        $run.StdOut | Should -Match 'Npgsql context: MspLicensing'
        $run.StdOut | Should -Not -Match $secret
    }

    It 'runs on its own Npgsql when another module loaded another Npgsql first' {
        [xml] $restore = Get-Content -LiteralPath (Join-Path $PSScriptRoot 'Restore/Pester.Restore.csproj') -Raw
        $version = $restore.Project.PropertyGroup.OtherNpgsqlVersion
        $packages = $env:NUGET_PACKAGES
        if (-not $packages) { $packages = ((& dotnet nuget locals global-packages --list) -replace '^global-packages:\s*', '').Trim() }
        $other = Join-Path $packages "npgsql/$version/lib/net8.0/Npgsql.dll"
        Test-Path -LiteralPath $other | Should -BeTrue -Because 'dotnet restore tests/Pester/Restore brings it'
        $script = @"
`$ErrorActionPreference = 'Stop'
`$null = [Reflection.Assembly]::LoadFrom('$other')
Import-Module '$script:ModuleManifest'
Connect-MspStore -ConnectionString '$script:connection'
(Get-MspStore).Kind
[AppDomain]::CurrentDomain.GetAssemblies() | Where-Object { `$_.GetName().Name -eq 'Npgsql' } | Sort-Object { `$_.GetName().Version } |
    ForEach-Object { 'Npgsql ' + `$_.GetName().Version + ' in ' + [System.Runtime.Loader.AssemblyLoadContext]::GetLoadContext(`$_).Name }
"@
        $run = Invoke-ChildPwsh -ArgumentList @('-Command', $script) -WorkingDirectory $script:session.Folder -Store (Join-Path $script:session.Folder 'unused.db')
        $run.StdErr | Should -BeNullOrEmpty
        $run.ExitCode | Should -Be 0
        $run.StdOut | Should -Match 'PostgreSQL'
        $run.StdOut | Should -Match 'Npgsql 8\.0\.9\.0 in MspLicensing'
        $run.StdOut | Should -Match "Npgsql $([regex]::Escape($version))\.0 in Default"
    }

    It 'is the store of a scheduled task whose environment names it (MSPLICENSING_CONNECTION)' {
        $script = @"
`$ErrorActionPreference = 'Stop'
Import-Module '$script:ModuleManifest'
`$null = New-MspCustomer -Name Fabrikam -Country DE -City Berlin -ContactFirstName Jonas -ContactLastName Weber -Email jonas@fabrikam.de
(Get-MspCustomer | ForEach-Object Name | Sort-Object) -join ','
(Get-MspStore).Source
"@
        $run = Invoke-ChildPwsh -ArgumentList @('-Command', $script) -WorkingDirectory $script:session.Folder -Store (Join-Path $script:session.Folder 'unused.db') -Connection $script:connection
        $run.StdErr | Should -BeNullOrEmpty
        $run.ExitCode | Should -Be 0
        $run.StdOut | Should -Match 'Contoso,Fabrikam'
        $run.StdOut | Should -Match 'MSPLICENSING_CONNECTION'
        Test-Path (Join-Path $script:session.Folder 'unused.db') | Should -BeFalse
    }
}

Describe 'The team store beside a module with other versions of the libraries Npgsql needs' {
    BeforeAll {
        # What another module brings: System.Text.Json and Microsoft.Extensions.Logging.Abstractions of other versions
        # than the module's (tests/Pester/Restore downloads them).
        [xml] $restore = Get-Content -LiteralPath (Join-Path $PSScriptRoot 'Restore/Pester.Restore.csproj') -Raw
        $packages = $env:NUGET_PACKAGES
        if (-not $packages) { $packages = ((& dotnet nuget locals global-packages --list) -replace '^global-packages:\s*', '').Trim() }
        $script:otherJson = Join-Path $packages "system.text.json/$($restore.Project.PropertyGroup.OtherSystemTextJsonVersion)/lib/netstandard2.0/System.Text.Json.dll"
        $script:otherLogging = Join-Path $packages "microsoft.extensions.logging.abstractions/$($restore.Project.PropertyGroup.OtherLoggingAbstractionsVersion)/lib/netstandard2.0/Microsoft.Extensions.Logging.Abstractions.dll"
        $script:ourLogging = [Reflection.AssemblyName]::GetAssemblyName((Join-Path $script:RepoRoot 'bin/Dependencies/Microsoft.Extensions.Logging.Abstractions.dll')).Version.ToString()
        $script:otherDatabases = @()

        # A fresh pwsh: the other module loads its libraries Before or After the module has used the team store (in a
        # database of its own); both then work, and the lines it prints say which library each one is bound to.
        function Invoke-BesideOtherLibraries([ValidateSet('Before', 'After')] [string] $When) {
            $name = 'msplic_pester_' + [guid]::NewGuid().ToString('N').Substring(0, 12)
            & $script:admin.Psql -h $script:admin.Host -p $script:admin.Port -U $script:admin.User -d postgres -q -c "CREATE DATABASE $name" | Out-Null
            $script:otherDatabases += $name
            $connection = $script:connection -replace 'Database=[^;]+', "Database=$name"
            $script = @"
`$ErrorActionPreference = 'Stop'
function Context(`$assembly) { [System.Runtime.Loader.AssemblyLoadContext]::GetLoadContext(`$assembly).Name }
# The other module: its logging abstractions go where Add-Type puts them (the shared context); a System.Text.Json of
# another version than the runtime's can only be loaded into a context of its own (Add-Type would give the runtime's).
function Import-Other {
    `$script:logging = [Reflection.Assembly]::LoadFrom('$script:otherLogging')
    `$script:json = [Reflection.Assembly]::LoadFile('$script:otherJson')
}
function Use-Other {
    `$logger = (`$script:logging.GetType('Microsoft.Extensions.Logging.Abstractions.NullLoggerFactory'))::Instance.CreateLogger('other')
    `$level = [Enum]::ToObject(`$script:logging.GetType('Microsoft.Extensions.Logging.LogLevel'), 2)
    'Other logging ' + `$logger.GetType().Assembly.GetName().Version + ' in ' + (Context `$logger.GetType().Assembly) + ': enabled=' + `$logger.IsEnabled(`$level)
    `$document = (`$script:json.GetType('System.Text.Json.JsonDocument'))::Parse('{"seats": 12}', [Activator]::CreateInstance(`$script:json.GetType('System.Text.Json.JsonDocumentOptions')))
    'Other json ' + `$document.GetType().Assembly.GetName().Version + ': seats=' + `$document.RootElement.GetProperty('seats').GetInt32()
}
if ('$When' -eq 'Before') { Import-Other; Use-Other }
Import-Module '$script:ModuleManifest'
Connect-MspStore -ConnectionString '$connection'
`$null = New-MspCustomer -Name Contoso -Country US -City Seattle -State WA -ContactFirstName Ann -ContactLastName Lee -Email ann@contoso.com
if ('$When' -eq 'After') { Import-Other; Use-Other }
`$null = New-MspCustomer -Name Fabrikam -Country DE -City Berlin -ContactFirstName Jonas -ContactLastName Weber -Email jonas@fabrikam.de
'Customers: ' + ((Get-MspCustomer | ForEach-Object Name | Sort-Object) -join ',')
Use-Other
# What the module's Npgsql binds each library to: its own load context answers for the name Npgsql references.
`$npgsql = [AppDomain]::CurrentDomain.GetAssemblies() | Where-Object { `$_.GetName().Name -eq 'Npgsql' -and (Context `$_) -eq 'MspLicensing' }
foreach (`$reference in `$npgsql.GetReferencedAssemblies() | Where-Object Name -In 'System.Text.Json', 'Microsoft.Extensions.Logging.Abstractions') {
    `$bound = [System.Runtime.Loader.AssemblyLoadContext]::GetLoadContext(`$npgsql).LoadFromAssemblyName(`$reference)
    'Npgsql binds ' + `$reference.Name + ' ' + `$bound.GetName().Version + ' in ' + (Context `$bound) + ' from ' + `$bound.Location
}
"@
            $run = Invoke-ChildPwsh -ArgumentList @('-Command', $script) -WorkingDirectory $script:session.Folder -Store (Join-Path $script:session.Folder 'unused.db')
            $run.StdErr | Should -BeNullOrEmpty
            $run.ExitCode | Should -Be 0
            $run.StdOut
        }

        function Assert-BothWork([string] $Output) {
            $Output | Should -Match 'Customers: Contoso,Fabrikam'
            # The other module's libraries, of their own versions, work after the module has been used too.
            $Output | Should -Match 'Other logging 6\.0\.0\.0 in Default: enabled=False'
            $Output | Should -Match 'Other json 6\.0\.0\.0: seats=12'
            # The module's Npgsql runs on the module's own logging abstractions, and on the runtime's System.Text.Json
            # (which pwsh itself uses), never on the other module's.
            $Output | Should -Match "Npgsql binds Microsoft\.Extensions\.Logging\.Abstractions $([regex]::Escape($script:ourLogging)) in MspLicensing from $([regex]::Escape((Join-Path $script:RepoRoot 'bin/Dependencies')))"
            $Output | Should -Match "Npgsql binds System\.Text\.Json $([regex]::Escape([System.Text.Json.JsonSerializer].Assembly.GetName().Version.ToString())) in Default from $([regex]::Escape([System.Text.Json.JsonSerializer].Assembly.Location))"
        }
    }

    BeforeEach {
        if ($script:unavailable) { Set-ItResult -Skipped -Because $script:unavailable }
    }

    It 'tests with other versions than the module''s' {
        [Reflection.AssemblyName]::GetAssemblyName($script:otherLogging).Version.ToString() | Should -Not -Be $script:ourLogging
        [Reflection.AssemblyName]::GetAssemblyName($script:otherJson).Version.ToString() | Should -Not -Be ([System.Text.Json.JsonSerializer].Assembly.GetName().Version.ToString())
    }

    It 'works when another module loaded its System.Text.Json and logging abstractions first' {
        Assert-BothWork (Invoke-BesideOtherLibraries -When Before)
    }

    It 'lets another module load its System.Text.Json and logging abstractions after the module used the team store' {
        Assert-BothWork (Invoke-BesideOtherLibraries -When After)
    }
}
