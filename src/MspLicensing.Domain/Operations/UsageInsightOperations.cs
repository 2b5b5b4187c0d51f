using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using MspLicensing.Store;

namespace MspLicensing
{
    /// <summary>What the usage reports show over time: the trend with band headroom (R57), right-sizing (R58) and the HTML month report (R55).</summary>
    public static class UsageInsightOperations
    {
        /// <summary>The months the trend covers without -From: twelve, ending with -To.</summary>
        public const int DefaultTrendMonths = 12;

        /// <summary>
        /// R57: per product and month from <paramref name="from"/> to <paramref name="to"/> the chargeable seats, band,
        /// change and headroom; without <paramref name="to"/> up to the current month, without <paramref name="from"/>
        /// the <see cref="DefaultTrendMonths"/> months up to <paramref name="to"/>. The range has the limits of
        /// Get-MspUsageReport -From -To.
        /// </summary>
        public static IReadOnlyList<UsageTrend> Trend(IStoreSession session, BillingMonth? from, BillingMonth? to, string product, DateTime today, Action<BillingMonth, int, int> progress = null)
        {
            AccountRules.RequireLmp(session.GetAccount(), "Usage reports");
            var last = to ?? BillingMonth.Of(today);
            var first = from ?? last.AddMonths(1 - DefaultTrendMonths);
            var months = UsageOperations.Range(first, last, UsageOperations.MaxReportMonths);
            string code = product == null ? null : Catalog.Get("Product", product).Code;
            return Rows(months, Reports(session, months, progress), code);
        }

        /// <summary>The reports of <paramref name="months"/>, and of the month before them, which gives the first its change.</summary>
        private static IReadOnlyList<UsageMonthLines> Reports(IStoreSession session, IReadOnlyList<BillingMonth> months, Action<BillingMonth, int, int> progress)
        {
            var computed = new List<BillingMonth>();
            if (months[0] > BillingMonth.Earliest) computed.Add(months[0].AddMonths(-1));
            computed.AddRange(months);
            return UsageOperations.Months(session, computed, false, (m, i) => progress?.Invoke(m, i, computed.Count));
        }

        /// <summary>R57: the trend rows of <paramref name="months"/> from their <paramref name="reports"/>, of one product or (null) all.</summary>
        private static IReadOnlyList<UsageTrend> Rows(IReadOnlyList<BillingMonth> months, IReadOnlyList<UsageMonthLines> reports, string code)
        {
            var byMonth = reports.ToDictionary(r => r.Month, r => (Report: r, Totals: UsageOperations.Summaries(r.Lines, r.Month, r.Status)
                .Where(t => code == null || string.Equals(t.Product, code, StringComparison.OrdinalIgnoreCase))
                .ToDictionary(t => t.Product, StringComparer.OrdinalIgnoreCase)));
            var products = months.SelectMany(m => byMonth[m].Totals.Keys).Distinct(StringComparer.OrdinalIgnoreCase).OrderBy(p => p, StringComparer.OrdinalIgnoreCase);
            var rows = new List<UsageTrend>();
            foreach (var p in products)
            {
                bool started = false;
                foreach (var month in months)
                {
                    var (report, totals) = byMonth[month];
                    totals.TryGetValue(p, out var total);
                    started |= total != null;
                    if (!started) continue;
                    int before = byMonth.TryGetValue(month.AddMonths(-1), out var previous) && previous.Totals.TryGetValue(p, out var t) ? t.Chargeable : 0;
                    var row = new UsageTrend
                    {
                        Month = month.ToString(),
                        Product = p,
                        ProductName = Catalog.Find(p)?.Name,
                        Customers = total?.Customers ?? 0,
                        Chargeable = total?.Chargeable ?? 0,
                        Status = report.Status,
                    };
                    row.Change = row.Chargeable - before;
                    if (total != null) Headroom(row, report.SeatBands);
                    rows.Add(row);
                }
            }
            return rows;
        }

        /// <summary>R57: the band of the row's chargeable seats and the seats to its edges.</summary>
        private static void Headroom(UsageTrend row, IReadOnlyList<SeatBand> bands)
        {
            int index = Account.BandIndex(bands, row.Chargeable);
            var band = bands[index];
            row.Band = band.Name;
            if (band.Maximum.HasValue)
            {
                row.HeadroomUp = band.Maximum.Value - row.Chargeable;
                row.NextBand = bands[index + 1].Name;
            }
            if (index > 0)
            {
                row.HeadroomDown = row.Chargeable - band.Minimum;
                row.LowerBand = bands[index - 1].Name;
            }
        }

