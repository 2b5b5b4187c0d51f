using System;
using System.Collections;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.Linq;
using System.Management.Automation;
using System.Reflection;
using MspLicensing.Commands;
using MspLicensing.Commands.Help;
using MspLicensing.HelpGen;
using MspLicensing.Module.Tests.Hosting;
using Xunit;

namespace MspLicensing.Module.Tests
{
    /// <summary>PRODUCT.md §6: help generated from the code and the domain, found by Get-Help, with examples that run.</summary>
    [Collection(ProcessEnvironment.Name)]
    public class HelpTests
    {
        private static readonly Lazy<IReadOnlyList<string>> Exported = new Lazy<IReadOnlyList<string>>(() =>
        {
            var problems = new List<string>();
            var module = ModuleInfo.Read(ModuleSession.RepoRoot, problems);
            Assert.Empty(problems);
            return module.CmdletsToExport;
        });

        internal static readonly Lazy<IReadOnlyDictionary<string, CommandHelp>> HelpByCommand = new Lazy<IReadOnlyDictionary<string, CommandHelp>>(() =>
            typeof(CommandHelp).Assembly.GetExportedTypes()
                .Where(t => t.GetCustomAttribute<CmdletAttribute>() != null)
                .ToDictionary(
                    t => t.GetCustomAttribute<CmdletAttribute>().VerbName + "-" + t.GetCustomAttribute<CmdletAttribute>().NounName,
                    t => (CommandHelp)t.GetProperty("Help", BindingFlags.Public | BindingFlags.Static)?.GetValue(null),
                    StringComparer.OrdinalIgnoreCase));

        public static IEnumerable<object[]> Commands() => Exported.Value.Select(name => new object[] { name });

        public static IEnumerable<object[]> Examples() =>
            HelpByCommand.Value.OrderBy(p => p.Key, StringComparer.Ordinal)
                .SelectMany(p => Enumerable.Range(1, p.Value?.Examples.Count ?? 0).Select(n => new object[] { p.Key, n }));

        public static IEnumerable<object[]> AboutTopicNames() =>
            new[]
            {
                AboutTopics.Overview, AboutTopics.CatalogTopic, AboutTopics.FeatureMatrixTopic,
                AboutTopics.SeatBandsTopic, AboutTopics.RulesTopic, AboutTopics.CustomersTopic,
            }.Select(n => new object[] { n });

        [Fact]
        public void Committed_help_matches_the_generator()
        {
            var files = HelpGenerator.Generate(ModuleSession.RepoRoot);
            var differences = HelpGenerator.Differences(ModuleSession.RepoRoot, files);
            Assert.True(differences.Count == 0,
                $"The committed help is not what the generator writes from the code. Run `{HelpGenerator.RunCommand}` and commit the result. Files:\n  "
                + string.Join("\n  ", differences));
        }

        [Theory]
        [InlineData("th-TH")]
        [InlineData("de-DE")]
        [InlineData("ar-SA")]
        public void Help_does_not_depend_on_the_culture(string culture)
        {
            var reference = HelpGenerator.Generate(ModuleSession.RepoRoot);
            var before = CultureInfo.CurrentCulture;
            var beforeUi = CultureInfo.CurrentUICulture;
            try
            {
                CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(culture);
                var files = HelpGenerator.Generate(ModuleSession.RepoRoot);
                Assert.Equal(reference.Keys.OrderBy(k => k, StringComparer.Ordinal), files.Keys.OrderBy(k => k, StringComparer.Ordinal));
                Assert.All(reference, p => Assert.True(p.Value == files[p.Key], $"{p.Key} differs under {culture}."));
            }
            finally
            {
                CultureInfo.CurrentCulture = before;
                CultureInfo.CurrentUICulture = beforeUi;
            }
        }

        /// <summary>
        /// The generator run as its own process on two clocks a whole day apart (UTC+14 and UTC-11: their dates always
        /// differ) and in two cultures: both write exactly the committed help.
        /// </summary>
        [Theory]
        [InlineData("Pacific/Kiritimati", "th_TH.UTF-8")]
        [InlineData("Pacific/Pago_Pago", "de_DE.UTF-8")]
        public void Help_is_the_same_on_any_day_and_in_any_culture(string timeZone, string locale)
        {
            if (!OperatingSystem.IsLinux() && !OperatingSystem.IsMacOS()) return; // TZ and LANG choose the clock and culture there
            string generator = System.IO.Path.Combine(AppContext.BaseDirectory, "MspLicensing.HelpGen.dll");
            var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
            foreach (var arg in new[] { generator, "--check", "--root", ModuleSession.RepoRoot }) start.ArgumentList.Add(arg);
            start.Environment["TZ"] = timeZone;
            start.Environment["LANG"] = locale;
            start.Environment["LC_ALL"] = locale;
            using var process = Process.Start(start);
            var stdout = process.StandardOutput.ReadToEndAsync();
            var stderr = process.StandardError.ReadToEndAsync();
            Assert.True(process.WaitForExit(120_000), "The help generator did not finish in 2 minutes.");
            Assert.True(process.ExitCode == 0,
                $"Under TZ={timeZone} LANG={locale} the generator writes other help than is committed:\n{stdout.Result}\n{stderr.Result}");
        }

