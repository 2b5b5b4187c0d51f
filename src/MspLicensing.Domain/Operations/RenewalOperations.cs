using System;
using System.Collections.Generic;
using System.Linq;
using MspLicensing.Store;

namespace MspLicensing
{
    /// <summary>One thing a renewal run did (or, with -WhatIf, would do).</summary>
    public sealed class RenewalAction
    {
        public DateTime AsOf { get; set; }
        public string Customer { get; set; }
        public Guid SubscriptionId { get; set; }
        public string ServicePlan { get; set; }
        /// <summary>The product of a license action; null for the subscription itself.</summary>
        public string Product { get; set; }
        public string ActivationCode { get; set; }
        /// <summary>Renewed, or StatusChanged.</summary>
        public string Action { get; set; }
        public string From { get; set; }
        public string To { get; set; }

        public override string ToString() => $"{Customer} {ServicePlan} {Product}: {Action} {From} -> {To}";
    }

    /// <summary>What a renewal run works on: the day, the account's grace period and the subscriptions due.</summary>
    public sealed class RenewalRun
    {
        public RenewalRun(DateTime asOf, int graceDays, IReadOnlyList<Guid> subscriptionIds)
        {
            AsOf = asOf;
            GraceDays = graceDays;
            SubscriptionIds = subscriptionIds;
        }

        public DateTime AsOf { get; }
        public int GraceDays { get; }
        public IReadOnlyList<Guid> SubscriptionIds { get; }
    }

    /// <summary>R33, R38: renewing what is due and moving licenses through their statuses as of a day; a second run for the same day does nothing.</summary>
    public static class RenewalOperations
    {
        /// <summary>
        /// Works out what a run as of <paramref name="asOf"/> does to one subscription and its licenses, changing the
        /// objects in place (nothing is stored). Empty when nothing is due.
        /// </summary>
        public static IReadOnlyList<RenewalAction> Plan(Subscription s, IReadOnlyList<License> licenses, string customer, DateTime asOf, int graceDays)
        {
            var day = asOf.Date;
            var actions = new List<RenewalAction>();
            RenewalAction Act(string action, string from, string to, License l = null) => new RenewalAction
            {
                AsOf = day,
                Customer = customer,
                SubscriptionId = s.SubscriptionId,
                ServicePlan = s.ServicePlan,
                Product = l?.Product,
                ActivationCode = l?.ActivationCode,
                Action = action,
                From = from,
                To = to,
            };

            var due = Lifecycle.RenewalsDue(s, day);
            if (due.Count > 0)
            {
                var old = s.ExpirationDate;
                s.ExpirationDate = due[due.Count - 1];
                s.Renewals += due.Count;
                foreach (var l in Lifecycle.Live(licenses)) l.ExpirationDate = s.ExpirationDate;
                actions.Add(Act("Renewed", Dates.Format(old), Dates.Format(s.ExpirationDate)));
            }
            foreach (var l in licenses)
            {
                var status = Lifecycle.StatusOf(l, s, day, graceDays);
                if (l.RecordedStatus != status)
                {
                    actions.Add(Act("StatusChanged", l.RecordedStatus?.ToString(), status.ToString(), l));
                    l.RecordedStatus = status;
                }
            }
            var subscriptionStatus = Lifecycle.StatusOf(s, day);
            if (s.RecordedStatus != subscriptionStatus)
            {
                actions.Add(Act("StatusChanged", s.RecordedStatus?.ToString(), subscriptionStatus.ToString()));
                s.RecordedStatus = subscriptionStatus;
            }
            return actions;
        }

        /// <summary>The subscriptions a run as of <paramref name="asOf"/> has work for (read only).</summary>
        public static RenewalRun Due(IStoreSession session, DateTime asOf)
        {
            int grace = session.GetAccount().GracePeriodDays;
            var licenses = session.Licenses.All().ToLookup(l => l.SubscriptionId);
            var due = session.Subscriptions.All()
                .Where(s => Plan(s, licenses[s.SubscriptionId].ToList(), null, asOf, grace).Count > 0)
                .Select(s => s.SubscriptionId)
                .ToList();
            return new RenewalRun(asOf.Date, grace, due);
        }

        /// <summary>Renews one subscription of a run inside the caller's transaction, reading it afresh.</summary>
        public static IReadOnlyList<RenewalAction> Apply(IStoreSession session, RenewalRun run, Guid subscriptionId, DateTime nowUtc)
        {
            var asOf = run.AsOf;
            var s = session.Subscriptions.Get(subscriptionId);
            if (s == null) return new RenewalAction[0];
            var licenses = session.LicensesOfSubscription(subscriptionId).ToList();
            var before = licenses.ToDictionary(l => l.LicenseId, l => (l.RecordedStatus, l.ExpirationDate));
            string customer = session.Customers.Get(s.CustomerId)?.Name;
            var actions = Plan(s, licenses, customer, asOf, run.GraceDays);
            if (actions.Count == 0) return actions;
            foreach (var l in licenses.Where(l => before[l.LicenseId] != (l.RecordedStatus, l.ExpirationDate)))
                session.Licenses.Update(l);
            s.ModifiedUtc = nowUtc;
            session.Subscriptions.Update(s);
            session.Audit("Renew", SubscriptionOperations.TargetType, s.SubscriptionId.ToString(), customer + " / " + s.ServicePlan,
                "As of " + Dates.Format(asOf) + ": " + string.Join("; ", actions.Select(a => (a.Product == null ? "subscription" : a.Product) + " " + a.Action + " " + (a.From ?? "new") + " -> " + a.To)));
            return actions;
        }
    }
}
