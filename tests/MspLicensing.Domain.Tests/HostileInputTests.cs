using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using MspLicensing.Store;
using Xunit;

namespace MspLicensing.Domain.Tests
{
    /// <summary>
    /// Input an attacker (or a damaged file) sends: text that is not whole Unicode or holds control characters, wildcard
    /// patterns that are not valid, tables of the wrong shape, huge values. Each gets an error that names the field and
    /// the value, and nothing is stored.
    /// </summary>
    public class HostileInputTests
    {
        private static readonly DateTime Now = SubscriptionFixture.Now;
        private const string LoneSurrogate = "Bad\uD800Sur";

        private static Customer Create(IMspStore store, CustomerFields f) =>
            store.Write("New-MspCustomer", s => CustomerOperations.Create(s, f, Now));

        private static void AssertNothingStored(IMspStore store, int customers = 0, int auditEntries = 0)
        {
            Assert.Equal(customers, store.Read(s => s.Customers.Count()));
            Assert.Equal(auditEntries, store.Read(s => s.AuditLog(new AuditQuery()).Count()));
        }

        public static IEnumerable<object[]> HostileCustomerFields()
        {
            yield return new object[] { (Action<CustomerFields>)(f => f.Name = LoneSurrogate), "Name 'Bad`u{D800}Sur'", "not whole Unicode text: `u{D800} at position 4" };
            yield return new object[] { (Action<CustomerFields>)(f => f.Name = "Bad\uDC00"), "Name 'Bad`u{DC00}'", "half of a surrogate pair" };
            yield return new object[] { (Action<CustomerFields>)(f => f.Name = "Bad\tName"), "Name 'Bad`tName'", "one line of text" };
            yield return new object[] { (Action<CustomerFields>)(f => f.Name = "Bad\nName"), "Name 'Bad`nName'", "`n at position 4" };
            yield return new object[] { (Action<CustomerFields>)(f => f.Name = "Bad\u0000Name"), "Name 'Bad`0Name'", "control characters" };
            yield return new object[] { (Action<CustomerFields>)(f => f.Name = "Bad\u0085Name"), "Name 'Bad`u{0085}Name'", "control characters" };
            yield return new object[] { (Action<CustomerFields>)(f => f.Name = "Bad\u2028Name"), "Name 'Bad`u{2028}Name'", "line breaks" };
            yield return new object[] { (Action<CustomerFields>)(f => f.Name = "Contoso\u202Egnp.exe"), "Name 'Contoso`u{202E}gnp.exe'", "direction overrides" };
            yield return new object[] { (Action<CustomerFields>)(f => f.City = "Sea\u0007ttle"), "City 'Sea`u{0007}ttle'", "control characters" };
            yield return new object[] { (Action<CustomerFields>)(f => f.State = "W\uD800A"), "State 'W`u{D800}A'", "not whole Unicode text" };
            yield return new object[] { (Action<CustomerFields>)(f => f.ContactFirstName = "A\u001Bnn"), "ContactFirstName 'A`u{001B}nn'", "control characters" };
            yield return new object[] { (Action<CustomerFields>)(f => f.ContactLastName = "L\uDFFFee"), "ContactLastName 'L`u{DFFF}ee'", "not whole Unicode text" };
            yield return new object[] { (Action<CustomerFields>)(f => f.Email = "ann\uD800@example.com"), "Email 'ann`u{D800}@example.com'", "not whole Unicode text" };
            yield return new object[] { (Action<CustomerFields>)(f => f.Address = "1 Main St\nSuite 5"), "Address '1 Main St`nSuite 5'", "one line of text" };
            yield return new object[] { (Action<CustomerFields>)(f => f.Phone = "+1 555\uD8000100"), "Phone '+1 555`u{D800}0100'", "not whole Unicode text" };
            yield return new object[] { (Action<CustomerFields>)(f => f.TimeZone = "Europe/Ber\uD800lin"), "TimeZone 'Europe/Ber`u{D800}lin'", "not whole Unicode text" };
            yield return new object[] { (Action<CustomerFields>)(f => f.Notes = "Key account\u0000"), "Notes 'Key account`0'", "other than line breaks and tabs" };
            yield return new object[] { (Action<CustomerFields>)(f => f.Notes = "Key \uD800account"), "Notes 'Key `u{D800}account'", "not whole Unicode text" };
            yield return new object[] { (Action<CustomerFields>)(f => f.ExternalId = new Dictionary<string, string> { ["Autotask"] = "08\uD80015" }), "ExternalId.Autotask '08`u{D800}15'", "not whole Unicode text" };
            yield return new object[] { (Action<CustomerFields>)(f => f.ExternalId = new Dictionary<string, string> { ["Autotask"] = "08\t15" }), "ExternalId.Autotask '08`t15'", "one line of text" };
        }