        [Fact]
        public void Generator_refuses_a_date_default_that_is_not_described_in_words()
        {
            var problems = new List<string>();
            var models = CommandModel.ReadAll(typeof(HelpTests).Assembly, problems);

            Assert.Contains(problems, p => p.StartsWith("Get-HelpTestDates: the default of -Undescribed is a date or month"));
            Assert.Contains(problems, p => p.StartsWith("Get-HelpTestDates: the default of -Month is a date or month"));
            Assert.DoesNotContain(problems, p => p.Contains("-Described"));
            var dates = models.Single(m => m.Name == "Get-HelpTestDates");
            Assert.Equal(Clock.TodayHelp, dates.Parameters.Single(p => p.Name == "Described").DefaultValue);
        }

        [Fact]
        public void Generator_refuses_help_that_is_incomplete_or_names_parameters_the_command_lacks()
        {
            var problems = new List<string>();
            CommandModel.ReadAll(typeof(HelpTests).Assembly, problems);

            Assert.Contains(problems, p => p.StartsWith("Get-HelpTestNoHelp ") && p.Contains("has no 'public static CommandHelp Help'"));
            Assert.Contains("Get-HelpTestIncomplete: Help.Synopsis is empty.", problems);
            Assert.Contains("Get-HelpTestIncomplete: Help.Description is empty.", problems);
            Assert.Contains("Get-HelpTestIncomplete: Help.Examples has 1 example(s); give at least two.", problems);
            Assert.Contains("Get-HelpTestIncomplete: parameter -Undescribed has no description in Help.Parameters.", problems);
            Assert.Contains("Get-HelpTestIncomplete: Help.Parameters describes 'Missing', which is not a parameter of the command.", problems);
            Assert.DoesNotContain(problems, p => p.Contains("-Described"));
            var ex = new HelpGenerationException(problems);
            Assert.Contains("Get-HelpTestIncomplete: Help.Synopsis is empty.", ex.Message);
        }

        [Fact]
        public void Every_cmdlet_of_the_assembly_is_exported_and_has_help()
        {
            Assert.Equal(HelpByCommand.Value.Keys.OrderBy(n => n, StringComparer.Ordinal), Exported.Value.OrderBy(n => n, StringComparer.Ordinal));
            Assert.All(HelpByCommand.Value, p => Assert.NotNull(p.Value));
        }

        [Theory]
        [MemberData(nameof(Commands))]
        public void Get_Help_Full_shows_synopsis_description_parameters_examples_inputs_and_outputs(string command)
        {
            var help = HelpByCommand.Value[command];
            using var s = new ModuleSession(connect: false);
            var full = s.Ok($"Get-Help {command} -Full").Output.Single();

            Assert.Equal(help.Synopsis, Text(Prop(full, "Synopsis")));
            string description = Text(Prop(full, "description"));
            Assert.StartsWith(help.Description.Trim(), description);
            foreach (var rule in help.Rules)
                Assert.Contains(rule.Id + " " + rule.Title + ": " + rule.Text, description);

            var documented = Items(Prop(Prop(full, "parameters"), "parameter"))
                .ToDictionary(p => Text(Prop(p, "name")), p => Text(Prop(p, "description")), StringComparer.OrdinalIgnoreCase);
            var parameters = s.Ok($"(Get-Command {command}).Parameters.Keys").Output.Select(o => o.ToString())
                .Where(p => !Cmdlet.CommonParameters.Contains(p))
                .ToList();
            foreach (var p in parameters)
            {
                Assert.True(documented.TryGetValue(p, out var text) && text.Trim().Length > 0, $"{command} -{p} has no description in Get-Help.");
            }
            Assert.Empty(documented.Keys.Except(parameters, StringComparer.OrdinalIgnoreCase));

            var examples = Items(Prop(Prop(full, "examples"), "example")).ToList();
            Assert.True(examples.Count >= 2, $"{command} shows {examples.Count} examples.");
            Assert.Equal(help.Examples.Select(e => e.Code.Trim()), examples.Select(e => Text(Prop(e, "code")).Trim()));

            var inputs = Items(Prop(Prop(full, "inputTypes"), "inputType")).ToList();
            Assert.NotEmpty(inputs);
            Assert.All(inputs, i => Assert.NotEmpty(Text(Prop(Prop(i, "type"), "name"))));
            var outputs = Items(Prop(Prop(full, "returnValues"), "returnValue")).ToList();
            Assert.NotEmpty(outputs);
            Assert.All(outputs, o => Assert.NotEmpty(Text(Prop(Prop(o, "type"), "name"))));
            Assert.Contains(outputs, o => Text(Prop(o, "description")).Length > 0);
        }

