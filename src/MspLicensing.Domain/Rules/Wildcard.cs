using System.Collections.Generic;
using System.Linq;
using System.Text;
using System.Text.RegularExpressions;

namespace MspLicensing
{
    /// <summary>PowerShell-style wildcards (*, ?, [a-z], ` escapes), case-insensitive, without a PowerShell dependency.</summary>
    public static class Wildcard
    {
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

        public static bool IsMatch(string pattern, string value)
        {
            if (pattern == null) return true;
            if (value == null) return false;
            return ToRegex(pattern).IsMatch(value);
        }

        public static Regex ToRegex(string pattern)
        {
            var sb = new StringBuilder("^");
            for (int i = 0; i < pattern.Length; i++)
            {
                char c = pattern[i];
                switch (c)
                {
                    case '`':
                        if (i + 1 < pattern.Length) sb.Append(Regex.Escape(pattern[++i].ToString()));
                        break;
                    case '*': sb.Append(".*"); break;
                    case '?': sb.Append('.'); break;
                    case '[':
                        int close = pattern.IndexOf(']', i + 1);
                        if (close < 0) { sb.Append("\\["); break; }
                        string set = pattern.Substring(i + 1, close - i - 1).Replace("\\", "\\\\").Replace("^", "\\^");
                        sb.Append('[').Append(set).Append(']');
                        i = close;
                        break;
                    default: sb.Append(Regex.Escape(c.ToString())); break;
                }
            }
            sb.Append('$');
            return new Regex(sb.ToString(), RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.Singleline);
        }
    }

    /// <summary>
    /// The -Name patterns of a Get cmdlet: when every name is exact, the name index finds them; a wildcard means
    /// looking at every item. No names matches everything.
    /// </summary>
    public sealed class NameFilter
    {
        private readonly List<Regex> _patterns;

        public NameFilter(IEnumerable<string> names)
        {
            Names = (names ?? Enumerable.Empty<string>()).Where(n => !string.IsNullOrEmpty(n)).ToList();
            _patterns = Names.Select(Wildcard.ToRegex).ToList();
        }

        public IReadOnlyList<string> Names { get; }

        /// <summary>True when there are names and none has a wildcard.</summary>
        public bool ExactOnly => Names.Count > 0 && Names.All(n => !Wildcard.ContainsWildcard(n));

        public bool Matches(string name) => _patterns.Count == 0 || _patterns.Any(p => p.IsMatch(name));

        /// <summary>The exact names (no wildcard) that none of <paramref name="found"/> carries, ignoring case: each is worth an error.</summary>
        public IEnumerable<string> Missing(IEnumerable<string> found)
        {
            var present = new HashSet<string>(found, System.StringComparer.OrdinalIgnoreCase);
            return Names.Where(n => !Wildcard.ContainsWildcard(n) && !present.Contains(n.Trim()));
        }
    }
}
