using System;

namespace MspLicensing.Commands
{
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
}