        [SkippableTheory]
        [MemberData(nameof(Examples))]
        public void Help_example_runs_against_a_fresh_store(string command, int number)
        {
            var example = HelpByCommand.Value[command].Examples[number - 1];
            using var s = new ModuleSession();
            if (example.Setup != null) s.Ok(example.Setup);
            string code = TeamStoreIn(s, example.Code, out string database);
            try
            {
                var r = DefaultStoreIn(s, code, () => s.Run(code));
                Assert.True(r.Exception == null && r.Errors.Count == 0,
                    $"{command} example {number} ({example.Title}) failed:\n{example.Code}\n---\n{r.ErrorText}");
            }
            finally
            {
                if (database != null) MspLicensing.Tests.PostgresServer.Current.DropDatabase(database);
            }
        }

        /// <summary>
        /// The team store of the examples ('Host=db;Database=msp;Username=…' with $credential) is a new database of the
        /// test server, with the server's user; the example is skipped when there is no server.
        /// </summary>
        private static string TeamStoreIn(ModuleSession s, string code, out string database)
        {
            database = null;
            var team = new System.Text.RegularExpressions.Regex(@"Host=db;Database=msp;Username=\w+");
            if (!team.IsMatch(code)) return code;
            var server = MspLicensing.Tests.PostgresServer.Require();
            database = server.CreateDatabase();
            var builder = new Npgsql.NpgsqlConnectionStringBuilder(database);
            s.Ok($"$credential = [pscredential]::new('{builder.Username}', (ConvertTo-SecureString 'unused' -AsPlainText -Force))");
            string connection = database;
            return team.Replace(code, connection.Replace("'", "''"));
        }

        [Theory]
        [MemberData(nameof(AboutTopicNames))]
        public void About_topic_is_found_by_Get_Help(string topic)
        {
            string text = AboutText(topic);
            Assert.StartsWith("TOPIC\n    " + topic + "\n", text.Replace("\r\n", "\n"));
            Assert.Contains("SHORT DESCRIPTION", text);
            Assert.Contains("LONG DESCRIPTION", text);
        }

        [Fact]
        public void About_rules_lists_every_rule_with_its_title()
        {
            string text = Unwrapped(AboutText(AboutTopics.RulesTopic));
            Assert.All(Rules.All, r => Assert.Contains(r.Id + " " + r.Title, text));
            Assert.All(Rules.All, r => Assert.Contains(r.Text, text));
        }

        [Fact]
        public void About_catalog_lists_every_product_code_and_name()
        {
            string text = Unwrapped(AboutText(AboutTopics.CatalogTopic));
            Assert.All(Catalog.Products, p => Assert.Contains(p.Code + ": " + p.Name, text));
        }

        [Fact]
        public void About_feature_matrix_lists_every_row_for_both_account_types()
        {
            string text = Unwrapped(AboutText(AboutTopics.FeatureMatrixTopic));
            Assert.All(FeatureMatrix.All, f =>
            {
                Assert.Contains("Id " + f.Id + ",", text);
                Assert.Contains(f.LicensingManagementPlatform, text);
                Assert.Contains(f.CustomerLicensingPortal, text);
            });
        }

        [Fact]
        public void About_seat_bands_shows_the_default_bands()
        {
            string text = AboutText(AboutTopics.SeatBandsTopic);
            Assert.All(Account.ToBands(Account.DefaultSeatBandMinimums), b => Assert.Contains("    " + b.Name + " ", text));
        }

        [Fact]
        public void About_customers_lists_every_country_code_and_the_field_limits()
        {
            string text = Unwrapped(AboutText(AboutTopics.CustomersTopic));
            Assert.All(Countries.All, c => Assert.Contains(c.Code + " " + c.Name, text));
            Assert.Contains("1 to " + CustomerValidation.MaxNameLength + " characters", text);
            Assert.Contains("up to " + CustomerValidation.MaxEmailLength + " characters", text);
        }

