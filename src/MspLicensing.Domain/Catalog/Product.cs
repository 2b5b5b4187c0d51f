using System.Collections.Generic;

namespace MspLicensing
{
    /// <summary>A product of the built-in catalog (PRODUCT.md 3.2). Immutable.</summary>
    public sealed class Product
    {
        internal Product(string code, string name, ProductKind kind, string activationCodePrefix, string managingConsole,
            IReadOnlyList<string> components = null, string addOnOf = null, IReadOnlyList<DataCenter> dataCenters = null,
            IReadOnlyList<AccountType> remoteManagerAccountTypes = null, bool supportsTemplates = false, string description = null)
        {
            Code = code;
            Name = name;
            Kind = kind;
            ActivationCodePrefix = activationCodePrefix;
            ManagingConsole = managingConsole;
            Components = new ReadOnlyTextList<string>(components);
            AddOnOf = addOnOf;
            DataCenters = new ReadOnlyTextList<DataCenter>(dataCenters);
            RemoteManagerAccountTypes = new ReadOnlyTextList<AccountType>(remoteManagerAccountTypes);
            SupportsTemplates = supportsTemplates;
            Description = description;
        }

        /// <summary>Stable short code users type and scripts keep, e.g. WFBSS.</summary>
        public string Code { get; }
        public string Name { get; }
        public ProductKind Kind { get; }
        /// <summary>Product codes of a suite's components, empty for other kinds.</summary>
        public IReadOnlyList<string> Components { get; }
        /// <summary>The product this one is an add-on of, or null.</summary>
        public string AddOnOf { get; }
        /// <summary>Data centers a service can run in; empty for software and suites.</summary>
        public IReadOnlyList<DataCenter> DataCenters { get; }
        /// <summary>True when Trend Micro Remote Manager is the managing console.</summary>
        public bool ManagedByRemoteManager => ManagingConsole == Catalog.RemoteManagerConsole;
        /// <summary>The console that manages the product.</summary>
        public string ManagingConsole { get; }
        /// <summary>The account types under which Remote Manager supports the product (seed 000 table).</summary>
        public IReadOnlyList<AccountType> RemoteManagerAccountTypes { get; }
        /// <summary>Whether Remote Manager policy templates apply (R72).</summary>
        public bool SupportsTemplates { get; }
        /// <summary>Two-letter prefix of the product's activation codes (R32).</summary>
        public string ActivationCodePrefix { get; }
        public string Description { get; }

        public override string ToString() => Code;
    }
}