        /// <summary>
        /// R58: the licenses (a suite as one) whose highest used count stayed at least the threshold below their peak
        /// seats in every month of the window, with the seats to keep and the seats that could be released.
        /// </summary>
        public static IReadOnlyList<RightSizingCandidate> RightSizing(IStoreSession session, RightSizingRequest request)
        {
            AccountRules.RequireLmp(session.GetAccount(), "Right-sizing");
            if (request.Months < 1 || request.Months > RightSizingRequest.MaxMonths)
                throw MspException.InvalidValue("Months", request.Months, $"give 1 to {RightSizingRequest.MaxMonths.ToString(CultureInfo.InvariantCulture)} months");
            if (request.Threshold < 1 || request.Threshold > 99)
                throw MspException.InvalidValue("Threshold", request.Threshold, "give a percentage from 1 to 99 (20 means the used count stays at least 20% below the seats)");
            string code = request.Product == null ? null : Catalog.Get("Product", request.Product).Code;
            var customer = request.Customer == null ? null : CustomerOperations.Resolve(session, request.Customer);
            var window = UsageOperations.Range(request.Month.AddMonths(1 - request.Months), request.Month);
            var lastDay = request.Month.AddMonths(1).FirstDay.AddDays(-1);
            // One customer's subscriptions and licenses by their index (customers piped in one by one read only theirs).
            var subscriptions = (customer == null ? session.Subscriptions.All() : session.SubscriptionsOfCustomer(customer.CustomerId)).ToDictionary(s => s.SubscriptionId);
            var names = customer == null ? session.CustomerNames() : new Dictionary<Guid, string> { [customer.CustomerId] = customer.Name };
            var licenses = customer == null ? session.Licenses.All() : session.LicensesOfCustomer(customer.CustomerId);
            var candidates = new List<RightSizingCandidate>();
            var groups = licenses
                .Where(l => UsageOperations.Billable(l) && !l.EndState.HasValue && (customer == null || l.CustomerId == customer.CustomerId))
                .GroupBy(l => (l.SubscriptionId, Product: (l.Suite ?? l.Product).ToUpperInvariant()));
            foreach (var group in groups)
            {
                if (code != null && !string.Equals(group.Key.Product, code, StringComparison.OrdinalIgnoreCase)) continue;
                if (!subscriptions.TryGetValue(group.Key.SubscriptionId, out var subscription) || Lifecycle.StatusOf(subscription, lastDay) != SubscriptionStatus.Active) continue;
                var candidate = Candidate(group.ToList(), window, request.Threshold);
                if (candidate == null) continue;
                candidate.CustomerId = subscription.CustomerId;
                candidate.Customer = names.TryGetValue(subscription.CustomerId, out var name) ? name : null;
                candidate.SubscriptionId = subscription.SubscriptionId;
                candidate.ServicePlan = subscription.ServicePlan;
                candidate.Product = Catalog.Find(group.Key.Product)?.Code ?? group.Key.Product;
                candidate.ProductName = Catalog.Find(group.Key.Product)?.Name;
                candidate.ProductSeats = new SeatTable { [candidate.Product] = candidate.SuggestedSeats };
                candidates.Add(candidate);
            }
            return candidates
                .OrderBy(c => c.Customer, StringComparer.OrdinalIgnoreCase)
                .ThenBy(c => c.Product, StringComparer.OrdinalIgnoreCase)
                .ThenBy(c => c.ServicePlan, StringComparer.OrdinalIgnoreCase)
                .ToList();
        }

        /// <summary>R58: the figures of one license (or one suite's components) over the window; null when it is no candidate.</summary>
        private static RightSizingCandidate Candidate(IReadOnlyList<License> licenses, IReadOnlyList<BillingMonth> window, int threshold)
        {
            var history = new TextList<string>();
            int highest = 0;
            double lowest = double.MaxValue;
            foreach (var month in window)
            {
                var first = month.FirstDay;
                var next = first.AddMonths(1);
                var held = licenses.Where(l => l.StartDate < next).ToList();
                if (held.Count == 0) return null;
                int peak = held.Max(l => l.PeakSeats(l.StartDate > first ? l.StartDate : first, next));
                int? used = held.Select(l => l.PeakUsed(first, next)).Max();
                // A month without a used count shows nothing about unused seats.
                if (!used.HasValue || peak <= 0) return null;
                if ((long)(peak - used.Value) * 100 < (long)threshold * peak) return null;
                highest = Math.Max(highest, used.Value);
                lowest = Math.Min(lowest, Math.Round((peak - used.Value) * 100.0 / peak, 1));
                history.Add($"{month}: {used.Value.ToString(CultureInfo.InvariantCulture)}/{peak.ToString(CultureInfo.InvariantCulture)}");
            }
            int seats = licenses.Max(l => l.Seats);
            int suggested = Math.Max(1, highest);
            if (seats <= suggested) return null;
            return new RightSizingCandidate
            {
                Seats = seats,
                HighestUsed = highest,
                SuggestedSeats = suggested,
                ReleasableSeats = seats - suggested,
                LowestOverProvisionedPercent = lowest,
                FromMonth = window[0].ToString(),
                ToMonth = window[window.Count - 1].ToString(),
                History = history,
            };
        }

        /// <summary>
        /// R55: what the HTML report of <paramref name="month"/> shows: the month's product totals (as the CSV export has
        /// them), the trend of the twelve months up to it (R57) and the right-sizing candidates of the three months up to it (R58).
        /// Nothing in it depends on the day it is made.
        /// </summary>
        /// <param name="psaRows">The seats the PSA bills (R80), to reconcile the month with; null for no reconciliation.</param>
        public static UsageMonthReport MonthReport(IStoreSession session, BillingMonth month, Action<BillingMonth, int, int> progress = null,
            IReadOnlyList<ReferenceRow> psaRows = null, ReconciliationOptions options = null)
        {
            var first = month.AddMonths(1 - DefaultTrendMonths);
            if (first < BillingMonth.Earliest) first = BillingMonth.Earliest;
            // One computation of the twelve months serves the trend and, as its last month, the month's totals.
            var months = UsageOperations.Range(first, month);
            var reports = Reports(session, months, progress);
            var report = reports[reports.Count - 1];
            var trend = Rows(months, reports, null);
            var request = new RightSizingRequest { Month = month };
            return new UsageMonthReport(month, report.Status, UsageOperations.Summaries(report.Lines, month, report.Status), trend, RightSizing(session, request), request)
            {
                Partner = session.GetAccount().Name,
                SeatBands = report.SeatBands,
                Reconciliation = psaRows == null ? null : ReconciliationOperations.Compare(session, month, psaRows, options ?? new ReconciliationOptions()),
            };
        }
    }
}
