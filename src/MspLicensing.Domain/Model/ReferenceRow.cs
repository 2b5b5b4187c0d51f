using System;
using System.Collections.Generic;

namespace MspLicensing
{
    /// <summary>One row of a PSA export (a row of Import-Csv, or any object): its cells by column name, ignoring case.</summary>
    public sealed class ReferenceRow
    {
        public ReferenceRow(int number, IDictionary<string, object> cells, object source = null)
        {
            Number = number;
            Cells = new Dictionary<string, object>(cells ?? new Dictionary<string, object>(), StringComparer.OrdinalIgnoreCase);
            Source = source;
        }

        /// <summary>The row's number, counting from 1 (in a CSV file the first row after the header line).</summary>
        public int Number { get; }
        public IReadOnlyDictionary<string, object> Cells { get; }
        /// <summary>The object the row came as, the target of its error.</summary>
        public object Source { get; }
    }
}
