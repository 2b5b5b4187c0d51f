using System;
using System.Collections;
using System.Linq;
using System.Text;
using MspLicensing.Store;
using Newtonsoft.Json;
using Newtonsoft.Json.Converters;
using Xunit;

namespace MspLicensing.Domain.Tests
{
    /// <summary>R55: the objects the cmdlets return export flat: lists and maps as their items, enums by name.</summary>
    public class FlatOutputTests
    {
        private static readonly DateTime Now = SubscriptionFixture.Now;

        [Fact]
        public void R55_a_license_read_from_the_store_writes_its_histories_as_their_items()
        {
            using var f = new SubscriptionFixture();
            f.Plan("XDR", "WFXDR", renewal: 1, dataCenters: new System.Collections.Generic.Dictionary<string, string> { ["*"] = "Germany", ["CAS"] = "Europe" });
            var sub = f.Assign("XDR", new DateTime(2026, 1, 15), seats: 20);
            var id = f.Licenses(sub).Single(l => l.Product == "WFBSS").LicenseId;
            f.Store.Write("Set-MspSubscription", s => SubscriptionOperations.Change(s, SubscriptionRef.ById(sub.SubscriptionId), new SubscriptionChanges { Seats = 25, Date = new DateTime(2026, 2, 1) }, Now, SubscriptionFixture.Today));
            f.Store.Write("Set-MspLicense", s => LicenseOperations.SetUsed(s, id, 18, new DateTime(2026, 2, 3), Now, SubscriptionFixture.Today));

            var license = f.Store.Read(s => s.Licenses.Get(id));
            Assert.Equal("2026-01-15: 20; 2026-02-01: 25", license.SeatHistory.ToString());
            Assert.Equal("2026-02-03: 18", license.UsedHistory.ToString());
            var plan = f.Store.Read(s => s.ServicePlans.All().Single());
            Assert.StartsWith("WFXDR (CAS=Europe, ", plan.Products.ToString());
            Assert.Contains(", WFBSS=Germany", plan.Products.ToString());
            var account = f.Store.Read(s => s.GetAccount());
            Assert.Equal("1; 26; 51; 101; 251; 501; 1001; 2001; 5001", account.SeatBandMinimums.ToString());
            Assert.Equal("1-25; 26-50; 51-100; 101-250; 251-500; 501-1000; 1001-2000; 2001-5000; 5001+", account.SeatBands.ToString());
        }

        [Fact]
        public void R55_catalog_lists_and_template_settings_write_their_items_and_stay_lists()
        {
            var xdr = Catalog.Find("WFXDR");
            Assert.Equal("CAS; TMEMS; HES; WFBSS; WFBSS-EDR", xdr.Components.ToString());
            Assert.Equal("LicensingManagementPlatform", Catalog.Find("CE").RemoteManagerAccountTypes.ToString());
            Assert.StartsWith("UnitedStates; ", Catalog.Find("WFBSS").DataCenters.ToString());
            Assert.Throws<NotSupportedException>(() => ((IList)xdr.Components).Add("X"));

            var settings = new TextMap { ["WebReputation"] = "High", ["realTimeScan"] = "On" };
            Assert.Equal("realTimeScan=On; WebReputation=High", settings.ToString());
            Assert.Equal("High", settings["webreputation"]);
            Assert.Equal(string.Empty, new TextList<string>().ToString());
        }

        [Fact]
        public void R55_list_items_are_written_the_same_in_every_culture()
        {
            var previous = System.Globalization.CultureInfo.CurrentCulture;
            try
            {
                System.Globalization.CultureInfo.CurrentCulture = new System.Globalization.CultureInfo("de-DE");
                Assert.Equal("1.5; 2026-03-01; Active", FlatText.Join(new object[] { 1.5, new DateTime(2026, 3, 1), LicenseStatus.Active }));
            }
            finally
            {
                System.Globalization.CultureInfo.CurrentCulture = previous;
            }
        }

        [Fact]
        public void R55_every_enum_of_the_objects_serializes_to_json_by_name()
        {
            var enums = typeof(License).Assembly.GetTypes().Where(t => t.IsPublic && t.IsEnum).ToList();
            Assert.Contains(typeof(LicenseStatus), enums);
            Assert.All(enums, e =>
            {
                var attribute = (JsonConverterAttribute)Attribute.GetCustomAttribute(e, typeof(JsonConverterAttribute));
                Assert.True(attribute != null && attribute.ConverterType == typeof(StringEnumConverter), e.Name + " has no StringEnumConverter");
            });
            var json = JsonConvert.SerializeObject(new { Status = LicenseStatus.Active, Report = UsageReportStatus.Preparing, Plan = new PlanProduct { Code = "CAS", DataCenters = { ["CAS"] = DataCenter.Europe } } });
            Assert.Equal("{\"Status\":\"Active\",\"Report\":\"Preparing\",\"Plan\":{\"Code\":\"CAS\",\"DataCenters\":{\"CAS\":\"Europe\"},\"Product\":" + JsonConvert.SerializeObject(Catalog.Find("CAS")) + "}}", json);
        }

        [Fact]
        public void R55_a_csv_export_starts_with_a_utf8_byte_order_mark_and_json_has_none()
        {
            var line = new UsageLine { Month = "2026-03", Customer = "M\u00fcller GmbH", Product = "WFBSS", Provisioned = 5, Chargeable = 5 };
            var csv = UsageExport.Encode(UsageExport.Write(new[] { line }, ExportFormat.Csv), ExportFormat.Csv);
            Assert.Equal(new byte[] { 0xEF, 0xBB, 0xBF }, csv.Take(3));
            Assert.Contains("M\u00fcller GmbH", new UTF8Encoding(true).GetString(csv, 3, csv.Length - 3));
            var json = UsageExport.Encode(UsageExport.Write(new[] { line }, ExportFormat.Json), ExportFormat.Json);
            Assert.Equal((byte)'[', json[0]);
            Assert.Contains("M\u00fcller GmbH", Encoding.UTF8.GetString(json));
        }
    }
}
