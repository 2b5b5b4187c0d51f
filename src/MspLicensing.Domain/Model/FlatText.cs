using System;
using System.Collections.Generic;
using System.Collections.ObjectModel;
using System.Globalization;
using System.Linq;

namespace MspLicensing
{
    /// <summary>
    /// The flat text of the lists and maps in the objects the cmdlets return. Export-Csv writes a property's value
    /// with ToString(), which for a plain List or Dictionary is its type name; these collections write their items
    /// instead ("WFBSS (Germany); CAS (Europe)", "RealTimeScan=On; WebReputation=High"), so every object exports to
    /// a CSV file that a spreadsheet or PSA tool reads. In the pipeline they stay lists and maps, and ConvertTo-Json
    /// writes them as JSON arrays and objects.
    /// </summary>
    public static class FlatText
    {
        /// <summary>What separates the items of a list, and the pairs of a map, in the flat text.</summary>
        public const string Separator = "; ";

        /// <summary>The items' text, invariant (numbers with a dot, dates as yyyy-MM-dd, enums by name), separated by "; ".</summary>
        public static string Join<T>(IEnumerable<T> items) =>
            items == null ? string.Empty : string.Join(Separator, items.Select(i => Of(i)));

        /// <summary>The pairs as key=value, ordered by key ignoring case, separated by "; ".</summary>
        public static string Pairs<T>(IEnumerable<KeyValuePair<string, T>> pairs) =>
            pairs == null ? string.Empty : string.Join(Separator, pairs.OrderBy(p => p.Key, StringComparer.OrdinalIgnoreCase).Select(p => p.Key + "=" + Of(p.Value)));

        /// <summary>One value as text, the same in every culture.</summary>
        public static string Of(object value)
        {
            switch (value)
            {
                case null: return string.Empty;
                case DateTime date: return Dates.Format(date);
                case IFormattable formattable: return formattable.ToString(null, CultureInfo.InvariantCulture);
                default: return value.ToString();
            }
        }
    }
}
