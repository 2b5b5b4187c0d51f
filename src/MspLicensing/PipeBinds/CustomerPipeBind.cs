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
            object id = value?.Properties["CustomerId"]?.Value;
            object name = value?.Properties["Name"]?.Value;
            if (id != null && Guid.TryParse(id.ToString(), out var guid))
            {
                Reference = CustomerRef.ById(guid);
                Display = name?.ToString() ?? guid.ToString();
            }
            else if (name != null && !string.IsNullOrWhiteSpace(name.ToString()))
            {
                Reference = CustomerRef.ByName(name.ToString().Trim());
                Display = name.ToString().Trim();
            }
            else if (baseObject is string text && !string.IsNullOrWhiteSpace(text))
            {
                Reference = CustomerOperations.Reference(text.Trim());
                Display = text.Trim();
            }
            else
            {
                throw new ArgumentException("A customer is named by its name, its CustomerId or the object from Get-MspCustomer; this object has neither a CustomerId nor a Name property.");
            }
        }

        public CustomerRef Reference { get; }
        public string Display { get; }

        public override string ToString() => Display;
    }
}
