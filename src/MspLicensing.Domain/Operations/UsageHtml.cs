using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Net;
using System.Text;

namespace MspLicensing
{
    /// <summary>
    /// R55: a month's usage report as one self-contained HTML page (inline CSS, an inline SVG chart, no scripts, no
    /// external files) that prints on A4. The markup is well-formed XML. Every text from the store is encoded, numbers
    /// are invariant and months ISO; nothing depends on the day it is written. The page is a list of sections, each
    /// written by its own method.
    /// </summary>
    public static class UsageHtml
    {
        /// <summary>The sections of the page, in order.</summary>
        private static readonly Action<StringBuilder, UsageMonthReport>[] Sections = { Heading, Totals, Chart, RightSizing, Reconciliation };

        /// <summary>The colours of the chart's lines, one per product in turn.</summary>
        private static readonly string[] Colours = { "#1f77b4", "#d62728", "#2ca02c", "#ff7f0e", "#9467bd", "#8c564b", "#e377c2", "#7f7f7f", "#bcbd22", "#17becf", "#393b79", "#637939" };

        private const string Style =
            "body{font-family:'Segoe UI',Arial,Helvetica,sans-serif;color:#1a1a1a;margin:24px;font-size:13px;}" +
            "h1{font-size:22px;margin:0 0 4px 0;}h2{font-size:16px;margin:24px 0 8px 0;border-bottom:1px solid #ccc;padding-bottom:2px;}" +
            "p.note{color:#555;margin:4px 0 8px 0;}" +
            "table{border-collapse:collapse;width:100%;}th,td{border:1px solid #ccc;padding:3px 6px;text-align:left;vertical-align:top;}" +
            "th{background:#eef2f7;}td.n,th.n{text-align:right;font-variant-numeric:tabular-nums;}" +
            "svg{display:block;width:100%;max-width:100%;height:auto;}svg text{font-family:Arial,Helvetica,sans-serif;font-size:11px;fill:#333;}" +
            "section{break-inside:avoid;page-break-inside:avoid;}" +
            "@page{size:A4;margin:14mm;}" +
            "@media print{body{margin:0;font-size:11px;}h2{break-after:avoid;page-break-after:avoid;}tr{break-inside:avoid;page-break-inside:avoid;}}";

        /// <summary>The page.</summary>
        public static string Write(UsageMonthReport report)
        {
            var sb = new StringBuilder();
            sb.Append("<!DOCTYPE html>\n<html xmlns=\"http://www.w3.org/1999/xhtml\" lang=\"en\">\n<head>\n<meta charset=\"utf-8\" />\n");
            sb.Append("<title>").Append(Encode($"Usage report {report.Month}")).Append("</title>\n");
            sb.Append("<style>").Append(Style).Append("</style>\n</head>\n<body>\n");
            foreach (var section in Sections) section(sb, report);
            sb.Append("</body>\n</html>\n");
            return sb.ToString();
        }

        private static void Heading(StringBuilder sb, UsageMonthReport report)
        {
            sb.Append("<header>\n<h1>").Append(Encode($"Usage report {report.Month}")).Append("</h1>\n");
            sb.Append("<p class=\"note\">").Append(Encode(report.Partner)).Append(" &#183; report status ").Append(Encode(report.Status.ToString()));
            if (UsageOperations.Frozen(report.Status)) sb.Append(" (figures as submitted)");
            sb.Append("</p>\n</header>\n");
        }

        private static void Totals(StringBuilder sb, UsageMonthReport report)
        {
            sb.Append("<section id=\"totals\">\n<h2>Totals per product</h2>\n");
            if (report.Totals.Count == 0)
            {
                sb.Append("<p>No license bills in ").Append(Encode(report.Month.ToString())).Append(".</p>\n</section>\n");
                return;
            }
            sb.Append("<p class=\"note\">The chargeable seats of all customers per product decide its seat band (R53); headroom is the seats to the band's edges (R57).</p>\n");
            var month = report.Month.ToString();
            Table(sb, new[] { "Product", "Name", "#Customers", "#Provisioned", "#Used", "#Chargeable", "Band", "#Headroom up", "#Headroom down" },
                report.Totals.Select(t =>
                {
                    var trend = report.Trend.FirstOrDefault(r => r.Month == month && string.Equals(r.Product, t.Product, StringComparison.OrdinalIgnoreCase));
                    return new object[] { t.Product, t.ProductName, t.Customers, t.Provisioned, t.Used, t.Chargeable, t.Band, trend?.HeadroomUp, trend?.HeadroomDown };
                }));
            sb.Append("</section>\n");
        }

