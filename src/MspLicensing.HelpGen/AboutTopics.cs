using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Reflection;
using MspLicensing.Commands;

namespace MspLicensing.HelpGen
{
    /// <summary>
    /// The about_MspLicensing* topics, built from the domain (catalog, feature matrix, seat bands, rules, customer
    /// limits, countries) and from the cmdlets' help, so they cannot drift from what the module does.
    /// </summary>
    public static class AboutTopics
    {
        public const string Overview = "about_MspLicensing";
        public const string CatalogTopic = "about_MspLicensing_Catalog";
        public const string FeatureMatrixTopic = "about_MspLicensing_FeatureMatrix";
        public const string SeatBandsTopic = "about_MspLicensing_SeatBands";
        public const string RulesTopic = "about_MspLicensing_Rules";
        public const string CustomersTopic = "about_MspLicensing_Customers";
        public const string MonthEndTopic = "about_MspLicensing_MonthEnd";

        public static IReadOnlyList<Topic> Build(ModuleInfo module, IReadOnlyList<CommandModel> commands, List<string> problems)
        {
            var topics = new List<Topic>
            {
                BuildOverview(module, commands),
                BuildCatalog(problems),
                BuildFeatureMatrix(),
                BuildSeatBands(),
                BuildRules(commands),
                BuildCustomers(commands, problems),
                BuildMonthEnd(problems),
            };
            // Every topic points to the others, so a reader finds them from any of them.
            foreach (var topic in topics)
                topic.SeeAlso.InsertRange(0, topics.Where(t => t != topic).Select(t => t.Name));
            topics[0].Sections.Add(TopicList(topics));
            // Get-Help lists a topic with the first line of its short description only.
            foreach (var topic in topics.Where(t => t.ShortDescription.Length > TopicText.Width - 4))
                problems.Add($"about topic {topic.Name}: the short description is longer than one line ({TopicText.Width - 4} characters).");
            return topics;
        }

