using System;
using System.Collections.Generic;
using System.Linq;

namespace MspLicensing
{
    /// <summary>One row of a PSA export (a row of Import-Csv, or any object): its cells by column name, ignoring case.</summary>
    /// <remarks>
    /// An export has hundreds of thousands of rows, so a row keeps its cells as an array of values beside the column
    /// names, which the rows of one export share, rather than a dictionary of its own; a comparison keeps a row only
    /// while it needs its object (<see cref="ReconciliationRows"/>).
    /// </remarks>
    public sealed class ReferenceRow
    {
        /// <summary>A column the row does not have (a cell may hold null).</summary>
        private static readonly object Absent = new object();

        private readonly IReadOnlyList<string> _columns;
        private readonly object[] _values;
        private readonly Func<object, IEnumerable<string>> _columnsOf;

        /// <summary>A row of the cells <paramref name="cells"/>, which are the whole row.</summary>
        public ReferenceRow(int number, IDictionary<string, object> cells, object source = null)
        {
            Number = number;
            Source = source;
            var pairs = (cells ?? new Dictionary<string, object>())
                .GroupBy(p => p.Key, StringComparer.OrdinalIgnoreCase).Select(g => g.Last()).ToList();
            _columns = pairs.Select(p => p.Key).ToArray();
            _values = pairs.Select(p => p.Value).ToArray();
        }

        /// <param name="number">The row's number, counting from 1.</param>
        /// <param name="columns">The columns the comparison reads (the rows of one export share the list).</param>
        /// <param name="read">Reads a column of the row; false when the row has no such column.</param>
        /// <param name="source">The object the row came as.</param>
        /// <param name="columnsOf">Every column name of a row's <paramref name="source"/>, for the error that names them.</param>
        public ReferenceRow(int number, IReadOnlyList<string> columns, TryRead read, object source, Func<object, IEnumerable<string>> columnsOf)
        {
            Number = number;
            Source = source;
            _columns = columns;
            _columnsOf = columnsOf;
            _values = new object[columns.Count];
            for (int i = 0; i < columns.Count; i++)
                _values[i] = read(columns[i], out var value) ? value : Absent;
        }

        /// <summary>Reads the cell of <paramref name="column"/>; false when there is none.</summary>
        public delegate bool TryRead(string column, out object value);

        /// <summary>The row's number, counting from 1 (in a CSV file the first row after the header line).</summary>
        public int Number { get; }

        /// <summary>The object the row came as, the target of its error.</summary>
        public object Source { get; }

        /// <summary>The cell of <paramref name="column"/> (ignoring case); false when the row has no such column.</summary>
        public bool TryGetCell(string column, out object value)
        {
            for (int i = 0; i < _columns.Count; i++)
            {
                if (!string.Equals(_columns[i], column, StringComparison.OrdinalIgnoreCase) || ReferenceEquals(_values[i], Absent)) continue;
                value = _values[i];
                return true;
            }
            value = null;
            return false;
        }

        /// <summary>The columns of the row that the comparison read.</summary>
        public IEnumerable<string> CellColumns => _columns.Where((c, i) => !ReferenceEquals(_values[i], Absent));

        /// <summary>Every column the row has, read from its object when asked (an error that names the columns the rows have).</summary>
        public IEnumerable<string> Columns => _columnsOf == null ? CellColumns : _columnsOf(Source);
    }
}
