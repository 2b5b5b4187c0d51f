using System;
using System.Collections.Generic;
using Newtonsoft.Json;
using Newtonsoft.Json.Converters;

namespace MspLicensing
{
    /// <summary>A policy template of Remote Manager (R72).</summary>
    public sealed class Template : IVersioned
    {
        public Guid TemplateId { get; set; }
        public string Name { get; set; }
        /// <summary>WFBSS or CE.</summary>
        public string Product { get; set; }
        public string Description { get; set; }
        public TextMap Settings { get; set; } = new TextMap();
        public DateTime CreatedUtc { get; set; }
        public DateTime ModifiedUtc { get; set; }
        public int Revision { get; set; }

        /// <summary>How many customers have the template, filled in when read for output.</summary>
        public int Customers { get; set; }

        public override string ToString() => Name;
    }

    [JsonConverter(typeof(StringEnumConverter))]
    public enum SyncSide
    {
        LicensingManagementPlatform,
        RemoteManager,
    }

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

    /// <summary>What Sync-MspRemoteManager applied.</summary>
    public sealed class SyncResult
    {
        public string Customer { get; set; }
        public string Change { get; set; }
        public SyncSide To { get; set; }
        public string Summary { get; set; }
        public DateTime QueuedUtc { get; set; }
    }

    /// <summary>R71: a product Remote Manager manages for a customer.</summary>
    [JsonConverter(typeof(StringEnumConverter))]
    public enum ManagedStatus
    {
        Normal,
        ExpiringSoon,
        Expired,
        ExceededAllocation,
    }

    public sealed class ManagedProduct
    {
        public string Customer { get; set; }
        public string Product { get; set; }
        public string ProductName { get; set; }
        public string ActivationCode { get; set; }
        public LicenseModel LicenseModel { get; set; }
        public string LicenseType { get; set; }
        public int Seats { get; set; }
        public int? Used { get; set; }
        public DateTime ExpirationDate { get; set; }
        public ManagedStatus Status { get; set; }
        /// <summary>Where the product's console opens from in Remote Manager.</summary>
        public string OpenConsole { get; set; }

        public override string ToString() => $"{Product} {Status}";
    }
}
