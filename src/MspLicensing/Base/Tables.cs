using System;
using System.Collections;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Management.Automation;

namespace MspLicensing.Commands
{
    internal static class Tables
    {
        /// <summary>A hashtable of product code to Transfer or New, as the domain takes it.</summary>
        internal static Dictionary<string, SoftwareChoice> SoftwareChoices(IDictionary table)
        {
            if (table == null) return null;
            var map = new Dictionary<string, SoftwareChoice>(StringComparer.OrdinalIgnoreCase);
            foreach (var pair in Strings(table, "SoftwareAction"))
            {
                if (!Enum.TryParse(pair.Value, true, out SoftwareChoice choice) || !Enum.IsDefined(typeof(SoftwareChoice), choice))
                    throw MspException.InvalidValue("SoftwareAction." + pair.Key, pair.Value, "use Transfer (keep the activation code) or New (a new activation code)");
                map[pair.Key] = choice;
            }
            return map;
        }

        /// <summary>
        /// The hashtable a user gave for <paramref name="field"/>, as the string map the domain takes: values are text,
        /// numbers, True/False or GUIDs written as invariant text; a nested table or a list, and two keys that differ
        /// only in case (a case-sensitive table), are refused (TextInput.Table).
        /// </summary>
        internal static Dictionary<string, string> Strings(IDictionary table, string field)
        {
            if (table == null) return null;
            return TextInput.Table(field, Entries(table).Select(e => new KeyValuePair<string, object>(e.Key, e.Value)));
        }

        private static IEnumerable<(string Key, object Value)> Entries(IDictionary table)
        {
            foreach (DictionaryEntry entry in table)
            {
                object key = entry.Key is PSObject k ? k.BaseObject : entry.Key;
                yield return (Convert.ToString(key, CultureInfo.InvariantCulture), entry.Value is PSObject p ? p.BaseObject : entry.Value);
            }
        }

        /// <summary>A hashtable of product code to seats, as the domain takes it; a value that is not a whole number is refused.</summary>
        internal static Dictionary<string, int> Seats(IDictionary table, string field)
        {
            if (table == null) return null;
            var map = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
            var keys = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
            foreach (var (key, v) in Entries(table))
            {
                TextInput.UniqueKey(field, keys, key);
                if (!LanguagePrimitives.TryConvertTo(v, CultureInfo.InvariantCulture, out int seats) || v is bool)
                    throw MspException.InvalidValue(field + "." + key, v, "give a whole number of seats");
                map[key] = seats;
            }
            return map;
        }
    }
}
