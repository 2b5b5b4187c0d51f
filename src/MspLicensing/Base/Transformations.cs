using System;
using System.Collections;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Management.Automation;

namespace MspLicensing.Commands
{
    /// <summary>
    /// Lets -ExternalId take a hashtable (@{ ConnectWiseManage = '4711' }) or the text form "Tool=Id;Tool2=Id2"
    /// that Export-Csv writes, so Import-Csv | New-MspCustomer round-trips.
    /// </summary>
    public sealed class ExternalIdTransformationAttribute : ArgumentTransformationAttribute
    {
        public override object Transform(EngineIntrinsics engineIntrinsics, object inputData)
        {
            object value = inputData is PSObject pso ? pso.BaseObject : inputData;
            switch (value)
            {
                case null:
                    return null;
                case ExternalIdMap map:
                    return ToHashtable(map);
                case IDictionary dictionary:
                    return dictionary;
                case string text:
                    try
                    {
                        return ToHashtable(ExternalIdMap.Parse(text));
                    }
                    catch (MspException ex)
                    {
                        throw new ArgumentTransformationMetadataException(ex.Message, ex);
                    }
                default:
                    throw new ArgumentTransformationMetadataException(
                        "ExternalId must be a hashtable such as @{ ConnectWiseManage = '4711' } or text such as 'ConnectWiseManage=4711;Autotask=0815'.");
            }
        }

        private static Hashtable ToHashtable(IDictionary<string, string> map)
        {
            var table = new Hashtable(StringComparer.OrdinalIgnoreCase);
            foreach (var pair in map) table[pair.Key] = pair.Value;
            return table;
        }
    }

    /// <summary>
    /// Lets a [bool] parameter bind text such as "True", "false", "yes", "no", "1", "0" (PowerShell refuses strings
    /// for bool parameters, and CSV files hold nothing else).
    /// </summary>
    public sealed class BooleanTransformationAttribute : ArgumentTransformationAttribute
    {
        public override object Transform(EngineIntrinsics engineIntrinsics, object inputData)
        {
            object value = inputData is PSObject pso ? pso.BaseObject : inputData;
            if (!(value is string text)) return inputData;
            // An empty CSV cell means "not given": a nullable parameter takes it as null, a plain bool refuses it.
            if (string.IsNullOrWhiteSpace(text)) return null;
            switch (text.Trim().ToUpperInvariant())
            {
                case "TRUE": case "YES": case "Y": case "1": case "ENABLED": return true;
                case "FALSE": case "NO": case "N": case "0": case "DISABLED": return false;
                default:
                    throw new ArgumentTransformationMetadataException(
                        $"{MspException.Quote(text)} is not a yes/no value: use True or False (also accepted: yes, no, 1, 0).");
            }
        }
    }

    /// <summary>
    /// Lets -DataCenter take one data center for every service ('Germany') or a hashtable by product code
    /// (@{ '*' = 'Germany'; CAS = 'Europe' }).
    /// </summary>
    public sealed class DataCenterTransformationAttribute : ArgumentTransformationAttribute
    {
        public override object Transform(EngineIntrinsics engineIntrinsics, object inputData)
        {
            object value = inputData is PSObject pso ? pso.BaseObject : inputData;
            if (value is IDictionary) return value;
            if (value is string || value is DataCenter) return new Hashtable(StringComparer.OrdinalIgnoreCase) { ["*"] = value.ToString() };
            if (value == null) return null;
            throw new ArgumentTransformationMetadataException(
                "DataCenter must be a data center such as Germany, or a hashtable by product code such as @{ '*' = 'Germany'; CAS = 'Europe' }.");
        }
    }

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
