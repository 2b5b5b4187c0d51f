using System;

namespace MspLicensing.Commands
{
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
