using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;

namespace MspLicensing
{
    /// <summary>
    /// The one check of the free text the store keeps: names, contacts, addresses, notes, external ids, descriptions,
    /// comments, template settings. Text is trimmed and has a maximum length; it must be whole Unicode (half of a
    /// surrogate pair is a damaged character that no file stores); one-line text (a name, a contact, an id) holds no
    /// control characters at all, no Unicode line separators and no direction overrides (which show text in another
    /// order than it is stored); prose (notes, descriptions, comments, reasons) may hold line breaks and tabs.
    /// </summary>
    public static class TextInput
    {
        /// <summary>The convention, in the words of the help (about_MspLicensing).</summary>
        public const string Convention =
            "Text is trimmed, and every text field has a maximum length. It must be whole Unicode text: half of a surrogate pair (a damaged character, such as [char]0xD800 on its own) is refused. Names and other one-line fields (contact names, addresses, email, phone, external ids, template settings) take no control characters: no tabs, no line breaks (also not U+2028 and U+2029), nothing from U+0000 to U+001F or U+007F to U+009F, and no direction overrides (U+202A to U+202E, U+2066 to U+2069), which would show a name in another order than it is stored. Notes, descriptions, comments and reasons may hold line breaks and tabs, and no other control characters. A value that breaks this is refused with an error that names the field, shows the character as a PowerShell escape such as `u{D800} and gives its position; nothing is changed.";

        /// <summary>
        /// <paramref name="value"/> trimmed; refused when it is longer than <paramref name="maxLength"/> or holds a
        /// character text of its kind may not hold (<paramref name="prose"/>: line breaks and tabs allowed).
        /// </summary>
        public static string Check(string field, string value, int maxLength, bool prose = false)
        {
            if (value == null) return null;
            string t = value.Trim();
            if (t.Length > maxLength)
                throw MspException.InvalidValue(field, value,
                    $"{field} has at most {maxLength.ToString(CultureInfo.InvariantCulture)} characters (this one has {t.Length.ToString(CultureInfo.InvariantCulture)})");
            string problem = Problem(field, value, prose);
            if (problem != null) throw MspException.InvalidValue(field, value, problem);
            return t;
        }

        /// <summary>Like <see cref="Check"/>, but empty or blank text is null (not given, or cleared).</summary>
        public static string Optional(string field, string value, int maxLength, bool prose = false)
        {
            string t = Check(field, value, maxLength, prose);
            return string.IsNullOrEmpty(t) ? null : t;
        }

        /// <summary>
        /// What is wrong with the characters of <paramref name="value"/> once trimmed, in the words of an error (the
        /// position counts in the value as given); null when nothing is.
        /// </summary>
        public static string Problem(string field, string value, bool prose = false)
        {
            if (value == null) return null;
            int start = value.Length - value.TrimStart().Length;
            int end = value.TrimEnd().Length;
            for (int i = start; i < end; i++)
            {
                char c = value[i];
                if (char.IsHighSurrogate(c) && i + 1 < end && char.IsLowSurrogate(value[i + 1]))
                {
                    i++;
                    continue;
                }
                if (char.IsSurrogate(c))
                    return $"{field} is not whole Unicode text: {At(value, i)} is half of a surrogate pair without its other half (a damaged character); give the text again from its source";
                bool lineBreakOrTab = c == '\n' || c == '\r' || c == '\t' || c == '\u2028' || c == '\u2029';
                if (prose && lineBreakOrTab) continue;
                if (char.IsControl(c) || lineBreakOrTab)
                    return prose
                        ? $"{field} cannot contain control characters other than line breaks and tabs ({At(value, i)})"
                        : $"{field} is one line of text and cannot contain control characters, tabs or line breaks ({At(value, i)})";
                if (!prose && IsDirectionOverride(c))
                    return $"{field} cannot contain direction overrides, which show text in another order than it is stored ({At(value, i)})";
            }
            return null;
        }

        private static string At(string value, int index) =>
            $"{MspException.Escape(value[index])} at position {(index + 1).ToString(CultureInfo.InvariantCulture)}";

        /// <summary>
        /// The pairs of a table a user gave (a hashtable such as -ExternalId or -Setting) as text by key, keys ignoring
        /// case: a value is text, a number, True/False or a GUID, written as invariant text (a table, a list or another
        /// object is refused: its text would be its type name); two keys that differ only in case are refused, naming
        /// both, rather than one of them silently losing its value. Keys are compared trimmed.
        /// </summary>
        public static Dictionary<string, string> Table(string field, IEnumerable<KeyValuePair<string, object>> pairs)
        {
            var map = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
            var keys = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
            foreach (var pair in pairs)
            {
                string key = pair.Key ?? string.Empty;
                UniqueKey(field, keys, key);
                map[key] = Scalar(field + "." + key.Trim(), pair.Value);
            }
            return map;
        }

        /// <summary>Records <paramref name="key"/> among <paramref name="seen"/> (compared trimmed, ignoring case); a key given twice is refused naming both forms.</summary>
        public static void UniqueKey(string field, IDictionary<string, string> seen, string key)
        {
            string k = (key ?? string.Empty).Trim();
            if (seen.TryGetValue(k, out var earlier))
                throw new MspException("DuplicateKey", ErrorKind.InvalidArgument,
                    $"{field} has the keys {MspException.Quote(earlier)} and {MspException.Quote(key)}, which are one key: keys ignore case (and surrounding spaces). Give each key once.", key);
            seen[k] = key;
        }

        /// <summary>A value of a table as text: text, a number, True/False or a GUID; null stays null; anything else is refused.</summary>
        public static string Scalar(string field, object value)
        {
            switch (value)
            {
                case null: return null;
                case string text: return text;
                case char c: return c.ToString();
                case bool b: return b ? "True" : "False";
                case Guid g: return g.ToString();
                case Enum e: return e.ToString();
                case byte _: case sbyte _: case short _: case ushort _: case int _: case uint _: case long _: case ulong _:
                case float _: case double _: case decimal _: case System.Numerics.BigInteger _:
                    return Convert.ToString(value, CultureInfo.InvariantCulture);
                default:
                    throw MspException.InvalidValue(field, value,
                        $"a value is text or a number, not {Article(value.GetType().Name)} {value.GetType().Name}" +
                        (value is System.Collections.IEnumerable ? " (give one value, not a table or a list)" : string.Empty));
            }
        }

        private static string Article(string word) => "AEIOU".IndexOf(char.ToUpperInvariant(word[0])) >= 0 ? "an" : "a";

        /// <summary>A character that messages write as an escape (it does not print, or changes how the text around it shows).</summary>
        public static bool ShownEscaped(char c) => char.IsControl(c) || char.IsSurrogate(c) || IsDirectionOverride(c) || c == '\u2028' || c == '\u2029';

        /// <summary>The Unicode embeddings, overrides and isolates (U+202A-U+202E, U+2066-U+2069).</summary>
        public static bool IsDirectionOverride(char c) => (c >= '\u202A' && c <= '\u202E') || (c >= '\u2066' && c <= '\u2069');
    }
}
