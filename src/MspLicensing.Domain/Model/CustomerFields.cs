using System;
using System.Collections.Generic;

namespace MspLicensing
{
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
}
