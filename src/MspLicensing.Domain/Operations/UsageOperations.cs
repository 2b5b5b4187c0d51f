using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using MspLicensing.Store;

namespace MspLicensing
{
    /// <summary>The monthly usage report the MSP is billed on (R50-R55).</summary>
    public static class UsageOperations
    {
        public const string TargetType = "UsageReport";
        public const int MaxCommentLength = 500;

        /// <summary>R50-R53: the lines of a month; a submitted or approved month returns its frozen lines (R54).</summary>
        public static IReadOnlyList<UsageLine> Lines(IStoreSession session, BillingMonth month, bool withNames) =>
            Months(session, new[] { month }, withNames)[0].Lines;

        /// <summary>The most months one report covers (Get-MspUsageReport -From -To).</summary>
        public const int MaxReportMonths = 36;

        /// <summary>
        /// R50: the lines of several months, each computed as its own monthly report (nothing adds up across months):
        /// the licenses and subscriptions are read once for all of them. <paramref name="progress"/> hears of each month
        /// before it is computed.
        /// </summary>
        public static IReadOnlyList<UsageMonthLines> Months(IStoreSession session, IReadOnlyList<BillingMonth> months, bool withNames, Action<BillingMonth, int> progress = null) =>
            Months(session, new UsageData(session), months, withNames, progress);

        private static IReadOnlyList<UsageMonthLines> Months(IStoreSession session, UsageData data, IReadOnlyList<BillingMonth> months, bool withNames, Action<BillingMonth, int> progress)
        {
            var account = session.GetAccount();
            AccountRules.RequireLmp(account, "Usage reports");
            var result = new List<UsageMonthLines>();
            for (int i = 0; i < months.Count; i++)
            {
                var month = months[i];
                progress?.Invoke(month, i);
                var report = session.GetUsageReport(month.ToString());
                var status = report?.Status ?? UsageReportStatus.Preparing;
                IEnumerable<UsageLine> lines;
                IList<int> bands;
                if (Frozen(status))
                {
                    lines = report.FrozenLines;
                    bands = report.FrozenSeatBands;
                    if (withNames)
                        foreach (var l in report.FrozenLines) l.Customer = data.Names.TryGetValue(l.CustomerId, out var n) ? n : l.Customer;
                }
                else
                {
                    lines = Compute(data, month, report?.Adjustments, withNames);
                    bands = account.SeatBandMinimums;
                }
                var seatBands = Account.ToBands(bands);
                result.Add(new UsageMonthLines(month, Finish(lines, seatBands, status, withNames), status, report) { SeatBands = seatBands });
            }
            return result;
        }

        /// <summary>The band and status of every line of a month; the customer view in order of customer and product.</summary>
        private static IReadOnlyList<UsageLine> Finish(IEnumerable<UsageLine> lines, IReadOnlyList<SeatBand> bands, UsageReportStatus status, bool withNames)
        {
            var list = lines.ToList();
            var bandOf = list.GroupBy(l => l.Product, StringComparer.OrdinalIgnoreCase)
                .ToDictionary(g => g.Key, g => bands[Account.BandIndex(bands, g.Sum(l => l.Chargeable))].Name, StringComparer.OrdinalIgnoreCase);
            foreach (var l in list)
            {
                l.Status = status;
                l.Band = bandOf[l.Product];
                // Lines frozen by an older version carry a negative percentage for a used count above provisioned.
                (l.OverProvisionedPercent, l.ExceededBy) = UsageLine.Usage(l.Provisioned, l.Used);
            }
            // Product totals do not need the lines in order; the customer view does. By customer and product ignoring case,
            // as OrdinalIgnoreCase compares: in capitals (the invariant culture's) made once per line, compared ordinally.
            return withNames
                ? list.OrderBy(l => (l.Customer ?? l.CustomerId.ToString()).ToUpperInvariant(), StringComparer.Ordinal).ThenBy(l => l.Product.ToUpperInvariant(), StringComparer.Ordinal).ToList()
                : list;
        }

