using System;
using System.Collections.Generic;
using System.Linq;

namespace MspLicensing
{
    /// <summary>A product of a service plan: where it runs and what manages it.</summary>
    public sealed class PlanProduct
    {
        /// <summary>Product code from the catalog (a suite, a service or software).</summary>
        public string Code { get; set; }
        /// <summary>Data centers by product code for the services of this product (the product itself, or a suite's components).</summary>
        public Dictionary<string, DataCenter> DataCenters { get; set; } = new Dictionary<string, DataCenter>(StringComparer.OrdinalIgnoreCase);

        public Product Product => Catalog.Find(Code);

        /// <summary>The data center of a service (the product or one of its components), or null for software.</summary>
        public DataCenter? DataCenterOf(string code) => DataCenters != null && DataCenters.TryGetValue(code, out var dc) ? dc : (DataCenter?)null;

        public override string ToString()
        {
            var p = Product;
            if (DataCenters == null || DataCenters.Count == 0) return Code;
            var distinct = DataCenters.Values.Distinct().ToList();
            return Code + " (" + (distinct.Count == 1 ? distinct[0].ToString() : string.Join(", ", DataCenters.Select(d => d.Key + "=" + d.Value))) + ")";
        }
    }
}
