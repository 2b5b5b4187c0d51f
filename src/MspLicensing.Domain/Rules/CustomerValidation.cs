using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.RegularExpressions;

namespace MspLicensing
{
    /// <summary>R10: what a customer's fields may hold. Each check names the field, the value and what is allowed.</summary>
    public static class CustomerValidation
    {
        public const int MaxNameLength = 100;
        public const int MaxCityLength = 64;
        public const int MaxStateLength = 64;
        public const int MaxContactNameLength = 64;
        public const int MaxEmailLength = 254;
        public const int MaxAddressLength = 200;
        public const int MaxPostalCodeLength = 20;
        public const int MaxPhoneLength = 32;
        public const int MaxNotesLength = 2000;
        public const int MaxExternalIdValueLength = 100;
        public const int MaxTimeZoneLength = 64;

        private static readonly Regex EmailPattern = new Regex(@"^[^@\s""(),:;<>\[\]\\]{1,64}@[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)*\.[A-Za-z]{2,63}$", RegexOptions.CultureInvariant);
        private static readonly Regex PhonePattern = new Regex(@"^\+?[0-9][0-9 ()./-]{2,}(?:\s*(?:x|ext\.?)\s*[0-9]{1,6})?$", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase);
        private static readonly Regex PostalCodePattern = new Regex(@"^[A-Za-z0-9][A-Za-z0-9 -]*$", RegexOptions.CultureInvariant);
        private static readonly Regex LanguagePattern = new Regex(@"^([A-Za-z]{2,3})(?:-([A-Za-z]{4}))?(?:-([A-Za-z]{2}|[0-9]{3}))?$", RegexOptions.CultureInvariant);
        private static readonly Regex UtcOffsetPattern = new Regex(@"^UTC(?:[+-](?:0[0-9]|1[0-4]):[0-5][0-9])?$", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase);
        private static readonly Regex ExternalIdKeyPattern = new Regex(@"^[A-Za-z][A-Za-z0-9_-]{0,49}$", RegexOptions.CultureInvariant);

        /// <summary>Builds a new customer from the given fields; every required field must be there (R10).</summary>
        public static Customer NewCustomer(CustomerFields f)
        {
            var c = new Customer
            {
                Name = Name(f.Name),
                Country = Countries.Normalize("Country", Required("Country", f.Country)),
                City = Text("City", Required("City", f.City), MaxCityLength),
                State = Optional("State", f.State, MaxStateLength),
                ContactFirstName = Text("ContactFirstName", Required("ContactFirstName", f.ContactFirstName), MaxContactNameLength),
                ContactLastName = Text("ContactLastName", Required("ContactLastName", f.ContactLastName), MaxContactNameLength),
                Email = Email(Required("Email", f.Email)),
                Enabled = f.Enabled ?? true,
                Origin = f.Origin ?? CustomerOrigin.LicensingManagementPlatform,
                Templates = new TextList<string>(f.Templates?.Where(t => !string.IsNullOrWhiteSpace(t)).Select(t => t.Trim())),
            };
            ApplyOptional(c, f);
            c.ExternalId = MergeExternalIds(new ExternalIdMap(), f.ExternalId);
            return c;
        }

        /// <summary>Applies the given fields to a copy of <paramref name="current"/>; returns the changed copy.</summary>
        public static Customer Change(Customer current, CustomerFields f)
        {
            var c = current.Clone();
            if (f.Name != null) c.Name = Name(f.Name);
            if (f.Country != null) c.Country = Countries.Normalize("Country", Required("Country", f.Country));
            if (f.City != null) c.City = Text("City", Required("City", f.City), MaxCityLength);
            if (f.State != null) c.State = Optional("State", f.State, MaxStateLength);
            if (f.ContactFirstName != null) c.ContactFirstName = Text("ContactFirstName", Required("ContactFirstName", f.ContactFirstName), MaxContactNameLength);
            if (f.ContactLastName != null) c.ContactLastName = Text("ContactLastName", Required("ContactLastName", f.ContactLastName), MaxContactNameLength);
            if (f.Email != null) c.Email = Email(Required("Email", f.Email));
            if (f.Enabled.HasValue) c.Enabled = f.Enabled.Value;
            ApplyOptional(c, f);
            if (f.ExternalId != null) c.ExternalId = MergeExternalIds(c.ExternalId, f.ExternalId);
            return c;
        }

