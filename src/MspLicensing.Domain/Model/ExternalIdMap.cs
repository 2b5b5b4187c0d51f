using System;
using System.Collections.Generic;
using System.Linq;

namespace MspLicensing
{
    /// <summary>
    /// A customer's ids in PSA/RMM tools (tool name = id), keys ignoring case. Its text form
    /// "ConnectWiseManage=4711;Autotask=0815" is what Export-Csv writes and what New-MspCustomer reads back.
    /// </summary>
    public sealed class ExternalIdMap : Dictionary<string, string>
    {
        public ExternalIdMap() : base(StringComparer.OrdinalIgnoreCase) { }

        public ExternalIdMap(IDictionary<string, string> source) : this()
        {
            if (source == null) return;
            foreach (var pair in source) this[pair.Key] = pair.Value;
        }

        /// <summary>Parses "Tool=Id;Tool2=Id2" (also accepts ',' between pairs); empty text is an empty map; a tool named twice (ignoring case) is refused.</summary>
        public static ExternalIdMap Parse(string text)
        {
            var map = new ExternalIdMap();
            if (string.IsNullOrWhiteSpace(text)) return map;
            var keys = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
            foreach (var part in text.Split(new[] { ';', ',' }, StringSplitOptions.RemoveEmptyEntries))
            {
                int eq = part.IndexOf('=');
                if (eq <= 0)
                    throw MspException.InvalidValue("ExternalId", text, "write external ids as Tool=Id pairs separated by ';', e.g. 'ConnectWiseManage=4711;Autotask=0815', or pass a hashtable such as @{ ConnectWiseManage = '4711' }");
                string key = part.Substring(0, eq).Trim();
                TextInput.UniqueKey("ExternalId", keys, key);
                map[key] = part.Substring(eq + 1).Trim();
            }
            return map;
        }

        public override string ToString() =>
            string.Join(";", this.OrderBy(p => p.Key, StringComparer.OrdinalIgnoreCase).Select(p => p.Key + "=" + p.Value));
    }
}