        [Theory]
        [MemberData(nameof(HostileCustomerFields))]
        public void Text_that_is_not_whole_Unicode_or_holds_control_characters_is_refused_naming_field_value_and_position_R10(Action<CustomerFields> spoil, string named, string why)
        {
            using var t = new TestStore();
            using var store = t.Open();
            var f = TestStore.Fields("Contoso");
            spoil(f);
            var ex = Assert.Throws<MspException>(() => Create(store, f));
            Assert.Equal("InvalidValue", ex.ErrorId);
            Assert.Equal(ErrorKind.InvalidArgument, ex.Kind);
            Assert.Contains(named + " is not valid", ex.Message);
            Assert.Contains(why, ex.Message);
            AssertNothingStored(store);
        }

        [Fact]
        public void Notes_keep_line_breaks_and_tabs_and_names_keep_characters_beyond_the_basic_plane_R10()
        {
            using var t = new TestStore();
            using var store = t.Open();
            var f = TestStore.Fields("Café \U0001F600 Zoë");
            f.Notes = "Line one\r\nLine two\tindented\u2028line three";
            f.Address = "Straße 1";
            Create(store, f);
            var c = store.Read(s => s.FindCustomerByName("café \U0001F600 zoë"));
            Assert.Equal("Café \U0001F600 Zoë", c.Name);
            Assert.Equal("Line one\r\nLine two\tindented\u2028line three", c.Notes);
            Assert.Equal("Straße 1", c.Address);
        }

        [Fact]
        public void A_change_with_a_lone_surrogate_is_refused_and_the_customer_stays_as_it_was_R10()
        {
            using var t = new TestStore();
            using var store = t.Open();
            Create(store, TestStore.Fields("Contoso"));
            var ex = Assert.Throws<MspException>(() => store.Write("Set-MspCustomer", s =>
                CustomerOperations.Update(s, CustomerRef.ByName("Contoso"), new CustomerFields { City = "Tacoma", Name = LoneSurrogate }, Now)));
            Assert.Contains("Name 'Bad`u{D800}Sur'", ex.Message);
            var c = store.Read(s => s.FindCustomerByName("Contoso"));
            Assert.Equal("Seattle", c.City);
            Assert.Equal(1, c.Revision);
            AssertNothingStored(store, customers: 1, auditEntries: 1);
        }

        [Fact]
        public void Plan_names_and_descriptions_are_checked_like_every_text_R20()
        {
            using var f = new SubscriptionFixture();
            ServicePlan Create(string name, string description) => f.Store.Write("New-MspServicePlan", s => ServicePlanOperations.Create(s,
                new ServicePlanFields { Name = name, Products = new[] { "WFBSS" }, Description = description }, Now));
            var name = Assert.Throws<MspException>(() => Create(LoneSurrogate, null));
            Assert.Contains("Name 'Bad`u{D800}Sur' is not valid", name.Message);
            Assert.Contains("Name 'Basic`tEU' is not valid", Assert.Throws<MspException>(() => Create("Basic\tEU", null)).Message);
            var description = Assert.Throws<MspException>(() => Create("Basic", "Monthly\u0000"));
            Assert.Contains("Description 'Monthly`0' is not valid", description.Message);
            Assert.Contains("Description", Assert.Throws<MspException>(() => Create("Basic", new string('d', ServicePlanOperations.MaxDescriptionLength + 1))).Message);
            Assert.Empty(f.Store.Read(s => s.ServicePlans.All().ToList()));
            Assert.Equal("Monthly\nrenewal", Create("Basic", "Monthly\nrenewal").Description);
        }

