using System;

namespace MspLicensing
{
    /// <summary>One change recorded in the audit log: when, who, which command, which object, before and after.</summary>
    public sealed class AuditEntry
    {
        public long Id { get; set; }
        public DateTime TimeUtc { get; set; }
        /// <summary>The time in the local time zone of the reader.</summary>
        public DateTime Time => DateTime.SpecifyKind(TimeUtc, DateTimeKind.Utc).ToLocalTime();
        public string User { get; set; }
        public string Command { get; set; }
        /// <summary>Create, Update, Delete.</summary>
        public string Action { get; set; }
        public string TargetType { get; set; }
        public string TargetId { get; set; }
        public string Target { get; set; }
        /// <summary>
        /// The customer the change concerns: the customer record itself, or the customer whose subscription, license,
        /// crossgrade, migration, usage report line or template assignment changed. Null for changes that concern no
        /// one customer (plans, templates, the account), and for older entries the store could not trace to a customer.
        /// </summary>
        public Guid? CustomerId { get; set; }
        /// <summary>The customer's name as it is now, filled in when the log is read; null when the customer was deleted.</summary>
        public string Customer { get; set; }
        public string Summary { get; set; }

        public override string ToString() => $"{Action} {TargetType} {Target}";
    }
}