        private static Topic BuildOverview(ModuleInfo module, IReadOnlyList<CommandModel> commands)
        {
            var topic = new Topic(Overview, "Licensing for managed service providers (MSPs), from PowerShell.");
            topic.Section("Long description")
                .Para(module.Description)
                .Para($"Every command works on the store of the session: one file that holds the partner account, the customers and the audit log. Nothing is sent anywhere. Commands write typed objects and take objects from the pipeline, so they combine with Import-Csv, Export-Csv, Where-Object and ForEach-Object. Every command that changes the store supports -WhatIf and -Confirm, and they say what changes: the object (customer and plan, product and activation code), from what to what on which day, and what it means for the bill, quoting the rule that says so, e.g. {Rules.R35.Quote}. $WhatIfPreference, and the -WhatIf of a function that calls a command, show the same as -WhatIf.");

            string defaultPath = StoreConnection.DefaultPath();
            string defaultFile = Path.GetFileName(defaultPath);
            string defaultFolder = Path.GetFileName(Path.GetDirectoryName(defaultPath));
            string env = StoreConnection.EnvironmentVariable;
            topic.Section("The store")
                .Heading("Which store a session uses")
                .Para("Each command uses the first of these:")
                .Bullets(new[]
                {
                    "The file chosen with Connect-MspStore -Path <file>, until Disconnect-MspStore or another Connect-MspStore. The choice belongs to the session (runspace): other sessions are not affected.",
                    $"Otherwise the file named by the environment variable {env} ($env:{env}), for example set for a scheduled task or a service account.",
                    $"Otherwise the per-user default store: on Windows %LOCALAPPDATA%\\{defaultFolder}\\{defaultFile}; on Linux and macOS $XDG_DATA_HOME/{defaultFolder}/{defaultFile}, or ~/.local/share/{defaultFolder}/{defaultFile} when XDG_DATA_HOME is not set.",
                })
                .Para($"Get-MspStore shows the file the session uses, and its Source property says why: Connect-MspStore, {env} or Default. A store that does not exist yet is created, with its folder, on first use.")
                .Heading("Several sessions and processes")
                .Para("The store is one LiteDB file opened in shared mode: several PowerShell sessions, scheduled tasks and processes can use it at the same time. Each change runs in one transaction under the file's lock, so it is stored whole or not at all, and a bulk change through the pipeline stores whole items only. Objects carry a revision number: a change made with an object read earlier (Get-MspCustomer | Set-MspCustomer) is refused when someone changed that object in the meantime; read it again and repeat the change.")
                .Heading("Encryption")
                .Para($"Connect-MspStore -Password creates a new store encrypted with the password, or opens an encrypted store. An encrypted store does not open without its password, and a wrong password leaves the file untouched. The password is a SecureString: at a prompt, read it with Read-Host -AsSecureString. The default store and {env} are opened without a password, so connect to an encrypted store with Connect-MspStore.")
                .Heading("Backups")
                .Para("Backup-MspStore -Path <new file> writes a consistent copy of the store in one read transaction, even while other sessions write. The copy is a complete store that opens with Connect-MspStore (with the same password if the store is encrypted). A backup never overwrites an existing file.")
                .Heading("Damaged stores")
                .Para("A store file can be damaged outside the module: cut short by a full disk or an interrupted copy, or overwritten in part. Connect-MspStore, and the first command of a session that uses a store, read every page of the file first, unless a check passed before and only MspLicensing commands changed the file since (a hidden .<file name>.verified beside the store records that; it is written only while the disk has room to spare); every command checks the header, collection and index pages. A damaged store is refused with a StoreDamaged error that names the file and says what is wrong, and it is never written to: neither opening nor reading changes a byte of it, and once a command meets damage it makes no more changes. Test-MspStore checks a store completely on demand (every page, document and index) and lists the problems without changing the file. To go on, restore the latest copy made with Backup-MspStore: check it with Test-MspStore -Path <copy>, then Connect-MspStore -Path <copy>.")
                .Heading("Audit log")
                .Para("Every change records when it happened, who made it (the user name), the command, the action (Create, Update or Delete), the target, the customer it concerns and a summary of the values before and after. Get-MspAuditLog lists the entries, newest first, filtered by time, target, command, user or customer: Get-MspCustomer Contoso | Get-MspAuditLog is Contoso's history, with its customer record, subscriptions, seat changes, crossgrades, license migrations, usage report lines and template assignments.");

            topic.Section("Dates and months")
                .Para(Dates.Convention)
                .Code("New-MspSubscription -Customer Contoso -ServicePlan 'WF Services Monthly Rolling' -StartDate 2026-02-03\nGet-MspUsageReport -Month 2026-02")
                .Para(Dates.OtherForms)
                .Para("PowerShell's own Export-Csv writes DateTime properties in the session's culture (03.02.2026 00:00:00 under de-DE), which another culture reads as another day or not at all. For a file that moves between cultures, write the dates as ISO text:")
                .Code("Get-MspLicense | Select-Object Customer, Product, Seats, @{ Name = 'ExpirationDate'; Expression = { $_.ExpirationDate.ToString('yyyy-MM-dd', [cultureinfo]::InvariantCulture) } } | Export-Csv -Path licenses.csv -NoTypeInformation");

            topic.Section("Text and wildcards")
                .Para(TextInput.Convention)
                .Para($"When an error message repeats a value, characters that do not print appear as escapes (`n, `u{{D800}}), and a value longer than {MspException.QuotedLength.ToString(CultureInfo.InvariantCulture)} characters is cut there, followed by its length: Name 'aaaa…' (1048576 characters).")
                .Para($"Names and the other filters of the Get- commands that say so take wildcards, as PowerShell reads them: {Wildcard.Syntax}. Case is ignored. A pattern that is not valid, such as '[z-a]' (a range that runs backwards) or 'x[]' (a '[' that nothing closes), is refused with the error MspLicensing.InvalidWildcardPattern, which names the parameter and the pattern. A name whose wildcard characters are all escaped is one exact name, found as fast as any other.")
                .Code("Get-MspCustomer -Name 'Wild`*'\nGet-MspCustomer -Name ([WildcardPattern]::Escape('Wild[1]'))")
                .Para("Tables such as -ExternalId and -Setting take text or numbers as values; a nested table or a list is refused, and so are two keys that differ only in case (a case-sensitive table built with New-Object Hashtable can hold both): the error MspLicensing.DuplicateKey names both, rather than one of them silently losing its value.");

            topic.Section("Bulk changes")
                .Para("Commands that change the store take many items through the pipeline, such as Import-Csv customers.csv | New-MspCustomer or Get-MspLicense | Set-MspLicense -Used 20. Each item is stored whole or not at all: an item that fails is reported as a non-terminating error and skipped, and the others are stored, in batches, in the order they come.")
                .Para("The error of an item begins with the item it is about, for example: Customer 'Margie Travel': Email 'margie-at-travel' is not valid: give an email address such as admin@contoso.com. A subscription is named by its customer and service plan, a license by its activation code, a plan or template by its name. The error's TargetObject is the object that came down the pipeline (the row of the CSV file, or the customer or license from a Get- command), so the rows to correct can be set aside: Import-Csv customers.csv | New-MspCustomer -ErrorVariable rejected, then $rejected.TargetObject | Export-Csv rejected.csv.")
                .Para("A value that PowerShell itself cannot bind, such as an empty cell for a required parameter or 'maybe' for -Enabled, is refused by PowerShell before the command sees the row: that error names the parameter rather than the item, but its TargetObject is the row as well. A cell of an optional column that PowerShell cannot convert, such as 'ten' for Seats, PowerShell would leave out without a word, and the item would go ahead without it: the command refuses such a row instead, naming the item, the column and the value.")
                .Para("A pipeline of more than one item shows progress: how many items succeeded and how many failed, for example '480 customers created, 3 failed'. It moves a few times a second while the pipeline runs and ends with the final counts, which include every item refused by the command.");

            topic.Section("Tab completion")
                .Para("Tab completes the values of these parameters; names, codes and plans come from the store of the session. Values with spaces come quoted, and every list is sorted unless it says otherwise.")
                .Terms(CompletedParameters(commands));

            topic.Section("Commands")
                .Para($"The {module.Name} module has these commands; Get-Help <command> -Full shows the help of each, with examples.")
                .Table(new[] { "Command", "Synopsis" },
                    commands.OrderBy(c => c.Noun, StringComparer.Ordinal).ThenBy(c => c.Verb, StringComparer.Ordinal)
                        .Select(c => (IReadOnlyList<string>)new[] { c.Name, c.Help.Synopsis.Trim() }));
            return topic;
        }