        [Fact]
        public void Template_names_descriptions_and_settings_are_checked_like_every_text_R72()
        {
            using var f = new SubscriptionFixture();
            Template Create(string name, IDictionary<string, string> settings, string description) =>
                f.Store.Write("New-MspTemplate", s => RemoteManagerOperations.CreateTemplate(s, name, "WFBSS", settings, description, Now));
            Assert.Contains("Name 'Bad`u{D800}Sur'", Assert.Throws<MspException>(() => Create(LoneSurrogate, null, null)).Message);
            Assert.Contains("Setting.RealTimeScan 'O`u{D800}n'", Assert.Throws<MspException>(() => Create("WF", new Dictionary<string, string> { ["RealTimeScan"] = "O\uD800n" }, null)).Message);
            Assert.Contains("Setting 'Real`nTimeScan'", Assert.Throws<MspException>(() => Create("WF", new Dictionary<string, string> { ["Real\nTimeScan"] = "On" }, null)).Message);
            Assert.Contains("at most 500", Assert.Throws<MspException>(() => Create("WF", new Dictionary<string, string> { ["RealTimeScan"] = new string('x', 501) }, null)).Message);
            Assert.Contains("Description", Assert.Throws<MspException>(() => Create("WF", null, new string('d', 1_048_576))).Message);
            Assert.Empty(f.Store.Read(s => s.Templates.All().ToList()));
            Create("WF", new Dictionary<string, string> { ["RealTimeScan"] = "On" }, "Baseline");
            var change = Assert.Throws<MspException>(() => f.Store.Write("Set-MspTemplate", s =>
                RemoteManagerOperations.ChangeTemplate(s, "WF", new Dictionary<string, string> { ["RealTimeScan"] = "Off" }, "x\uDBFF", Now)));
            Assert.Contains("Description 'x`u{DBFF}'", change.Message);
            Assert.Equal("On", f.Store.Read(s => s.FindTemplateByName("WF")).Settings["RealTimeScan"]);
        }

        [Fact]
        public void A_usage_comment_or_rejection_reason_is_checked_like_every_text_R51_R54()
        {
            using var f = new SubscriptionFixture();
            f.Plan("Basic", "WFBSS", renewal: 1);
            f.Assign("Basic", new DateTime(2026, 1, 15), seats: 20);
            var march = new DateTime(2026, 3, 1);
            var comment = Assert.Throws<MspException>(() => f.Store.Write("Set-MspUsageReport", s =>
                UsageOperations.Adjust(s, BillingMonth.Of(march), CustomerRef.ByName("Contoso"), "WFBSS", 15, "Onboarded \uD800")));
            Assert.Contains("Comment 'Onboarded `u{D800}' is not valid", comment.Message);
            Assert.Equal(20, f.Store.Read(s => UsageOperations.Lines(s, BillingMonth.Of(march), true)).Single().Chargeable);
            var reason = Assert.Throws<MspException>(() => f.Store.Write("Deny-MspUsageReport", s => UsageOperations.Deny(s, BillingMonth.Of(march), "wrong\u0007", Now)));
            Assert.Contains("Reason 'wrong`u{0007}' is not valid", reason.Message);
        }

        [Fact]
        public void An_account_name_is_checked_like_every_text_R1()
        {
            var ex = Assert.Throws<MspException>(() => Account.ValidateName("Partner\u202E"));
            Assert.Contains("Name 'Partner`u{202E}' is not valid", ex.Message);
            Assert.Equal("Partner GmbH", Account.ValidateName(" Partner GmbH "));
        }

