using System;
using System.Management.Automation;

namespace MspLicensing.Commands
{
    /// <summary>A -ServicePlan argument: a plan object, its id, its name, or any object with a ServicePlanId or Name property.</summary>
    public sealed class ServicePlanPipeBind
    {
        public ServicePlanPipeBind(ServicePlan plan)
        {
            Reference = ServicePlanRef.ById(plan.ServicePlanId);
            Display = plan.Name;
        }

        public ServicePlanPipeBind(Guid id)
        {
            Reference = ServicePlanRef.ById(id);
            Display = id.ToString();
        }

        public ServicePlanPipeBind(string nameOrId)
        {
            if (string.IsNullOrWhiteSpace(nameOrId))
                throw new ArgumentException("A service plan is named by its name, its ServicePlanId or the object from Get-MspServicePlan; an empty name was given.");
            Reference = ServicePlanRef.Parse(nameOrId.Trim());
            Display = nameOrId.Trim();
        }

        public ServicePlanPipeBind(PSObject value)
        {
            object baseObject = value?.BaseObject;
            if (baseObject is ServicePlan plan)
            {
                Reference = ServicePlanRef.ById(plan.ServicePlanId);
                Display = plan.Name;
                return;
            }
            var (id, name) = PipeBindProperties.IdAndName(value, "ServicePlanId");
            if (id.HasValue) Reference = ServicePlanRef.ById(id.Value);
            else if (name != null) Reference = ServicePlanRef.Parse(name);
            else throw new ArgumentException("A service plan is named by its name, its ServicePlanId or the object from Get-MspServicePlan; this object has neither a ServicePlanId nor a Name property.");
            Display = name ?? id.ToString();
        }

        public ServicePlanRef Reference { get; }
        public string Display { get; }

        public override string ToString() => Display;
    }
}