        /// <summary>Each parameter Tab completes, with what it offers (the completer's own description) and the commands that have it.</summary>
        private static IEnumerable<(string, string)> CompletedParameters(IReadOnlyList<CommandModel> commands) =>
            commands.SelectMany(c => c.OwnParameters.Select(p => (Command: c.Name, Parameter: p.Name,
                    Completer: c.Type.GetProperty(p.Name, BindingFlags.Public | BindingFlags.Instance)?.GetCustomAttribute<System.Management.Automation.ArgumentCompleterAttribute>()?.Type)))
                .Where(x => x.Completer != null)
                .GroupBy(x => (x.Parameter, x.Completer))
                .OrderBy(g => g.Key.Parameter, StringComparer.Ordinal).ThenBy(g => g.Min(x => x.Command), StringComparer.Ordinal)
                .Select(g => ("-" + g.Key.Parameter,
                    string.Join(", ", g.Select(x => x.Command).Distinct().OrderBy(n => n, StringComparer.Ordinal)) + ": "
                    + ((CompleterBase)Activator.CreateInstance(g.Key.Completer)).Description + "."));

        private static Section TopicList(IReadOnlyList<Topic> topics)
        {
            var section = new Section("Help topics");
            section.Para("These topics describe the module's data and rules; Get-Help <topic> shows each.");
            section.Terms(topics.Skip(1).Select(t => (t.Name, t.ShortDescription)));
            return section;
        }

        private static readonly Dictionary<ProductKind, string> KindDescriptions = new Dictionary<ProductKind, string>
        {
            [ProductKind.Service] = "Software as a service, run by Trend Micro in a data center.",
            [ProductKind.Software] = "On-premises software, activated with an activation code.",
            [ProductKind.Suite] = "A bundle of other products, licensed per component and billed as the suite.",
        };

        private static Topic BuildCatalog(List<string> problems)
        {
            var topic = new Topic(CatalogTopic, "The products of the built-in catalog and their attributes.");
            topic.Section("Long description")
                .Para("The product catalog is built into the module; Get-MspProduct lists it. Each product has a stable code, such as WFBSS, that commands accept and scripts keep; the product name is accepted too. The catalog has no prices.")
                .Para($"{Catalog.Products.Count.ToString(CultureInfo.InvariantCulture)} products are in the catalog.");

            var kinds = topic.Section("Product kinds");
            var kindTerms = new List<(string, string)>();
            foreach (ProductKind kind in Enum.GetValues(typeof(ProductKind)))
            {
                if (KindDescriptions.TryGetValue(kind, out var text)) kindTerms.Add((kind.ToString(), text));
                else problems.Add($"about topic {CatalogTopic}: no description for product kind {kind}.");
            }
            kinds.Terms(kindTerms);

            topic.Section("Products at a glance")
                .Table(new[] { "Code", "Kind", "Name" },
                    Catalog.Products.Select(p => (IReadOnlyList<string>)new[] { p.Code, p.Kind.ToString(), p.Name }));

            var details = topic.Section("Products");
            foreach (var p in Catalog.Products)
            {
                details.Heading(p.Code + ": " + p.Name);
                if (!string.IsNullOrWhiteSpace(p.Description)) details.Para(p.Description);
                details.Table(new[] { "Attribute", "Value" }, new[]
                {
                    Row("Code", p.Code),
                    Row("Name", p.Name),
                    Row("Kind", p.Kind.ToString()),
                    Row("Components", p.Components.Count == 0 ? "None" : string.Join(", ", p.Components.Select(ProductLabel))),
                    Row("Add-on of", p.AddOnOf == null ? "None" : ProductLabel(p.AddOnOf)),
                    Row("Part of suites", JoinOrNone(Catalog.SuitesContaining(p.Code).Select(s => s.Code))),
                    Row("Data centers", p.DataCenters.Count == 0 ? "None (not a service)" : string.Join(", ", p.DataCenters.Select(d => d.DisplayName()))),
                    Row("Managing console", p.ManagingConsole),
                    Row("Managed by Remote Manager", p.ManagedByRemoteManager ? "Yes" : "No"),
                    Row("Remote Manager account types", JoinOrNone(p.RemoteManagerAccountTypes.Select(t => t.ToString()))),
                    Row("Policy templates", p.SupportsTemplates ? "Supported" : "Not supported"),
                    Row("Activation code prefix", p.ActivationCodePrefix),
                });
            }

            topic.Section("Data centers")
                .Para("Services run in one of these data centers. Commands accept the name or the display name (\"United States\", UnitedStates or US).")
                .Table(new[] { "Name", "Display name", "Services offered there" },
                    DataCenters.All.Select(d => (IReadOnlyList<string>)new[]
                    {
                        d.ToString(), d.DisplayName(), JoinOrNone(Catalog.Products.Where(p => p.DataCenters.Contains(d)).Select(p => p.Code)),
                    }));

            topic.Section("Examples")
                .Code("Get-MspProduct -Kind Service -DataCenter Germany")
                .Code("(Get-MspProduct WFXDR).Components | Get-MspProduct");
            topic.SeeAlso.AddRange(new[] { "Get-MspProduct", "Get-MspFeature" });
            return topic;
        }