        private static void Chart(StringBuilder sb, UsageMonthReport report)
        {
            var months = report.Trend.Select(r => r.Month).Distinct().OrderBy(m => m, StringComparer.Ordinal).ToList();
            sb.Append("<section id=\"trend\">\n<h2>Chargeable seats per product, ");
            var first = report.Month.AddMonths(1 - UsageInsightOperations.DefaultTrendMonths);
            sb.Append(Encode(first.ToString())).Append(" to ").Append(Encode(report.Month.ToString())).Append("</h2>\n");
            if (months.Count == 0)
            {
                sb.Append("<p>No license bills in these months.</p>\n</section>\n");
                return;
            }
            var axis = Enumerable.Range(0, UsageInsightOperations.DefaultTrendMonths).Select(i => first.AddMonths(i).ToString()).ToList();
            const double width = 760, height = 320, left = 56, right = 32, top = 16, bottom = 44;
            double plotWidth = width - left - right, plotHeight = height - top - bottom;
            int max = Math.Max(1, report.Trend.Max(r => r.Chargeable));
            int step = NiceStep(max);
            int yMax = (max + step - 1) / step * step;
            double X(int i) => left + (axis.Count == 1 ? plotWidth / 2 : i * plotWidth / (axis.Count - 1));
            double Y(int v) => top + plotHeight - v * plotHeight / yMax;

            sb.Append("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"").Append(Num(width)).Append("\" height=\"").Append(Num(height))
                .Append("\" viewBox=\"0 0 ").Append(Num(width)).Append(' ').Append(Num(height)).Append("\" role=\"img\" aria-label=\"Chargeable seats per product and month\">\n");
            sb.Append("<rect x=\"0\" y=\"0\" width=\"").Append(Num(width)).Append("\" height=\"").Append(Num(height)).Append("\" fill=\"#ffffff\" />\n");
            for (int v = 0; v <= yMax; v += step)
            {
                sb.Append("<line x1=\"").Append(Num(left)).Append("\" y1=\"").Append(Num(Y(v))).Append("\" x2=\"").Append(Num(width - right)).Append("\" y2=\"").Append(Num(Y(v)))
                    .Append("\" stroke=\"#e3e3e3\" stroke-width=\"1\" />\n");
                sb.Append("<text x=\"").Append(Num(left - 6)).Append("\" y=\"").Append(Num(Y(v) + 4)).Append("\" text-anchor=\"end\">").Append(Int(v)).Append("</text>\n");
            }
            // Where each band begins: how far a line is from the next band shows at a glance (R57).
            foreach (var band in report.SeatBands ?? new SeatBand[0])
            {
                if (band.Minimum <= 1 || band.Minimum > yMax) continue;
                sb.Append("<line x1=\"").Append(Num(left)).Append("\" y1=\"").Append(Num(Y(band.Minimum))).Append("\" x2=\"").Append(Num(width - right)).Append("\" y2=\"").Append(Num(Y(band.Minimum)))
                    .Append("\" stroke=\"#b0b0b0\" stroke-width=\"1\" stroke-dasharray=\"4 3\" />\n");
                sb.Append("<text x=\"").Append(Num(width - right)).Append("\" y=\"").Append(Num(Y(band.Minimum) - 3)).Append("\" text-anchor=\"end\" style=\"fill:#888;font-size:10px;\">band ")
                    .Append(Encode(band.Name)).Append("</text>\n");
            }
            for (int i = 0; i < axis.Count; i++)
                sb.Append("<text x=\"").Append(Num(X(i))).Append("\" y=\"").Append(Num(height - bottom + 18)).Append("\" text-anchor=\"middle\">").Append(Encode(axis[i])).Append("</text>\n");
            sb.Append("<line x1=\"").Append(Num(left)).Append("\" y1=\"").Append(Num(Y(0))).Append("\" x2=\"").Append(Num(width - right)).Append("\" y2=\"").Append(Num(Y(0))).Append("\" stroke=\"#333\" stroke-width=\"1\" />\n");
            sb.Append("<line x1=\"").Append(Num(left)).Append("\" y1=\"").Append(Num(top)).Append("\" x2=\"").Append(Num(left)).Append("\" y2=\"").Append(Num(Y(0))).Append("\" stroke=\"#333\" stroke-width=\"1\" />\n");
            sb.Append("<text x=\"").Append(Num(left)).Append("\" y=\"").Append(Num(height - 6)).Append("\">Month</text>\n");

            var products = report.Trend.Select(r => r.Product).Distinct(StringComparer.OrdinalIgnoreCase).OrderBy(p => p, StringComparer.OrdinalIgnoreCase).ToList();
            for (int p = 0; p < products.Count; p++)
            {
                string colour = Colours[p % Colours.Length];
                var points = report.Trend.Where(r => string.Equals(r.Product, products[p], StringComparison.OrdinalIgnoreCase))
                    .Select(r => (Index: axis.IndexOf(r.Month), Row: r)).Where(x => x.Index >= 0).OrderBy(x => x.Index).ToList();
                if (points.Count > 1)
                    sb.Append("<polyline fill=\"none\" stroke=\"").Append(colour).Append("\" stroke-width=\"2.5\" points=\"")
                        .Append(string.Join(" ", points.Select(x => Num(X(x.Index)) + "," + Num(Y(x.Row.Chargeable))))).Append("\" />\n");
                foreach (var x in points)
                    sb.Append("<circle cx=\"").Append(Num(X(x.Index))).Append("\" cy=\"").Append(Num(Y(x.Row.Chargeable))).Append("\" r=\"3.5\" fill=\"").Append(colour).Append("\"><title>")
                        .Append(Encode($"{x.Row.Product} {x.Row.Month}: {Int(x.Row.Chargeable)} seats" + (x.Row.Band == null ? string.Empty : $", band {x.Row.Band}"))).Append("</title></circle>\n");
            }
            sb.Append("</svg>\n");
            sb.Append("<ul class=\"legend\" style=\"list-style:none;padding:0;margin:6px 0 0 0;\">\n");
            for (int p = 0; p < products.Count; p++)
            {
                var last = report.Trend.Last(r => string.Equals(r.Product, products[p], StringComparison.OrdinalIgnoreCase));
                sb.Append("<li style=\"display:inline-block;margin-right:16px;\"><span style=\"display:inline-block;width:12px;height:12px;margin-right:4px;vertical-align:middle;background:")
                    .Append(Colours[p % Colours.Length]).Append(";\"></span>").Append(Encode(products[p]));
                if (last.ProductName != null) sb.Append(" (").Append(Encode(last.ProductName)).Append(')');
                sb.Append("</li>\n");
            }
            sb.Append("</ul>\n</section>\n");
        }

