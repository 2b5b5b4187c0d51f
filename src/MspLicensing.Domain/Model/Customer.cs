using System;

namespace MspLicensing
{
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
}
