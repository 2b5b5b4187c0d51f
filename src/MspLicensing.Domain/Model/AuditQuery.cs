using System;

namespace MspLicensing
{
    public sealed class AuditQuery
    {
        public DateTime? AfterUtc { get; set; }
        public DateTime? BeforeUtc { get; set; }
        public string TargetType { get; set; }
        /// <summary>Wildcard on the target name.</summary>
        public string Target { get; set; }
        public string TargetId { get; set; }
        /// <summary>
        /// Every change that concerns the customer (<see cref="AuditEntry.CustomerId"/>), and the entries of its
        /// customer record written before the log kept the customer of each change.
        /// </summary>
        public Guid? CustomerId { get; set; }
        /// <summary>Wildcard on the command name.</summary>
        public string Command { get; set; }
        public string User { get; set; }
    }
}