        private static string ProductLabel(string code)
        {
            var product = Catalog.Find(code);
            return product == null ? code : product.Code + " (" + product.Name + ")";
        }

        private static Topic BuildFeatureMatrix()
        {
            var topic = new Topic(FeatureMatrixTopic, "What LMP and CLP partner accounts can do: the feature matrix.");
            topic.Section("Long description")
                .Para("The type of the partner account (Get-MspAccount; Set-MspAccount -AccountType) decides what the module allows. Get-MspFeature lists the feature matrix of this topic; the rows that list products and plug-ins come from the product catalog and the plug-in list, so they always match them.")
                .Para(HelpText.RuleLine(Rules.R1))
                .Para(HelpText.RuleLine(Rules.R2));

            topic.Section("Supported at a glance")
                .Para("LMP is LicensingManagementPlatform, CLP is CustomerLicensingPortal.")
                .Table(new[] { "Feature", "LMP", "CLP" },
                    FeatureMatrix.All.Select(f => (IReadOnlyList<string>)new[] { f.Name, f.SupportedInLmp ? "Yes" : "No", f.SupportedInClp ? "Yes" : "No" }));

            var rows = topic.Section("The matrix");
            foreach (var f in FeatureMatrix.All)
            {
                rows.Heading(f.Name);
                rows.Para("Id " + f.Id + ", area " + f.Area + ".");
                rows.Table(new[] { "Account type", "What it has" }, new[]
                {
                    Row(AccountType.LicensingManagementPlatform.ToString(), f.LicensingManagementPlatform),
                    Row(AccountType.CustomerLicensingPortal.ToString(), f.CustomerLicensingPortal),
                });
            }

            topic.Section("Third-party plug-ins")
                .Para("The PSA and RMM plug-ins Remote Manager supports, by account type. Their names are also the usual keys of a customer's external ids.")
                .Table(new[] { "Name", "Display name", "Account types" },
                    Integrations.All.Select(i => (IReadOnlyList<string>)new[] { i.Name, i.DisplayName, string.Join(", ", i.AccountTypes.Select(t => t.ToString())) }));

            topic.Section("Examples")
                .Code("Get-MspFeature -AccountType CustomerLicensingPortal")
                .Code("(Get-MspFeature -Name 'Supported products').LicensingManagementPlatform");
            topic.SeeAlso.AddRange(new[] { "Get-MspFeature", "Get-MspAccount", "Set-MspAccount" });
            return topic;
        }

        private static Topic BuildSeatBands()
        {
            var topic = new Topic(SeatBandsTopic, "The seat bands (price tiers) of the partner account, and changing them.");
            topic.Section("Long description")
                .Para(HelpText.RuleLine(Rules.R3))
                .Para("The seat bands are a setting of the partner account: Get-MspAccount shows them in its SeatBands property, Set-MspAccount -SeatBands changes them.");

            topic.Section("Default seat bands")
                .Para("A new store has these bands:")
                .Table(new[] { "Band", "Minimum", "Maximum" }, BandRows(Account.DefaultSeatBandMinimums));

            int[] example = { 1, 11, 51, 101, 251, 501, 1001 };
            topic.Section("Changing the seat bands")
                .Para("Give Set-MspAccount -SeatBands the lower bound of each band: the first is 1 and each is greater than the one before. Each band runs to the next band's lower bound minus one; the last band is open-ended. A list that breaks these rules is refused with an error that says why, and the bands stay as they were. The change is recorded in the audit log.")
                .Code("Set-MspAccount -SeatBands " + Join(example))
                .Para("gives these bands:")
                .Table(new[] { "Band", "Minimum", "Maximum" }, BandRows(example))
                .Para("To return to the defaults:")
                .Code("Set-MspAccount -SeatBands " + Join(Account.DefaultSeatBandMinimums))
                .Para("To see the bands:")
                .Code("(Get-MspAccount).SeatBands");
            topic.SeeAlso.AddRange(new[] { "Get-MspAccount", "Set-MspAccount" });
            return topic;
        }

