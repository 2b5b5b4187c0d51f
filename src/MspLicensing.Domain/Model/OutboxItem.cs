using System;

namespace MspLicensing
{
    /// <summary>R70: a change waiting to reach the other side.</summary>
    public sealed class OutboxItem : IVersioned
    {
        public Guid OutboxItemId { get; set; }
        public Guid CustomerId { get; set; }
        /// <summary>Create or Update.</summary>
        public string Change { get; set; }
        /// <summary>The side the change goes to.</summary>
        public SyncSide To { get; set; }
        public string Summary { get; set; }
        public DateTime CreatedUtc { get; set; }
        public int Revision { get; set; }
    }
}
