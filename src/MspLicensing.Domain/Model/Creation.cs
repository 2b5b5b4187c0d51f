namespace MspLicensing
{
    /// <summary>
    /// What a create that skips what exists did (R13): the object it created, or the one the store already had, left
    /// as it was, with how the input differs from it.
    /// </summary>
    public sealed class Creation<T>
    {
        private Creation(T value, bool skipped, string differences)
        {
            Value = value;
            Skipped = skipped;
            Differences = differences ?? string.Empty;
        }

        /// <summary>The created object, or the existing one.</summary>
        public T Value { get; }

        /// <summary>True when the object existed already: nothing was written.</summary>
        public bool Skipped { get; }

        /// <summary>For a skipped object, what the input gives differently ("City: 'Seattle' -> 'Portland'"); empty when nothing.</summary>
        public string Differences { get; }

        public static Creation<T> Created(T value) => new Creation<T>(value, false, null);

        public static Creation<T> Existing(T value, string differences) => new Creation<T>(value, true, differences);
    }
}