        /// <summary>
        /// The months from <paramref name="from"/> to <paramref name="to"/>, both included; a range that runs backwards,
        /// or one longer than <paramref name="limit"/> months, is refused naming both ends.
        /// </summary>
        public static IReadOnlyList<BillingMonth> Range(BillingMonth from, BillingMonth to, int? limit = null)
        {
            if (from > to)
                throw new MspException("MonthRangeReversed", ErrorKind.InvalidArgument,
                    $"From '{from}' is after To '{to}': give the first month of the range as -From and the last as -To.", from.ToString());
            int count = to.MonthsSince(from) + 1;
            if (limit.HasValue && count > limit.Value)
                throw new MspException("MonthRangeTooLong", ErrorKind.InvalidArgument,
                    $"From '{from}' to '{to}' covers {count.ToString(CultureInfo.InvariantCulture)} months; a report covers at most {limit.Value.ToString(CultureInfo.InvariantCulture)} months at a time: split the range, e.g. -From {from} -To {from.AddMonths(limit.Value - 1)}.",
                    from.ToString());
            return Enumerable.Range(0, count).Select(i => from.AddMonths(i)).ToList();
        }

        /// <summary>
        /// R54, R55: the months that have a report to make or one stored, newest first, each with its status, its dates
        /// and its figures (the frozen ones of a Submitted or Approved month). A month appears once it has a billed line
        /// or a stored report, up to the current month (or a later month with a stored report);
        /// <paramref name="from"/> and <paramref name="to"/> limit the months.
        /// </summary>
        public static IReadOnlyList<UsageMonth> MonthList(IStoreSession session, BillingMonth? from, BillingMonth? to, DateTime today, Action<BillingMonth, int, int> progress = null)
        {
            AccountRules.RequireLmp(session.GetAccount(), "Usage reports");
            if (from.HasValue && to.HasValue) Range(from.Value, to.Value);
            var data = new UsageData(session);
            var (earliest, latestReport) = Extent(session);
            if (!earliest.HasValue) return new UsageMonth[0];
            // From the first month a license bills in (or a report was stored for) to the current month, or to the last
            // month with a report where one was stored ahead.
            var first = earliest.Value;
            var current = BillingMonth.Of(today);
            var last = latestReport.HasValue && latestReport.Value > current ? latestReport.Value : current;
            if (from.HasValue && from.Value > first) first = from.Value;
            if (to.HasValue && to.Value < last) last = to.Value;
            if (first > last) return new UsageMonth[0];
            var months = Range(first, last);
            return Months(session, data, months, false, (m, i) => progress?.Invoke(m, i, months.Count))
                .Where(m => m.Lines.Count > 0 || m.Report != null)
                .Select(m => new UsageMonth
                {
                    Month = m.Month.ToString(),
                    Status = m.Status,
                    Lines = m.Lines.Count,
                    Customers = m.Lines.Select(l => l.CustomerId).Distinct().Count(),
                    Chargeable = m.Lines.Sum(l => l.Chargeable),
                    Adjustments = m.Report?.Adjustments?.Count ?? 0,
                    SubmittedUtc = m.Report?.SubmittedUtc,
                    ApprovedUtc = m.Report?.ApprovedUtc,
                    RejectedUtc = m.Report?.RejectedUtc,
                    RejectedReason = m.Report?.RejectedReason,
                })
                .Reverse()
                .ToList();
        }

        /// <summary>
        /// R50: the reports of the months from <paramref name="from"/> to <paramref name="to"/>, both included, each on its
        /// own; without <paramref name="from"/> from the first month a license bills in or a report was stored for, without
        /// <paramref name="to"/> to the current month. At most <see cref="MaxReportMonths"/> months.
        /// </summary>
        public static IReadOnlyList<UsageMonthLines> MonthsBetween(IStoreSession session, BillingMonth? from, BillingMonth? to, DateTime today, bool withNames, Action<BillingMonth, int, int> progress = null)
        {
            AccountRules.RequireLmp(session.GetAccount(), "Usage reports");
            var data = new UsageData(session);
            var last = to ?? BillingMonth.Of(today);
            var first = from ?? Extent(session).Earliest ?? last;
            // Nothing bills before -To: its month alone, with no lines.
            if (!from.HasValue && first > last) first = last;
            var months = Range(first, last, MaxReportMonths);
            return Months(session, data, months, withNames, (m, i) => progress?.Invoke(m, i, months.Count));
        }

