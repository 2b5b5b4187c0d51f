using System.Collections.Generic;
using System.Linq;

namespace MspLicensing.Store
{
    /// <summary>Reads of a session made of its other reads, for a session with no quicker way of its own.</summary>
    public static class SessionReads
    {
        /// <summary>
        /// <see cref="IStoreSession.SubscriptionsWithLicenses"/> from every subscription and every license, read first
        /// (the subscriptions before the licenses, which take their dates from them).
        /// </summary>
        public static IEnumerable<KeyValuePair<Subscription, IReadOnlyList<License>>> SubscriptionsWithLicenses(IStoreSession session)
        {
            var subscriptions = session.Subscriptions.All().ToList();
            var licenses = session.Licenses.All().ToLookup(l => l.SubscriptionId);
            return subscriptions.Select(s => new KeyValuePair<Subscription, IReadOnlyList<License>>(s, licenses[s.SubscriptionId].ToList()));
        }
    }
}
