using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using System.Text.RegularExpressions;

namespace MspLicensing
{
    /// <summary>
    /// A wildcard pattern as PowerShell's WildcardPattern reads it, without a PowerShell dependency: * is any
    /// characters, ? one character, [abc] and [a-z] one character of a set; the backtick (`) makes the next character
    /// literal, also inside a set; case is ignored. A '[' that no ']' closes (a ']' right after the '[' belongs to the
    /// set, so '[]' closes nothing) and a range that runs backwards ([z-a]) make the pattern invalid: refused with an
    /// error that names the parameter and the pattern. A pattern whose wildcard characters are all escaped stands for
    /// one exact name (<see cref="Literal"/>), which a name index can find.
    /// </summary>
    public sealed class Wildcard
    {
        /// <summary>The syntax, in the words of errors and help.</summary>
        public const string Syntax =
            "* matches any characters, ? one character, [abc] or [a-z] one character of a set; a backtick (`) makes the next character literal, so 'Wild`*' finds the name Wild* and 'Wild`[1`]' the name Wild[1] ([WildcardPattern]::Escape writes such a pattern)";

        private readonly Regex _regex;

        private Wildcard(string pattern, string literal, Regex regex)
        {
            Pattern = pattern;
            Literal = literal;
            _regex = regex;
        }

        /// <summary>The pattern as given.</summary>
        public string Pattern { get; }

        /// <summary>The one name the pattern matches when it has no wildcard (escapes removed); null when it has one.</summary>
        public string Literal { get; }

        public bool IsExact => Literal != null;

        /// <summary>Whether <paramref name="value"/> matches, ignoring case; null never does.</summary>
        public bool IsMatch(string value) =>
            value != null && (IsExact ? string.Equals(value, Literal, StringComparison.OrdinalIgnoreCase) : _regex.IsMatch(value));

        /// <summary>Reads <paramref name="pattern"/> (a value of the parameter <paramref name="field"/>); an invalid pattern is an error that names both.</summary>
        public static Wildcard Parse(string field, string pattern)
        {
            if (pattern == null) throw new ArgumentNullException(nameof(pattern));
            // An exact name compares as text: thousands of names (Get-MspCustomer -Name from a file) build no regex each.
            if (!ContainsWildcard(pattern)) return new Wildcard(pattern, Unescape(pattern), null);
            var regex = new StringBuilder("^");
            for (int i = 0; i < pattern.Length; i++)
            {
                char c = pattern[i];
                if (c == '`' && i + 1 < pattern.Length)
                {
                    regex.Append(Regex.Escape(pattern[++i].ToString()));
                    continue;
                }
                switch (c)
                {
                    case '*':
                        regex.Append(".*");
                        break;
                    case '?':
                        regex.Append('.');
                        break;
                    case '[':
                        i = AppendSet(field, pattern, i, regex);
                        break;
                    default:
                        // A trailing backtick escapes nothing and is a literal backtick, as in PowerShell.
                        regex.Append(Regex.Escape(c.ToString()));
                        break;
                }
            }
            regex.Append('$');
            return new Wildcard(pattern, null, new Regex(regex.ToString(), RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.Singleline));
        }

        /// <summary>
        /// The one name a pattern without wildcards stands for: each backtick that escapes a character dropped; a
        /// trailing backtick escapes nothing and is a literal one, and PowerShell reads a pattern that is one backtick
        /// as the empty pattern.
        /// </summary>
        private static string Unescape(string pattern)
        {
            if (pattern.IndexOf('`') < 0) return pattern;
            if (pattern == "`") return string.Empty;
            var literal = new StringBuilder(pattern.Length);
            for (int i = 0; i < pattern.Length; i++)
            {
                char c = pattern[i];
                if (c == '`' && i + 1 < pattern.Length) c = pattern[++i];
                literal.Append(c);
            }
            return literal.ToString();
        }

        /// <summary>Whether <paramref name="value"/> matches <paramref name="pattern"/> (a value of <paramref name="field"/>); no pattern matches everything.</summary>
        public static bool IsMatch(string field, string pattern, string value) => pattern == null || Parse(field, pattern).IsMatch(value);

        /// <summary>Whether the pattern has a wildcard that is not escaped (*, ? or [).</summary>
        public static bool ContainsWildcard(string pattern)
        {
            if (pattern == null) return false;
            for (int i = 0; i < pattern.Length; i++)
            {
                char c = pattern[i];
                if (c == '`') { i++; continue; }
                if (c == '*' || c == '?' || c == '[') return true;
            }
            return false;
        }

        /// <summary>
        /// Appends the set that opens at <paramref name="open"/> as a regex class and returns the index of its ']'. Inside
        /// a set every character is literal (a backtick escapes the next one) except '-' between two characters, a range.
        /// </summary>
        private static int AppendSet(string field, string pattern, int open, StringBuilder regex)
        {
            var members = new List<char>();
            var isRange = new List<bool>();
            bool first = true, escaped = false;
            int i = open + 1;
            for (; i < pattern.Length; i++)
            {
                char c = pattern[i];
                if (escaped)
                {
                    members.Add(c);
                    isRange.Add(false);
                    escaped = false;
                }
                else if (c == '`')
                {
                    escaped = true;
                }
                else if (c == ']' && !first)
                {
                    break;
                }
                else
                {
                    members.Add(c);
                    isRange.Add(c == '-');
                }
                first = false;
            }
            if (i >= pattern.Length)
                throw Invalid(field, pattern,
                    $"the '[' at position {(open + 1).ToString(CultureInfo.InvariantCulture)} opens a set that no ']' closes (a ']' right after '[' belongs to the set, so '[]' closes nothing); write a literal [ as `[");
            regex.Append('[');
            for (int m = 0; m < members.Count; m++)
            {
                if (m + 2 < members.Count && isRange[m + 1])
                {
                    char low = members[m], high = members[m + 2];
                    if (low > high)
                        throw Invalid(field, pattern,
                            $"the range {low}-{high} runs backwards; write a range from low to high, such as [{high}-{low}], or escape the '-' with a backtick (`-) for a literal one");
                    regex.Append(ClassChar(low)).Append('-').Append(ClassChar(high));
                    m += 2;
                }
                else
                {
                    regex.Append(ClassChar(members[m]));
                }
            }
            regex.Append(']');
            return i;
        }

        private static string ClassChar(char c) => "\\u" + ((int)c).ToString("X4", CultureInfo.InvariantCulture);

        private static MspException Invalid(string field, string pattern, string problem) =>
            new MspException("InvalidWildcardPattern", ErrorKind.InvalidArgument,
                $"{field} {MspException.Quote(pattern)} is not a valid wildcard pattern: {problem}. Wildcards: {Syntax}.", pattern);
    }
}
