using System;
using System.Collections;

namespace MspLicensing
{
    /// <summary>R57: one product in one month of the usage trend: its chargeable seats, band and headroom to the band's edges.</summary>
    public sealed class UsageTrend
    {
        public string Month { get; set; }
        public string Product { get; set; }
        public string ProductName { get; set; }
        public int Customers { get; set; }
        public int Chargeable { get; set; }
        /// <summary>The chargeable seats minus those of the month before (0 in a month without lines).</summary>
        public int Change { get; set; }
        /// <summary>The seat band of the chargeable seats; null in a month without lines.</summary>
        public string Band { get; set; }
        /// <summary>The seats that can be added before the total enters the next band; null in the last band or without lines.</summary>
        public int? HeadroomUp { get; set; }
        /// <summary>The seats that can be released before the total drops into the band below; null in the first band or without lines.</summary>
        public int? HeadroomDown { get; set; }
        /// <summary>The band the total enters with one more seat than <see cref="HeadroomUp"/> allows.</summary>
        public string NextBand { get; set; }
        /// <summary>The band the total drops into with one seat fewer than <see cref="HeadroomDown"/> allows.</summary>
        public string LowerBand { get; set; }
        public UsageReportStatus Status { get; set; }

        public override string ToString() => $"{Month} {Product}: {Chargeable} ({Band})";
    }
}
