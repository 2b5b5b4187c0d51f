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
}
