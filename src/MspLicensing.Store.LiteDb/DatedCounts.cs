using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;
using LiteDB;

namespace MspLicensing.Store
{
    /// <summary>
    /// A license's seat history and used counts as stored: one text, "2026-01-15=10;2026-02-14=12" (a day, or a
    /// day and time when it has one, then the count), instead of an array of small documents. A year of daily used
    /// counts then reads as one string, where LiteDB would decode a document, two field names and two values per
    /// entry; the text is what a person querying the team store's jsonb sees too. Stores of schema 8 and before hold
    /// the array form, which is still read.
    /// </summary>
    internal static class DatedCounts
    {
        private const string DayFormat = "yyyy-MM-dd";
        private const string TimeFormat = "yyyy-MM-ddTHH:mm:ss.fffffff";

        public static BsonValue Write<T>(IEnumerable<T> entries, Func<T, DateTime> date, Func<T, int> count)
        {
            var sb = new StringBuilder();
            foreach (var e in entries)
            {
                if (sb.Length > 0) sb.Append(';');
                var d = date(e);
                sb.Append(d.ToString(d.TimeOfDay == TimeSpan.Zero ? DayFormat : TimeFormat, CultureInfo.InvariantCulture))
                    .Append('=').Append(count(e).ToString(CultureInfo.InvariantCulture));
            }
            return new BsonValue(sb.ToString());
        }

        /// <summary>The entries of the text form, or of the array form of older stores; null (the field is missing) is none.</summary>
        public static TextList<T> Read<T>(BsonValue value, Func<DateTime, int, T> entry, string countField)
        {
            var list = new TextList<T>();
            if (value == null || value.IsNull) return list;
            if (value.IsString)
            {
                string text = value.AsString;
                int start = 0;
                while (start < text.Length)
                {
                    int end = text.IndexOf(';', start);
                    if (end < 0) end = text.Length;
                    int eq = text.IndexOf('=', start, end - start);
                    if (eq < 0) throw new FormatException($"'{text.Substring(start, end - start)}' is not a day and a count");
                    list.Add(entry(Day(text, start, eq - start), int.Parse(text.Substring(eq + 1, end - eq - 1), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture)));
                    start = end + 1;
                }
                return list;
            }
            if (value.IsArray)
                foreach (var item in value.AsArray)
                    if (item.IsDocument)
                        list.Add(entry(new DateTime(item.AsDocument["Date"].AsInt64, DateTimeKind.Unspecified), item.AsDocument[countField].AsInt32));
            return list;
        }

        private static DateTime Day(string text, int start, int length)
        {
            // The common case, a day, without the cost of a general parse.
            if (length == DayFormat.Length && text[start + 4] == '-' && text[start + 7] == '-')
                return new DateTime(Digits(text, start, 4), Digits(text, start + 5, 2), Digits(text, start + 8, 2), 0, 0, 0, DateTimeKind.Unspecified);
            return DateTime.ParseExact(text.Substring(start, length), TimeFormat, CultureInfo.InvariantCulture, DateTimeStyles.None);
        }

        private static int Digits(string text, int start, int count)
        {
            int value = 0;
            for (int i = start; i < start + count; i++)
            {
                int digit = text[i] - '0';
                if (digit < 0 || digit > 9) throw new FormatException($"'{text.Substring(start, count)}' is not a number");
                value = value * 10 + digit;
            }
            return value;
        }
    }
}
