using System;
using System.Collections.Generic;
using System.Collections.ObjectModel;
using System.Linq;

namespace MspLicensing
{
    /// <summary>A list that cannot change (the built-in catalog), whose text is its items separated by "; ".</summary>
    public sealed class ReadOnlyTextList<T> : ReadOnlyCollection<T>
    {
        public ReadOnlyTextList(IEnumerable<T> items) : base((items ?? Enumerable.Empty<T>()).ToList()) { }

        public override string ToString() => FlatText.Join(this);
    }
}
