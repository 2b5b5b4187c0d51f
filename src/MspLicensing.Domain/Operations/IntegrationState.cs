using System;
using MspLicensing.Store;

namespace MspLicensing
{
    /// <summary>A Remote Manager plug-in as the account has it (R73).</summary>
    public sealed class IntegrationState
    {
        public string Name { get; set; }
        public string DisplayName { get; set; }
        public bool Enabled { get; set; }
        /// <summary>Whether the account's type supports the plug-in.</summary>
        public bool Supported { get; set; }
        public string AccountTypes { get; set; }
        /// <summary>How many customers carry an external id for this tool.</summary>
        public int Customers { get; set; }

        public override string ToString() => Name;
    }
}
