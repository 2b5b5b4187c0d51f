using System;
using System.Collections;

namespace MspLicensing
{
    /// <summary>R58: which licenses Get-MspRightSizing looks at.</summary>
    public sealed class RightSizingRequest
    {
        public const int DefaultMonths = 3;
        public const int MaxMonths = 36;
        public const int DefaultThreshold = 20;

        /// <summary>The last month of the window.</summary>
        public BillingMonth Month { get; set; }
        /// <summary>How many months the window has, ending with <see cref="Month"/>.</summary>
        public int Months { get; set; } = DefaultMonths;
        /// <summary>How far below the seats the used count stays, in percent of the seats (1-99).</summary>
        public int Threshold { get; set; } = DefaultThreshold;
        /// <summary>Only this customer's licenses; null: every customer's.</summary>
        public CustomerRef Customer { get; set; }
        /// <summary>Only this product (its code; a suite's code for a suite); null: every product.</summary>
        public string Product { get; set; }
    }
}
