using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;

namespace MspLicensing
{
    /// <summary>The partner account the store belongs to (R1-R3).</summary>
    public sealed class Account : IVersioned
    {
        public static readonly int[] DefaultSeatBandMinimums = { 1, 26, 51, 101, 251, 501, 1001, 2001, 5001 };
        public const int MaxNameLength = 100;

        public string Name { get; set; } = "MSP partner";
        public AccountType AccountType { get; set; } = AccountType.LicensingManagementPlatform;
        /// <summary>Lower bounds of the seat bands, strictly increasing, starting at 1 (R3).</summary>
        public TextList<int> SeatBandMinimums { get; set; } = new TextList<int>(DefaultSeatBandMinimums);
        public DataCenter DefaultDataCenter { get; set; } = DataCenter.UnitedStates;
        /// <summary>Days after expiration during which a license is InGrace and its subscription can be resumed (R36, R38).</summary>
        public int GracePeriodDays { get; set; } = DefaultGracePeriodDays;
        /// <summary>The Remote Manager plug-ins that are on (R73), by name.</summary>
        public TextList<string> EnabledIntegrations { get; set; } = new TextList<string>();
        public int Revision { get; set; }

        public const int DefaultGracePeriodDays = 30;
        public const int MaxGracePeriodDays = 90;

        public IReadOnlyList<SeatBand> SeatBands => ToBands(SeatBandMinimums);

        /// <summary>The band a seat count falls in (R3, R53).</summary>
        public SeatBand BandFor(int seats) => SeatBands[BandIndex(SeatBands, seats)];

        /// <summary>The index of the band among <paramref name="bands"/> (lowest first) that a seat count falls in: the last whose minimum it reaches, else the first.</summary>
        public static int BandIndex(IReadOnlyList<SeatBand> bands, int seats)
        {
            int index = 0;
            for (int i = 0; i < bands.Count; i++)
                if (seats >= bands[i].Minimum) index = i;
            return index;
        }

        public static IReadOnlyList<SeatBand> ToBands(IList<int> minimums)
        {
            var bands = new TextList<SeatBand>();
            for (int i = 0; i < minimums.Count; i++)
            {
                int? max = i + 1 < minimums.Count ? minimums[i + 1] - 1 : (int?)null;
                bands.Add(new SeatBand(minimums[i], max));
            }
            return bands;
        }

        /// <summary>R3: seat band lower bounds start at 1 and strictly increase.</summary>
        public static TextList<int> ValidateSeatBands(IList<int> minimums)
        {
            string shown = minimums == null ? null : string.Join(",", minimums.Select(m => m.ToString(CultureInfo.InvariantCulture)));
            if (minimums == null || minimums.Count == 0)
                throw MspException.ForRule(Rules.R3, "InvalidSeatBands", ErrorKind.InvalidArgument,
                    "SeatBands is empty: give the lower bound of each band, starting at 1, e.g. 1,26,51,101,251,501,1001,2001,5001.", shown);
            if (minimums[0] != 1)
                throw MspException.ForRule(Rules.R3, "InvalidSeatBands", ErrorKind.InvalidArgument,
                    $"SeatBands {MspException.Quote(shown)} is not valid: the first band must start at 1.", shown);
            for (int i = 1; i < minimums.Count; i++)
            {
                if (minimums[i] <= minimums[i - 1])
                    throw MspException.ForRule(Rules.R3, "InvalidSeatBands", ErrorKind.InvalidArgument,
                        $"SeatBands {MspException.Quote(shown)} is not valid: each lower bound must be greater than the one before ({minimums[i].ToString(CultureInfo.InvariantCulture)} follows {minimums[i - 1].ToString(CultureInfo.InvariantCulture)}).", shown);
            }
            if (minimums.Count > 50)
                throw MspException.InvalidValue("SeatBands", shown, "give at most 50 bands");
            return new TextList<int>(minimums);
        }

        public static int ValidateGracePeriod(int days)
        {
            if (days < 0 || days > MaxGracePeriodDays)
                throw MspException.InvalidValue("GracePeriodDays", days, $"give 0 to {MaxGracePeriodDays} days");
            return days;
        }

        public static string ValidateName(string name)
        {
            if (string.IsNullOrWhiteSpace(name))
                throw MspException.InvalidValue("Name", name, $"the account name must have 1 to {MaxNameLength} characters");
            return TextInput.Check("Name", name, MaxNameLength);
        }
    }
}
