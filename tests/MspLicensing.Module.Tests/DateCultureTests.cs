using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Management.Automation;
using System.Reflection;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using MspLicensing.Commands;
using MspLicensing.HelpGen;
using MspLicensing.Module.Tests.Hosting;
using Xunit;

namespace MspLicensing.Module.Tests
{
    /// <summary>
    /// PRODUCT.md §5: dates and months mean the same in every culture. Sessions in en-US, de-DE, en-GB and th-TH (Thai
    /// Buddhist calendar) run the same command lines, from the prompt and from Import-Csv files, and store the same days;
    /// views, Format-List, exports and messages show them as ISO yyyy-MM-dd.
    /// </summary>
    public class DateCultureTests
    {
        public static TheoryData<string> Cultures => new TheoryData<string> { "en-US", "de-DE", "en-GB", "th-TH" };

        private const string Plans =
            "New-MspServicePlan -Name Monthly -Product WFBSS -InitialPeriodMonths 12 -AutoRenewalMonths 1 -DataCenter Germany; " +
            "New-MspServicePlan -Name Standard -Product WFBS-STD -InitialPeriodMonths 12";

        /// <summary>What the script of <see cref="Dates_AreReadInvariant_TheSameScriptStoresTheSameDaysInEveryCulture"/> stores, in any culture.</summary>
        private const string ExpectedDays =
            "Contoso WFBSS 2026-02-03..2027-02-03 seats 2026-02-03: 10 used 2026-02-03: 7,2026-02-20: 8\n" +
            "Fabrikam WFBSS 2026-03-31..2027-03-31 seats 2026-03-31: 5 used \n" +
            "Northwind WFBS-STD 2026-01-15..2027-06-30 seats 2026-01-15: 15 used \n" +
            "Tailspin WFBSS 2026-01-12..2027-03-15 seats 2026-01-12: 6,2026-02-20: 9 used 2026-02-21: 4\n" +
            "report 2026-02 Contoso 10/8, Tailspin 9/4\n";

        [Theory]
        [MemberData(nameof(Cultures))]
        public void Dates_AreReadInvariant_TheSameScriptStoresTheSameDaysInEveryCulture(string culture)
        {
            using var s = new ModuleSession(culture: culture);
            Assert.Equal($"{culture} {culture}", s.Ok("\"$([cultureinfo]::CurrentCulture.Name) $((Get-Culture).Name)\"").Output.Single().ToString());
            foreach (var name in new[] { "Contoso", "Fabrikam", "Tailspin", "Northwind" }) s.NewCustomer(name);
            s.Ok(Plans);

            // At the prompt: bare ISO words and quoted ISO text.
            s.Ok("New-MspSubscription -Customer Contoso -ServicePlan Monthly -Seats 10 -StartDate 2026-02-03");
            s.Ok("Get-MspLicense -Customer Contoso | Set-MspLicense -Used 7 -Date '2026-02-03'");
            // From files: the date columns of Import-Csv bind by property name.
            File.WriteAllText(Path.Combine(s.Directory, "subscriptions.csv"),
                "Customer,ServicePlan,Seats,StartDate\nFabrikam,Monthly,5,2026-03-31\nTailspin,Monthly,6,2026-01-12T00:00:00\n");
            Assert.Equal(2, s.Ok("Import-Csv ./subscriptions.csv | New-MspSubscription").Objects<Subscription>().Count());
            var codes = s.Ok("Get-MspLicense -Product WFBSS").Objects<License>().ToDictionary(l => l.Customer, l => l.ActivationCode);
            File.WriteAllText(Path.Combine(s.Directory, "used.csv"),
                $"ActivationCode,Used,Date\n{codes["Contoso"]},8,2026-02-20\n{codes["Tailspin"]},4,2026-02-21\n");
            s.Ok("Import-Csv ./used.csv | Set-MspLicense");
            File.WriteAllText(Path.Combine(s.Directory, "registered.csv"),
                "Customer,Product,LicenseType,Seats,StartDate,ExpirationDate,ActivationCode\nNorthwind,WFBS-STD,Standard,15,2026-01-15,2027-06-30,WF-AAAA-BBBBB-CCCCC-DDDDD-EEEEE-FFFFF\n");
            s.Ok("Import-Csv ./registered.csv | Register-MspProduct");
            s.Ok("Set-MspSubscription -Customer Tailspin -Seats 9 -Date 2026-02-20");
            s.Ok("Set-MspSubscription -Customer Tailspin -ExpirationDate 2027-03-15");
            s.Ok("Invoke-MspRenewal -AsOf 2026-02-03");

            var stored = new StringBuilder();
            foreach (var l in s.Ok("Get-MspLicense").Objects<License>().OrderBy(l => l.Customer, StringComparer.Ordinal))
            {
                stored.Append($"{l.Customer} {l.Product} {Dates.Format(l.StartDate)}..{Dates.Format(l.ExpirationDate)} ")
                    .Append($"seats {string.Join(",", l.SeatHistory)} used {string.Join(",", l.UsedHistory)}\n");
            }
            var lines = s.Ok("Get-MspUsageReport -Month 2026-02 -ByCustomer").Objects<UsageLine>().OrderBy(l => l.Customer, StringComparer.Ordinal).ToList();
            Assert.All(lines, l => Assert.Equal("2026-02", l.Month));
            stored.Append("report 2026-02 ").Append(string.Join(", ", lines.Select(l => $"{l.Customer} {l.Provisioned}/{l.Used}"))).Append('\n');
            Assert.Equal(ExpectedDays, stored.ToString());
        }

