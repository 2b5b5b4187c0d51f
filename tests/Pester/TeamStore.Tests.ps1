#Requires -Modules @{ ModuleName = 'Pester'; ModuleVersion = '5.0' }
# The team store in the real pwsh: Connect-MspStore -ConnectionString with -Credential, Get-MspStore, and a scheduled
# task's child pwsh that finds the team store through $env:MSPLICENSING_CONNECTION. Needs the PostgreSQL server that
# test.sh starts (MSPLICENSING_TEST_POSTGRES); without it these tests are skipped with the reason, and under CI=true
# they fail.

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
        & $script:admin.Psql -h $script:admin.Host -p $script:admin.Port -U $script:admin.User -d postgres -q -c "DROP DATABASE IF EXISTS $script:database WITH (FORCE)" | Out-Null
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
