using System;
using System.Collections.Generic;
using System.Collections.ObjectModel;
using System.Linq;

namespace MspLicensing
{
    /// <summary>The officially assigned ISO 3166-1 alpha-2 country codes and their English short names.</summary>
    public static class Countries
    {
        private const string Allowed = "use an ISO 3166-1 alpha-2 country code such as US, DE or JP (Get-Help about_MspLicensing_Customers lists them)";

        private static readonly Country[] Entries =
        {
            new Country("AD", "Andorra"),
            new Country("AE", "United Arab Emirates"),
            new Country("AF", "Afghanistan"),
            new Country("AG", "Antigua and Barbuda"),
            new Country("AI", "Anguilla"),
            new Country("AL", "Albania"),
            new Country("AM", "Armenia"),
            new Country("AO", "Angola"),
            new Country("AQ", "Antarctica"),
            new Country("AR", "Argentina"),
            new Country("AS", "American Samoa"),
            new Country("AT", "Austria"),
            new Country("AU", "Australia"),
            new Country("AW", "Aruba"),
            new Country("AX", "Aland Islands"),
            new Country("AZ", "Azerbaijan"),
            new Country("BA", "Bosnia and Herzegovina"),
            new Country("BB", "Barbados"),
            new Country("BD", "Bangladesh"),
            new Country("BE", "Belgium"),
            new Country("BF", "Burkina Faso"),
            new Country("BG", "Bulgaria"),
            new Country("BH", "Bahrain"),
            new Country("BI", "Burundi"),
            new Country("BJ", "Benin"),
            new Country("BL", "Saint Barthelemy"),
            new Country("BM", "Bermuda"),
            new Country("BN", "Brunei"),
            new Country("BO", "Bolivia"),
            new Country("BQ", "Caribbean Netherlands"),
            new Country("BR", "Brazil"),
            new Country("BS", "Bahamas"),
            new Country("BT", "Bhutan"),
            new Country("BV", "Bouvet Island"),
            new Country("BW", "Botswana"),
            new Country("BY", "Belarus"),
            new Country("BZ", "Belize"),
            new Country("CA", "Canada"),
            new Country("CC", "Cocos (Keeling) Islands"),
            new Country("CD", "Democratic Republic of the Congo"),
            new Country("CF", "Central African Republic"),
            new Country("CG", "Republic of the Congo"),
            new Country("CH", "Switzerland"),
            new Country("CI", "Cote d'Ivoire"),
            new Country("CK", "Cook Islands"),
            new Country("CL", "Chile"),
            new Country("CM", "Cameroon"),
            new Country("CN", "China"),
            new Country("CO", "Colombia"),
            new Country("CR", "Costa Rica"),
            new Country("CU", "Cuba"),
            new Country("CV", "Cape Verde"),
            new Country("CW", "Curacao"),
            new Country("CX", "Christmas Island"),
            new Country("CY", "Cyprus"),
            new Country("CZ", "Czechia"),
            new Country("DE", "Germany"),
            new Country("DJ", "Djibouti"),
            new Country("DK", "Denmark"),
            new Country("DM", "Dominica"),
            new Country("DO", "Dominican Republic"),
            new Country("DZ", "Algeria"),
            new Country("EC", "Ecuador"),
            new Country("EE", "Estonia"),
            new Country("EG", "Egypt"),
            new Country("EH", "Western Sahara"),
            new Country("ER", "Eritrea"),
            new Country("ES", "Spain"),
            new Country("ET", "Ethiopia"),
            new Country("FI", "Finland"),
            new Country("FJ", "Fiji"),
            new Country("FK", "Falkland Islands"),
            new Country("FM", "Micronesia"),
            new Country("FO", "Faroe Islands"),
            new Country("FR", "France"),
            new Country("GA", "Gabon"),
            new Country("GB", "United Kingdom"),
            new Country("GD", "Grenada"),
            new Country("GE", "Georgia"),
            new Country("GF", "French Guiana"),
            new Country("GG", "Guernsey"),
            new Country("GH", "Ghana"),
            new Country("GI", "Gibraltar"),
            new Country("GL", "Greenland"),
            new Country("GM", "Gambia"),
            new Country("GN", "Guinea"),
            new Country("GP", "Guadeloupe"),
            new Country("GQ", "Equatorial Guinea"),
            new Country("GR", "Greece"),
            new Country("GS", "South Georgia and the South Sandwich Islands"),
            new Country("GT", "Guatemala"),
            new Country("GU", "Guam"),
            new Country("GW", "Guinea-Bissau"),
            new Country("GY", "Guyana"),
            new Country("HK", "Hong Kong"),
            new Country("HM", "Heard Island and McDonald Islands"),
            new Country("HN", "Honduras"),
            new Country("HR", "Croatia"),
            new Country("HT", "Haiti"),
            new Country("HU", "Hungary"),
            new Country("ID", "Indonesia"),
            new Country("IE", "Ireland"),
            new Country("IL", "Israel"),
            new Country("IM", "Isle of Man"),
            new Country("IN", "India"),
            new Country("IO", "British Indian Ocean Territory"),
            new Country("IQ", "Iraq"),
            new Country("IR", "Iran"),
            new Country("IS", "Iceland"),
            new Country("IT", "Italy"),
            new Country("JE", "Jersey"),
            new Country("JM", "Jamaica"),
            new Country("JO", "Jordan"),
            new Country("JP", "Japan"),
            new Country("KE", "Kenya"),
            new Country("KG", "Kyrgyzstan"),
            new Country("KH", "Cambodia"),
            new Country("KI", "Kiribati"),
            new Country("KM", "Comoros"),
            new Country("KN", "Saint Kitts and Nevis"),
            new Country("KP", "North Korea"),
            new Country("KR", "South Korea"),
            new Country("KW", "Kuwait"),
            new Country("KY", "Cayman Islands"),
            new Country("KZ", "Kazakhstan"),
            new Country("LA", "Laos"),
            new Country("LB", "Lebanon"),
            new Country("LC", "Saint Lucia"),
            new Country("LI", "Liechtenstein"),
            new Country("LK", "Sri Lanka"),
            new Country("LR", "Liberia"),
            new Country("LS", "Lesotho"),
            new Country("LT", "Lithuania"),
            new Country("LU", "Luxembourg"),
            new Country("LV", "Latvia"),
            new Country("LY", "Libya"),
            new Country("MA", "Morocco"),
            new Country("MC", "Monaco"),
            new Country("MD", "Moldova"),
            new Country("ME", "Montenegro"),
            new Country("MF", "Saint Martin"),
            new Country("MG", "Madagascar"),
            new Country("MH", "Marshall Islands"),
            new Country("MK", "North Macedonia"),
            new Country("ML", "Mali"),
            new Country("MM", "Myanmar"),
            new Country("MN", "Mongolia"),
            new Country("MO", "Macao"),
            new Country("MP", "Northern Mariana Islands"),
            new Country("MQ", "Martinique"),
            new Country("MR", "Mauritania"),
            new Country("MS", "Montserrat"),
            new Country("MT", "Malta"),
            new Country("MU", "Mauritius"),
            new Country("MV", "Maldives"),
            new Country("MW", "Malawi"),
            new Country("MX", "Mexico"),
            new Country("MY", "Malaysia"),
            new Country("MZ", "Mozambique"),
            new Country("NA", "Namibia"),
            new Country("NC", "New Caledonia"),
            new Country("NE", "Niger"),
            new Country("NF", "Norfolk Island"),
            new Country("NG", "Nigeria"),
            new Country("NI", "Nicaragua"),
            new Country("NL", "Netherlands"),
            new Country("NO", "Norway"),
            new Country("NP", "Nepal"),
            new Country("NR", "Nauru"),
            new Country("NU", "Niue"),
            new Country("NZ", "New Zealand"),
            new Country("OM", "Oman"),
            new Country("PA", "Panama"),
            new Country("PE", "Peru"),
            new Country("PF", "French Polynesia"),
            new Country("PG", "Papua New Guinea"),
            new Country("PH", "Philippines"),
            new Country("PK", "Pakistan"),
            new Country("PL", "Poland"),
            new Country("PM", "Saint Pierre and Miquelon"),
            new Country("PN", "Pitcairn Islands"),
            new Country("PR", "Puerto Rico"),
            new Country("PS", "Palestine"),
            new Country("PT", "Portugal"),
            new Country("PW", "Palau"),
            new Country("PY", "Paraguay"),
            new Country("QA", "Qatar"),
            new Country("RE", "Reunion"),
            new Country("RO", "Romania"),
            new Country("RS", "Serbia"),
            new Country("RU", "Russia"),
            new Country("RW", "Rwanda"),
            new Country("SA", "Saudi Arabia"),
            new Country("SB", "Solomon Islands"),
            new Country("SC", "Seychelles"),
            new Country("SD", "Sudan"),
            new Country("SE", "Sweden"),
            new Country("SG", "Singapore"),
            new Country("SH", "Saint Helena, Ascension and Tristan da Cunha"),
            new Country("SI", "Slovenia"),
            new Country("SJ", "Svalbard and Jan Mayen"),
            new Country("SK", "Slovakia"),
            new Country("SL", "Sierra Leone"),
            new Country("SM", "San Marino"),
            new Country("SN", "Senegal"),
            new Country("SO", "Somalia"),
            new Country("SR", "Suriname"),
            new Country("SS", "South Sudan"),
            new Country("ST", "Sao Tome and Principe"),
            new Country("SV", "El Salvador"),
            new Country("SX", "Sint Maarten"),
            new Country("SY", "Syria"),
            new Country("SZ", "Eswatini"),
            new Country("TC", "Turks and Caicos Islands"),
            new Country("TD", "Chad"),
            new Country("TF", "French Southern Territories"),
            new Country("TG", "Togo"),
            new Country("TH", "Thailand"),
            new Country("TJ", "Tajikistan"),
            new Country("TK", "Tokelau"),
            new Country("TL", "Timor-Leste"),
            new Country("TM", "Turkmenistan"),
            new Country("TN", "Tunisia"),
            new Country("TO", "Tonga"),
            new Country("TR", "Turkey"),
            new Country("TT", "Trinidad and Tobago"),
            new Country("TV", "Tuvalu"),
            new Country("TW", "Taiwan"),
            new Country("TZ", "Tanzania"),
            new Country("UA", "Ukraine"),
            new Country("UG", "Uganda"),
            new Country("UM", "United States Minor Outlying Islands"),
            new Country("US", "United States"),
            new Country("UY", "Uruguay"),
            new Country("UZ", "Uzbekistan"),
            new Country("VA", "Vatican City"),
            new Country("VC", "Saint Vincent and the Grenadines"),
            new Country("VE", "Venezuela"),
            new Country("VG", "British Virgin Islands"),
            new Country("VI", "U.S. Virgin Islands"),
            new Country("VN", "Vietnam"),
            new Country("VU", "Vanuatu"),
            new Country("WF", "Wallis and Futuna"),
            new Country("WS", "Samoa"),
            new Country("YE", "Yemen"),
            new Country("YT", "Mayotte"),
            new Country("ZA", "South Africa"),
            new Country("ZM", "Zambia"),
            new Country("ZW", "Zimbabwe"),
        };

