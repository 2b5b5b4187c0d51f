# Static checks a PowerShell user's tools would make (PSScriptAnalyzer is not served, so the parser does them): a
# valid manifest, scripts that parse, and no aliases in scripts, documented examples or help examples — an alias
# may mean something else, or nothing, on the reader's machine (ls, sort and cat are not aliases on Linux).

BeforeDiscovery {
    $root = (Resolve-Path (Join-Path $PSScriptRoot '../..')).ProviderPath
    $skip = '[\\/](bin|obj|out|TestResults|\.git)[\\/]'
    $script:scripts = @(Get-ChildItem -Path $root -Recurse -File -Force -Include *.ps1, *.psm1, *.psd1 |
        Where-Object { $_.FullName.Substring($root.Length) -notmatch $skip } |
        ForEach-Object { @{ File = $_.FullName.Substring($root.Length + 1); Path = $_.FullName } })
    $markdown = @(Get-ChildItem -Path (Join-Path $root 'docs') -Recurse -File -Filter *.md) + @(Get-Item (Join-Path $root 'README.md'))
    $script:documents = @($markdown | ForEach-Object { @{ File = $_.FullName.Substring($root.Length + 1); Path = $_.FullName } })
}

BeforeAll {
    . (Join-Path $PSScriptRoot 'Acceptance.Helpers.ps1')
    $script:session = Enter-TestSession 'static'
    $script:work = $script:session.Folder

    # Aliases of this pwsh, plus the ones Windows PowerShell and pwsh on Windows have and pwsh elsewhere does not.
    $script:aliases = [Collections.Generic.HashSet[string]]::new([StringComparer]::OrdinalIgnoreCase)
    foreach ($name in @((Get-Alias).Name) + @('ac', 'cat', 'clear', 'compare', 'cp', 'cpp', 'diff', 'kill', 'ls', 'man', 'mount', 'mv', 'ps', 'rm', 'rmdir', 'sleep', 'sort', 'start', 'tee', 'write')) {
        [void] $script:aliases.Add($name)
    }

    function Get-AliasUse {
        <# "alias in: command line" for every command in the PowerShell text that is called by an alias. #>
        param([string] $Text)
        $tokens = $null
        $errors = $null
        $ast = [Management.Automation.Language.Parser]::ParseInput($Text, [ref] $tokens, [ref] $errors)
        foreach ($command in $ast.FindAll({ param($node) $node -is [Management.Automation.Language.CommandAst] }, $true)) {
            $name = $command.GetCommandName()
            if ($name -and $script:aliases.Contains($name)) { "$name in: $($command.Extent.Text)" }
        }
    }

    function Get-ParseError {
        param([string] $Text)
        $tokens = $null
        $errors = $null
        [void] [Management.Automation.Language.Parser]::ParseInput($Text, [ref] $tokens, [ref] $errors)
        $errors | ForEach-Object { "line $($_.Extent.StartLineNumber): $($_.Message)" }
    }

    [xml] $script:maml = [IO.File]::ReadAllText((Join-Path $script:RepoRoot 'en-US/MspLicensing.dll-Help.xml'))
    $ns = [Xml.XmlNamespaceManager]::new($script:maml.NameTable)
    $ns.AddNamespace('command', 'http://schemas.microsoft.com/maml/dev/command/2004/10')
    $ns.AddNamespace('dev', 'http://schemas.microsoft.com/maml/dev/2004/10')
    $ns.AddNamespace('maml', 'http://schemas.microsoft.com/maml/2004/10')
    $script:helpExamples = @(foreach ($command in $script:maml.SelectNodes('//command:command', $ns)) {
            $name = $command.SelectSingleNode('command:details/command:name', $ns).InnerText.Trim()
            $number = 0
            foreach ($code in $command.SelectNodes('command:examples/command:example/dev:code', $ns)) {
                $number++
                [pscustomobject]@{ Command = $name; Number = $number; Code = $code.InnerText }
            }
        })
}

AfterAll {
    Exit-TestSession $script:session
}