        private static void RightSizing(StringBuilder sb, UsageMonthReport report)
        {
            var request = report.RightSizingRequest;
            var first = request.Month.AddMonths(1 - request.Months);
            sb.Append("<section id=\"rightsizing\">\n<h2>Right-sizing candidates</h2>\n");
            sb.Append("<p class=\"note\">").Append(Encode(
                $"Licenses whose highest used count stayed at least {Int(request.Threshold)}% below their peak seats in every month from {first} to {request.Month} (R58); Set-MspSubscription -ProductSeats lowers them.")).Append("</p>\n");
            if (report.RightSizing.Count == 0)
            {
                sb.Append("<p>No license qualifies.</p>\n</section>\n");
                return;
            }
            Table(sb, new[] { "Customer", "Service plan", "Product", "#Seats", "#Highest used", "#Suggested", "#Releasable", "Used/peak per month" },
                report.RightSizing.Select(c => new object[] { c.Customer, c.ServicePlan, c.Product, c.Seats, c.HighestUsed, c.SuggestedSeats, c.ReleasableSeats, c.History.ToString() }));
            sb.Append("</section>\n");
        }

        /// <summary>R80: the month against the PSA, per product and the lines that do not match; only when PSA rows were given.</summary>
        private static void Reconciliation(StringBuilder sb, UsageMonthReport report)
        {
            var result = report.Reconciliation;
            if (result == null) return;
            sb.Append("<section id=\"reconciliation\">\n<h2>Against the PSA</h2>\n");
            var note = $"The chargeable seats of the report against the seats the PSA bills, from {Int(result.Rows)} PSA rows (R80, R81)";
            if (result.Problems.Count > 0) note += $"; {Int(result.Problems.Count)} rows were left out as they could not be read (R82)";
            if (result.IgnoredRows > 0) note += $"; {Int(result.IgnoredRows)} rows are no license product";
            sb.Append("<p class=\"note\">").Append(Encode(note + ".")).Append("</p>\n");
            Table(sb, new[] { "Product", "#Lines", "#Mismatches", "#Chargeable", "#Billed", "#Difference", "#Seats not billed", "#Seats over-billed" },
                result.Summaries.Select(s => new object[] { s.Product, s.Lines, s.Mismatches, s.Chargeable, s.Billed, s.Difference, s.SeatsNotBilled, s.SeatsOverBilled }));
            var mismatches = result.Lines.Where(l => l.Status != ReconciliationStatus.Match).ToList();
            if (mismatches.Count == 0)
            {
                sb.Append("<p>Every customer and product matches.</p>\n</section>\n");
                return;
            }
            sb.Append("<h3>Lines that do not match</h3>\n");
            Table(sb, new[] { "Customer", "Product", "#Chargeable", "#Billed", "#Difference", "Status", "Note" },
                mismatches.Select(l => new object[] { l.Customer, l.Product, l.Chargeable, l.Billed, l.Difference, l.Status.ToString(), l.Note }));
            sb.Append("</section>\n");
        }

