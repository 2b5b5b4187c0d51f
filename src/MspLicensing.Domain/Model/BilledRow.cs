namespace MspLicensing
{
    /// <summary>What one PSA row bills: the customer as the PSA names it, the product's code in upper case and the seats.</summary>
    internal sealed class BilledRow
    {
        public BilledRow(int number, string name, string externalId, string product)
        {
            Number = number;
            Name = name;
            ExternalId = externalId;
            Product = product;
        }

        public int Number { get; }
        /// <summary>The customer's name in the row; null when it has none.</summary>
        public string Name { get; }
        /// <summary>The PSA's company id in the row; null without -Psa or when it has none.</summary>
        public string ExternalId { get; }
        public string Product { get; }
        public int Quantity { get; set; }
        /// <summary>The error of a row whose seats are not valid: it is left out, and the line it would count toward says so.</summary>
        public MspException Error { get; set; }
    }
}