        /// <summary>
        /// Get-MspUsageReport and Export-MspUsageReport: the report of each month the request names (or of its range of
        /// months, R50), each on its own, with only the rows of the request's customer and product when it gives them.
        /// Months in <paramref name="computed"/> are not computed again, and the months computed are added to it, so
        /// customers and months piped in one by one share one computation of each month. <paramref name="progress"/>
        /// hears of each month before it is computed, with its index and the count.
        /// </summary>
        public static IReadOnlyList<UsageReportMonth> Report(IStoreSession session, UsageReportRequest request, UsageMonthCache computed, Action<BillingMonth, int, int> progress = null)
        {
            computed = computed ?? new UsageMonthCache();
            bool withNames = request.ByCustomer || request.Customer != null;
            IReadOnlyList<BillingMonth> months;
            if (request.InRange)
            {
                if (computed.Range == null)
                {
                    var range = MonthsBetween(session, request.From, request.To, request.Today, withNames, progress);
                    foreach (var m in range) computed.Months[m.Month] = m;
                    computed.Range = range.Select(m => m.Month).ToList();
                }
                months = computed.Range;
            }
            else
            {
                months = request.Months;
                var missing = months.Where(m => !computed.Months.ContainsKey(m)).Distinct().ToList();
                if (missing.Count > 0)
                    foreach (var m in Months(session, missing, withNames, (m, i) => progress?.Invoke(m, i, missing.Count)))
                        computed.Months[m.Month] = m;
            }
            Guid? customerId = request.Customer == null ? (Guid?)null : CustomerOperations.Resolve(session, request.Customer).CustomerId;
            return months.Select(month =>
            {
                var m = computed.Months[month];
                var lines = m.Lines
                    .Where(l => (!customerId.HasValue || l.CustomerId == customerId.Value) && (request.Product == null || string.Equals(l.Product, request.Product, StringComparison.OrdinalIgnoreCase)))
                    .ToList();
                return new UsageReportMonth(month, m.Status, lines);
            }).ToList();
        }

        /// <summary>The first month a license bills in or a report was stored for, and the last month with a stored report.</summary>
        private static (BillingMonth? Earliest, BillingMonth? LatestReport) Extent(IStoreSession session)
        {
            var reports = session.UsageReportMonths().Select(m => BillingMonth.Parse("Month", m)).ToList();
            var starts = reports.ToList();
            var billed = UsageLedgers.FirstMonth(session);
            if (billed.HasValue) starts.Add(billed.Value);
            return (starts.Count == 0 ? (BillingMonth?)null : starts.Min(), reports.Count == 0 ? (BillingMonth?)null : reports.Max());
        }

        /// <summary>R53: per product, the customers' chargeable seats added up, and the band the total falls in.</summary>
        public static IReadOnlyList<UsageSummary> Summaries(IReadOnlyList<UsageLine> lines, BillingMonth month, UsageReportStatus status) =>
            lines.GroupBy(l => l.Product, StringComparer.OrdinalIgnoreCase)
                .Select(g => new UsageSummary
                {
                    Month = month.ToString(),
                    Product = g.Key,
                    ProductName = Catalog.Find(g.Key)?.Name,
                    Customers = g.Select(l => l.CustomerId).Distinct().Count(),
                    Provisioned = g.Sum(l => l.Provisioned),
                    Used = g.Any(l => l.Used.HasValue) ? g.Sum(l => l.Used ?? 0) : (int?)null,
                    Chargeable = g.Sum(l => l.Chargeable),
                    Band = g.First().Band,
                    Status = status,
                })
                .OrderBy(s => s.Product, StringComparer.OrdinalIgnoreCase)
                .ToList();

