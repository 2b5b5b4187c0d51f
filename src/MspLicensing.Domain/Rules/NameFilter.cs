using System;
using System.Collections.Generic;
using System.Linq;

namespace MspLicensing
{
    /// <summary>
    /// The -Name patterns of a Get cmdlet: when every name is exact (no wildcard, or only escaped ones), the name index
    /// finds them; a wildcard means looking at every item. No names matches everything. Names are trimmed.
    /// </summary>
    public sealed class NameFilter
    {
        private readonly List<Wildcard> _patterns;
        private readonly HashSet<string> _exact;
        private readonly List<Wildcard> _wild;

        /// <param name="field">The parameter the names come from, named by the error for an invalid pattern.</param>
        public NameFilter(string field, IEnumerable<string> names)
        {
            _patterns = (names ?? Enumerable.Empty<string>())
                .Where(n => !string.IsNullOrWhiteSpace(n))
                .Select(n => Wildcard.Parse(field, n.Trim()))
                .ToList();
            _exact = new HashSet<string>(_patterns.Where(p => p.IsExact).Select(p => p.Literal), StringComparer.OrdinalIgnoreCase);
            _wild = _patterns.Where(p => !p.IsExact).ToList();
        }

        /// <summary>True when there are names and none has a wildcard.</summary>
        public bool ExactOnly => _patterns.Count > 0 && _patterns.All(p => p.IsExact);

        /// <summary>The names the exact patterns stand for (escapes removed): what the name index looks up.</summary>
        public IEnumerable<string> ExactNames => _patterns.Where(p => p.IsExact).Select(p => p.Literal);

        public bool Matches(string name) => _patterns.Count == 0 || (name != null && _exact.Contains(name)) || _wild.Any(p => p.IsMatch(name));

        /// <summary>The exact names that none of <paramref name="found"/> carries, ignoring case: each is worth an error.</summary>
        public IEnumerable<string> Missing(IEnumerable<string> found)
        {
            if (_exact.Count == 0) return Enumerable.Empty<string>();
            var present = new HashSet<string>(found, StringComparer.OrdinalIgnoreCase);
            return ExactNames.Where(n => !present.Contains(n)).Distinct(StringComparer.OrdinalIgnoreCase);
        }
    }
}