        /// <summary>The step of the chart's value axis: 1, 2 or 5 times a power of ten, for about five lines.</summary>
        private static int NiceStep(int max)
        {
            int step = 1;
            while (true)
            {
                foreach (int f in new[] { 1, 2, 5 })
                    if (max / (step * f) <= 5) return step * f;
                step *= 10;
            }
        }

        /// <summary>A table: a column whose label starts with # holds numbers (right-aligned, invariant); text is encoded.</summary>
        private static void Table(StringBuilder sb, string[] columns, IEnumerable<object[]> rows)
        {
            sb.Append("<table>\n<thead><tr>");
            foreach (var c in columns)
                sb.Append(c.StartsWith("#", StringComparison.Ordinal) ? "<th class=\"n\">" : "<th>").Append(Encode(c.TrimStart('#'))).Append("</th>");
            sb.Append("</tr></thead>\n<tbody>\n");
            foreach (var row in rows)
            {
                sb.Append("<tr>");
                for (int i = 0; i < columns.Length; i++)
                {
                    if (columns[i].StartsWith("#", StringComparison.Ordinal))
                        sb.Append("<td class=\"n\">").Append(row[i] is int n ? Int(n) : string.Empty).Append("</td>");
                    else
                        sb.Append("<td>").Append(Encode(row[i] as string)).Append("</td>");
                }
                sb.Append("</tr>\n");
            }
            sb.Append("</tbody>\n</table>\n");
        }

        private static string Int(int value) => value.ToString(CultureInfo.InvariantCulture);

        private static string Num(double value) => value.ToString("0.##", CultureInfo.InvariantCulture);

        /// <summary>Text for HTML and XML alike: &amp;, &lt;, &gt;, quotes, and no control characters.</summary>
        internal static string Encode(string text)
        {
            if (string.IsNullOrEmpty(text)) return string.Empty;
            var sb = new StringBuilder(text.Length);
            foreach (char c in text)
            {
                if (c < ' ' && c != '\t' && c != '\n' && c != '\r') continue;
                sb.Append(c);
            }
            return WebUtility.HtmlEncode(sb.ToString());
        }
    }
}