        public static UsageReportStatus StatusOf(IStoreSession session, BillingMonth month) =>
            session.GetUsageReport(month.ToString())?.Status ?? UsageReportStatus.Preparing;

        /// <summary>R51: the license types that bill (Full MSP licenses).</summary>
        internal static bool Billable(License license) =>
            !LicenseOperations.IsNfr(license) && license.LicenseModel == LicenseModel.Msp && Billable(license.LicenseType);

        internal static bool Frozen(UsageReportStatus status) => status == UsageReportStatus.Submitted || status == UsageReportStatus.Approved;

        /// <summary>
        /// R51: a month's lines as the customers' ledgers have them, with their adjustments (and the customers' names
        /// for the customer view).
        /// </summary>
        private static IEnumerable<UsageLine> Compute(UsageData data, BillingMonth month, IReadOnlyList<UsageAdjustment> adjustments, bool withNames)
        {
            var names = withNames ? data.Names : null;
            string monthText = month.ToString();
            var productNames = new Dictionary<string, string>(StringComparer.Ordinal);
            var adjusted = (adjustments ?? new List<UsageAdjustment>()).ToDictionary(a => (a.CustomerId, a.Product.ToUpperInvariant()));
            // The product view names no plans or activation codes.
            foreach (var line in UsageLedgers.Lines(data.Session, month, withPlans: withNames))
            {
                line.Month = monthText;
                line.Customer = names != null && names.TryGetValue(line.CustomerId, out var n) ? n : null;
                if (!productNames.TryGetValue(line.Product, out var productName)) productNames[line.Product] = productName = Catalog.Find(line.Product)?.Name;
                line.ProductName = productName;
                line.Chargeable = line.Provisioned;
                (line.OverProvisionedPercent, line.ExceededBy) = UsageLine.Usage(line.Provisioned, line.Used);
                if (adjusted.Count > 0 && adjusted.TryGetValue((line.CustomerId, line.Product.ToUpperInvariant()), out var adjustment) && adjustment.Chargeable < line.Provisioned)
                {
                    line.Chargeable = adjustment.Chargeable;
                    line.Comment = adjustment.Comment;
                }
                yield return line;
            }
        }

        /// <summary>
        /// R52: every license active on a day of the month bills the month at its peak seats, as the product (or suite)
        /// it sat in at the end of its active days in the month; R51: trials and NFR never bill. One line per customer
        /// and product, with its plans and activation codes, before adjustments: what a customer's ledger keeps.
        /// </summary>
        internal static IEnumerable<UsageLine> Bill(IEnumerable<License> licenses, Func<Guid, Subscription> subscriptionOf, BillingMonth month)
        {
            var first = month.FirstDay;
            var next = first.AddMonths(1);
            // What a line needs of each license (its code, peak and used count), not the license: by customer and
            // product, then by subscription, each in the order the licenses first name them.
            var parts = new Dictionary<(Guid Customer, string Product), List<(Guid Subscription, List<(string Code, int Peak, int? Used)> Items)>>();
            foreach (var license in licenses)
            {
                // R51: an NFR license never bills, whatever placement it shows.
                if (LicenseOperations.IsNfr(license)) continue;
                var end = ActiveUntil(license, subscriptionOf(license.SubscriptionId), next.AddDays(-1));
                var from = license.StartDate > first ? license.StartDate : first;
                var to = end < next ? end : next;
                if (from >= to) continue;
                var placement = BilledPlacement(license, from, to);
                if (!Billable(placement.LicenseType)) continue;
                int peak = license.PeakSeats(from, to);
                int? used = license.PeakUsed(first, next);
                var key = (license.CustomerId, placement.Suite ?? license.Product);
                if (!parts.TryGetValue(key, out var bySubscription)) parts[key] = bySubscription = new List<(Guid, List<(string, int, int?)>)>(1);
                int at = bySubscription.FindIndex(p => p.Subscription == placement.SubscriptionId);
                if (at < 0) bySubscription.Add((placement.SubscriptionId, new List<(string, int, int?)>(1) { (license.ActivationCode, peak, used) }));
                else bySubscription[at].Items.Add((license.ActivationCode, peak, used));
            }
            // A product bills once per customer and month (R40, R52): a suite's components, a license that moved in a
            // crossgrade, or a license replaced during the month make one line at the peak of them.
            string monthText = month.ToString();
            foreach (var product in parts)
            {
                int provisioned = int.MinValue;
                int? used = null;
                var codes = new List<string>();
                foreach (var (_, items) in product.Value)
                {
                    foreach (var item in items)
                    {
                        provisioned = Math.Max(provisioned, item.Peak);
                        if (item.Used.HasValue) used = Math.Max(used ?? 0, item.Used.Value);
                        codes.Add(item.Code);
                    }
                }
                yield return new UsageLine
                {
                    Month = monthText,
                    CustomerId = product.Key.Customer,
                    Product = product.Key.Product,
                    ServicePlan = string.Join(", ", product.Value.Select(p => subscriptionOf(p.Subscription)?.ServicePlan).Where(x => x != null).Distinct()),
                    ActivationCode = string.Join(", ", codes),
                    Provisioned = provisioned,
                    Used = used,
                    Chargeable = provisioned,
                };
            }
        }

