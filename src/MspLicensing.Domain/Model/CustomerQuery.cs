using System;
using System.Collections.Generic;

namespace MspLicensing
{
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