        // Other common English names, mapped to the code they stand for.
        private static readonly Dictionary<string, string> Aliases = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
        {
            { "United States of America", "US" },
            { "USA", "US" },
            { "America", "US" },
            { "Great Britain", "GB" },
            { "Britain", "GB" },
            { "Korea", "KR" },
            { "Republic of Korea", "KR" },
            { "Korea, Republic of", "KR" },
            { "Democratic People's Republic of Korea", "KP" },
            { "Russian Federation", "RU" },
            { "Czech Republic", "CZ" },
            { "Turkiye", "TR" },
            { "Ivory Coast", "CI" },
            { "Cabo Verde", "CV" },
            { "Swaziland", "SZ" },
            { "Macedonia", "MK" },
            { "Burma", "MM" },
            { "Macau", "MO" },
            { "Holland", "NL" },
            { "The Netherlands", "NL" },
            { "Bonaire, Sint Eustatius and Saba", "BQ" },
            { "DR Congo", "CD" },
            { "Congo-Kinshasa", "CD" },
            { "Congo", "CG" },
            { "Congo-Brazzaville", "CG" },
            { "East Timor", "TL" },
            { "Holy See", "VA" },
            { "Vatican", "VA" },
            { "Viet Nam", "VN" },
            { "Lao People's Democratic Republic", "LA" },
            { "Syrian Arab Republic", "SY" },
            { "Iran, Islamic Republic of", "IR" },
            { "Brunei Darussalam", "BN" },
            { "Republic of Moldova", "MD" },
            { "Moldova, Republic of", "MD" },
            { "Tanzania, United Republic of", "TZ" },
            { "Bolivia, Plurinational State of", "BO" },
            { "Venezuela, Bolivarian Republic of", "VE" },
            { "Taiwan, Province of China", "TW" },
            { "Palestine, State of", "PS" },
            { "State of Palestine", "PS" },
            { "Micronesia, Federated States of", "FM" },
            { "Falkland Islands (Malvinas)", "FK" },
            { "Virgin Islands, British", "VG" },
            { "Virgin Islands, U.S.", "VI" },
            { "US Virgin Islands", "VI" },
            { "Saint Helena", "SH" },
            { "St. Helena", "SH" },
            { "Pitcairn", "PN" },
            { "Cocos Islands", "CC" },
            { "Saint Martin (French part)", "MF" },
            { "Sint Maarten (Dutch part)", "SX" },
            { "Hong Kong SAR", "HK" },
            { "Macao SAR", "MO" },
            { "UAE", "AE" },
        };

