using System.Collections.Generic;

namespace MspLicensing
{
    /// <summary>A third-party PSA/RMM plug-in of Remote Manager.</summary>
    public sealed class IntegrationKind
    {
        internal IntegrationKind(string name, string displayName, params AccountType[] accountTypes)
        {
            Name = name;
            DisplayName = displayName;
            AccountTypes = new ReadOnlyTextList<AccountType>(accountTypes);
        }

        public string Name { get; }
        public string DisplayName { get; }
        /// <summary>The account types whose Remote Manager supports the plug-in.</summary>
        public IReadOnlyList<AccountType> AccountTypes { get; }

        public override string ToString() => Name;
    }
}