Describe 'The module manifest' {
    BeforeAll {
        $script:manifest = Test-ModuleManifest -Path $script:ModuleManifest -ErrorAction Stop
        $script:data = Import-PowerShellDataFile $script:ModuleManifest
    }

    It 'passes Test-ModuleManifest after the build' {
        $script:manifest.Name | Should -Be 'MspLicensing'
        $script:manifest.Version | Should -BeGreaterThan ([version] '0.0')
        $script:manifest.Guid | Should -Not -Be ([guid]::Empty)
    }

    It 'names a root module and format files that exist beside it' {
        Join-Path $script:RepoRoot $script:data.RootModule | Should -Exist
        foreach ($format in $script:data.FormatsToProcess) { Join-Path $script:RepoRoot $format | Should -Exist }
    }

    It 'exports its cmdlets by name, no wildcards, only approved verbs and Msp nouns' {
        $script:data.CmdletsToExport | Should -Not -Contain '*'
        $verbs = (Get-Verb).Verb
        foreach ($name in $script:data.CmdletsToExport) {
            $verb, $noun = $name -split '-', 2
            $verbs | Should -Contain $verb -Because $name
            $noun | Should -Match '^Msp[A-Z]\w+$' -Because $name
        }
    }

    It 'lists exactly the cmdlets the built module exports' {
        Import-Module $script:ModuleManifest -Force
        (Get-Command -Module MspLicensing -CommandType Cmdlet).Name | Sort-Object |
            Should -Be ($script:data.CmdletsToExport | Sort-Object)
        $script:manifest.ExportedCmdlets.Keys | Sort-Object | Should -Be ($script:data.CmdletsToExport | Sort-Object)
    }
}

Describe 'PowerShell file <File>' -ForEach $script:scripts {
    It 'parses without an error' {
        $tokens = $null
        $errors = $null
        [void] [Management.Automation.Language.Parser]::ParseFile($Path, [ref] $tokens, [ref] $errors)
        $errors | ForEach-Object { "line $($_.Extent.StartLineNumber): $($_.Message)" } | Should -BeNullOrEmpty
    }

    It 'calls no command by an alias' {
        Get-AliasUse ([IO.File]::ReadAllText($Path)) | Should -BeNullOrEmpty
    }
}

Describe 'The powershell blocks of <File>' -ForEach $script:documents {
    BeforeAll {
        $script:blocks = @(Get-MarkdownPowerShellBlock -Path $Path)
    }

    It 'parse without an error' {
        foreach ($block in $script:blocks) { Get-ParseError $block | Should -BeNullOrEmpty -Because $block }
    }

    It 'call no command by an alias' {
        foreach ($block in $script:blocks) { Get-AliasUse $block | Should -BeNullOrEmpty }
    }
}

Describe 'The help examples' {
    It 'are read from the generated MAML, at least two per cmdlet' {
        $perCommand = $script:helpExamples | Group-Object Command
        $perCommand.Count | Should -Be (Import-PowerShellDataFile $script:ModuleManifest).CmdletsToExport.Count
        foreach ($group in $perCommand) { $group.Count | Should -BeGreaterOrEqual 2 -Because $group.Name }
    }

    It 'parse without an error' {
        foreach ($example in $script:helpExamples) {
            Get-ParseError $example.Code | Should -BeNullOrEmpty -Because "$($example.Command) example $($example.Number)"
        }
    }

    It 'call no command by an alias' {
        foreach ($example in $script:helpExamples) {
            Get-AliasUse $example.Code | Should -BeNullOrEmpty -Because "$($example.Command) example $($example.Number)"
        }
    }

    It 'are the ones Get-Help -Examples shows' {
        Import-Module $script:ModuleManifest -Force
        foreach ($name in ($script:helpExamples.Command | Select-Object -Unique)) {
            $shown = @((Get-Help $name -Examples).Examples.Example | ForEach-Object Code)
            $shown.Count | Should -Be @($script:helpExamples | Where-Object Command -EQ $name).Count -Because $name
        }
    }
}

Describe 'The alias check itself' {
    It 'finds an alias, also one that exists only on Windows' {
        Get-AliasUse 'Get-MspLicense | ? Status -eq Active | sort Seats | % ActivationCode; ls' | Should -HaveCount 4
    }

    It 'accepts full command names' {
        Get-AliasUse 'Get-MspLicense | Where-Object Status -eq Active | Sort-Object Seats | ForEach-Object ActivationCode' | Should -BeNullOrEmpty
    }
}