        [Theory]
        [MemberData(nameof(Cultures))]
        public void Dates_Months_AreReadInvariant_AsYearMonthOrAsADate(string culture)
        {
            using var s = new ModuleSession(culture: culture);
            s.NewCustomer("Contoso");
            s.Ok(Plans);
            s.Ok("New-MspSubscription -Customer Contoso -ServicePlan Monthly -Seats 10 -StartDate 2026-02-03");
            foreach (var month in new[] { "2026-02", "'2026-02'", "2026-02-15", "([datetime]'2026-02-15')" })
                Assert.Equal("2026-02", s.Ok("Get-MspUsageReport -Month " + month).Objects<UsageSummary>().Single().Month);
            File.WriteAllText(Path.Combine(s.Directory, "months.csv"), "Month\n2026-02\n");
            Assert.Equal(10, s.Ok("Import-Csv ./months.csv | Get-MspUsageReport").Objects<UsageSummary>().Single().Chargeable);
            var r = s.Run("Get-MspUsageReport -Month 2026-13");
            Assert.Contains("Month '2026-13' is not valid: give a month as yyyy-MM", r.ErrorText);
        }

        [Theory]
        [InlineData("de-DE")]
        [InlineData("th-TH")]
        public void Dates_AreShownAsIso_InViewsFormatListExportsAndTheAuditLog(string culture)
        {
            string Scenario(ModuleSession session)
            {
                session.NewCustomer("Contoso");
                session.Ok(Plans);
                session.Ok("New-MspSubscription -Customer Contoso -ServicePlan Monthly -Seats 10 -StartDate 2026-02-03");
                session.Ok("Get-MspLicense | Set-MspLicense -Used 4 -Date 2026-02-10");
                session.Ok("Suspend-MspSubscription -Customer Contoso -Date 2026-02-11");
                session.Ok("Submit-MspUsageReport -Month 2026-02 -Confirm:$false");
                session.Ok("New-MspTemplate -Name Baseline -Product WFBSS -Setting @{ RealTimeScan = 'On' }; Sync-MspRemoteManager");
                session.Ok("Export-MspUsageReport -Month 2026-02 -Path ./usage.csv; Export-MspUsageReport -Month 2026-02 -Path ./usage.json -Format Json");
                return File.ReadAllText(Path.Combine(session.Directory, "usage.csv")) + File.ReadAllText(Path.Combine(session.Directory, "usage.json"));
            }

            string reference;
            using (var en = new ModuleSession()) reference = Scenario(en);
            using var s = new ModuleSession(culture: culture);
            Assert.Equal(reference, Scenario(s));
            Assert.Contains("2026-02,WFBSS,", reference);

            // Format-List of every object that has dates (one kind at a time: Format-List takes the view of the first
            // object for the whole pipeline), and the default and wide tables.
            string text = s.Ok("$o = @(Get-MspCustomer; Get-MspServicePlan; Get-MspSubscription; Get-MspLicense; (Get-MspLicense).SeatHistory; " +
                               "Get-MspUsageReport -Month 2026-02 -ByCustomer; Get-MspTemplate; Get-MspManagedProduct -Customer Contoso; " +
                               "Invoke-MspRenewal -AsOf 2027-03-01 -WhatIf; Approve-MspUsageReport -Month 2026-02 -Confirm:$false; Get-MspAuditLog); " +
                               "$o | Group-Object { $_.GetType().FullName } | ForEach-Object { $_.Group | Format-List | Out-String -Width 120; $_.Group | Out-String -Width 120 }; " +
                               "Get-MspSubscription | Format-Table -View Wide | Out-String -Width 120").Output
                .Aggregate(new StringBuilder(), (sb, o) => sb.Append(o)).ToString();
            Assert.Matches(@"(?m)^StartDate\s+: 2026-02-03\s*$", text);
            Assert.Matches(@"(?m)^ExpirationDate\s+: 2027-02-03\s*$", text);
            Assert.Matches(@"(?m)^SuspendedOn\s+: 2026-02-11\s*$", text);
            Assert.Matches(@"(?m)^SeatHistory\s+: \{2026-02-03: 10\}\s*$", text);
            Assert.Matches(@"(?m)^UsedHistory\s+: \{2026-02-10: 4\}\s*$", text);
            Assert.Matches(@"(?m)^ApprovedUtc\s+: \d{4}-\d\d-\d\d \d\d:\d\d:\d\d\s*$", text);
            Assert.Matches(@"(?m)^CreatedUtc\s+: \d{4}-\d\d-\d\d \d\d:\d\d:\d\d\s*$", text);
            Assert.Matches(@"(?m)^Date\s+: 2026-02-03\s*$", text);
            NoCultureDates(text);

            // Messages: the audit log's summaries and a refused day quote ISO days.
            var summaries = string.Join("\n", s.Ok("Get-MspAuditLog | ForEach-Object Summary").Output.Select(o => o.ToString()));
            Assert.Contains("2026-02-03", summaries);
            Assert.Contains("2026-02-11", summaries);
            NoCultureDates(summaries);
            string refused = s.Run("Invoke-MspRenewal -AsOf 1999-12-31").ErrorText + "\n" + s.Run("Resume-MspSubscription -Customer Contoso -Date 2030-01-01").ErrorText;
            Assert.Contains("AsOf '1999-12-31' is not valid: give a date from 2000-01-01 to 2099-12-31", refused);
            Assert.Contains("expired on 2027-02-03", refused);
            NoCultureDates(refused);
        }

