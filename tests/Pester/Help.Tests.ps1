# What a user sees with Get-Help: full help for every exported cmdlet of the built module, the about_ topics, and
# date and month defaults stated in words (the help must read the same on any day).

BeforeDiscovery {
    $root = Join-Path $PSScriptRoot '../..'
    $manifest = Import-PowerShellDataFile (Join-Path $root 'MspLicensing.psd1')
    $script:cmdlets = @($manifest.CmdletsToExport | Sort-Object | ForEach-Object { @{ Name = $_ } })
    $script:topics = @(Get-ChildItem -Path (Join-Path $root 'en-US') -Filter 'about_*.help.txt' |
        ForEach-Object { @{ Topic = $_.Name -replace '\.help\.txt$' } })
}

BeforeAll {
    . (Join-Path $PSScriptRoot 'Acceptance.Helpers.ps1')
    $script:session = Enter-TestSession 'help'
    $script:work = $script:session.Folder
    Import-Module $script:ModuleManifest -Force
    $script:common = [Management.Automation.PSCmdlet]::CommonParameters + [Management.Automation.PSCmdlet]::OptionalCommonParameters
    $script:dateParameters = 'Date', 'AsOf', 'StartDate', 'Month'
    $script:exportedNames = @((Import-PowerShellDataFile $script:ModuleManifest).CmdletsToExport | Sort-Object)
    $script:topicNames = @(Get-ChildItem -Path (Join-Path $script:RepoRoot 'en-US') -Filter 'about_*.help.txt' |
        ForEach-Object { $_.Name -replace '\.help\.txt$' })
}

AfterAll {
    Exit-TestSession $script:session
}

Describe 'The module' {
    It 'exports the cmdlets its manifest lists, from the built module in this repository' {
        $exported = (Get-Command -Module MspLicensing -CommandType Cmdlet).Name | Sort-Object
        $exported | Should -Be $script:exportedNames
        (Get-Module MspLicensing).ModuleBase | Should -Be $script:RepoRoot
    }
}

Describe 'Get-Help <Name> -Full' -ForEach $script:cmdlets {
    BeforeAll {
        $script:help = Get-Help $Name -Full
        $script:command = Get-Command $Name
    }

    It 'comes from the MAML help, with a synopsis that is not the syntax' {
        $script:help.Synopsis | Should -Not -BeNullOrEmpty
        $script:help.Synopsis | Should -Not -Match ([regex]::Escape("$Name ["))
        $script:help.Synopsis | Should -Not -BeLike "*$Name *<CommonParameters>*"
    }

    It 'has a description' {
        ($script:help.Description.Text -join "`n").Trim() | Should -Not -BeNullOrEmpty
    }

    It 'describes every parameter' {
        $documented = @{}
        $listed = $script:help.Parameters.PSObject.Properties['parameter']
        foreach ($parameter in @(if ($listed) { $listed.Value })) {
            $documented[$parameter.Name] = ($parameter.Description.Text -join ' ').Trim()
        }
        foreach ($name in $script:command.Parameters.Keys | Where-Object { $_ -notin $script:common }) {
            $documented.ContainsKey($name) | Should -BeTrue -Because "-$name of $Name is in the help"
            $documented[$name] | Should -Not -BeNullOrEmpty -Because "-$name of $Name is described"
        }
    }

    It 'has at least two examples, each with a command and a remark' {
        $examples = @($script:help.Examples.Example)
        $examples.Count | Should -BeGreaterOrEqual 2
        foreach ($example in $examples) {
            $example.Code | Should -Not -BeNullOrEmpty
            ($example.Remarks.Text -join '').Trim() | Should -Not -BeNullOrEmpty -Because $example.Code
        }
    }

    It 'names its inputs and outputs' {
        ($script:help.InputTypes.InputType.Type.Name -join '').Trim() | Should -Not -BeNullOrEmpty
        ($script:help.ReturnValues.ReturnValue.Type.Name -join '').Trim() | Should -Not -BeNullOrEmpty
    }

    It 'states a date or month default in words, never as a date' {
        $names = @($script:command.Parameters.Keys | Where-Object { $_ -in $script:dateParameters })
        foreach ($parameter in $names) {
            $default = [string] (Get-Help $Name -Parameter $parameter).DefaultValue
            $default | Should -BeIn @('Today', 'The current month') -Because "the default of -$parameter of $Name"
            $default | Should -Not -Match '\d{4}|\d{1,2}[/.]\d{1,2}'
        }
    }
}

Describe 'Get-Help <Topic>' -ForEach $script:topics {
    It 'shows the topic shipped in en-US' {
        $text = Get-Help $Topic | Out-String
        $text | Should -Match ([regex]::Escape($Topic))
        $text.Length | Should -BeGreaterThan 200
    }
}

Describe 'The about topics' {
    It 'include the overview, the rules, the catalog, the customers, the feature matrix and the seat bands' {
        $script:topicNames | Should -Contain 'about_MspLicensing'
        foreach ($topic in 'Rules', 'Catalog', 'Customers', 'FeatureMatrix', 'SeatBands') {
            $script:topicNames | Should -Contain "about_MspLicensing_$topic"
        }
    }

    It 'are found together by Get-Help about_MspLicensing*' {
        $found = @(Get-Help about_MspLicensing* | ForEach-Object Name)
        foreach ($topic in $script:topicNames) { $found | Should -Contain $topic }
    }

    It 'list every rule the README points to in about_MspLicensing_Rules' {
        $text = Get-Help about_MspLicensing_Rules | Out-String
        foreach ($rule in 'R1', 'R10', 'R30', 'R32', 'R37', 'R41', 'R53') {
            $text | Should -Match "\b$rule\b"
        }
    }
}
