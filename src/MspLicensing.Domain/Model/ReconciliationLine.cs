using System;

namespace MspLicensing
{
    /// <summary>R80: one customer and product of a month: the vendor's chargeable seats beside the seats the PSA bills.</summary>
    public sealed class ReconciliationLine
    {
        /// <summary>The month, yyyy-MM.</summary>
        public string Month { get; set; }
        /// <summary>The customer's name in the store, or the PSA's name of a row no customer matched.</summary>
        public string Customer { get; set; }
        /// <summary>The customer's id; null when no customer matched the PSA rows.</summary>
        public Guid? CustomerId { get; set; }
        /// <summary>The product code (a suite's code for a suite, R53).</summary>
        public string Product { get; set; }
        public string ProductName { get; set; }
        /// <summary>The seats the vendor bills the MSP (R51): the report's Chargeable; 0 without a report line.</summary>
        public int Chargeable { get; set; }
        /// <summary>The seats the PSA bills the customer, its rows added up; 0 without a PSA row.</summary>
        public int Billed { get; set; }
        /// <summary>Chargeable minus Billed: above 0 seats the MSP pays for and does not bill.</summary>
        public int Difference { get; set; }
        public ReconciliationStatus Status { get; set; }
        /// <summary>The PSA company id: the customer's external id for the PSA, else the PSA row's.</summary>
        public string ExternalId { get; set; }
        public CustomerMatch MatchedBy { get; set; }
        /// <summary>The numbers of the PSA rows added up in Billed.</summary>
        public string PsaRows { get; set; }
        /// <summary>Why a row matched no customer or product, or which bad row was left out of Billed.</summary>
        public string Note { get; set; }
        /// <summary>The status of the month's report: Submitted and Approved months compare their frozen figures (R54).</summary>
        public UsageReportStatus ReportStatus { get; set; }

        public override string ToString() => $"{Month} {Customer} {Product}: {Chargeable} - {Billed} = {Difference} ({Status})";
    }
}
