using System;
using System.Collections.Generic;
using System.Collections.ObjectModel;
using System.Linq;

namespace MspLicensing
{
    /// <summary>A list whose text (what Export-Csv writes) is its items separated by "; ".</summary>
    public sealed class TextList<T> : List<T>
    {
        public TextList() { }

        public TextList(IEnumerable<T> items) : base(items ?? Enumerable.Empty<T>()) { }

        public override string ToString() => FlatText.Join(this);
    }
}