        private static void ApplyOptional(Customer c, CustomerFields f)
        {
            if (f.Address != null) c.Address = Optional("Address", f.Address, MaxAddressLength);
            if (f.PostalCode != null) c.PostalCode = Pattern("PostalCode", Optional("PostalCode", f.PostalCode, MaxPostalCodeLength), PostalCodePattern, "letters, digits, spaces and hyphens");
            if (f.Phone != null) c.Phone = Pattern("Phone", Optional("Phone", f.Phone, MaxPhoneLength), PhonePattern, "digits with an optional leading +, spaces, ( ) . / - and an optional extension such as 'x 12'");
            if (f.TimeZone != null) c.TimeZone = TimeZone(f.TimeZone);
            if (f.Language != null) c.Language = Language(f.Language);
            if (f.Notes != null) c.Notes = Optional("Notes", f.Notes, MaxNotesLength, prose: true);
        }

        public static string Name(string name)
        {
            string n = Text("Name", Required("Name", name), MaxNameLength);
            return n;
        }

        public static string Email(string email)
        {
            string e = Text("Email", email, MaxEmailLength);
            if (!EmailPattern.IsMatch(e))
                throw MspException.InvalidValue("Email", email, "give an email address such as admin@contoso.com");
            return e;
        }

        /// <summary>A Windows or IANA time zone id known to this system, or a fixed offset such as UTC+02:00.</summary>
        public static string TimeZone(string timeZone)
        {
            string tz = TextInput.Check("TimeZone", timeZone, MaxTimeZoneLength);
            if (tz.Length == 0) return null;
            if (UtcOffsetPattern.IsMatch(tz)) return tz.ToUpperInvariant();
            try
            {
                return TimeZoneInfo.FindSystemTimeZoneById(tz).Id;
            }
            catch (Exception ex) when (ex is TimeZoneNotFoundException || ex is InvalidTimeZoneException || ex is ArgumentException)
            {
                throw MspException.InvalidValue("TimeZone", timeZone,
                    "give a time zone id this system knows (for example 'W. Europe Standard Time' or 'Europe/Berlin') or a fixed offset such as UTC+01:00");
            }
        }

        /// <summary>Whether <see cref="Language"/> takes the tag.</summary>
        public static bool IsLanguageTag(string tag) => tag != null && LanguagePattern.IsMatch(tag.Trim());

        /// <summary>A language tag such as en-US, de-DE, zh-Hant-TW; normalized to the usual casing.</summary>
        public static string Language(string language)
        {
            string l = language.Trim();
            if (l.Length == 0) return null;
            var m = LanguagePattern.Match(l);
            if (!m.Success)
                throw MspException.InvalidValue("Language", language, "give a language tag such as en-US, de-DE or ja-JP");
            string result = m.Groups[1].Value.ToLowerInvariant();
            if (m.Groups[2].Success) result += "-" + char.ToUpperInvariant(m.Groups[2].Value[0]) + m.Groups[2].Value.Substring(1).ToLowerInvariant();
            if (m.Groups[3].Success) result += "-" + m.Groups[3].Value.ToUpperInvariant();
            return result;
        }

        /// <summary>External ids: keys are tool names (letters, digits, . _ -), values up to 100 characters; an empty value removes the key.</summary>
        public static ExternalIdMap MergeExternalIds(IDictionary<string, string> current, IDictionary<string, string> changes)
        {
            var result = new ExternalIdMap(current);
            if (changes == null) return result;
            foreach (var pair in changes)
            {
                string key = pair.Key?.Trim();
                if (key == null || !ExternalIdKeyPattern.IsMatch(key))
                    throw MspException.InvalidValue("ExternalId", pair.Key,
                        "each key names a PSA or RMM tool, such as ConnectWiseManage or Autotask: a letter, then up to 49 letters, digits, '_' or '-'");
                string value = pair.Value?.Trim();
                if (string.IsNullOrEmpty(value))
                {
                    result.Remove(key);
                    continue;
                }
                value = TextInput.Check("ExternalId." + key, value, MaxExternalIdValueLength);
                result.Remove(key);
                result[key] = value;
            }
            return result;
        }

        private static string Required(string field, string value)
        {
            if (string.IsNullOrWhiteSpace(value))
                throw MspException.RequiredFieldMissing(field, $" (R10: {Rules.R10.Title}); give a value.", field);
            return value;
        }

        private static string Text(string field, string value, int maxLength) => TextInput.Check(field, value, maxLength);

        private static string Optional(string field, string value, int maxLength, bool prose = false) =>
            TextInput.Optional(field, value, maxLength, prose);

        private static string Pattern(string field, string value, Regex pattern, string allowed)
        {
            if (value == null) return null;
            if (!pattern.IsMatch(value)) throw MspException.InvalidValue(field, value, "use " + allowed);
            return value;
        }
    }
}