        private static IEnumerable<IReadOnlyList<string>> BandRows(IList<int> minimums) =>
            Account.ToBands(minimums).Select(b => (IReadOnlyList<string>)new[]
            {
                b.Name,
                b.Minimum.ToString(CultureInfo.InvariantCulture),
                b.Maximum.HasValue ? b.Maximum.Value.ToString(CultureInfo.InvariantCulture) : "(open-ended)",
            });

        private static string Join(IEnumerable<int> values) => string.Join(",", values.Select(v => v.ToString(CultureInfo.InvariantCulture)));

        private static Topic BuildRules(IReadOnlyList<CommandModel> commands)
        {
            var topic = new Topic(RulesTopic, "Every rule the module enforces, with its number, grouped by area.");
            topic.Section("Long description")
                .Para("Each rule has a stable number (R1, R2, ...). Error messages and the help of each command quote the rules by number; this topic lists them all. Get-Help <command> -Full shows the rules a command enforces at the end of its description.")
                .Para($"{Rules.All.Count.ToString(CultureInfo.InvariantCulture)} rules: {string.Join(", ", Rules.All.Select(r => r.Id))}.");

            foreach (var area in Rules.All.GroupBy(r => r.Area))
            {
                var section = topic.Section(area.Key);
                foreach (var rule in area)
                {
                    section.Heading(rule.Id + " " + rule.Title);
                    section.Para(rule.Text);
                    var by = commands.Where(c => (c.Help.Rules ?? new Rule[0]).Contains(rule)).Select(c => c.Name).ToList();
                    if (by.Count > 0) section.Para("Commands: " + string.Join(", ", by) + ".");
                }
            }
            return topic;
        }

        private static Topic BuildCustomers(IReadOnlyList<CommandModel> commands, List<string> problems)
        {
            var topic = new Topic(CustomersTopic, "Customer fields and their limits, country codes and external ids.");
            topic.Section("Long description")
                .Para("End customers are the companies the MSP licenses products to. New-MspCustomer creates them (one by one or from the rows of a CSV file), Get-MspCustomer finds them, Set-MspCustomer changes them and Remove-MspCustomer deletes them where the account type allows it.")
                .Para(HelpText.RuleLine(Rules.R10))
                .Para(HelpText.RuleLine(Rules.R11))
                .Para(HelpText.RuleLine(Rules.R12))
                .Para(HelpText.RuleLine(Rules.R70));

            var create = commands.FirstOrDefault(c => c.Name == "New-MspCustomer");
            var limits = FieldLimits();
            var rows = new List<IReadOnlyList<string>>();
            foreach (var field in typeof(CustomerFields).GetProperties(BindingFlags.Public | BindingFlags.Instance))
            {
                if (field.Name == nameof(CustomerFields.Origin)) continue;
                if (!limits.TryGetValue(field.Name, out var limit))
                {
                    problems.Add($"about topic {CustomersTopic}: no description of the customer field {field.Name}.");
                    continue;
                }
                var parameter = create?.OwnParameters.FirstOrDefault(p => p.Name == field.Name);
                bool required = parameter != null && parameter.Sets.Values.All(s => s.Mandatory);
                rows.Add(new[] { field.Name, required ? "Yes" : "No", limit });
            }
            topic.Section("Fields")
                .Para("The fields a user gives (the parameters of New-MspCustomer and Set-MspCustomer):")
                .Table(new[] { "Field", "Required", "What it holds" }, rows)
                .Para("Text is trimmed, must be whole Unicode text and may not contain control characters, tabs, line breaks or direction overrides; Notes may contain line breaks and tabs (about_MspLicensing, TEXT AND WILDCARDS). In Set-MspCustomer an empty string clears an optional field. A value that breaks a limit is refused with an error that names the field, the value and what is allowed; in a pipeline only that item fails.")
                .Para("Fields the module keeps:")
                .Terms(KeptFields(problems));

            string sample = new ExternalIdMap { ["ConnectWiseManage"] = "4711", ["Autotask"] = "0815" }.ToString();
            topic.Section("External ids")
                .Para("A customer keeps its ids in PSA and RMM tools (for example the company id in ConnectWise Manage), so scripts can find a customer by the id another tool knows. Each id has a key, the tool's name, and a value.")
                .Bullets(new[]
                {
                    "Keys start with a letter followed by up to 49 letters, digits, '_' or '-'; case is ignored. The usual keys are the plug-in names: " + string.Join(", ", Integrations.All.Select(i => i.Name)) + ".",
                    $"Values are text or numbers of 1 to {CustomerValidation.MaxExternalIdValueLength.ToString(CultureInfo.InvariantCulture)} characters, one line without control characters; a nested table or a list is refused.",
                    "Each tool appears once: two keys that differ only in case, such as Autotask and AUTOTASK in a case-sensitive table or in the text form, are refused with an error that names both.",
                    $"Give them as a hashtable, @{{ ConnectWiseManage = '4711' }}, or as text, '{sample}': the text form is what Export-Csv writes, so Import-Csv | New-MspCustomer reads it back.",
                    "Set-MspCustomer -ExternalId adds or replaces the given ids; an empty value removes an id.",
                    "Get-MspCustomer -ExternalId finds customers by id; values take wildcards.",
                })
                .Code("New-MspCustomer -Name Contoso -Country US -City Seattle -ContactFirstName Ann -ContactLastName Lee -Email ann@contoso.com -ExternalId @{ ConnectWiseManage = '4711' }")
                .Code("Get-MspCustomer -ExternalId @{ ConnectWiseManage = '4711' }")
                .Code("Set-MspCustomer -Name Contoso -ExternalId @{ Autotask = '0815'; ConnectWiseManage = '' }");

            topic.Section("Country codes")
                .Para("Country takes an ISO 3166-1 alpha-2 code; the English short name is accepted too and stored as the code.")
                .Table(new[] { "Code", "Country" }, Countries.All.Select(c => (IReadOnlyList<string>)new[] { c.Code, c.Name }));
            topic.SeeAlso.AddRange(new[] { "New-MspCustomer", "Get-MspCustomer", "Set-MspCustomer", "Remove-MspCustomer" });
            return topic;
        }

