using System;
using System.Collections.Generic;

namespace MspLicensing.Store
{
    /// <summary>
    /// <see cref="IMspStore.WriteEach{TIn,TOut}"/> stopped by a store failure (a full disk) after part of the batch was
    /// committed: <see cref="Committed"/> holds the results of the items that are stored (null for the others), so
    /// that they are reported before the failure.
    /// </summary>
    public sealed class BatchInterruptedException<T> : Exception
    {
        public BatchInterruptedException(IReadOnlyList<ItemResult<T>> committed, MspException failure)
            : base(failure.Message, failure)
        {
            Committed = committed;
            Failure = failure;
        }

        public IReadOnlyList<ItemResult<T>> Committed { get; }
        public MspException Failure { get; }
    }
}
