using System;
using System.Collections.Generic;
using System.Linq;
using MspLicensing.Store;

namespace MspLicensing
{
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

            var old = s.ExpirationDate;
            if (Lifecycle.CatchUp(s, licenses, day) > 0)
                actions.Add(Act("Renewed", Dates.Format(old), Dates.Format(s.ExpirationDate)));
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

        /// <summary>Works out a run as of <paramref name="asOf"/> from one read: the subscriptions that have work and what it is.</summary>
        public static RenewalRun Due(IStoreSession session, DateTime asOf)
        {
            var account = session.GetAccount();
            AccountRules.RequireLmp(account, "License renewal and seat allocation");
            int grace = account.GracePeriodDays;
            // Only what is due is kept: the rest of the store passes through.
            var due = new List<PlannedRenewal>();
            var owners = new HashSet<Guid>();
            foreach (var pair in session.SubscriptionsWithLicenses())
            {
                owners.Add(pair.Key.CustomerId);
                var planned = PlanOne(pair.Key, pair.Value, null, asOf, grace);
                if (planned != null) due.Add(planned);
            }
            // The customers' names, for what is due only: a daily run with little due reads its few customers by id; one
            // whose customers are a third or more of those with subscriptions reads every name at once (only the names,
            // not the whole customers), which costs about a third of reading as many customers by id.
            var ids = due.Select(p => p.Subscription.CustomerId).Distinct().ToList();
            var names = ids.Count == 0 ? new Dictionary<Guid, string>()
                : ids.Count * 3 < owners.Count ? session.CustomersByIds(ids).ToDictionary(c => c.CustomerId, c => c.Name)
                : session.CustomerNames();
            // In the order Get-MspSubscription lists them (customer, start, plan). The store then finds a batch's
            // subscriptions, and the audit entries beside which the index keeps theirs, together on few pages, as the
            // pipelines that wrote them left them: a commit writes and syncs those pages, not one page per renewal.
            var named = due.Select(p => p.Named(names.TryGetValue(p.Subscription.CustomerId, out var n) ? n : null))
                .InListOrder(p => p.Customer, p => p.Subscription).ToList();
            return new RenewalRun(asOf.Date, grace, named);
        }

        private static PlannedRenewal PlanOne(Subscription s, IReadOnlyList<License> licenses, string customer, DateTime asOf, int grace)
        {
            var before = new (LicenseStatus? Status, DateTime Expiration)[licenses.Count];
            for (int i = 0; i < licenses.Count; i++) before[i] = (licenses[i].RecordedStatus, licenses[i].ExpirationDate);
            var actions = Plan(s, licenses, customer, asOf, grace);
            if (actions.Count == 0) return null;
            // A license that follows its subscription takes the new expiration date from it: only a new status is written.
            var changed = licenses.Where((l, i) => before[i].Status != l.RecordedStatus
                                                   || (before[i].Expiration != l.ExpirationDate && !Lifecycle.Follows(l))).ToList();
            return new PlannedRenewal(s, changed, actions, customer);
        }

        // Batches sized by time as a pipeline's are (BatchPace): each holds the store for about half a second, so readers
        // and seat changes at the prompt get in between. A renewal takes well under a millisecond: the first batch need
        // not feel its way up from a handful.
        private const int FirstBatch = 500;

