using System;
using System.Collections.Generic;
using System.Linq;

namespace MspLicensing.Store
{
    /// <summary>What the sessions of every store kind do alike, so that each kind reads and records the same.</summary>
    internal static class Sessions
    {
        /// <summary>An entry of a change: when (the store's clock), who, which command, and what it did to which object.</summary>
        internal static AuditEntry Entry(DateTime utcNow, string user, string command, string action, string targetType, string targetId, string target,
            string summary, Guid? customerId) => new AuditEntry
        {
            TimeUtc = utcNow,
            User = user,
            Command = command,
            Action = action,
            TargetType = targetType,
            TargetId = targetId,
            Target = target,
            CustomerId = customerId,
            Summary = summary,
        };

        /// <summary>
        /// A license that follows its subscription (Lifecycle.Follows) takes the subscription's expiration date when it is
        /// read, so renewing a subscription needs no write to its licenses. <paramref name="expirations"/> holds the
        /// dates of the subscriptions the transaction read or wrote; <paramref name="readSubscription"/> reads one more
        /// (which adds its date) and tells whether it exists.
        /// </summary>
        internal static void FollowSubscription(License license, Dictionary<Guid, DateTime> expirations, Func<Guid, bool> readSubscription)
        {
            if (!Lifecycle.Follows(license) || license.SubscriptionId == Guid.Empty) return;
            if (!expirations.TryGetValue(license.SubscriptionId, out var expiration))
            {
                if (!readSubscription(license.SubscriptionId)) return;
                expiration = expirations[license.SubscriptionId];
            }
            license.ExpirationDate = expiration;
        }

        /// <summary>
        /// The filters of an audit query, to apply to the entries a store found by its indexes (a target id, a customer,
        /// or all), newest first. Its patterns are read here, so a bad one is refused before the store reads anything.
        /// </summary>
        internal static Func<IEnumerable<AuditEntry>, List<AuditEntry>> AuditFilter(AuditQuery q)
        {
            var target = q.Target == null ? null : Wildcard.Parse("Target", q.Target);
            var command = q.Command == null ? null : Wildcard.Parse("Command", q.Command);
            var user = q.User == null ? null : Wildcard.Parse("User", q.User);
            string customerKey = q.CustomerId?.ToString();
            return entries => entries
                .Where(e => (!q.AfterUtc.HasValue || e.TimeUtc >= q.AfterUtc.Value)
                            && (!q.BeforeUtc.HasValue || e.TimeUtc <= q.BeforeUtc.Value)
                            && (q.TargetType == null || string.Equals(e.TargetType, q.TargetType, StringComparison.OrdinalIgnoreCase))
                            && (q.TargetId == null || e.TargetId == q.TargetId)
                            && (!q.CustomerId.HasValue || e.CustomerId == q.CustomerId || (e.CustomerId == null && e.TargetId == customerKey))
                            && (target == null || target.IsMatch(e.Target))
                            && (command == null || command.IsMatch(e.Command))
                            && (user == null || user.IsMatch(e.User)))
                .OrderByDescending(e => e.Id)
                .ToList();
        }
    }
}