        private static readonly Dictionary<ReconciliationStatus, string> StatusDescriptions = new Dictionary<ReconciliationStatus, string>
        {
            [ReconciliationStatus.Match] = "Chargeable and Billed are equal (Difference 0).",
            [ReconciliationStatus.UnderBilled] = "The PSA bills fewer seats than the vendor charges: Difference seats are paid for and not billed, every month until the agreement is corrected.",
            [ReconciliationStatus.OverBilled] = "The PSA bills more seats than the vendor charges: the customer pays for seats it does not hold (Difference is negative).",
            [ReconciliationStatus.NotInPsa] = "The report has the line, the PSA has no row for the customer and product: nothing of it is billed.",
            [ReconciliationStatus.NotLicensed] = "The PSA bills a product the report has no line for: no license of it billed that month, a component of a suite the customer holds (the Note names the suite), or a row that matched no customer (the Note says why).",
        };

        private static Topic BuildMonthEnd(List<string> problems)
        {
            var topic = new Topic(MonthEndTopic, "The month-end workflow: report, reconcile with the PSA, submit.");
            topic.Section("Long description")
                .Para("At the end of a month an MSP reports its usage to the vendor, which bills it per product and seat band (R53), and bills its own customers from its PSA (ConnectWise Manage, Autotask or another). The two bills are made from different data: a seat raised in the store and not in the PSA agreement is paid for and never billed. The month-end workflow checks one against the other before the report is submitted:")
                .Bullets(new[]
                {
                    "Report: Get-MspUsageReport -Month <month> shows the month per product with its seat band, and -ByCustomer per customer and license. Lower what should not bill in full with Set-MspUsageReport -Chargeable -Comment (R51).",
                    "Reconcile: Import-Csv <PSA export> | Compare-MspUsage -Month <month> -Psa ConnectWiseManage sets the report's chargeable seats beside the PSA's billed seats, one line per customer and product, and says where they differ. -Summary adds them up per product: SeatsNotBilled is what the MSP loses each month.",
                    "Correct: fix the PSA agreements (UnderBilled, NotInPsa, OverBilled) or the store (a license missing or too big), and compare again until what is left is understood.",
                    "Submit: Submit-MspUsageReport -Month <month> freezes the month's figures (R54); Export-MspUsageReport writes them for the PSA or a spreadsheet. A Submitted or Approved month still compares, with its frozen figures.",
                })
                .Code("$month = (Get-Date).AddMonths(-1).ToString('yyyy-MM', [cultureinfo]::InvariantCulture)\nGet-MspUsageReport -Month $month\nImport-Csv ./agreements.csv | Compare-MspUsage -Month $month -Psa ConnectWiseManage | Where-Object Status -ne 'Match'\nSubmit-MspUsageReport -Month $month")
                .Para("The guide docs/guides/month-end.md shows the whole workflow as a script, with a PSA export whose columns and product names differ from the module's.");

            topic.Section("Reconciling against the PSA")
                .Para(HelpText.RuleLine(Rules.R80))
                .Para(HelpText.RuleLine(Rules.R81))
                .Para(HelpText.RuleLine(Rules.R82));

            topic.Section("How a month's report is kept")
                .Para("A month's report does not read every license ever stored. Each customer has a usage ledger: the lines it bills in every month (R50-R53, before adjustments), written in the same transaction as every change to its licenses and subscriptions, by the file store and the team store alike. A month's report reads one small document per customer that bills in the month, found by an index on the month, so its time follows the customers of the month, not the years of seat changes behind them.")
                .Para("A customer's lines stop changing after the last date its licenses and subscriptions hold (a start, an end, an expiration that does not renew, a seat change, a used count, a crossgrade): from the month after it every month bills the same, so the ledger keeps those lines once, and the lines of each earlier month that differ in a document of their own. A back-dated change rewrites the months it changes and no others. An auto-renewing subscription bills every month whether or not the renewal run recorded its renewals (R56), so a renewal run changes no ledger. A Submitted or Approved month shows its frozen lines whatever the ledger says (R54).")
                .Para("A store written by an older module gets its ledgers when it is opened by this one (schema version 10), in the transaction of the upgrade. Copy-MspStore and Backup-MspStore carry the ledgers with the other documents.")
                .Para("Test-MspStore checks every ledger against what the customer's licenses and subscriptions bill and names the customers and months where one bills otherwise; in a store only this module wrote there is none, but a file edited with other tools, or restored from a module that billed otherwise, may hold one. Repair-MspStore rewrites those ledgers from the licenses and subscriptions, with an entry in the audit log for each (Get-MspAuditLog -TargetType UsageLedger); a Submitted or Approved month keeps its frozen lines (R54), so check what it billed against the months the repair names.");

            var statuses = new List<(string, string)>();
            foreach (ReconciliationStatus status in Enum.GetValues(typeof(ReconciliationStatus)))
            {
                if (StatusDescriptions.TryGetValue(status, out var text)) statuses.Add((status.ToString(), text));
                else problems.Add($"about topic {MonthEndTopic}: no description for the reconciliation status {status}.");
            }
            topic.Section("Statuses").Terms(statuses);

            topic.Section("The PSA export")
                .Para($"Compare-MspUsage reads the rows of any export: the objects of Import-Csv, hashtables, or objects a script gets from the PSA's API. By default the columns are {ReconciliationOptions.DefaultExternalIdColumn} (the PSA's company id, used with -Psa), {ReconciliationOptions.DefaultCustomerColumn} (the company name), {ReconciliationOptions.DefaultProductColumn} and {ReconciliationOptions.DefaultQuantityColumn}; -ExternalIdColumn, -CustomerColumn, -ProductColumn and -QuantityColumn name others. Column names ignore case.")
                .Para("A PSA names products its own way: -ProductMap @{ 'WF Services Seat' = 'WFBSS' } maps its names to product codes or names, and a product mapped to '' (labour, hardware, anything that is not a license) is left out of the comparison without an error. Without a map a product matches by its code (WFBSS) or its name (Worry-Free Business Security Services).")
                .Para($"Quantities: {ReconciliationOperations.QuantityAllowed}. Rows of one customer and product add up: an agreement with an addition of 30 seats and a later one of 5 bills 35.")
                .Code("$map = @{ 'WF Services Seat' = 'WFBSS'; 'Onsite Labour' = '' }\nImport-Csv ./additions.csv | Compare-MspUsage -Month 2026-11 -Psa ConnectWiseManage -ExternalIdColumn CompanyId -CustomerColumn Company -ProductColumn Addition -QuantityColumn Qty -ProductMap $map");

            topic.Section("What comes out")
                .Para("One line per customer and product (ReconciliationLine): Month, Customer, CustomerId, Product, ProductName, Chargeable, Billed, Difference, Status, ExternalId (the customer's id for the PSA, else the row's), MatchedBy (ExternalId, Name or None), PsaRows (the numbers of the rows added up), Note and ReportStatus. With -Summary one line per product (ReconciliationSummary): Lines, Mismatches, Chargeable, Billed, Difference, SeatsNotBilled and SeatsOverBilled. Both are flat: Export-Csv writes them as they are.")
                .Code("Import-Csv ./agreements.csv | Compare-MspUsage -Month 2026-11 -Psa Autotask -Summary\nImport-Csv ./agreements.csv | Compare-MspUsage -Month 2026-11 -Psa Autotask | Where-Object Status -ne 'Match' | Export-Csv ./mismatches.csv -NoTypeInformation")
                .Para("Bad rows are non-terminating errors whose TargetObject is the row: -ErrorVariable collects them for a file of rows to correct, and -ErrorAction Stop makes the first one stop the command.")
                .Code("Import-Csv ./agreements.csv | Compare-MspUsage -Month 2026-11 -Psa Autotask -ErrorVariable bad\n$bad.TargetObject | Export-Csv ./bad-rows.csv -NoTypeInformation");
            topic.SeeAlso.AddRange(new[] { "Compare-MspUsage", "Get-MspUsageReport", "Set-MspUsageReport", "Submit-MspUsageReport", "Export-MspUsageReport", "Get-MspUsageMonth" });
            return topic;
        }

