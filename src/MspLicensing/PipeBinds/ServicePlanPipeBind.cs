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

    internal static class PipeBindProperties
    {
        /// <summary>The id (from the named property) and the name (Name property, or the text itself) of a pipeline object.</summary>
        internal static (Guid? Id, string Name) IdAndName(PSObject value, string idProperty)
        {
            object id = value?.Properties[idProperty]?.Value;
            object name = value?.Properties["Name"]?.Value ?? (value?.BaseObject as string);
            Guid? guid = id != null && Guid.TryParse(id.ToString(), out var g) ? g : (Guid?)null;
            string text = name == null || string.IsNullOrWhiteSpace(name.ToString()) ? null : name.ToString().Trim();
            return (guid, text);
        }
    }
}