        private static readonly IReadOnlyList<Country> AllCountries =
            new ReadOnlyCollection<Country>(Entries.OrderBy(c => c.Code, StringComparer.Ordinal).ToArray());

        private static readonly IReadOnlyDictionary<string, Country> ByCode = BuildByCode();

        private static readonly IReadOnlyDictionary<string, Country> ByName = BuildByName();

        /// <summary>All 249 officially assigned ISO 3166-1 alpha-2 codes, ordered by code.</summary>
        public static IReadOnlyList<Country> All => AllCountries;

        /// <summary>Finds a country by its two-letter code or English name (case-insensitive, trimmed); null when unknown.</summary>
        public static Country Find(string codeOrName)
        {
            if (codeOrName == null) return null;
            string key = codeOrName.Trim();
            if (key.Length == 0) return null;

            Country country;
            if (key.Length == 2 && ByCode.TryGetValue(key, out country)) return country;
            if (ByName.TryGetValue(CollapseSpaces(key), out country)) return country;
            return null;
        }

        /// <summary>Returns the upper-case ISO 3166-1 alpha-2 code for a code or English name; throws for unknown input.</summary>
        public static string Normalize(string field, string codeOrName)
        {
            Country country = Find(codeOrName);
            if (country == null) throw MspException.InvalidValue(field, codeOrName, Allowed);
            return country.Code;
        }