        /// <summary>The properties of a customer that no user gives: every one must be described here.</summary>
        private static IEnumerable<(string, string)> KeptFields(List<string> problems)
        {
            var descriptions = new Dictionary<string, string>(StringComparer.Ordinal)
            {
                ["CustomerId"] = "The customer's id (a GUID), fixed when the customer is created.",
                ["Origin"] = "Where the customer was created (R11): " + string.Join(" or ", Enum.GetNames(typeof(CustomerOrigin))) + ".",
                ["CreatedUtc"] = "When the customer was created, in UTC.",
                ["ModifiedUtc"] = "When the customer was last changed, in UTC.",
                ["Revision"] = "Counts the changes; a change made with an object read at an older revision is refused.",
                ["ContactName"] = "The contact's first and last name together.",
                ["InLicensingManagementPlatform"] = "Whether the customer has reached the Licensing Management Platform (R70): false for a customer created in Remote Manager until Sync-MspRemoteManager runs.",
                ["InRemoteManager"] = "Whether the customer has reached Remote Manager (R70): false for a customer created in LMP until Sync-MspRemoteManager runs.",
            };
            var given = new HashSet<string>(typeof(CustomerFields).GetProperties().Select(p => p.Name), StringComparer.Ordinal);
            var kept = new List<(string, string)>();
            foreach (var property in typeof(Customer).GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => !given.Contains(p.Name) || p.Name == nameof(Customer.Origin)))
            {
                if (descriptions.TryGetValue(property.Name, out var text)) kept.Add((property.Name, text));
                else problems.Add($"about topic {CustomersTopic}: no description of the customer property {property.Name}.");
            }
            return kept;
        }