        [Fact]
        public void A_long_value_is_quoted_cut_to_60_characters_with_its_length()
        {
            string huge = new string('a', 1_048_576);
            var ex = MspException.InvalidValue("Name", huge, "give a shorter name");
            Assert.Equal("Name '" + new string('a', 60) + "…' (1048576 characters) is not valid: give a shorter name.", ex.Message);
            Assert.Same(huge, ex.Target);
            Assert.Equal("'" + new string('b', 60) + "'", MspException.Quote(new string('b', 60)));
            Assert.Equal("(nothing)", MspException.Quote(null));
            Assert.Equal("'a`tb`nc`0`u{D800}`u{202E}'", MspException.Quote("a\tb\nc\0\uD800\u202E"));
            // A character of two UTF-16 units is never cut in half.
            string emoji = new string('x', 59) + "\U0001F600" + "tail";
            Assert.Equal("'" + new string('x', 59) + "…' (65 characters)", MspException.Quote(emoji));
        }

        [Fact]
        public void A_huge_name_gives_a_short_error_and_changes_nothing_R10()
        {
            using var t = new TestStore();
            using var store = t.Open();
            var ex = Assert.Throws<MspException>(() => Create(store, TestStore.Fields(new string('a', 1_048_576))));
            Assert.Contains("(1048576 characters)", ex.Message);
            Assert.Contains("at most 100 characters", ex.Message);
            Assert.True(ex.Message.Length < 300, ex.Message);
            Assert.Equal("No customer is named '" + new string('n', 60) + "…' (5000 characters)",
                Assert.Throws<MspException>(() => store.Read(s => CustomerOperations.Resolve(s, CustomerRef.ByName(new string('n', 5000))))).Message.Split('.')[0]);
            AssertNothingStored(store);
        }

        [Theory]
        [InlineData("[z-a]", "the range z-a runs backwards")]
        [InlineData("x[]", "the '[' at position 2 opens a set that no ']' closes")]
        [InlineData("x[", "the '[' at position 2 opens a set that no ']' closes")]
        [InlineData("[a", "the '[' at position 1 opens a set")]
        [InlineData("Wild`[1]x[", "the '[' at position 10 opens a set")]
        [InlineData("[a--]", "the range a-- runs backwards")]
        public void An_invalid_wildcard_pattern_is_refused_naming_the_parameter_and_the_pattern_R10(string pattern, string problem)
        {
            var ex = Assert.Throws<MspException>(() => Wildcard.Parse("Name", pattern));
            Assert.Equal("InvalidWildcardPattern", ex.ErrorId);
            Assert.Equal(ErrorKind.InvalidArgument, ex.Kind);
            Assert.StartsWith($"Name '{pattern}' is not a valid wildcard pattern: {problem}", ex.Message);
            Assert.Contains("backtick", ex.Message);
            // The regular expression the pattern becomes stays inside.
            Assert.DoesNotContain("\\u00", ex.Message);
            Assert.DoesNotContain("offset", ex.Message);
            Assert.Equal(pattern, ex.Target);
        }

        [Fact]
        public void A_pattern_whose_wildcards_are_all_escaped_is_one_exact_name()
        {
            Assert.Equal("Wild*", Wildcard.Parse("Name", "Wild`*").Literal);
            Assert.Equal("Wild[1]", Wildcard.Parse("Name", "Wild`[1`]").Literal);
            Assert.Equal("ab", Wildcard.Parse("Name", "a`b").Literal);
            Assert.Equal("a`", Wildcard.Parse("Name", "a`").Literal);
            Assert.Equal("a`b", Wildcard.Parse("Name", "a``b").Literal);
            Assert.Equal("", Wildcard.Parse("Name", "`").Literal);
            Assert.Equal("a]", Wildcard.Parse("Name", "a]").Literal);
            Assert.Null(Wildcard.Parse("Name", "Wild*").Literal);
            var filter = new NameFilter("Name", new[] { "Wild`*", " Wild`[1`] " });
            Assert.True(filter.ExactOnly);
            Assert.Equal(new[] { "Wild*", "Wild[1]" }, filter.ExactNames);
            Assert.Equal(new[] { "Wild[1]" }, filter.Missing(new[] { "WILD*" }));
            Assert.False(new NameFilter("Name", new[] { "Wild`*", "W*" }).ExactOnly);
        }

