using System;

namespace MspLicensing.Store
{
    /// <summary>What a full check of a store file found (Test-MspStore). The check reads only: the file is left as it was.</summary>
    public sealed class StoreHealth
    {
        public string Path { get; set; }
        /// <summary>True when nothing is wrong: every page, document and index reads and agrees.</summary>
        public bool Healthy { get; set; }
        /// <summary>What is wrong, one sentence each; empty when the store is healthy.</summary>
        public string[] Problems { get; set; } = new string[0];
        /// <summary>The schema version the store records, when it can be read.</summary>
        public int? SchemaVersion { get; set; }
        public bool Encrypted { get; set; }
        /// <summary>How many pages of the file were checked.</summary>
        public long Pages { get; set; }
        /// <summary>How many documents were read and mapped.</summary>
        public int Documents { get; set; }
    }
}
