using System;

namespace MspLicensing
{
    /// <summary>What Sync-MspRemoteManager applied.</summary>
    public sealed class SyncResult
    {
        public string Customer { get; set; }
        public string Change { get; set; }
        public SyncSide To { get; set; }
        public string Summary { get; set; }
        public DateTime QueuedUtc { get; set; }
    }
}