        /// <summary>
        /// R53: where a license bills in the days [from, to) of a month: as the suite it sat in on any of those days
        /// (a crossgrade month, up or down, bills the suite once), otherwise where it sat on its last active day.
        /// </summary>
        private static LicensePlacement BilledPlacement(License license, DateTime from, DateTime to)
        {
            var last = license.PlacementOn(to.AddDays(-1));
            if (last.Suite != null || license.Placements.Count < 2) return last;
            LicensePlacement suite = null;
            foreach (var p in license.Placements)
            {
                if (p.Suite == null || !Billable(p.LicenseType) || p.From >= to) continue;
                var until = license.Placements.Where(q => q.From > p.From).Select(q => q.From).DefaultIfEmpty(DateTime.MaxValue).Min();
                if (until > from && (suite == null || p.From > suite.From)) suite = p;
            }
            return suite ?? last;
        }

        /// <summary>
        /// The first day a license is no longer active: cancelled licenses are active on the day of the cancellation
        /// (R35), and removed ones on the day of the removal (R43).
        /// </summary>
        /// <remarks>
        /// R56: a license that follows an auto-renewing subscription is active as far as the renewals due by the
        /// month's last day reach, whether or not a renewal run has recorded them.
        /// </remarks>
        private static DateTime ActiveUntil(License license, Subscription subscription, DateTime lastDay)
        {
            switch (license.EndState)
            {
                case LicenseStatus.Cancelled:
                case LicenseStatus.Removed:
                    var afterEnd = license.EndDate.Value.AddDays(1);
                    return afterEnd < license.ExpirationDate ? afterEnd : license.ExpirationDate;
                case LicenseStatus.Deactivated:
                    return license.EndDate.Value < license.ExpirationDate ? license.EndDate.Value : license.ExpirationDate;
                default:
                    return subscription != null && Lifecycle.Follows(license) ? Lifecycle.ExpirationOn(subscription, lastDay) : license.ExpirationDate;
            }
        }

        /// <summary>
        /// R51: only Full MSP licenses bill: trials and NFR never do, and neither do the other non-MSP licenses
        /// (Standard, PayAsYouGo, Upfront), which are bought elsewhere — also for the months before a migration.
        /// </summary>
        private static bool Billable(string licenseType) => string.Equals(licenseType, "Full", StringComparison.OrdinalIgnoreCase);