        /// <summary>
        /// Invoke-MspRenewal: stores the <paramref name="due"/> renewals of a run in batches sized by time, each a
        /// transaction of its own. A subscription someone changed since the run read it is worked out again from a
        /// fresh read (<see cref="ApplyFresh"/>). After each batch <paramref name="stored"/> gets each renewal of it with
        /// its outcome, in the run's order. <paramref name="elapsed"/> is the time since the command started.
        /// A store failure part-way (<see cref="BatchInterruptedException{T}"/>) stops the run.
        /// </summary>
        public static void ApplyInBatches(IMspStore store, string command, RenewalRun run, IReadOnlyList<PlannedRenewal> due, DateTime nowUtc,
            Func<TimeSpan> elapsed, Action<IReadOnlyList<(PlannedRenewal Renewal, ItemResult<IReadOnlyList<RenewalAction>> Result)>> stored)
        {
            var pace = new BatchPace(elapsed, BatchPace.DefaultBatchTime, BatchPace.MaxBatch, FirstBatch);
            for (int start = 0; start < due.Count;)
            {
                var chunk = new List<PlannedRenewal>();
                for (int i = start; i < due.Count && chunk.Count < pace.BatchSize; i++) chunk.Add(due[i]);
                start += chunk.Count;
                var began = elapsed();
                // The renewals write what the run read, each naming the revision it read: a change someone made since is
                // refused for its subscription alone, which is then worked out again from a fresh read (serializable).
                var results = store.WriteEach(command, chunk, (s, planned) => Apply(s, planned, nowUtc), writesOnly: true);
                bool Stale(int i) => results[i].Error is MspException e && e.IsStaleObject;
                var stale = chunk.Where((p, i) => Stale(i)).Select(p => p.Subscription.SubscriptionId).ToList();
                var again = stale.Count == 0 ? null : store.WriteEach(command, stale, (s, id) => ApplyFresh(s, run, id, nowUtc));
                var outcomes = new List<(PlannedRenewal, ItemResult<IReadOnlyList<RenewalAction>>)>(chunk.Count);
                for (int i = 0, k = 0; i < chunk.Count; i++)
                    outcomes.Add((chunk[i], Stale(i) ? again[k++] : results[i]));
                pace.Committed(chunk.Count, elapsed() - began);
                stored(outcomes);
            }
        }

        /// <summary>
        /// Stores one planned renewal in the caller's transaction. If someone changed the subscription or its licenses
        /// since the run read them, the revision check refuses it (StaleObject) and <see cref="ApplyFresh"/> redoes it.
        /// </summary>
        public static IReadOnlyList<RenewalAction> Apply(IStoreSession session, PlannedRenewal planned, DateTime nowUtc)
        {
            Store(session, planned, nowUtc);
            return planned.Actions;
        }

        /// <summary>Renews one subscription of a run reading it afresh (after a conflict with another writer).</summary>
        public static IReadOnlyList<RenewalAction> ApplyFresh(IStoreSession session, RenewalRun run, Guid subscriptionId, DateTime nowUtc)
        {
            var s = session.Subscriptions.Get(subscriptionId);
            if (s == null) return new RenewalAction[0];
            var planned = PlanOne(s, session.LicensesOfSubscription(subscriptionId), session.Customers.Get(s.CustomerId)?.Name, run.AsOf, run.GraceDays);
            if (planned == null) return new RenewalAction[0];
            Store(session, planned, nowUtc);
            return planned.Actions;
        }

        private static void Store(IStoreSession session, PlannedRenewal planned, DateTime nowUtc)
        {
            // Copies: a batch that is rolled back and run again must find the planned objects as they were.
            var s = planned.Subscription.Clone();
            foreach (var l in planned.ChangedLicenses) session.Licenses.Update(l.Clone());
            s.ModifiedUtc = nowUtc;
            session.Subscriptions.Update(s);
            session.Audit("Renew", SubscriptionOperations.TargetType, s.SubscriptionId.ToString(), planned.Customer + " / " + s.ServicePlan,
                "As of " + Dates.Format(planned.Actions[0].AsOf) + ": " + Describe(planned), s.CustomerId);
        }

        /// <summary>What a planned renewal does, in the words of the audit log and of -WhatIf: "subscription Renewed 2027-01-15 -> 2027-02-15; WFBSS StatusChanged Active -> InGrace".</summary>
        public static string Describe(PlannedRenewal planned) =>
            string.Join("; ", planned.Actions.Select(a => (a.Product ?? "subscription") + " " + a.Action + " " + (a.From ?? "new") + " -> " + a.To));
    }
}