        [Fact]
        public void About_overview_lists_every_command_with_its_synopsis()
        {
            string text = Unwrapped(AboutText(AboutTopics.Overview));
            Assert.All(HelpByCommand.Value, p => Assert.Contains(p.Key + " " + p.Value.Synopsis, text));
            Assert.Contains("MSPLICENSING_STORE", text);
        }

        private static string AboutText(string topic)
        {
            using var s = new ModuleSession(connect: false);
            var output = s.Ok($"Get-Help {topic}").Output;
            Assert.True(output.Count > 0, $"Get-Help {topic} found nothing.");
            return string.Join("\n", output.Select(o => o.ToString()));
        }

        /// <summary>The text with the layout taken out (line breaks, indentation, column padding), to look for phrases.</summary>
        private static string Unwrapped(string text) =>
            string.Join(" ", text.Split(new[] { ' ', '\n', '\r' }, StringSplitOptions.RemoveEmptyEntries));

        /// <summary>
        /// Examples that leave the session's store (Disconnect-MspStore) would open the per-user default store: point
        /// MSPLICENSING_STORE into the session's folder for them, so a test run never opens a real user's store.
        /// </summary>
        private static RunResult DefaultStoreIn(ModuleSession s, string code, Func<RunResult> run)
        {
            if (code.IndexOf("Disconnect-MspStore", StringComparison.OrdinalIgnoreCase) < 0) return run();
            lock (DefaultStoreLock)
            {
                string before = Environment.GetEnvironmentVariable("MSPLICENSING_STORE");
                Environment.SetEnvironmentVariable("MSPLICENSING_STORE", System.IO.Path.Combine(s.Directory, "default.db"));
                try
                {
                    return run();
                }
                finally
                {
                    Environment.SetEnvironmentVariable("MSPLICENSING_STORE", before);
                }
            }
        }

        private static readonly object DefaultStoreLock = new object();

        private static object Prop(object o, string name)
        {
            if (o == null) return null;
            var pso = o as PSObject ?? PSObject.AsPSObject(o);
            return pso.Properties[name]?.Value;
        }

        private static IEnumerable<object> Items(object value)
        {
            if (value == null) return new object[0];
            object baseObject = value is PSObject p ? p.BaseObject : value;
            return baseObject is IEnumerable e && !(baseObject is string) ? e.Cast<object>() : new[] { value };
        }

        /// <summary>The text of a help property: a string, or MAML paragraphs (objects with a Text property).</summary>
        private static string Text(object value)
        {
            if (value == null) return string.Empty;
            object baseObject = value is PSObject p ? p.BaseObject : value;
            if (baseObject is string s) return s;
            return string.Join("\n", Items(value).Select(item => Prop(item, "Text") is object t ? t.ToString() : item.ToString()));
        }

        [Cmdlet(VerbsCommon.Get, "HelpTestNoHelp")]
        public sealed class NoHelpCommand : PSCmdlet
        {
        }

        [Cmdlet(VerbsCommon.Get, "HelpTestDates")]
        public sealed class DatesHelpCommand : PSCmdlet
        {
            [Parameter]
            [PSDefaultValue(Help = Clock.TodayHelp)]
            public DateTime Described { get; set; } = DateTime.Today;

            [Parameter]
            public DateTime Undescribed { get; set; } = DateTime.Today;

            [Parameter]
            public string Month { get; set; } = DateTime.Today.ToString("yyyy-MM", CultureInfo.InvariantCulture);

            public static CommandHelp Help => new CommandHelp
            {
                Synopsis = "Dates.",
                Description = "Date defaults.",
                Parameters = { ["Described"] = "A day.", ["Undescribed"] = "A day.", ["Month"] = "A month." },
                Examples = new[] { new HelpExample("One", "Get-HelpTestDates", "One."), new HelpExample("Two", "Get-HelpTestDates", "Two.") },
            };
        }

        [Cmdlet(VerbsCommon.Get, "HelpTestIncomplete")]
        public sealed class IncompleteHelpCommand : PSCmdlet
        {
            [Parameter]
            public string Described { get; set; }

            [Parameter]
            public string Undescribed { get; set; }

            public static CommandHelp Help => new CommandHelp
            {
                Parameters = { ["Described"] = "Has a description.", ["Missing"] = "Names no parameter." },
                Examples = new[] { new HelpExample("Only one", "Get-HelpTestIncomplete", "One is not enough.") },
            };
        }
    }
}
