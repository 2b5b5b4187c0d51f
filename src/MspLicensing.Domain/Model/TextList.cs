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

    /// <summary>A list whose text (what Export-Csv writes) is its items separated by "; ".</summary>
    public sealed class TextList<T> : List<T>
    {
        public TextList() { }

        public TextList(IEnumerable<T> items) : base(items ?? Enumerable.Empty<T>()) { }

        public override string ToString() => FlatText.Join(this);
    }

    /// <summary>A list that cannot change (the built-in catalog), whose text is its items separated by "; ".</summary>
    public sealed class ReadOnlyTextList<T> : ReadOnlyCollection<T>
    {
        public ReadOnlyTextList(IEnumerable<T> items) : base((items ?? Enumerable.Empty<T>()).ToList()) { }

        public override string ToString() => FlatText.Join(this);
    }

    /// <summary>
    /// A map of names to text with keys that ignore case, whose text is its pairs as key=value separated by "; ".
    /// (Not generic: the store reads a map of its own type only when the type itself has no type arguments.)
    /// </summary>
    public sealed class TextMap : Dictionary<string, string>
    {
        public TextMap() : base(StringComparer.OrdinalIgnoreCase) { }

        public TextMap(IDictionary<string, string> source) : this()
        {
            if (source == null) return;
            foreach (var pair in source) this[pair.Key] = pair.Value;
        }

        public override string ToString() => FlatText.Pairs(this);
    }
}
