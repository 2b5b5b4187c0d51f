using System;
using System.Management.Automation;

namespace MspLicensing.Commands
{
    /// <summary>
    /// A -Customer argument: a customer object, its id, its name, or any object with a CustomerId or Name property
    /// (for example a row of Import-Csv).
    /// </summary>
    public sealed class CustomerPipeBind
    {
        public CustomerPipeBind(Customer customer)
        {
            Reference = CustomerRef.ById(customer.CustomerId);
            Display = customer.Name;
        }

        public CustomerPipeBind(Guid id)
        {
            Reference = CustomerRef.ById(id);
            Display = id.ToString();
        }

        public CustomerPipeBind(string nameOrId)
        {
            if (string.IsNullOrWhiteSpace(nameOrId))
                throw new ArgumentException("A customer is named by its name, its CustomerId or the object from Get-MspCustomer; an empty name was given.");
            Reference = CustomerOperations.Reference(nameOrId.Trim());
            Display = nameOrId.Trim();
        }

        public CustomerPipeBind(PSObject value)
        {
            object baseObject = value?.BaseObject;
            if (baseObject is Customer c)
            {
                Reference = CustomerRef.ById(c.CustomerId);
                Display = c.Name;
                return;
            }
            var (id, name) = PipeBindProperties.IdAndName(value, "CustomerId");
            if (id.HasValue) Reference = CustomerRef.ById(id.Value);
            else if (name != null) Reference = CustomerOperations.Reference(name);
            else throw new ArgumentException("A customer is named by its name, its CustomerId or the object from Get-MspCustomer; this object has neither a CustomerId nor a Name property.");
            Display = name ?? id.ToString();
        }

        public CustomerRef Reference { get; }
        public string Display { get; }

        public override string ToString() => Display;
    }
}
