namespace MspLicensing
{
    /// <summary>R2: what the account type allows, checked where a command needs it.</summary>
    public static class AccountRules
    {
        /// <summary>Refuses <paramref name="what"/> unless the account is a Customer Licensing Portal account (deleting products, editing descriptions).</summary>
        public static void RequireClp(Account account, string what, string instead)
        {
            if (account.AccountType == AccountType.CustomerLicensingPortal) return;
            throw MspException.ForRule(Rules.R2, "NotAvailableForAccountType", ErrorKind.PermissionDenied,
                $"{what}: only in Customer Licensing Portal accounts; this store belongs to a {account.AccountType} account. {instead}",
                account.AccountType);
        }

        /// <summary>Refuses <paramref name="what"/> (e.g. "Service plans") unless the account is a Licensing Management Platform account.</summary>
        public static void RequireLmp(Account account, string what)
        {
            if (account.AccountType == AccountType.LicensingManagementPlatform) return;
            throw MspException.ForRule(Rules.R2, "NotAvailableForAccountType", ErrorKind.PermissionDenied,
                $"{what}: only in Licensing Management Platform accounts; this store belongs to a {account.AccountType} account. Set-MspAccount -AccountType LicensingManagementPlatform changes the account type.",
                account.AccountType);
        }
    }
}
