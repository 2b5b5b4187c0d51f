using System;
using System.Collections.Generic;
using System.Linq;
using Newtonsoft.Json;
using Newtonsoft.Json.Converters;

namespace MspLicensing
{
    /// <summary>R20: a plan is a Trial or a Full version, fixed when it is created.</summary>
    [JsonConverter(typeof(StringEnumConverter))]
    public enum PlanVersion
    {
        Full,
        Trial,
    }

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

    /// <summary>A service plan (R20-R22): what a customer is assigned, with its products and license terms.</summary>
    public sealed class ServicePlan : IVersioned
    {
        public Guid ServicePlanId { get; set; }
        public string Name { get; set; }
        public string Description { get; set; }
        public bool Enabled { get; set; } = true;
        public PlanVersion Version { get; set; }
        public TextList<PlanProduct> Products { get; set; } = new TextList<PlanProduct>();
        /// <summary>Initial license period in months: 1-36 (R20); exactly 1 for a trial (R37).</summary>
        public int InitialPeriodMonths { get; set; }
        /// <summary>Auto-renewal period in months, or null when licenses do not renew (R33).</summary>
        public int? AutoRenewalMonths { get; set; }
        /// <summary>Days before expiration from which a license is ExpiringSoon (R38).</summary>
        public int ExpirationNoticeDays { get; set; }
        /// <summary>Units (seats) per license when an assignment gives none (R20, R31).</summary>
        public int Seats { get; set; }
        public DateTime CreatedUtc { get; set; }
        public DateTime ModifiedUtc { get; set; }
        public int Revision { get; set; }

        /// <summary>R21: a plan with a suite is a bundle.</summary>
        public bool IsBundle => Products.Any(p => p.Product?.Kind == ProductKind.Suite);

        public override string ToString() => Name;
    }

    /// <summary>The fields of a service plan as a user gives them: null means "not given".</summary>
    public sealed class ServicePlanFields
    {
        public string Name { get; set; }
        public string Description { get; set; }
        public bool? Enabled { get; set; }
        public PlanVersion? Version { get; set; }
        /// <summary>Product codes or names.</summary>
        public IList<string> Products { get; set; }
        /// <summary>Data centers: key "*" for every service, or a product code for one service or suite component.</summary>
        public IDictionary<string, string> DataCenters { get; set; }
        public int? InitialPeriodMonths { get; set; }
        /// <summary>0 means "no auto-renewal".</summary>
        public int? AutoRenewalMonths { get; set; }
        public int? ExpirationNoticeDays { get; set; }
        public int? Seats { get; set; }
    }

    /// <summary>How a command names a service plan: by name or id, or by the object read earlier.</summary>
    public sealed class ServicePlanRef
    {
        private ServicePlanRef() { }

        public Guid? Id { get; private set; }
        public string Name { get; private set; }
        public int? ReadRevision { get; private set; }

        public static ServicePlanRef ByName(string name) => new ServicePlanRef { Name = name };
        public static ServicePlanRef ById(Guid id) => new ServicePlanRef { Id = id };
        public static ServicePlanRef ByObject(ServicePlan p) => new ServicePlanRef { Id = p.ServicePlanId, Name = p.Name, ReadRevision = p.Revision };
        public static ServicePlanRef Parse(string nameOrId) => Guid.TryParse(nameOrId, out var id) ? ById(id) : ByName(nameOrId);

        public string Display => Name ?? Id?.ToString();
        public override string ToString() => Display;
    }
}
