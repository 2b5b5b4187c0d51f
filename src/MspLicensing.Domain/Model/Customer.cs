using System;
using System.Collections.Generic;
using Newtonsoft.Json;
using Newtonsoft.Json.Converters;

namespace MspLicensing
{
    /// <summary>R11: where a customer was created.</summary>
    [JsonConverter(typeof(StringEnumConverter))]
    public enum CustomerOrigin
    {
        LicensingManagementPlatform,
        RemoteManager,
    }

    /// <summary>An end customer of the MSP (R10).</summary>
    public sealed class Customer : IVersioned
    {
        private ExternalIdMap _externalId = new ExternalIdMap();

        public Guid CustomerId { get; set; }
        public string Name { get; set; }
        /// <summary>ISO 3166-1 alpha-2 code.</summary>
        public string Country { get; set; }
        public string City { get; set; }
        public string State { get; set; }
        public string ContactFirstName { get; set; }
        public string ContactLastName { get; set; }
        public string Email { get; set; }
        public string Address { get; set; }
        public string PostalCode { get; set; }
        public string Phone { get; set; }
        public string TimeZone { get; set; }
        public string Language { get; set; }
        public string Notes { get; set; }
        public bool Enabled { get; set; } = true;
        /// <summary>Ids of the customer in PSA/RMM tools, e.g. ConnectWiseManage = 4711.</summary>
        public ExternalIdMap ExternalId
        {
            get => _externalId;
            set => _externalId = new ExternalIdMap(value);
        }
        public CustomerOrigin Origin { get; set; }
        /// <summary>R70: whether the customer has reached the Licensing Management Platform (false until synchronized, for customers created in Remote Manager).</summary>
        public bool InLicensingManagementPlatform { get; set; } = true;
        /// <summary>R70: whether the customer has reached Remote Manager (false until synchronized, for customers created in LMP).</summary>
        public bool InRemoteManager { get; set; } = true;
        /// <summary>R72: the names of the policy templates assigned to the customer.</summary>
        public TextList<string> Templates { get; set; } = new TextList<string>();
        public DateTime CreatedUtc { get; set; }
        public DateTime ModifiedUtc { get; set; }
        public int Revision { get; set; }

        public string ContactName => (ContactFirstName + " " + ContactLastName).Trim();

        public override string ToString() => Name;

        internal Customer Clone()
        {
            var copy = (Customer)MemberwiseClone();
            copy.ExternalId = new ExternalIdMap(ExternalId);
            copy.Templates = new TextList<string>(Templates);
            return copy;
        }
    }

    /// <summary>
    /// The fields of a customer as a user gives them: null means "not given". Used both to create a customer
    /// (every required field must be given) and to change one (only given fields change; an empty string clears an optional field).
    /// </summary>
    public sealed class CustomerFields
    {
        public string Name { get; set; }
        public string Country { get; set; }
        public string City { get; set; }
        public string State { get; set; }
        public string ContactFirstName { get; set; }
        public string ContactLastName { get; set; }
        public string Email { get; set; }
        public string Address { get; set; }
        public string PostalCode { get; set; }
        public string Phone { get; set; }
        public string TimeZone { get; set; }
        public string Language { get; set; }
        public string Notes { get; set; }
        public bool? Enabled { get; set; }
        /// <summary>External ids to set; a null or empty value removes that id.</summary>
        public IDictionary<string, string> ExternalId { get; set; }
        public CustomerOrigin? Origin { get; set; }
        /// <summary>Template names to assign (R72); an empty list leaves the assignments as they are.</summary>
        public IList<string> Templates { get; set; }
    }

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

    public sealed class CustomerQuery
    {
        /// <summary>Wildcard patterns on the name; any may match.</summary>
        public IList<string> Name { get; set; }
        public IList<Guid> CustomerId { get; set; }
        public string Country { get; set; }
        public bool? Enabled { get; set; }
        /// <summary>Every given pair must match the customer's external ids.</summary>
        public IDictionary<string, string> ExternalId { get; set; }
        /// <summary>Wildcard on email.</summary>
        public string Email { get; set; }
    }
}
