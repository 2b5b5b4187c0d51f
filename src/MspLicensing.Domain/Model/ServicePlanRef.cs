using System;

namespace MspLicensing
{
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
