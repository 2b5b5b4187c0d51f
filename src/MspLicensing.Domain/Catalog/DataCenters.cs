using System;
using System.Collections.Generic;
using System.Linq;

namespace MspLicensing
{
    public static class DataCenters
    {
        private static readonly Dictionary<DataCenter, string> DisplayNames = new Dictionary<DataCenter, string>
        {
            [DataCenter.UnitedStates] = "United States",
            [DataCenter.Europe] = "Europe",
            [DataCenter.Germany] = "Germany",
            [DataCenter.Japan] = "Japan",
            [DataCenter.Singapore] = "Singapore",
            [DataCenter.Australia] = "Australia",
            [DataCenter.India] = "India",
        };

        public static IReadOnlyList<DataCenter> All { get; } = (DataCenter[])Enum.GetValues(typeof(DataCenter));

        public static string DisplayName(this DataCenter dataCenter) => DisplayNames[dataCenter];

        /// <summary>Accepts the enum name or the display name, ignoring case and spaces ("United States", "unitedstates", "US").</summary>
        public static DataCenter Parse(string field, string text)
        {
            if (TryParse(text, out var dc)) return dc;
            throw MspException.InvalidValue(field, text,
                "use one of " + string.Join(", ", All.Select(d => d.ToString())));
        }

        public static bool TryParse(string text, out DataCenter dataCenter)
        {
            dataCenter = default;
            if (string.IsNullOrWhiteSpace(text)) return false;
            string key = text.Replace(" ", string.Empty).Trim();
            if (string.Equals(key, "US", StringComparison.OrdinalIgnoreCase) || string.Equals(key, "USA", StringComparison.OrdinalIgnoreCase))
            {
                dataCenter = DataCenter.UnitedStates;
                return true;
            }
            foreach (var dc in All)
            {
                if (string.Equals(dc.ToString(), key, StringComparison.OrdinalIgnoreCase))
                {
                    dataCenter = dc;
                    return true;
                }
            }
            return false;
        }
    }
}
