using System;
using System.Linq;

namespace MspLicensing
{
    /// <summary>One product license of a customer: seats, dates, activation code (R30-R38).</summary>
    public sealed class License : IVersioned
    {
        public Guid LicenseId { get; set; }
        public Guid CustomerId { get; set; }
        public Guid SubscriptionId { get; set; }
        /// <summary>Product code of the licensed product (for a suite: the component).</summary>
        public string Product { get; set; }
        /// <summary>The suite the license belongs to (R30), or null.</summary>
        public string Suite { get; set; }
        public string ActivationCode { get; set; }
        /// <summary>The product description shown in Remote Manager; editable in Customer Licensing Portal accounts (R2).</summary>
        public string Description { get; set; }
        /// <summary>The Authorization Key a non-MSP product was registered with (R60), or null.</summary>
        public string AuthorizationKey { get; set; }
        public DataCenter? DataCenter { get; set; }
        public DateTime StartDate { get; set; }
        public DateTime ExpirationDate { get; set; }
        public TextList<SeatChange> SeatHistory { get; set; } = new TextList<SeatChange>();
        public TextList<UsedCount> UsedHistory { get; set; } = new TextList<UsedCount>();
        /// <summary>Where the license sat over time: a new entry when a trial converts, a crossgrade moves it or it is unbundled.</summary>
        public TextList<LicensePlacement> Placements { get; set; } = new TextList<LicensePlacement>();
        public LicenseModel LicenseModel { get; set; }
        /// <summary>Full or Trial for MSP licenses; Standard, PayAsYouGo, Upfront or NFR for non-MSP licenses.</summary>
        public string LicenseType { get; set; }
        /// <summary>Set when the license ended early: Cancelled, Deactivated (crossgrade), Unbundled, Removed (an Unbundled license removed).</summary>
        public LicenseStatus? EndState { get; set; }
        /// <summary>The day of the <see cref="EndState"/>: cancelled, deactivated, unbundled or removed on.</summary>
        public DateTime? EndDate { get; set; }
        /// <summary>The status Invoke-MspRenewal last recorded, so that a repeated run reports no change.</summary>
        public LicenseStatus? RecordedStatus { get; set; }
        public int Revision { get; set; }

        /// <summary>The customer's name, filled in when the license is read for output.</summary>
        public string Customer { get; set; }

        /// <summary>The service plan's name, filled in when the license is read for output.</summary>
        public string ServicePlan { get; set; }

        /// <summary>The status as of the day it was read for (R38), filled in when the license is read for output.</summary>
        public LicenseStatus Status { get; set; }

        /// <summary>The seats in effect now (the latest change).</summary>
        public int Seats => SeatsOn(DateTime.MaxValue);

        /// <summary>The latest used count reported, or null.</summary>
        public int? Used => UsedHistory.Count == 0 ? (int?)null : UsedHistory.OrderBy(u => u.Date).Last().Used;

        /// <summary>Where the license sat on a day; a license without history sits where it is now.</summary>
        public LicensePlacement PlacementOn(DateTime date)
        {
            LicensePlacement found = null;
            foreach (var p in Placements)
                if (p.From <= date && (found == null || p.From >= found.From)) found = p;
            return found ?? Placements.OrderBy(p => p.From).FirstOrDefault()
                   ?? new LicensePlacement { From = StartDate, SubscriptionId = SubscriptionId, Suite = Suite, LicenseType = LicenseType };
        }

        /// <summary>
        /// Moves the license (from <paramref name="date"/> on) to a subscription, suite and type, keeping where it sat
        /// before in <see cref="Placements"/>.
        /// </summary>
        public void MoveTo(DateTime date, Guid subscriptionId, string suite, string licenseType)
        {
            if (Placements.Count == 0)
                Placements.Add(new LicensePlacement { From = StartDate, SubscriptionId = SubscriptionId, Suite = Suite, LicenseType = LicenseType });
            SubscriptionId = subscriptionId;
            Suite = suite;
            LicenseType = licenseType;
            Placements.RemoveAll(p => p.From >= date);
            Placements.Add(new LicensePlacement { From = date, SubscriptionId = subscriptionId, Suite = suite, LicenseType = licenseType });
        }

        public int SeatsOn(DateTime date)
        {
            SeatChange current = null;
            foreach (var change in SeatHistory)
                if (change.Date <= date && (current == null || change.Date >= current.Date)) current = change;
            return current?.Seats ?? (SeatHistory.Count == 0 ? 0 : SeatHistory.OrderBy(c => c.Date).First().Seats);
        }

        /// <summary>R52: the most seats the license held on any day from <paramref name="from"/> up to (not including) <paramref name="to"/>.</summary>
        public int PeakSeats(DateTime from, DateTime to)
        {
            int peak = SeatsOn(from);
            foreach (var change in SeatHistory)
                if (change.Date >= from && change.Date < to && change.Seats > peak) peak = change.Seats;
            return peak;
        }

        /// <summary>R50: the highest used count reported from <paramref name="from"/> up to (not including) <paramref name="to"/>; null when none was.</summary>
        public int? PeakUsed(DateTime from, DateTime to)
        {
            int? used = null;
            foreach (var u in UsedHistory)
                if (u.Date >= from && u.Date < to && (!used.HasValue || u.Used > used.Value)) used = u.Used;
            return used;
        }

        public override string ToString() => Product + " " + ActivationCode;

        /// <summary>A copy whose histories can change without touching this license.</summary>
        public License Clone()
        {
            var copy = (License)MemberwiseClone();
            copy.SeatHistory = new TextList<SeatChange>(SeatHistory.Select(c => new SeatChange { Date = c.Date, Seats = c.Seats }));
            copy.UsedHistory = new TextList<UsedCount>(UsedHistory.Select(u => new UsedCount { Date = u.Date, Used = u.Used }));
            copy.Placements = new TextList<LicensePlacement>(Placements.Select(p => new LicensePlacement { From = p.From, SubscriptionId = p.SubscriptionId, Suite = p.Suite, LicenseType = p.LicenseType }));
            return copy;
        }
    }
}