        /// <summary>R51: sets a customer's chargeable seats of a product below provisioned, with a comment; R54: only while the report is editable.</summary>
        public static UsageLine Adjust(IStoreSession session, BillingMonth month, CustomerRef customerRef, string product, int chargeable, string comment)
        {
            AccountRules.RequireLmp(session.GetAccount(), "Usage reports");
            var report = Editable(session, month, "changed");
            var customer = CustomerOperations.Resolve(session, customerRef);
            var code = Catalog.Get("Product", product).Code;
            var line = Compute(new UsageData(session), month, null, false).FirstOrDefault(l => l.CustomerId == customer.CustomerId && string.Equals(l.Product, code, StringComparison.OrdinalIgnoreCase))
                ?? throw new MspException("UsageLineNotFound", ErrorKind.ObjectNotFound,
                    $"The {month} report has no billed {code} line for customer '{customer.Name}'. Get-MspUsageReport -Month {month} -ByCustomer -Customer '{customer.Name}' shows its lines (a suite bills under the suite's code).", code);
            if (chargeable < 0 || chargeable > line.Provisioned)
                throw MspException.InvalidValue("Chargeable", chargeable, $"give 0 to {line.Provisioned} (the provisioned seats); chargeable is never above provisioned");
            string text = TextInput.Optional("Comment", comment, MaxCommentLength, prose: true);
            if (chargeable < line.Provisioned && string.IsNullOrEmpty(text))
                throw MspException.ForRule(Rules.R51, "CommentRequired", ErrorKind.InvalidArgument,
                    $"Chargeable {chargeable} is below the {line.Provisioned} provisioned seats of {code} for '{customer.Name}': give -Comment with the reason.", chargeable);
            report.Adjustments.RemoveAll(a => a.CustomerId == customer.CustomerId && string.Equals(a.Product, code, StringComparison.OrdinalIgnoreCase));
            if (chargeable < line.Provisioned)
                report.Adjustments.Add(new UsageAdjustment { CustomerId = customer.CustomerId, Product = code, Chargeable = chargeable, Comment = text });
            session.SaveUsageReport(report);
            session.Audit("Update", TargetType, report.Month, report.Month + " / " + customer.Name + " / " + code,
                $"Chargeable: {line.Chargeable} -> {chargeable}" + (text == null ? string.Empty : $" ({text})"), customer.CustomerId);
            return Lines(session, month, true).First(l => l.CustomerId == customer.CustomerId && string.Equals(l.Product, code, StringComparison.OrdinalIgnoreCase));
        }

        /// <summary>
        /// R54: Preparing or Rejected becomes Submitted, and the month's figures are frozen as they are now. A month is
        /// submitted once it has ended; <paramref name="early"/> submits the current month before its end (a month
        /// that has not begun never). A report already Submitted or Approved stays as it is (Changed is false), so a
        /// month-end task can run twice.
        /// </summary>
        public static (UsageReport Report, bool Changed) Submit(IStoreSession session, BillingMonth month, DateTime today, DateTime nowUtc, bool early = false)
        {
            var account = session.GetAccount();
            AccountRules.RequireLmp(account, "Usage reports");
            var current = BillingMonth.Of(today);
            if (month > current)
                throw MspException.InvalidValue("Month", month.ToString(), $"a month is reported once it has begun; it is {current} now");
            var report = session.GetUsageReport(month.ToString());
            if (report != null && Frozen(report.Status)) return (WithLines(session, report), false);
            if (month == current && !early)
                throw MspException.ForRule(Rules.R54, "UsageMonthNotEnded", ErrorKind.InvalidOperation,
                    $"The {month} report cannot be submitted before the month has ended: its figures can still change until {Dates.Format(current.AddMonths(1).FirstDay.AddDays(-1))}. Submit it from {Dates.Format(current.AddMonths(1).FirstDay)}, or give -Force to submit it early.",
                    month.ToString());
            report = Editable(session, month, "submitted");
            report.FrozenLines = new TextList<UsageLine>(Compute(new UsageData(session), month, report.Adjustments, true));
            report.FrozenSeatBands = new TextList<int>(account.SeatBandMinimums);
            return (Move(session, report, UsageReportStatus.Submitted, nowUtc, null,
                $"Submitted: {report.FrozenLines.Count} lines, {report.FrozenLines.Sum(l => l.Chargeable)} chargeable seats" + (month == current ? " (before the month ended)" : string.Empty)), true);
        }

