using System;
using System.Collections.Generic;

namespace MspLicensing.Store
{
    /// <summary>
    /// The store behind the rules. Every change runs in <see cref="Write{T}"/> (one transaction: all of it is written
    /// or none of it); <see cref="WriteEach{TIn,TOut}"/> commits a batch in which each item is all-or-nothing.
    /// Implementations must refuse a stale write (an <see cref="IVersioned"/> whose version moved on) instead of overwriting it.
    /// </summary>
    public interface IMspStore : IDisposable
    {
        /// <summary>Full path of the store file, or postgresql://user@server:port/database for a team store.</summary>
        string Path { get; }

        /// <summary>Runs a read against one consistent view of the store.</summary>
        T Read<T>(Func<IStoreSession, T> read);

        /// <summary>Runs a change in one transaction; <paramref name="command"/> goes into the audit log.</summary>
        T Write<T>(string command, Func<IStoreSession, T> write);

        /// <summary>
        /// Applies <paramref name="write"/> to each item in as few transactions as possible. An item that throws is
        /// left out whole (nothing of it is written) and reported in its result; the other items land.
        /// </summary>
        /// <param name="writesOnly">
        /// True when the items read nothing they decide on and write only what was read before the batch began, each
        /// write naming the revision it read (a renewal run): a store may then run the batch beside other changes
        /// without isolating it from them, as a write that finds its document changed is refused for its item alone.
        /// </param>
        /// <param name="readAhead">
        /// Runs in each transaction of the batch before its items run, with the items it will run (or, where the store
        /// reads ahead a part of them at a time, before each part, with that part): it tells the session what they will
        /// look up (<see cref="IStoreSession.ReadAhead"/>), so that many items cost a few queries instead of a few each.
        /// </param>
        IReadOnlyList<ItemResult<TOut>> WriteEach<TIn, TOut>(string command, IReadOnlyList<TIn> items, Func<IStoreSession, TIn, TOut> write, bool writesOnly = false,
            Action<IStoreSession, IReadOnlyList<TIn>> readAhead = null);

        /// <summary>Path, size, schema version and counts.</summary>
        StoreInfo GetInfo();

        /// <summary>Writes a consistent copy of the store to <paramref name="destinationPath"/>, which must not exist.</summary>
        void Backup(string destinationPath);
    }
}
