using System;

namespace MspLicensing
{
    /// <summary>One row of the account-type feature matrix (R2, seed 000).</summary>
    public sealed class Feature
    {
        internal Feature(string id, string area, string name, string lmp, string clp, bool lmpSupported, bool clpSupported)
        {
            Id = id;
            Area = area;
            Name = name;
            LicensingManagementPlatform = lmp;
            CustomerLicensingPortal = clp;
            SupportedInLmp = lmpSupported;
            SupportedInClp = clpSupported;
        }

        /// <summary>Stable key, e.g. DeleteCustomers.</summary>
        public string Id { get; }
        public string Area { get; }
        public string Name { get; }
        /// <summary>What a Licensing Management Platform account has.</summary>
        public string LicensingManagementPlatform { get; }
        /// <summary>What a Customer Licensing Portal account has.</summary>
        public string CustomerLicensingPortal { get; }
        public bool SupportedInLmp { get; }
        public bool SupportedInClp { get; }

        public bool IsSupported(AccountType type) =>
            type == AccountType.LicensingManagementPlatform ? SupportedInLmp : SupportedInClp;

        public string For(AccountType type) =>
            type == AccountType.LicensingManagementPlatform ? LicensingManagementPlatform : CustomerLicensingPortal;

        public override string ToString() => Name;
    }
}
