using System.Collections.Generic;

namespace MspLicensing
{
    /// <summary>
    /// What a Get command finds, and an error for each exact name, id or code it was given that nothing found has: the
    /// errors are made where the query is understood, so each Get command reports the missing the same way.
    /// </summary>
    public sealed class Found<T>
    {
        public Found(IReadOnlyList<T> items, IReadOnlyList<MspException> notFound)
        {
            Items = items;
            NotFound = notFound;
        }

        public IReadOnlyList<T> Items { get; }

        /// <summary>One ObjectNotFound error per name, id or code given exactly that no item has; each targets that value.</summary>
        public IReadOnlyList<MspException> NotFound { get; }
    }
}
