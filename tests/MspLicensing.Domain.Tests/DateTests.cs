using System;
using System.Globalization;
using Xunit;

namespace MspLicensing.Domain.Tests
{
    /// <summary>
    /// PRODUCT.md §5: dates and months mean the same in every culture. They are read as ISO text with the invariant
    /// culture and the Gregorian calendar (as PowerShell's [datetime] cast reads them) and shown as ISO yyyy-MM-dd.
    /// </summary>
    public class DateTests
    {
        private static readonly DateTime February3 = new DateTime(2026, 2, 3);

        /// <summary>Cultures whose dates differ from the invariant ones: day first, dots, another calendar (Thai Buddhist, Um Al Qura, Persian).</summary>
        public static TheoryData<string> Cultures => new TheoryData<string> { "en-US", "de-DE", "en-GB", "th-TH", "ar-SA", "fa-IR", "ja-JP" };

        [Theory]
        [MemberData(nameof(Cultures))]
        public void Dates_AreReadInvariant_IsoTextIsTheSameDayInEveryCulture(string culture)
        {
            var session = CultureInfo.GetCultureInfo(culture);
            InCulture(culture, () =>
            {
                foreach (var text in new[] { "2026-02-03", " 2026-02-03 ", "2026-2-3", "2026-02-03T00:00:00", "2026/02/03" })
                    Assert.Equal(February3, Dates.Read(text, session));
                Assert.Equal(new DateTime(2026, 2, 3, 10, 30, 0), Dates.Read("2026-02-03T10:30", session));
                Assert.Equal(new DateTime(2026, 2, 3, 10, 30, 15), Dates.Read("2026-02-03 10:30:15", session));
                Assert.Equal(new DateTime(2026, 2, 1), Dates.Read("2026-02", session));
            });
        }

        [Fact]
        public void Dates_AreReadInvariant_OtherTextAsPowerShellsDatetimeCastReadsIt()
        {
            // Month before day, as [datetime]'02/03/2026' is in PowerShell: where the session's culture agrees, it is taken.
            Assert.Equal(February3, Dates.Read("02/03/2026", CultureInfo.GetCultureInfo("en-US")));
            Assert.Equal(February3, Dates.Read("Feb 3, 2026", CultureInfo.GetCultureInfo("en-US")));
            Assert.Equal(February3, Dates.Read("3 February 2026", CultureInfo.GetCultureInfo("en-GB")));
            // A day only one culture's reading allows is the same day.
            Assert.Equal(new DateTime(2026, 2, 13), Dates.Read("02/13/2026", CultureInfo.GetCultureInfo("en-GB")));
            Assert.Equal(new DateTime(2026, 11, 2), Dates.Read("11/02/2026", null));
        }

        [Theory]
        [InlineData("de-DE", "02.11.2026", "2026-02-11", "2026-11-02")]
        [InlineData("en-GB", "02/03/2026", "2026-02-03", "2026-03-02")]
        [InlineData("de-DE", "03.02.2026 00:00:00", "2026-03-02", "2026-02-03")]
        [InlineData("th-TH", "02/03/2026", "2026-02-03", "1483-03-02")]
        public void Dates_AreReadInvariant_TextTheSessionReadsAsAnotherDayIsRefused(string culture, string text, string invariant, string local)
        {
            var ex = Assert.Throws<MspException>(() => Dates.Read(text, CultureInfo.GetCultureInfo(culture), "StartDate"));
            Assert.Equal("InvalidValue", ex.ErrorId);
            Assert.Equal(ErrorKind.InvalidArgument, ex.Kind);
            Assert.StartsWith($"StartDate '{text}' is {invariant} ", ex.Message);
            Assert.Contains($"but {local} in {culture}", ex.Message);
            Assert.Contains("yyyy-MM-dd", ex.Message);
        }

        [Theory]
        [InlineData("")]
        [InlineData("   ")]
        [InlineData(null)]
        [InlineData("2026-02-30")]
        [InlineData("2026-13-01")]
        [InlineData("20260203")]
        [InlineData("next tuesday")]
        [InlineData("13/13/2026")]
        public void Dates_AreReadInvariant_TextThatIsNotADateIsRefused(string text)
        {
            var ex = Assert.Throws<MspException>(() => Dates.Read(text, CultureInfo.GetCultureInfo("de-DE"), "Date"));
            Assert.Equal("InvalidValue", ex.ErrorId);
            Assert.StartsWith("Date " + (text == null ? "(nothing)" : "'" + text + "'") + " is not a date: give an ISO date, yyyy-MM-dd, such as 2026-02-03", ex.Message);
            Assert.Equal(text, ex.Target);
        }

        [Theory]
        [MemberData(nameof(Cultures))]
        public void Dates_Months_AreReadInvariant(string culture)
        {
            InCulture(culture, () =>
            {
                Assert.Equal(new DateTime(2026, 2, 1), BillingMonth.Parse("Month", "2026-02").FirstDay);
                Assert.True(BillingMonth.TryParse(" 2026-02 ", out _));
                Assert.False(BillingMonth.TryParse("2026-02-03", out _));
                Assert.Contains("Month '2026-13'", Assert.Throws<MspException>(() => BillingMonth.Parse("Month", "2026-13").FirstDay).Message);
                Assert.Contains("yyyy-MM", Assert.Throws<MspException>(() => BillingMonth.Parse("Month", "February").FirstDay).Message);
            });
        }

        [Theory]
        [MemberData(nameof(Cultures))]
        public void Dates_AreShownAsIso_InEveryCulture(string culture)
        {
            InCulture(culture, () =>
            {
                Assert.Equal("2026-02-03", Dates.Format(February3));
                Assert.Equal("2026-02", BillingMonth.Of(February3).ToString());
                // The histories Format-List shows inside a license.
                Assert.Equal("2026-02-03: 25", new SeatChange { Date = February3, Seats = 25 }.ToString());
                Assert.Equal("2026-02-03: 1234", new UsedCount { Date = February3, Used = 1234 }.ToString());
                Assert.Equal("2026-02-03: WFXDR Full", new LicensePlacement { From = February3, Suite = "WFXDR", LicenseType = "Full" }.ToString());
                // Errors quote refused days as ISO.
                Assert.Contains("StartDate '1999-12-31' is not valid: give a date from 2000-01-01 to 2099-12-31",
                    Assert.Throws<MspException>(() => Dates.Day("StartDate", new DateTime(1999, 12, 31))).Message);
            });
        }

        private static void InCulture(string culture, Action action)
        {
            var before = CultureInfo.CurrentCulture;
            var beforeUi = CultureInfo.CurrentUICulture;
            try
            {
                CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(culture);
                action();
            }
            finally
            {
                CultureInfo.CurrentCulture = before;
                CultureInfo.CurrentUICulture = beforeUi;
            }
        }
    }
}
