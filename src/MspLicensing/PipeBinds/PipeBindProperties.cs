using System;
using System.Management.Automation;

namespace MspLicensing.Commands
{
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
