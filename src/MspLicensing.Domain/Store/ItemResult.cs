using System;

namespace MspLicensing.Store
{
    /// <summary>The outcome of one item of <see cref="IMspStore.WriteEach{TIn,TOut}"/>.</summary>
    public sealed class ItemResult<T>
    {
        public ItemResult(T value, Exception error)
        {
            Value = value;
            Error = error;
        }

        public T Value { get; }
        public Exception Error { get; }
        public bool Succeeded => Error == null;
    }
}
