using System;

namespace MspLicensing
{
    /// <summary>R50: one line per customer and billed license (a suite counts once) of a month.</summary>
    public sealed class UsageLine
    {
        public string Month { get; set; }
        public Guid CustomerId { get; set; }
        public string Customer { get; set; }
        /// <summary>The billed product: the license's product, or its suite (R53).</summary>
        public string Product { get; set; }
        public string ProductName { get; set; }
        public string ServicePlan { get; set; }
        /// <summary>The activation code (for a suite: its components' codes).</summary>
        public string ActivationCode { get; set; }
        /// <summary>Peak seats held in the month (R50, R52).</summary>
        public int Provisioned { get; set; }
        /// <summary>Peak used count reported for the month, if any.</summary>
        public int? Used { get; set; }
        /// <summary>
        /// R50: the share of provisioned seats that were not used, (Provisioned - Used) / Provisioned in percent, never
        /// negative: a used count above provisioned is 0 here and shows in <see cref="ExceededBy"/>. Null without a used count.
        /// </summary>
        public double? OverProvisionedPercent { get; set; }
        /// <summary>R50: how many seats the used count is above provisioned (0 within it); null without a used count.</summary>
        public int? ExceededBy { get; set; }
        public int Chargeable { get; set; }
        public string Comment { get; set; }
        public string Band { get; set; }
        public UsageReportStatus Status { get; set; }

        public override string ToString() => $"{Month} {Customer} {Product}: {Chargeable}";

        /// <summary>R50: the over-provisioning and the excess of a used count against provisioned seats.</summary>
        public static (double? OverProvisionedPercent, int? ExceededBy) Usage(int provisioned, int? used)
        {
            if (!used.HasValue) return (null, null);
            if (used.Value >= provisioned) return (provisioned > 0 ? 0.0 : (double?)null, used.Value - provisioned);
            return (Math.Round((provisioned - used.Value) * 100.0 / provisioned, 1), 0);
        }
    }
}
