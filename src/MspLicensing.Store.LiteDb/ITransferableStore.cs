namespace MspLicensing.Store
{
    /// <summary>A store whose documents can be read out whole and written into another store (Copy-MspStore).</summary>
    public interface ITransferableStore : IMspStore
    {
        /// <summary>Every document of the store, read in one consistent view.</summary>
        StoreContent Export();

        /// <summary>
        /// Writes every document into this store in one transaction. The store must hold no customers, plans,
        /// subscriptions, licenses or audit entries unless <paramref name="replace"/>: then what it holds is replaced.
        /// </summary>
        void Import(StoreContent documents, bool replace);
    }
}