        /// <summary>What each customer field holds, with the limits of CustomerValidation.</summary>
        private static Dictionary<string, string> FieldLimits()
        {
            string Chars(int n) => n.ToString(CultureInfo.InvariantCulture) + " characters";
            return new Dictionary<string, string>(StringComparer.Ordinal)
            {
                ["Name"] = $"The company name, 1 to {Chars(CustomerValidation.MaxNameLength)}, unique in the account ignoring case.",
                ["Country"] = "An ISO 3166-1 alpha-2 code (see COUNTRY CODES).",
                ["City"] = $"Up to {Chars(CustomerValidation.MaxCityLength)}.",
                ["State"] = $"The state or province, where the country has one; up to {Chars(CustomerValidation.MaxStateLength)}.",
                ["ContactFirstName"] = $"Up to {Chars(CustomerValidation.MaxContactNameLength)}.",
                ["ContactLastName"] = $"Up to {Chars(CustomerValidation.MaxContactNameLength)}.",
                ["Email"] = $"The contact's email address, up to {Chars(CustomerValidation.MaxEmailLength)}.",
                ["Address"] = $"The street address, up to {Chars(CustomerValidation.MaxAddressLength)}.",
                ["PostalCode"] = $"Letters, digits, spaces and hyphens; up to {Chars(CustomerValidation.MaxPostalCodeLength)}.",
                ["Phone"] = $"Digits with an optional leading +, spaces, ( ) . / - and an optional extension such as 'x 12'; up to {Chars(CustomerValidation.MaxPhoneLength)}.",
                ["TimeZone"] = $"A time zone id the system knows ('W. Europe Standard Time', 'Europe/Berlin') or a fixed offset such as UTC+01:00; up to {Chars(CustomerValidation.MaxTimeZoneLength)}.",
                ["Language"] = "A language tag such as en-US, de-DE or ja-JP.",
                ["Notes"] = $"Free text, up to {Chars(CustomerValidation.MaxNotesLength)}; line breaks and tabs are allowed.",
                ["Enabled"] = "True (the default) or False. Disabling a customer changes no license.",
                ["ExternalId"] = "Ids in PSA and RMM tools (see EXTERNAL IDS).",
                ["Templates"] = "Names of Remote Manager policy templates, one per product (Worry-Free Business Security Services, Cloud Edge; R72).",
            };
        }

        private static IReadOnlyList<string> Row(string name, string value) => new[] { name, value };

        private static string JoinOrNone(IEnumerable<string> values)
        {
            var list = values.ToList();
            return list.Count == 0 ? "None" : string.Join(", ", list);
        }
    }
}
