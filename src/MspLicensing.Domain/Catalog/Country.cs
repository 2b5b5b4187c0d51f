using System;
using System.Collections.ObjectModel;

namespace MspLicensing
{
    /// <summary>A country or territory identified by its ISO 3166-1 alpha-2 code.</summary>
    public sealed class Country
    {
        internal Country(string code, string name)
        {
            Code = code;
            Name = name;
        }

        /// <summary>The ISO 3166-1 alpha-2 code, upper case (for example "US").</summary>
        public string Code { get; }

        /// <summary>The common English short name (for example "United States").</summary>
        public string Name { get; }

        public override string ToString() => Code;
    }
}
