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
        public string Summary { get; set; }

        public override string ToString() => $"{Action} {TargetType} {Target}";
    }

    public sealed class AuditQuery
    {
        public DateTime? AfterUtc { get; set; }
        public DateTime? BeforeUtc { get; set; }
        public string TargetType { get; set; }
        /// <summary>Wildcard on the target name.</summary>
        public string Target { get; set; }
        public string TargetId { get; set; }
        /// <summary>Wildcard on the command name.</summary>
        public string Command { get; set; }
        public string User { get; set; }
    }
}
