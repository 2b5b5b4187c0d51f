using System;
using System.Collections.Generic;

namespace MspLicensing
{
    /// <summary>What Get-MspUsageReport and Export-MspUsageReport ask for.</summary>
    public sealed class UsageReportRequest
    {
        /// <summary>The months, each reported on its own; unless <see cref="InRange"/>.</summary>
        public IReadOnlyList<BillingMonth> Months { get; set; }
        /// <summary>Whether the months are the range <see cref="From"/> to <see cref="To"/> instead.</summary>
        public bool InRange { get; set; }
        /// <summary>The first month of the range; null: the first month a license bills in.</summary>
        public BillingMonth? From { get; set; }
        /// <summary>The last month of the range; null: the month of <see cref="Today"/>.</summary>
        public BillingMonth? To { get; set; }
        public DateTime Today { get; set; }
        /// <summary>Only this customer's rows; null: every customer's.</summary>
        public CustomerRef Customer { get; set; }
        /// <summary>Only this product's rows (its code); null: every product's.</summary>
        public string Product { get; set; }
        /// <summary>Rows per customer and license, with the customers' names; else per product.</summary>
        public bool ByCustomer { get; set; }
    }
}
