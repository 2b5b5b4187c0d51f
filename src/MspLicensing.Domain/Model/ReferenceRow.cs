using System;
using System.Collections.Generic;

namespace MspLicensing
{
    /// <summary>One row of a PSA export (a row of Import-Csv, or any object): its cells by column name, ignoring case.</summary>
    public sealed class ReferenceRow
    {
        private readonly Func<object, IEnumerable<string>> _columnsOf;

        /// <param name="number">The row's number, counting from 1.</param>
        /// <param name="cells">The cells the comparison reads, by column name.</param>
        /// <param name="source">The object the row came as.</param>
        /// <param name="columnsOf">
        /// Every column name of a row's <paramref name="source"/>, where <paramref name="cells"/> holds only the columns
        /// the comparison reads; null when the cells are the whole row.
        /// </param>
        public ReferenceRow(int number, IDictionary<string, object> cells, object source = null, Func<object, IEnumerable<string>> columnsOf = null)
        {
            Number = number;
            Cells = cells is Dictionary<string, object> own && Equals(own.Comparer, StringComparer.OrdinalIgnoreCase)
                ? own
                : new Dictionary<string, object>(cells ?? new Dictionary<string, object>(), StringComparer.OrdinalIgnoreCase);
            Source = source;
            _columnsOf = columnsOf;
        }

        /// <summary>The row's number, counting from 1 (in a CSV file the first row after the header line).</summary>
        public int Number { get; }
        public IReadOnlyDictionary<string, object> Cells { get; }
        /// <summary>The object the row came as, the target of its error.</summary>
        public object Source { get; }

        /// <summary>Every column the row has, read from its object when asked (an error that names the columns the rows have).</summary>
        public IEnumerable<string> Columns => _columnsOf == null ? Cells.Keys : _columnsOf(Source);
    }
}