        [Fact]
        public void Dates_AreReadInvariant_TextTheSessionReadsAsAnotherDayIsRefusedAndChangesNothing()
        {
            using (var de = new ModuleSession(culture: "de-DE"))
            {
                de.NewCustomer("Contoso");
                de.Ok(Plans);
                var r = de.Run("New-MspSubscription -Customer Contoso -ServicePlan Monthly -StartDate 03.02.2026");
                Assert.Equal("ParameterArgumentTransformationError,MspLicensing.Commands.NewMspSubscriptionCommand", r.Errors.Single().FullyQualifiedErrorId);
                Assert.Contains("parameter 'StartDate'. '03.02.2026' is 2026-03-02 as PowerShell's [datetime] reads it in every culture, but 2026-02-03 in de-DE: give the day as ISO yyyy-MM-dd", r.ErrorText);
                Assert.Empty(de.Ok("Get-MspSubscription").Output);
            }
            // Where the session's culture reads it the same, the text is taken as PowerShell's cast reads it.
            using var en = new ModuleSession(culture: "en-US");
            en.NewCustomer("Contoso");
            en.Ok(Plans);
            Assert.Equal(new DateTime(2026, 3, 2), en.Ok("New-MspSubscription -Customer Contoso -ServicePlan Monthly -StartDate 03.02.2026").Objects<Subscription>().Single().StartDate);
        }

        [Fact]
        public void Dates_AreReadInvariant_ARowWithoutADateIsReportedAndTheOtherRowsLand()
        {
            using var s = new ModuleSession(culture: "th-TH");
            foreach (var name in new[] { "Contoso", "Fabrikam", "Tailspin" }) s.NewCustomer(name);
            s.Ok(Plans);
            File.WriteAllText(Path.Combine(s.Directory, "subscriptions.csv"),
                "Customer,ServicePlan,Seats,StartDate\nContoso,Monthly,5,2026-02-03\nFabrikam,Monthly,5,2026-02-30\nTailspin,Monthly,5,2026-03-01\n");
            var r = s.Run("Import-Csv ./subscriptions.csv | New-MspSubscription");
            Assert.Contains("'2026-02-30' is not a date: give an ISO date, yyyy-MM-dd", r.Errors.Single().Exception.Message);
            Assert.Contains("StartDate", r.Errors.Single().Exception.Message);
            var starts = s.Ok("Get-MspSubscription").Objects<Subscription>().ToDictionary(x => x.Customer, x => Dates.Format(x.StartDate));
            Assert.Equal(new Dictionary<string, string> { ["Contoso"] = "2026-02-03", ["Tailspin"] = "2026-03-01" }, starts);
        }

