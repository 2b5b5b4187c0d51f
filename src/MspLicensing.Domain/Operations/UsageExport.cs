using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;

namespace MspLicensing
{
    /// <summary>R55: report rows as CSV or JSON, flat, with invariant numbers and yyyy-MM months.</summary>
    public static class UsageExport
    {
        private static readonly (string Name, Func<UsageSummary, object> Value)[] SummaryColumns =
        {
            ("Month", r => r.Month), ("Product", r => r.Product), ("ProductName", r => r.ProductName), ("Customers", r => r.Customers),
            ("Provisioned", r => r.Provisioned), ("Used", r => r.Used), ("Chargeable", r => r.Chargeable), ("Band", r => r.Band), ("Status", r => r.Status.ToString()),
        };

        private static readonly (string Name, Func<UsageLine, object> Value)[] LineColumns =
        {
            ("Month", r => r.Month), ("CustomerId", r => r.CustomerId.ToString()), ("Customer", r => r.Customer), ("Product", r => r.Product),
            ("ProductName", r => r.ProductName), ("ServicePlan", r => r.ServicePlan), ("ActivationCode", r => r.ActivationCode),
            ("Provisioned", r => r.Provisioned), ("Used", r => r.Used), ("OverProvisionedPercent", r => r.OverProvisionedPercent),
            ("Chargeable", r => r.Chargeable), ("Comment", r => r.Comment), ("Band", r => r.Band), ("Status", r => r.Status.ToString()),
            ("ExceededBy", r => r.ExceededBy),
        };

        /// <summary>How the file is encoded; the help states it.</summary>
        public const string Encoding =
            "CSV is UTF-8 with a byte order mark, which Excel needs to show names with umlauts or accents correctly (Import-Csv and PSA tools read it too); JSON is UTF-8 without one.";

        /// <summary>R55: the bytes of an export: CSV as UTF-8 with a byte order mark, so Excel reads non-ASCII text right; JSON as UTF-8 without one.</summary>
        public static byte[] Encode(string text, ExportFormat format)
        {
            var utf8 = new UTF8Encoding(format == ExportFormat.Csv);
            var preamble = utf8.GetPreamble();
            var body = utf8.GetBytes(text);
            var bytes = new byte[preamble.Length + body.Length];
            Buffer.BlockCopy(preamble, 0, bytes, 0, preamble.Length);
            Buffer.BlockCopy(body, 0, bytes, preamble.Length, body.Length);
            return bytes;
        }

        public static string Write(IEnumerable<UsageSummary> rows, ExportFormat format) => Write(rows, SummaryColumns, format);

        public static string Write(IEnumerable<UsageLine> rows, ExportFormat format) => Write(rows, LineColumns, format);

        private static string Write<T>(IEnumerable<T> rows, (string Name, Func<T, object> Value)[] columns, ExportFormat format)
        {
            var sb = new StringBuilder();
            if (format == ExportFormat.Csv)
            {
                sb.Append(string.Join(",", columns.Select(c => Csv(c.Name)))).Append("\r\n");
                foreach (var row in rows)
                    sb.Append(string.Join(",", columns.Select(c => Csv(Cell(c.Value(row)))))).Append("\r\n");
                return sb.ToString();
            }
            sb.Append('[');
            bool first = true;
            foreach (var row in rows)
            {
                sb.Append(first ? "\n  {" : ",\n  {");
                first = false;
                sb.Append(string.Join(", ", columns.Select(c => Json(c.Name) + ": " + JsonValue(c.Value(row)))));
                sb.Append('}');
            }
            sb.Append(first ? "]\n" : "\n]\n");
            return sb.ToString();
        }

        /// <summary>How a CSV cell that a spreadsheet would run as a formula is written; the help states it.</summary>
        public const string FormulaCells =
            "A text cell that starts with =, +, -, @, a tab or a carriage return (a customer named =HYPERLINK(...), say) is written with a leading apostrophe, so a spreadsheet shows it as text instead of running it as a formula; numbers are written as they are.";

        private static readonly char[] FormulaStarts = { '=', '+', '-', '@', '\t', '\r' };

        /// <summary>The text of a CSV cell: invariant numbers, and text that would start a formula behind an apostrophe.</summary>
        internal static string Cell(object value)
        {
            string text = Text(value);
            return value is string && text.Length > 0 && Array.IndexOf(FormulaStarts, text[0]) >= 0 ? "'" + text : text;
        }

        private static string Text(object value) =>
            value == null ? string.Empty : Convert.ToString(value, CultureInfo.InvariantCulture);

        private static string Csv(string text) =>
            text.IndexOfAny(new[] { ',', '"', '\r', '\n' }) >= 0 ? "\"" + text.Replace("\"", "\"\"") + "\"" : text;

        private static string JsonValue(object value)
        {
            switch (value)
            {
                case null: return "null";
                case string s: return Json(s);
                case double d: return d.ToString("R", CultureInfo.InvariantCulture);
                case IFormattable f: return f.ToString(null, CultureInfo.InvariantCulture);
                default: return Json(value.ToString());
            }
        }

        private static string Json(string text)
        {
            var sb = new StringBuilder("\"");
            foreach (char c in text)
            {
                switch (c)
                {
                    case '"': sb.Append("\\\""); break;
                    case '\\': sb.Append("\\\\"); break;
                    case '\n': sb.Append("\\n"); break;
                    case '\r': sb.Append("\\r"); break;
                    case '\t': sb.Append("\\t"); break;
                    default:
                        if (c < ' ') sb.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
                        else sb.Append(c);
                        break;
                }
            }
            return sb.Append('"').ToString();
        }
    }
}
