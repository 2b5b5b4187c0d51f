using System;

namespace MspLicensing.Commands
{
    /// <summary>The parameter sets Set-/Remove- cmdlets use to name what they act on: by name, by id or by the object.</summary>
    internal static class Identity
    {
        internal const string ByName = "ByName";
        internal const string ById = "ById";
        internal const string ByObject = "ByObject";
        internal const string ByCustomer = "ByCustomer";
    }

    internal static class CustomerIdentity
    {
        internal const string ByName = Identity.ByName;
        internal const string ById = Identity.ById;
        internal const string ByObject = Identity.ByObject;

        internal static CustomerRef Reference(string parameterSet, string name, Guid id, Customer inputObject)
        {
            switch (parameterSet)
            {
                case ById: return CustomerRef.ById(id);
                case ByObject: return CustomerRef.ByObject(inputObject);
                default: return CustomerRef.ByName(name.Trim());
            }
        }
    }

    internal static class ServicePlanIdentity
    {
        internal static ServicePlanRef Reference(string parameterSet, string name, Guid id, ServicePlan inputObject)
        {
            switch (parameterSet)
            {
                case Identity.ById: return ServicePlanRef.ById(id);
                case Identity.ByObject: return ServicePlanRef.ByObject(inputObject);
                default: return ServicePlanRef.ByName(name.Trim());
            }
        }
    }
}