        /// <summary>Every date parameter reads text invariant: PowerShell's binder alone would read it in the session's culture.</summary>
        [Fact]
        public void Dates_AreReadInvariant_EveryDateAndMonthParameterHasTheTransformation()
        {
            var cmdlets = typeof(MspCmdlet).Assembly.GetExportedTypes().Where(t => !t.IsAbstract && t.GetCustomAttribute<CmdletAttribute>() != null).ToList();
            Assert.NotEmpty(cmdlets);
            var parameters = cmdlets.SelectMany(t => t.GetProperties(BindingFlags.Public | BindingFlags.Instance)
                    .Where(p => p.GetCustomAttributes<ParameterAttribute>().Any())
                    .Select(p => (Name: t.GetCustomAttribute<CmdletAttribute>().VerbName + "-" + t.GetCustomAttribute<CmdletAttribute>().NounName + " -" + p.Name, Property: p)))
                .ToList();
            var dates = parameters.Where(p => ListViews.IsDate(p.Property.PropertyType)).ToList();
            Assert.True(dates.Count >= 18, "Expected the module's date parameters; found " + dates.Count);
            Assert.All(dates, p => Assert.True(p.Property.GetCustomAttribute<DateTransformationAttribute>() != null,
                $"{p.Name} is a date without [DateTransformation]: the binder would read its text in the session's culture."));
            var months = parameters.Where(p => p.Property.Name == "Month").ToList();
            Assert.NotEmpty(months);
            Assert.All(months, p => Assert.True(p.Property.GetCustomAttribute<MonthTransformationAttribute>() != null, $"{p.Name} lacks [MonthTransformation]."));
        }

        /// <summary>The generated list views show what Format-List shows without them, every property in its order, only the dates as ISO.</summary>
        [Fact]
        public void Dates_AreShownAsIso_FormatListShowsEveryPropertyOfEveryObjectWithDates()
        {
            var types = new[] { typeof(Customer).Assembly, typeof(MspCmdlet).Assembly };
            Type Find(string name) => types.Select(a => a.GetType(name)).First(t => t != null);
            var lists = XDocument.Load(Path.Combine(ModuleSession.RepoRoot, ListViews.OutputPath)).Descendants("View")
                .ToDictionary(v => v.Element("ViewSelectedBy").Element("TypeName").Value,
                              v => v.Descendants("ListItem").Select(i => (i.Element("Label") ?? i.Element("PropertyName")).Value).ToList());
            var tables = XDocument.Load(Path.Combine(ModuleSession.RepoRoot, ListViews.TableViewsPath)).Descendants("TypeName").Select(t => t.Value).Distinct().ToList();
            foreach (var name in tables)
            {
                var type = Find(name);
                var shown = new PSObject(RuntimeHelpers.GetUninitializedObject(type)).Properties.Select(p => p.Name).ToList();
                bool hasDates = type.GetProperties().Any(p => ListViews.IsDate(p.PropertyType));
                Assert.True(hasDates == lists.ContainsKey(name), $"{name}: a list view exactly when the type has a date.");
                if (hasDates) Assert.Equal(shown, lists[name]);
            }
        }

        [Fact]
        public void Dates_AreReadInvariant_TheHelpStatesIt()
        {
            using var s = new ModuleSession(connect: false, culture: "de-DE");
            string Text(string command) => Regex.Replace(string.Join("\n", s.Ok(command + " | Out-String -Width 200").Output), @"\s+", " ");
            string about = Text("Get-Help about_MspLicensing");
            Assert.Contains("DATES AND MONTHS", about);
            Assert.Contains(Dates.Convention, about);
            Assert.Contains(Dates.OtherForms, about);
            Assert.Contains("The day the licenses start; default today. Earlier days back-fill history. Text is read as an ISO date, yyyy-MM-dd, the same in every culture.",
                Text("Get-Help New-MspSubscription -Parameter StartDate"));
            Assert.Contains("Text is read as yyyy-MM or an ISO date, yyyy-MM-dd, the same in every culture.", Text("Get-Help Get-MspUsageReport -Parameter Month"));
        }

        /// <summary>No day in a culture's own form (03.02.2026, 3/2/2569) or calendar (a Thai Buddhist year such as 2569).</summary>
        private static void NoCultureDates(string text)
        {
            var found = Regex.Matches(text, @"\b\d{1,2}[./]\d{1,2}[./]\d{2,4}\b|\b25\d\d-\d\d-\d\d\b").Select(m => m.Value).ToList();
            Assert.True(found.Count == 0, "Dates in the culture's form: " + string.Join(", ", found) + "\n" + text);
        }
    }
}
