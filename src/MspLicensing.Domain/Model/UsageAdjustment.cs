using System;

namespace MspLicensing
{
    /// <summary>R51: a chargeable count lower than provisioned, with the reason.</summary>
    public sealed class UsageAdjustment
    {
        public Guid CustomerId { get; set; }
        /// <summary>The billed product (a suite's code for a suite).</summary>
        public string Product { get; set; }
        public int Chargeable { get; set; }
        public string Comment { get; set; }

        public override string ToString() => $"{Product} {Chargeable} for {CustomerId}" + (string.IsNullOrEmpty(Comment) ? string.Empty : ": " + Comment);
    }
}
