using System;
using System.Collections.Generic;
using System.Text;

namespace MspLicensing.Formatting
{
    /// <summary>
    /// Lays text out for a fixed-width table column of the default views (MspLicensing.format.ps1xml). PowerShell
    /// wraps a cell by characters ("Securit" / "y Standard"); these break at words, so a wrapped summary or feature
    /// description reads as text and an activation code inside it stays whole where it fits.
    /// </summary>
    public static class ColumnText
    {
        /// <summary>
        /// The text broken into lines of at most <paramref name="width"/> characters at spaces; a word longer than the
        /// column breaks after a hyphen where it can, else at the column edge. The view shows it with &lt;Wrap/&gt;.
        /// </summary>
        public static string Wrap(object value, int width)
        {
            string text = Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture);
            if (string.IsNullOrEmpty(text) || width < 1 || (text.Length <= width && text.IndexOf('\n') < 0)) return text;

            var lines = new List<string>();
            foreach (string paragraph in text.Replace("\r\n", "\n").Split('\n'))
            {
                var line = new StringBuilder();
                foreach (string word in paragraph.Split(new[] { ' ' }, StringSplitOptions.RemoveEmptyEntries))
                {
                    string rest = word;
                    if (line.Length > 0 && line.Length + 1 + rest.Length <= width)
                    {
                        line.Append(' ').Append(rest);
                        continue;
                    }
                    if (line.Length > 0)
                    {
                        lines.Add(line.ToString());
                        line.Clear();
                    }
                    while (rest.Length > width)
                    {
                        int hyphen = rest.LastIndexOf('-', width - 1);
                        int cut = hyphen > 0 ? hyphen + 1 : width;
                        lines.Add(rest.Substring(0, cut));
                        rest = rest.Substring(cut);
                    }
                    line.Append(rest);
                }
                lines.Add(line.ToString());
            }
            return string.Join("\n", lines);
        }

        /// <summary>
        /// The text cut to <paramref name="width"/> characters with "…" at the end, as a table cuts a cell; for a view
        /// that wraps another column (&lt;Wrap/&gt;) but keeps names on one line.
        /// </summary>
        public static string Cut(object value, int width)
        {
            string text = Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture);
            if (string.IsNullOrEmpty(text) || width < 2 || text.Length <= width) return text;
            return text.Substring(0, width - 1) + "\u2026";
        }

        /// <summary>
        /// The status of a subscription with, on a second line, the day it took effect when it ended or was suspended
        /// ("Cancelled" over "2026-03-15"), for the subscription views.
        /// </summary>
        public static string SubscriptionStatus(Subscription subscription)
        {
            if (subscription == null) return null;
            DateTime? since;
            switch (subscription.Status)
            {
                case MspLicensing.SubscriptionStatus.Cancelled: since = subscription.CancelledOn; break;
                case MspLicensing.SubscriptionStatus.Deactivated: since = subscription.DeactivatedOn; break;
                case MspLicensing.SubscriptionStatus.Suspended: since = subscription.SuspendedOn; break;
                default: since = null; break;
            }
            return subscription.Status + (since.HasValue ? "\n" + Dates.Format(since.Value) : string.Empty);
        }

        /// <summary>
        /// The text cut to <paramref name="width"/> characters from the left, so a long path keeps its end (the file
        /// name): "…/MspLicensing/msplicensing.db".
        /// </summary>
        public static string KeepEnd(object value, int width)
        {
            string text = Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture);
            if (string.IsNullOrEmpty(text) || width < 2 || text.Length <= width) return text;
            return "\u2026" + text.Substring(text.Length - (width - 1));
        }
    }
}
