using System;

namespace MspLicensing.Commands
{
    /// <summary>The parameter sets Set-/Remove-MspCustomer use to name the customer they act on.</summary>
    internal static class CustomerIdentity
    {
        internal const string ByName = "ByName";
        internal const string ById = "ById";
        internal const string ByObject = "ByObject";

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
