using System;

namespace MspLicensing
{
    /// <summary>How a command names a customer: by object (id and the revision it was read at), by id, or by name.</summary>
    public sealed class CustomerRef
    {
        private CustomerRef() { }

        public Guid? Id { get; private set; }
        public string Name { get; private set; }
        /// <summary>The revision the caller read; a change is refused if the stored customer has moved on.</summary>
        public int? ReadRevision { get; private set; }

        public static CustomerRef ByName(string name) => new CustomerRef { Name = name };
        public static CustomerRef ById(Guid id) => new CustomerRef { Id = id };
        public static CustomerRef ByObject(Customer c) => new CustomerRef { Id = c.CustomerId, Name = c.Name, ReadRevision = c.Revision };

        /// <summary>Text that names the customer in messages.</summary>
        public string Display => Name ?? Id?.ToString();

        public override string ToString() => Display;
    }
}