        /// <summary>R54: a submitted report is approved; its figures stay frozen.</summary>
        public static UsageReport Approve(IStoreSession session, BillingMonth month, DateTime nowUtc)
        {
            var report = Submitted(session, month, "approved");
            return Move(session, report, UsageReportStatus.Approved, nowUtc, null, "Approved");
        }

        /// <summary>R54: a submitted report is rejected and becomes editable again.</summary>
        public static UsageReport Deny(IStoreSession session, BillingMonth month, string reason, DateTime nowUtc)
        {
            string text = reason?.Trim();
            if (string.IsNullOrEmpty(text))
                throw MspException.RequiredFieldMissing("Reason", ": say why the report is rejected.", reason);
            text = TextInput.Check("Reason", reason, MaxCommentLength, prose: true);
            var report = Submitted(session, month, "rejected");
            report.FrozenLines.Clear();
            report.FrozenSeatBands = null;
            return Move(session, report, UsageReportStatus.Rejected, nowUtc, text, "Rejected: " + text);
        }

        /// <summary>The report with its <see cref="UsageReport.Lines"/> filled in, as the cmdlets return it.</summary>
        private static UsageReport WithLines(IStoreSession session, UsageReport report)
        {
            report.Lines = new TextList<UsageLine>(Lines(session, BillingMonth.Parse("Month", report.Month), true));
            return report;
        }

        private static UsageReport Editable(IStoreSession session, BillingMonth month, string verb)
        {
            var report = session.GetUsageReport(month.ToString()) ?? new UsageReport { Month = month.ToString(), Status = UsageReportStatus.Preparing };
            if (Frozen(report.Status))
                throw MspException.ForRule(Rules.R54, "UsageReportFrozen", ErrorKind.InvalidOperation,
                    $"The {report.Month} report is {report.Status} and cannot be {verb}" + (report.Status == UsageReportStatus.Submitted ? "; Deny-MspUsageReport makes it editable again." : "."), report.Month);
            return report;
        }

        private static UsageReport Submitted(IStoreSession session, BillingMonth month, string verb)
        {
            AccountRules.RequireLmp(session.GetAccount(), "Usage reports");
            var report = session.GetUsageReport(month.ToString());
            if (report?.Status != UsageReportStatus.Submitted)
                throw MspException.ForRule(Rules.R54, "UsageReportNotSubmitted", ErrorKind.InvalidOperation,
                    $"The {month} report is {report?.Status ?? UsageReportStatus.Preparing}; only a Submitted report can be {verb}.", month.ToString());
            return report;
        }

        private static UsageReport Move(IStoreSession session, UsageReport report, UsageReportStatus to, DateTime nowUtc, string reason, string summary)
        {
            var from = report.Status;
            report.Status = to;
            if (to == UsageReportStatus.Submitted)
            {
                report.SubmittedUtc = nowUtc;
                // R54: a report submitted again is no longer rejected; the audit log keeps why it was.
                report.RejectedUtc = null;
                report.RejectedReason = null;
            }
            if (to == UsageReportStatus.Approved) report.ApprovedUtc = nowUtc;
            if (to == UsageReportStatus.Rejected)
            {
                report.RejectedUtc = nowUtc;
                report.RejectedReason = reason;
            }
            session.SaveUsageReport(report);
            session.Audit(to.ToString(), TargetType, report.Month, report.Month, $"Status: {from} -> {to}; {summary}");
            return WithLines(session, report);
        }

        /// <summary>What the lines of a month are read with: the session, and the customers' names once they are needed.</summary>
        private sealed class UsageData
        {
            private Dictionary<Guid, string> _names;

            public UsageData(IStoreSession session) => Session = session;

            public IStoreSession Session { get; }

            /// <summary>Customer names by id.</summary>
            public Dictionary<Guid, string> Names => _names ?? (_names = Session.CustomerNames());
        }
    }
}