        [Fact]
        public void Escaped_wildcards_find_the_customers_named_so_through_the_name_index_R10()
        {
            using var t = new TestStore();
            using var store = t.Open();
            foreach (var name in new[] { "Wild*", "Wild[1]", "Wildx", "Wild1" }) Create(store, TestStore.Fields(name));
            List<string> Names(params string[] patterns) => store.Read(s => CustomerOperations.Find(s, new CustomerQuery { Name = patterns })).Select(c => c.Name).ToList();
            Assert.Equal(new[] { "Wild*" }, Names("Wild`*"));
            Assert.Equal(new[] { "Wild[1]" }, Names("wild`[1`]"));
            Assert.Equal(new[] { "Wild1" }, Names("Wild[1]"));
            Assert.Equal(new[] { "Wild*", "Wild1", "Wildx", "Wild[1]" }, Names("Wild*"));
            var ex = Assert.Throws<MspException>(() => Names("[z-a]"));
            Assert.Equal("InvalidWildcardPattern", ex.ErrorId);
            Assert.Contains("Email 'x['", Assert.Throws<MspException>(() => store.Read(s => CustomerOperations.Find(s, new CustomerQuery { Email = "x[" }))).Message);
            Assert.Contains("ExternalId.Autotask '[b-a]'", Assert.Throws<MspException>(() => store.Read(s => CustomerOperations.Find(s,
                new CustomerQuery { ExternalId = new Dictionary<string, string> { ["Autotask"] = "[b-a]" } }))).Message);
        }

        [Fact]
        public void A_table_value_is_text_or_a_number_and_not_a_table_or_a_list_R10()
        {
            var ok = TextInput.Table("ExternalId", new[]
            {
                Pair("ConnectWiseManage", "4711"), Pair("Autotask", 815), Pair("Kaseya", 1.5m), Pair("Other", null),
            });
            Assert.Equal("4711", ok["connectwisemanage"]);
            Assert.Equal("815", ok["Autotask"]);
            Assert.Equal("1.5", ok["Kaseya"]);
            Assert.Null(ok["Other"]);
            var table = Assert.Throws<MspException>(() => TextInput.Table("ExternalId", new[] { Pair("Autotask", new Hashtable { ["x"] = 1 }) }));
            Assert.Equal("InvalidValue", table.ErrorId);
            Assert.StartsWith("ExternalId.Autotask 'System.Collections.Hashtable' is not valid: a value is text or a number, not a Hashtable", table.Message);
            Assert.Contains("not an Object[]", Assert.Throws<MspException>(() => TextInput.Table("Setting", new[] { Pair("Scan", new object[] { 1, 2 }) })).Message);
        }

        [Fact]
        public void Keys_that_differ_only_in_case_are_refused_naming_both_R10()
        {
            var ex = Assert.Throws<MspException>(() => TextInput.Table("ExternalId", new[] { Pair("Autotask", "1"), Pair("AUTOTASK", "2") }));
            Assert.Equal("DuplicateKey", ex.ErrorId);
            Assert.Equal(ErrorKind.InvalidArgument, ex.Kind);
            Assert.StartsWith("ExternalId has the keys 'Autotask' and 'AUTOTASK', which are one key", ex.Message);
            Assert.Contains("'Autotask' and ' autotask'", Assert.Throws<MspException>(() => TextInput.Table("Setting", new[] { Pair("Autotask", "1"), Pair(" autotask", "2") })).Message);
            var text = Assert.Throws<MspException>(() => ExternalIdMap.Parse("Autotask=1;AUTOTASK=2"));
            Assert.Equal("DuplicateKey", text.ErrorId);
            Assert.Contains("'Autotask' and 'AUTOTASK'", text.Message);
        }

        private static KeyValuePair<string, object> Pair(string key, object value) => new KeyValuePair<string, object>(key, value);
    }
}