        private static IReadOnlyDictionary<string, Country> BuildByCode()
        {
            var map = new Dictionary<string, Country>(StringComparer.OrdinalIgnoreCase);
            foreach (Country country in Entries) map.Add(country.Code, country);
            return new ReadOnlyDictionary<string, Country>(map);
        }

        private static IReadOnlyDictionary<string, Country> BuildByName()
        {
            var map = new Dictionary<string, Country>(StringComparer.OrdinalIgnoreCase);
            foreach (Country country in Entries) map.Add(country.Name, country);
            foreach (KeyValuePair<string, string> alias in Aliases)
            {
                if (!map.ContainsKey(alias.Key)) map.Add(alias.Key, ByCodeLookup(alias.Value));
            }
            return new ReadOnlyDictionary<string, Country>(map);
        }

        private static Country ByCodeLookup(string code)
        {
            foreach (Country country in Entries)
            {
                if (string.Equals(country.Code, code, StringComparison.Ordinal)) return country;
            }
            throw new InvalidOperationException("Unknown country code in alias table: " + code);
        }

        private static string CollapseSpaces(string value)
        {
            if (value.IndexOf("  ", StringComparison.Ordinal) < 0) return value;
            return string.Join(" ", value.Split(new[] { ' ' }, StringSplitOptions.RemoveEmptyEntries));
        }
    }
}
