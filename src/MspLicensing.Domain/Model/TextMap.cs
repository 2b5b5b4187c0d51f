using System;
using System.Collections.Generic;
using System.Collections.ObjectModel;

namespace MspLicensing
{
    /// <summary>
    /// A map of names to text with keys that ignore case, whose text is its pairs as key=value separated by "; ".
    /// (Not generic: the store reads a map of its own type only when the type itself has no type arguments.)
    /// </summary>
    public sealed class TextMap : Dictionary<string, string>
    {
        public TextMap() : base(StringComparer.OrdinalIgnoreCase) { }

        public TextMap(IDictionary<string, string> source) : this()
        {
            if (source == null) return;
            foreach (var pair in source) this[pair.Key] = pair.Value;
        }

        public override string ToString() => FlatText.Pairs(this);
    }
}
