using System;
using System.Collections.Generic;

namespace MspLicensing.Store
{
    /// <summary>A collection of versioned documents keyed by Guid.</summary>
    public interface IDocumentSet<T> where T : class, IVersioned
    {
        T Get(Guid id);
        IEnumerable<T> All();
        /// <summary>
        /// Every document, one at a time as it is read, so that a caller that keeps little of each (a month's report)
        /// does not hold them all. Enumerate it at once, inside the session, and change nothing of the set meanwhile.
        /// </summary>
        IEnumerable<T> Each();
        int Count();
        /// <summary>Inserts a new document at version 1.</summary>
        void Insert(T item);
        /// <summary>Writes <paramref name="item"/> if the stored revision still equals item.Revision, then bumps the revision.</summary>
        void Update(T item);
        /// <summary>Deletes the document if the stored revision still equals item.Revision.</summary>
        void Delete(T item);
    }
}
