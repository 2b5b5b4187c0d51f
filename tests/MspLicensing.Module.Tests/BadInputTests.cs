using System.Linq;
using System.Text;
using MspLicensing.Module.Tests.Hosting;
using Xunit;

namespace MspLicensing.Module.Tests
{
    /// <summary>Bad input for every cmdlet: a clear error that names the field and the value, and an unchanged store.</summary>
    public class BadInputTests
    {
        public static TheoryData<string, string, string> Cases => new TheoryData<string, string, string>
        {
            { "Connect-MspStore -Path ./folder", "MspLicensing.StorePathIsFolder", "folder" },
            { "Connect-MspStore -Path ''", "ParameterArgumentValidationError", "Path" },
            { "Disconnect-MspStore -Path ./other.db", "NamedParameterNotFound", "Path" },
            { "Get-MspStore -Name x", "NamedParameterNotFound", "Name" },
            { "Backup-MspStore -Path ./exists.txt", "MspLicensing.BackupTargetExists", "exists.txt" },
            { "Get-MspAuditLog -After 'next tuesday-ish'", "ParameterArgumentTransformationError", "'next tuesday-ish' is not a date" },
            { "Get-MspAccount -Name x", "NamedParameterNotFound", "Name" },
            { "Set-MspAccount -SeatBands 10,5", "MspLicensing.InvalidSeatBands", "SeatBands '10,5'" },
            { "Set-MspAccount -SeatBands 1,50,20", "MspLicensing.InvalidSeatBands", "20 follows 50" },
            { "Set-MspAccount -AccountType Partner", "CannotConvertArgumentNoMessage", "Partner" },
            { "Set-MspAccount -DefaultDataCenter Mars", "MspLicensing.InvalidValue", "DefaultDataCenter 'Mars'" },
            { "Set-MspAccount -Name ('x' * 101)", "MspLicensing.InvalidValue", "at most 100 characters" },
            { "Get-MspFeature -AccountType Partner", "CannotConvertArgumentNoMessage", "Partner" },
            { "Get-MspProduct NOPE", "MspLicensing.ProductNotFound", "'NOPE'" },
            { "Get-MspProduct -DataCenter Mars", "MspLicensing.InvalidValue", "DataCenter 'Mars'" },
            { "Get-MspProduct -Kind Hardware", "CannotConvertArgumentNoMessage", "Hardware" },
            { "New-MspCustomer -Name Tailspin -Country XX -City London -ContactFirstName A -ContactLastName B -Email a@b.com", "MspLicensing.InvalidValue", "Country 'XX'" },
            { "New-MspCustomer -Name Tailspin -Country GB -City London -ContactFirstName A -ContactLastName B -Email a@b", "MspLicensing.InvalidValue", "Email 'a@b'" },
            { "New-MspCustomer -Name Tailspin -Country GB -City London -ContactFirstName A -ContactLastName B -Email a@b.com -Phone 'ring ring'", "MspLicensing.InvalidValue", "Phone 'ring ring'" },
            { "New-MspCustomer -Name Tailspin -Country GB -City London -ContactFirstName A -ContactLastName B -Email a@b.com -TimeZone Narnia", "MspLicensing.InvalidValue", "TimeZone 'Narnia'" },
            { "New-MspCustomer -Name Tailspin -Country GB -City London -ContactFirstName A -ContactLastName B -Email a@b.com -Language british", "MspLicensing.InvalidValue", "Language 'british'" },
            { "New-MspCustomer -Name Tailspin -Country GB -City London -ContactFirstName A -ContactLastName B -Email a@b.com -ExternalId 'Autotask'", "ParameterArgumentTransformationError", "Tool=Id" },
            { "New-MspCustomer -Name Tailspin -Country GB -City London -ContactFirstName A -ContactLastName B -Email a@b.com -Enabled maybe", "ParameterArgumentTransformationError", "'maybe'" },
            { "New-MspCustomer -Name ('T' * 101) -Country GB -City London -ContactFirstName A -ContactLastName B -Email a@b.com", "MspLicensing.InvalidValue", "at most 100" },
            { "New-MspCustomer -Name CONTOSO -Country GB -City London -ContactFirstName A -ContactLastName B -Email a@b.com", "MspLicensing.CustomerNameTaken", "'CONTOSO'" },
            { "New-MspCustomer -Name Tailspin -Country GB -City '' -ContactFirstName A -ContactLastName B -Email a@b.com", "ParameterArgumentValidationErrorEmptyStringNotAllowed", "City" },
            { "Get-MspCustomer -Country XX", "MspLicensing.InvalidValue", "Country 'XX'" },
            { "Get-MspCustomer -CustomerId not-a-guid", "CannotConvertArgumentNoMessage", "not-a-guid" },
            { "Set-MspCustomer -Name Nobody -City Paris", "MspLicensing.CustomerNotFound", "'Nobody'" },
            { "Set-MspCustomer -Name Contoso -Email 'contoso at example'", "MspLicensing.InvalidValue", "Email 'contoso at example'" },
            { "Set-MspCustomer -Name Contoso -NewName fabrikam", "MspLicensing.CustomerNameTaken", "'fabrikam'" },
            { "Set-MspCustomer -Name Contoso -Country Atlantis", "MspLicensing.InvalidValue", "Country 'Atlantis'" },
            { "Set-MspCustomer -Name Contoso -City ''", "ParameterArgumentValidationError", "City" },
            { "Remove-MspCustomer -Name Nobody -Confirm:$false", "MspLicensing.CustomerNotFound", "'Nobody'" },
            { "Remove-MspCustomer -Name Contoso -Confirm:$false", "MspLicensing.CustomerDeletionNotAllowed", "Contoso" },
            { "New-MspServicePlan -Name Other -Product NOPE", "MspLicensing.ProductNotFound", "'NOPE'" },
            { "New-MspServicePlan -Name Other -Product WFBSS -InitialPeriodMonths 40", "MspLicensing.InvalidValue", "InitialPeriodMonths '40'" },
            { "New-MspServicePlan -Name Other -Product WFBSS -AutoRenewalMonths 37", "MspLicensing.InvalidValue", "AutoRenewalMonths '37'" },
            { "New-MspServicePlan -Name Other -Product CAS -DataCenter Germany", "MspLicensing.InvalidValue", "DataCenter 'Germany'" },
            { "New-MspServicePlan -Name Other -Product WFBSS -DataCenter Mars", "MspLicensing.InvalidValue", "DataCenter 'Mars'" },
            { "New-MspServicePlan -Name basic -Product CAS", "MspLicensing.ServicePlanNameTaken", "'basic'" },
            { "New-MspServicePlan -Name Other -Product WFBSS -Version Trial -Seats 11", "MspLicensing.TrialSeatLimit", "11" },
            { "New-MspServicePlan -Name Other -Product WFBSS -Version Beta", "CannotConvertArgumentNoMessage", "Beta" },
            { "Get-MspServicePlan -Name Nope", "MspLicensing.ServicePlanNotFound", "'Nope'" },
            { "Get-MspServicePlan -Product NOPE", "MspLicensing.ProductNotFound", "'NOPE'" },
            { "Set-MspServicePlan -Name XDR -Product WFXDR, TMWS", "MspLicensing.BundleProductsFixed", "bundle" },
            { "Set-MspServicePlan -Name Nope -Enabled $false", "MspLicensing.ServicePlanNotFound", "'Nope'" },
            { "Set-MspServicePlan -Name Basic -ExpirationNoticeDays 400", "MspLicensing.InvalidValue", "ExpirationNoticeDays '400'" },
            { "Remove-MspServicePlan -Name Basic -Confirm:$false", "MspLicensing.ServicePlanInUse", "Basic" },
            { "New-MspSubscription -Customer Fabrikam -ServicePlan Nope", "MspLicensing.ServicePlanNotFound", "'Nope'" },
            { "New-MspSubscription -Customer Nobody -ServicePlan Basic", "MspLicensing.CustomerNotFound", "'Nobody'" },
            { "New-MspSubscription -Customer Fabrikam -ServicePlan Basic -Seats 0", "MspLicensing.InvalidValue", "Seats '0'" },
            { "New-MspSubscription -Customer Fabrikam -ServicePlan Basic -Seats 1000000", "MspLicensing.InvalidValue", "Seats '1000000'" },
            { "New-MspSubscription -Customer Fabrikam -ServicePlan Trial -Seats 11", "MspLicensing.TrialSeatLimit", "at most 10 seats" },
            { "New-MspSubscription -Customer Fabrikam -ServicePlan Basic -StartDate 1999-12-31", "MspLicensing.InvalidValue", "StartDate '1999-12-31'" },
            { "New-MspSubscription -Customer Fabrikam -ServicePlan Basic -StartDate 2026-02-30", "ParameterArgumentTransformationError", "parameter 'StartDate'. '2026-02-30' is not a date: give an ISO date, yyyy-MM-dd" },
            { "New-MspSubscription -Customer Fabrikam -ServicePlan Basic -StartDate ''", "CannotConvertArgumentNoMessage", "'StartDate'" },
            { "New-MspSubscription -Customer Fabrikam -ServicePlan Basic -ProductSeats @{ WFBSS = 'many' }", "MspLicensing.InvalidValue", "ProductSeats.WFBSS 'many'" },
            { "New-MspSubscription -Customer Fabrikam -ServicePlan Basic -ProductSeats @{ CAS = 3 }", "MspLicensing.InvalidValue", "ProductSeats 'CAS'" },
            { "New-MspSubscription -Customer Contoso -ServicePlan XDR", "MspLicensing.CrossgradeRequired", "WFBSS" },
            { "Get-MspSubscription -Customer Nobody", "MspLicensing.CustomerNotFound", "'Nobody'" },
            { "Get-MspSubscription -Status Paused", "CannotConvertArgumentNoMessage", "Paused" },
            { "Set-MspSubscription -Customer Contoso -Seats 1000000", "MspLicensing.InvalidValue", "Seats '1000000'" },
            { "Set-MspSubscription -Customer Contoso -Seats 5 -Date 2020-01-01", "MspLicensing.InvalidValue", "Date '2020-01-01'" },
            { "Set-MspSubscription -Customer Contoso -ExpirationDate 2025-01-01", "MspLicensing.InvalidValue", "ExpirationDate '2025-01-01'" },
            { "Set-MspSubscription -Customer Contoso -ExpirationDate 2100-01-01", "MspLicensing.InvalidValue", "ExpirationDate '2100-01-01'" },
            { "Set-MspSubscription -Customer Fabrikam -Seats 5", "MspLicensing.SubscriptionNotFound", "Fabrikam" },
            { "Suspend-MspSubscription -Customer Fabrikam", "MspLicensing.SubscriptionNotFound", "Fabrikam" },
            { "Suspend-MspSubscription -Customer Contoso -ExpirationDate 2030-01-01", "MspLicensing.InvalidValue", "ExpirationDate '2030-01-01'" },
            { "Resume-MspSubscription -Customer Contoso", "MspLicensing.SubscriptionNotSuspended", "not suspended" },
            { "Stop-MspSubscription -Customer Contoso -Date 2000-01-01 -Confirm:$false", "MspLicensing.InvalidValue", "Date '2000-01-01'" },
            { "Convert-MspSubscription -Customer Contoso -ServicePlan Basic", "MspLicensing.SubscriptionNotFound", "trial" },
            { "Get-MspLicense -ActivationCode WF-AAAA-BBBBB-CCCCC-DDDDD-EEEEE-FFFFF", "MspLicensing.LicenseNotFound", "WF-AAAA-BBBBB-CCCCC-DDDDD-EEEEE-FFFFF" },
            { "Get-MspLicense -Product NOPE", "MspLicensing.ProductNotFound", "'NOPE'" },
            { "Set-MspLicense -ActivationCode not-a-code -Used 5", "MspLicensing.InvalidValue", "ActivationCode 'not-a-code'" },
            { "Set-MspLicense -ActivationCode WF-AAAA-BBBBB-CCCCC-DDDDD-EEEEE-FFFFF -Used 5", "MspLicensing.LicenseNotFound", "WF-AAAA-BBBBB-CCCCC-DDDDD-EEEEE-FFFFF" },
            { "Get-MspLicense -Customer Contoso | Set-MspLicense -Used -1", "MspLicensing.InvalidValue", "Used '-1'" },
            { "Remove-MspLicense -ActivationCode not-a-code -Confirm:$false", "MspLicensing.InvalidValue", "ActivationCode 'not-a-code'" },
            { "Remove-MspLicense -ActivationCode WF-AAAA-BBBBB-CCCCC-DDDDD-EEEEE-FFFFF -Confirm:$false", "MspLicensing.LicenseNotFound", "WF-AAAA-BBBBB-CCCCC-DDDDD-EEEEE-FFFFF" },
            { "Get-MspLicense -Customer Contoso | Remove-MspLicense -Confirm:$false", "MspLicensing.LicenseNotUnbundled", "Stop-MspSubscription" },
            { "Get-MspLicense -Customer Contoso | Remove-MspLicense -Date 1999-01-01 -Confirm:$false", "MspLicensing.InvalidValue", "Date '1999-01-01'" },
            { "Remove-MspLicense -LicenseId 5d8a3c61-2f4e-4b7a-9c1d-8e6f0a2b4c3d -WhatIf", "MspLicensing.LicenseNotFound", "5d8a3c61-2f4e-4b7a-9c1d-8e6f0a2b4c3d" },
            { "Invoke-MspRenewal -AsOf 2150-01-01", "MspLicensing.InvalidValue", "AsOf '2150-01-01'" },
            { "Invoke-MspRenewal -AsOf someday", "ParameterArgumentTransformationError", "parameter 'AsOf'. 'someday' is not a date" },
            { "Get-MspCrossgradePlan -Customer Contoso -ServicePlan Nope", "MspLicensing.ServicePlanNotFound", "'Nope'" },
            { "Get-MspCrossgradePlan -Customer Nobody -ServicePlan XDR", "MspLicensing.CustomerNotFound", "'Nobody'" },
            { "Get-MspCrossgradePlan -Customer Contoso -ServicePlan XDR -SoftwareAction @{ CAS = 'New' }", "MspLicensing.InvalidValue", "SoftwareAction 'CAS'" },
            { "Invoke-MspCrossgrade -Customer Contoso -ServicePlan XDR -SoftwareAction @{ 'WFBS-ADV' = 'Keep' }", "MspLicensing.InvalidValue", "SoftwareAction.WFBS-ADV 'Keep'" },
            { "Invoke-MspCrossgrade -Customer Contoso -ServicePlan Trial", "MspLicensing.CrossgradeToTrial", "Trial" },
            { "Invoke-MspCrossgrade -Customer Contoso -ServicePlan XDR -Seats 0", "MspLicensing.InvalidValue", "Seats '0'" },
            { "Invoke-MspCrossgrade -Customer Contoso -ServicePlan XDR -Date 1999-01-01", "MspLicensing.InvalidValue", "Date '1999-01-01'" },
            { "Get-MspUsageReport -Month 2026-13", "MspLicensing.InvalidValue", "Month '2026-13'" },
            { "Get-MspUsageReport -Month March", "MspLicensing.InvalidValue", "yyyy-MM" },
            { "Get-MspUsageReport -Month 2026-03 -Product NOPE", "MspLicensing.ProductNotFound", "'NOPE'" },
            { "Get-MspUsageReport -From 2026-05 -To 2026-02", "MspLicensing.MonthRangeReversed", "From '2026-05' is after To '2026-02'" },
            { "Get-MspUsageReport -From 2026-13", "MspLicensing.InvalidValue", "From '2026-13'" },
            { "Get-MspUsageReport -Month 2026-01 -To 2026-02", "MspLicensing.MonthAndRange", "not both" },
            { "Get-MspUsageMonth -To 2026-1x", "MspLicensing.InvalidValue", "To '2026-1x'" },
            { "Get-MspUsageMonth -Status Closed", "CannotConvertArgumentNoMessage", "Closed" },
            { "Get-MspUsageTrend -From 2026-05 -To 2026-02", "MspLicensing.MonthRangeReversed", "From '2026-05' is after To '2026-02'" },
            { "Get-MspUsageTrend -From 2020-01 -To 2026-02", "MspLicensing.MonthRangeTooLong", "at most 36 months" },
            { "Get-MspUsageTrend -To 2026-1x", "MspLicensing.InvalidValue", "To '2026-1x'" },
            { "Get-MspUsageTrend -Product NOPE", "MspLicensing.ProductNotFound", "'NOPE'" },
            { "Get-MspRightSizing -Month 2026-03 -Months 0", "MspLicensing.InvalidValue", "Months '0'" },
            { "Get-MspRightSizing -Month 2026-03 -Threshold 100%", "MspLicensing.InvalidValue", "Threshold '100'" },
            { "Get-MspRightSizing -Month 2026-03 -Threshold lots", "CannotConvertArgumentNoMessage", "lots" },
            { "Get-MspRightSizing -Month 2026-13", "MspLicensing.InvalidValue", "Month '2026-13'" },
            { "Get-MspRightSizing -Month 2026-03 -Customer Nobody", "MspLicensing.CustomerNotFound", "'Nobody'" },
            { "Export-MspUsageReport -Month 2026-03 -Path ./u.html -Format Html -ByCustomer", "MspLicensing.HtmlByCustomer", "-ByCustomer" },
            { "Get-MspAuditLog -Customer Nobody", "MspLicensing.CustomerNotFound", "'Nobody'" },
            { "Set-MspUsageReport -Month 2026-03 -Customer Contoso -Product WFBSS -Chargeable 5", "MspLicensing.CommentRequired", "-Comment" },
            { "Set-MspUsageReport -Month 2026-03 -Customer Contoso -Product WFBSS -Chargeable 11 -Comment more", "MspLicensing.InvalidValue", "Chargeable '11'" },
            { "Set-MspUsageReport -Month 2026-03 -Customer Contoso -Product CAS -Chargeable 1 -Comment x", "MspLicensing.UsageLineNotFound", "CAS" },
            { "Submit-MspUsageReport -Month 2099-01", "MspLicensing.InvalidValue", "Month '2099-01'" },
            { "Approve-MspUsageReport -Month 2026-03", "MspLicensing.UsageReportNotSubmitted", "Preparing" },
            { "Deny-MspUsageReport -Month 2026-03 -Reason wrong", "MspLicensing.UsageReportNotSubmitted", "Preparing" },
            { "Export-MspUsageReport -Month 2026-03 -Path ./exists.txt", "MspLicensing.ExportTargetExists", "exists.txt" },
            { "Export-MspUsageReport -Month 2026-03 -Path . -Force", "MspLicensing.ExportPathIsFolder", "is a folder" },
            { "Export-MspUsageReport -Month 2026-03 -Path ./u.xml -Format Xml", "CannotConvertArgumentNoMessage", "Xml" },
            { "Register-MspProduct Contoso WFBSS -LicenseType Standard -Seats 5 -ExpirationDate 2027-01-01 -ActivationCode WF-AAAA-BBBBB-CCCCC-DDDDD-EEEEE-FFFFF", "MspLicensing.MspLicenseHeld", "R39" },
            { "Register-MspProduct Fabrikam SMEX -LicenseType Standard -Seats 5 -ExpirationDate 2027-01-01 -ActivationCode SM-AAAA-BBBBB-CCCCC-DDDDD-EEEEE-FFFFF", "MspLicensing.ProductNotRegistrable", "SMEX" },
            { "Register-MspProduct Fabrikam WFBSS -LicenseType Leased -Seats 5 -ExpirationDate 2027-01-01 -ActivationCode WF-AAAA-BBBBB-CCCCC-DDDDD-EEEEE-FFFFF", "CannotConvertArgumentNoMessage", "Leased" },
            { "Register-MspProduct Fabrikam WFBSS -LicenseType Standard -Seats 5 -ExpirationDate 2027-01-01 -ActivationCode WF-123", "MspLicensing.InvalidValue", "ActivationCode 'WF-123'" },
            { "Register-MspProduct Fabrikam WFBSS -LicenseType Standard -Seats 5 -ExpirationDate 2027-01-01 -AuthorizationKey short", "MspLicensing.InvalidValue", "AuthorizationKey 'short'" },
            { "Register-MspProduct Fabrikam WFBSS -LicenseType Standard -Seats 0 -ExpirationDate 2027-01-01 -ActivationCode WF-AAAA-BBBBB-CCCCC-DDDDD-EEEEE-FFFFF", "MspLicensing.InvalidValue", "Seats '0'" },
            { "Unregister-MspProduct -ActivationCode WF-AAAA-BBBBB-CCCCC-DDDDD-EEEEE-FFFFF -Confirm:$false", "MspLicensing.LicenseNotFound", "WF-AAAA-BBBBB-CCCCC-DDDDD-EEEEE-FFFFF" },
            { "Get-MspLicense Contoso | Unregister-MspProduct -Confirm:$false", "MspLicensing.NotAvailableForAccountType", "Customer Licensing Portal" },
            { "Start-MspLicenseMigration -ActivationCode WF-AAAA-BBBBB-CCCCC-DDDDD-EEEEE-FFFFF -ServicePlan Basic", "MspLicensing.LicenseNotFound", "WF-AAAA-BBBBB-CCCCC-DDDDD-EEEEE-FFFFF" },
            { "Get-MspLicense Contoso | Start-MspLicenseMigration -ServicePlan Basic", "MspLicensing.NotANonMspLicense", "not a non-MSP license" },
            { "Start-MspLicenseMigration -Customer Fabrikam -Product WFBSS -ActivationCode WF-NNNN-BBBBB-CCCCC-DDDDD-EEEEE-FFFFF -LicenseType NFR -Seats 5 -ServicePlan Basic", "MspLicensing.NfrLicenseNotMigrated", "NFR" },
            { "Get-MspLicenseMigration -Status Finished", "CannotConvertArgumentNoMessage", "Finished" },
            { "Complete-MspLicenseMigration -MigrationId 5d8a3c61-2f4e-4b7a-9c1d-8e6f0a2b4c3d", "MspLicensing.MigrationNotFound", "5d8a3c61-2f4e-4b7a-9c1d-8e6f0a2b4c3d" },
            { "Get-MspManagedProduct -Customer Nobody", "MspLicensing.CustomerNotFound", "'Nobody'" },
            { "Get-MspManagedProduct -Customer Contoso", "MspLicensing.NotInRemoteManager", "Sync-MspRemoteManager" },
            { "New-MspTemplate -Name Mail -Product HES", "MspLicensing.TemplatesNotSupported", "HES" },
            { "Set-MspTemplate -Name Nope -Setting @{ a = 1 }", "MspLicensing.TemplateNotFound", "'Nope'" },
            { "Set-MspCustomer -Name Contoso -Template Nope", "MspLicensing.TemplateNotFound", "'Nope'" },
            { "Enable-MspIntegration -Name Salesforce", "MspLicensing.InvalidValue", "Name 'Salesforce'" },
            { "Disable-MspIntegration -Name Salesforce", "MspLicensing.InvalidValue", "Name 'Salesforce'" },
            { "Get-MspTemplate -Bogus", "NamedParameterNotFound", "Bogus" },
            { "Get-MspIntegration -Bogus", "NamedParameterNotFound", "Bogus" },
            { "Sync-MspRemoteManager -Bogus", "NamedParameterNotFound", "Bogus" },
            // Hostile input: text that is not whole Unicode or holds control characters, in every text field the store keeps.
            { "New-MspCustomer -Name \"Bad$([char]0xD800)Sur\" -Country GB -City London -ContactFirstName A -ContactLastName B -Email a@b.com", "MspLicensing.InvalidValue", "Name 'Bad`u{D800}Sur' is not valid: Name is not whole Unicode text: `u{D800} at position 4" },
            { "New-MspCustomer -Name \"Tail`tspin\" -Country GB -City London -ContactFirstName A -ContactLastName B -Email a@b.com", "MspLicensing.InvalidValue", "Name 'Tail`tspin' is not valid: Name is one line of text" },
            { "Set-MspCustomer -Name Contoso -City \"Lon`ndon\"", "MspLicensing.InvalidValue", "Customer 'Contoso': City 'Lon`ndon'" },
            { "Set-MspCustomer -Name Contoso -ContactLastName \"Lee$([char]0x202E)\"", "MspLicensing.InvalidValue", "ContactLastName 'Lee`u{202E}' is not valid: ContactLastName cannot contain direction overrides" },
            { "Set-MspCustomer -Name Contoso -Address \"Main St $([char]0xDC00)\"", "MspLicensing.InvalidValue", "Address 'Main St `u{DC00}'" },
            { "Set-MspCustomer -Name Contoso -Notes \"Key$([char]0)account\"", "MspLicensing.InvalidValue", "Notes 'Key`0account' is not valid: Notes cannot contain control characters other than line breaks and tabs" },
            { "Set-MspCustomer -Name Contoso -ExternalId @{ Autotask = \"08$([char]0xDC00)15\" }", "MspLicensing.InvalidValue", "ExternalId.Autotask '08`u{DC00}15'" },
            { "New-MspServicePlan -Name \"Other$([char]0xD800)\" -Product CAS", "MspLicensing.InvalidValue", "Service plan 'Other`u{D800}': Name 'Other`u{D800}'" },
            { "Set-MspServicePlan -Name Basic -Description \"Monthly$([char]0xD800)\"", "MspLicensing.InvalidValue", "Service plan 'Basic': Description 'Monthly`u{D800}'" },
            { "New-MspTemplate -Name \"WF`nbaseline\" -Product WFBSS", "MspLicensing.InvalidValue", "Name 'WF`nbaseline'" },
            { "New-MspTemplate -Name WF -Product WFBSS -Setting @{ RealTimeScan = \"O$([char]0xD800)n\" }", "MspLicensing.InvalidValue", "Template 'WF': Setting.RealTimeScan 'O`u{D800}n'" },
            { "New-MspTemplate -Name WF -Product WFBSS -Description ('d' * 1MB)", "MspLicensing.InvalidValue", "Description '" + new string('d', 60) + "…' (1048576 characters) is not valid" },
            { "Set-MspUsageReport -Month 2026-03 -Customer Contoso -Product WFBSS -Chargeable 5 -Comment \"late$([char]0xD800)\"", "MspLicensing.InvalidValue", "Comment 'late`u{D800}'" },
            { "Set-MspAccount -Name \"Partner$([char]0xD800)\"", "MspLicensing.InvalidValue", "Name 'Partner`u{D800}'" },
            // Hostile input: wildcard patterns that are not valid.
            { "Get-MspCustomer -Name '[z-a]'", "MspLicensing.InvalidWildcardPattern", "Name '[z-a]' is not a valid wildcard pattern: the range z-a runs backwards" },
            { "Get-MspCustomer -Name 'x[]'", "MspLicensing.InvalidWildcardPattern", "Name 'x[]' is not a valid wildcard pattern: the '[' at position 2 opens a set that no ']' closes" },
            { "Get-MspCustomer -Email '[z-a]@contoso.com'", "MspLicensing.InvalidWildcardPattern", "Email '[z-a]@contoso.com'" },
            { "Get-MspCustomer -ExternalId @{ Autotask = 'x[' }", "MspLicensing.InvalidWildcardPattern", "ExternalId.Autotask 'x['" },
            { "Get-MspServicePlan -Name 'Basic['", "MspLicensing.InvalidWildcardPattern", "Name 'Basic['" },
            { "Get-MspLicense -ActivationCode 'WF-[Z-A]*'", "MspLicensing.InvalidWildcardPattern", "ActivationCode 'WF-[Z-A]*'" },
            { "Get-MspProduct -Name 'Worry[-Free'", "MspLicensing.InvalidWildcardPattern", "Name 'Worry[-Free'" },
            { "Get-MspTemplate -Name '[b-a]'", "MspLicensing.InvalidWildcardPattern", "Name '[b-a]'" },
            { "Get-MspAuditLog -Target '[b-a]'", "MspLicensing.InvalidWildcardPattern", "Target '[b-a]'" },
            { "Get-MspAuditLog -User 'x[]'", "MspLicensing.InvalidWildcardPattern", "User 'x[]'" },
            { "Get-MspFeature -Name 'Templates['", "MspLicensing.InvalidWildcardPattern", "Name 'Templates['" },
            { "Get-MspIntegration -Name '[z-a]'", "MspLicensing.InvalidWildcardPattern", "Name '[z-a]'" },
            // Hostile input: tables of the wrong shape.
            { "New-MspCustomer -Name Tailspin -Country GB -City London -ContactFirstName A -ContactLastName B -Email a@b.com -ExternalId @{ Autotask = @{ x = 1 } }", "MspLicensing.InvalidValue", "ExternalId.Autotask 'System.Collections.Hashtable' is not valid: a value is text or a number, not a Hashtable" },
            { "New-MspCustomer -Name Tailspin -Country GB -City London -ContactFirstName A -ContactLastName B -Email a@b.com -ExternalId @{ Autotask = 1, 2 }", "MspLicensing.InvalidValue", "ExternalId.Autotask 'System.Object[]'" },
            { "$h = New-Object System.Collections.Specialized.OrderedDictionary; $h['Autotask'] = '1'; $h['AUTOTASK'] = '2'; New-MspCustomer -Name Tailspin -Country GB -City London -ContactFirstName A -ContactLastName B -Email a@b.com -ExternalId $h", "MspLicensing.DuplicateKey", "which are one key: keys ignore case" },
            { "Set-MspCustomer -Name Contoso -ExternalId 'Autotask=1;AUTOTASK=2'", "ParameterArgumentTransformationError", "'Autotask' and 'AUTOTASK'" },
            { "New-MspTemplate -Name WF -Product WFBSS -Setting @{ RealTimeScan = @{ x = 1 } }", "MspLicensing.InvalidValue", "Setting.RealTimeScan 'System.Collections.Hashtable'" },
            { "Set-MspServicePlan -Name Basic -DataCenter @{ WFBSS = 'Germany', 'Japan' }", "MspLicensing.InvalidValue", "DataCenter.WFBSS 'System.Object[]'" },
            { "$h = New-Object Hashtable; $h['WFBSS'] = 2; $h['wfbss'] = 3; New-MspSubscription -Customer Fabrikam -ServicePlan Basic -ProductSeats $h", "MspLicensing.DuplicateKey", "ProductSeats has the keys" },
            // Hostile input: huge values are cut in the message.
            { "New-MspCustomer -Name ('a' * 1MB) -Country GB -City London -ContactFirstName A -ContactLastName B -Email a@b.com", "MspLicensing.InvalidValue", "Name '" + new string('a', 60) + "…' (1048576 characters) is not valid: Name has at most 100 characters" },
            { "Get-MspCustomer -Name ('n' * 5000)", "MspLicensing.CustomerNotFound", "No customer named '" + new string('n', 60) + "…' (5000 characters)" },
            { "Set-MspCustomer -Name Contoso -Enabled ('y' * 100)", "ParameterArgumentTransformationError", "'" + new string('y', 60) + "…' (100 characters) is not a yes/no value" },
        };

        [Theory]
        [MemberData(nameof(Cases))]
        public void Bad_input_gives_a_clear_error_and_changes_nothing(string command, string errorId, string named)
        {
            using var s = new ModuleSession();
            s.NewCustomer("Contoso");
            s.NewCustomer("Fabrikam");
            s.Ok("New-MspServicePlan -Name Basic -Product WFBSS -AutoRenewalMonths 1; New-MspServicePlan -Name XDR -Product WFXDR; New-MspServicePlan -Name Trial -Product WFBSS -Version Trial");
            s.Ok("New-MspSubscription -Customer Contoso -ServicePlan Basic -Seats 10 -StartDate 2026-01-15");
            System.IO.Directory.CreateDirectory(System.IO.Path.Combine(s.Directory, "folder"));
            System.IO.File.WriteAllText(System.IO.Path.Combine(s.Directory, "exists.txt"), "keep me");
            string before = Snapshot(s);

            var r = s.Run(command);

            var error = r.Errors.FirstOrDefault()?.Exception ?? r.Exception;
            Assert.True(error != null, $"'{command}' gave no error");
            string id = r.Errors.FirstOrDefault()?.FullyQualifiedErrorId ?? (r.Exception as System.Management.Automation.IContainsErrorRecord)?.ErrorRecord.FullyQualifiedErrorId;
            Assert.StartsWith(errorId + ",", id);
            Assert.Contains(named, error.Message);
            Assert.Empty(r.Output);
            Assert.Equal(before, Snapshot(s));
            Assert.Equal("keep me", System.IO.File.ReadAllText(System.IO.Path.Combine(s.Directory, "exists.txt")));
        }

        [Fact]
        public void A_huge_value_gives_a_short_error_and_changes_nothing()
        {
            using var s = new ModuleSession();
            s.NewCustomer("Contoso");
            string before = Snapshot(s);
            var r = s.Run("New-MspCustomer -Name ('a' * 1MB) -Country GB -City London -ContactFirstName A -ContactLastName B -Email a@b.com -Notes ('n' * 1MB)");
            var error = Assert.Single(r.Errors);
            Assert.StartsWith("MspLicensing.InvalidValue,", error.FullyQualifiedErrorId);
            Assert.StartsWith("Customer '" + new string('a', 60) + "…' (1048576 characters): Name '", error.Exception.Message);
            Assert.True(error.Exception.Message.Length < 300, error.Exception.Message);
            Assert.Equal(before, Snapshot(s));
        }

        [Fact]
        public void Escaped_wildcards_find_the_customers_and_plans_named_so()
        {
            using var s = new ModuleSession();
            foreach (var name in new[] { "Wild*", "Wild[1]", "Wildx", "Wild1" }) s.NewCustomer(name);
            Assert.Equal(new[] { "Wild*" }, s.Ok("Get-MspCustomer -Name 'Wild`*'").Objects<Customer>().Select(c => c.Name));
            Assert.Equal(new[] { "Wild[1]" }, s.Ok("Get-MspCustomer -Name ([WildcardPattern]::Escape('Wild[1]'))").Objects<Customer>().Select(c => c.Name));
            Assert.Equal(new[] { "Wild1" }, s.Ok("Get-MspCustomer -Name 'Wild[1]'").Objects<Customer>().Select(c => c.Name));
            Assert.Equal(new[] { "Wild*", "Wild1", "Wildx", "Wild[1]" }, s.Ok("Get-MspCustomer -Name 'Wild*'").Objects<Customer>().Select(c => c.Name));
            var missing = s.Run("Get-MspCustomer -Name 'Wild`*', 'Nobody`?'");
            Assert.Equal(new[] { "Wild*" }, missing.Objects<Customer>().Select(c => c.Name));
            var error = Assert.Single(missing.Errors);
            Assert.StartsWith("MspLicensing.CustomerNotFound,", error.FullyQualifiedErrorId);
            Assert.Contains("No customer named 'Nobody?'", error.Exception.Message);

            s.Ok("New-MspServicePlan -Name 'Plan [EU]' -Product WFBSS; New-MspServicePlan -Name 'Plan E' -Product WFBSS");
            Assert.Equal(new[] { "Plan [EU]" }, s.Ok("Get-MspServicePlan -Name 'Plan `[EU`]'").Objects<ServicePlan>().Select(p => p.Name));
            Assert.Equal(new[] { "Plan E" }, s.Ok("Get-MspServicePlan -Name 'Plan [EU]'").Objects<ServicePlan>().Select(p => p.Name));
        }

        [Fact]
        public void Wildcards_match_and_refuse_exactly_as_PowerShell_WildcardPattern_does()
        {
            string[] patterns =
            {
                "Wild`*", "Wild`[1`]", "Wild[1]", "a`b", "a`", "`", "``", "a``*", "a```*", "a]", "[`]]", "[]]", "a[]]b", "[a-]", "[-a]",
                "[a-c-x]", "[a`-c]", "[!a]", "[^a]", "[\\]", "[a-c]", "a?b", "(x)+.*", "*", "?", "C*o?o", "[--a]", "x*[0-9]",
                "[z-a]", "x[]", "x[", "[a--]", "[a", "a`[b[",
            };
            string[] values =
            {
                "Wild*", "Wildx", "Wild[1]", "Wild1", "ab", "a`", "a", "", "a]", "]", "a]b", "-", "x", "d", "b", "B", "!", "^", "\\",
                "a\nb", "(x)+.*", "xx", "Contoso", "z", "x[", "a`b", "a*", "a`x", "`", "x7", "[",
            };
            foreach (var pattern in patterns)
            {
                var powerShell = new System.Management.Automation.WildcardPattern(pattern,
                    System.Management.Automation.WildcardOptions.IgnoreCase | System.Management.Automation.WildcardOptions.CultureInvariant);
                bool valid = true;
                try
                {
                    powerShell.IsMatch("x");
                }
                catch (System.Management.Automation.WildcardPatternException)
                {
                    valid = false;
                }
                if (!valid)
                {
                    Assert.Equal("InvalidWildcardPattern", Assert.Throws<MspException>(() => Wildcard.Parse("Name", pattern)).ErrorId);
                    continue;
                }
                var ours = Wildcard.Parse("Name", pattern);
                // What PowerShell finds no wildcard in is one exact name (a lone ']' PowerShell counts, but it matches itself).
                if (!System.Management.Automation.WildcardPattern.ContainsWildcardCharacters(pattern)) Assert.True(ours.IsExact, pattern);
                Assert.Equal(ours.IsExact, !Wildcard.ContainsWildcard(pattern));
                foreach (var value in values)
                    Assert.True(powerShell.IsMatch(value) == ours.IsMatch(value), $"'{pattern}' and '{value}': PowerShell says {powerShell.IsMatch(value)}");
            }
        }

        [Fact]
        public void A_bad_pattern_among_names_from_the_pipeline_fails_alone()
        {
            using var s = new ModuleSession();
            s.NewCustomer("Contoso");
            s.NewCustomer("Fabrikam");
            var r = s.Run("'Contoso', 'x[', 'Fabrikam' | Get-MspCustomer");
            Assert.Null(r.Exception);
            Assert.Equal(new[] { "Contoso", "Fabrikam" }, r.Objects<Customer>().Select(c => c.Name));
            var error = Assert.Single(r.Errors);
            Assert.StartsWith("MspLicensing.InvalidWildcardPattern,", error.FullyQualifiedErrorId);
            Assert.Equal("x[", error.TargetObject);
            Assert.Equal(System.Management.Automation.ErrorCategory.InvalidArgument, error.CategoryInfo.Category);
        }

        [Fact]
        public void Keys_that_differ_only_in_case_are_refused_naming_both_and_change_nothing()
        {
            using var s = new ModuleSession();
            s.NewCustomer("Contoso", "-ExternalId @{ Autotask = '0815' }");
            string before = Snapshot(s);
            var r = s.Run("$h = New-Object Hashtable; $h['Autotask'] = '1'; $h['AUTOTASK'] = '2'; Set-MspCustomer -Name Contoso -ExternalId $h");
            var error = Assert.Single(r.Errors);
            Assert.StartsWith("MspLicensing.DuplicateKey,", error.FullyQualifiedErrorId);
            Assert.StartsWith("Customer 'Contoso': ExternalId has the keys '", error.Exception.Message);
            Assert.Contains("'Autotask'", error.Exception.Message);
            Assert.Contains("'AUTOTASK'", error.Exception.Message);
            Assert.Equal(before, Snapshot(s));
            Assert.Equal("0815", s.Ok("(Get-MspCustomer Contoso).ExternalId['autotask']").Output.Single().ToString());
        }

        [Fact]
        public void Notes_keep_line_breaks_and_tabs_and_names_keep_every_whole_character()
        {
            using var s = new ModuleSession();
            var c = s.NewCustomer("Café \U0001F600 Zoë", "-Notes \"Line one`r`nLine two`tindented\" -ExternalId @{ Autotask = 4711 }");
            Assert.Equal("Line one\r\nLine two\tindented", c.Notes);
            Assert.Equal("4711", c.ExternalId["Autotask"]);
            Assert.Equal(new[] { "Café \U0001F600 Zoë" }, s.Ok("Get-MspCustomer -Name 'café*'").Objects<Customer>().Select(x => x.Name));
        }

        /// <summary>Everything a user can see of the store, as text.</summary>
        private static string Snapshot(ModuleSession s)
        {
            var sb = new StringBuilder();
            var account = s.Ok("Get-MspAccount").Objects<Account>().Single();
            sb.AppendLine($"{account.Name}|{account.AccountType}|{string.Join(",", account.SeatBandMinimums)}|{account.DefaultDataCenter}|{account.Revision}");
            foreach (var c in s.Ok("Get-MspCustomer").Objects<Customer>())
                sb.AppendLine($"{c.CustomerId}|{c.Name}|{c.Country}|{c.City}|{c.State}|{c.Email}|{c.Phone}|{c.Enabled}|{c.ExternalId}|{c.Revision}");
            foreach (var p in s.Ok("Get-MspServicePlan").Objects<ServicePlan>())
                sb.AppendLine($"{p.ServicePlanId}|{p.Name}|{p.Enabled}|{string.Join(",", p.Products.Select(x => x.ToString()))}|{p.InitialPeriodMonths}|{p.AutoRenewalMonths}|{p.Revision}");
            foreach (var x in s.Ok("Get-MspSubscription").Objects<Subscription>())
                sb.AppendLine($"{x.SubscriptionId}|{x.Customer}|{x.ServicePlan}|{x.Status}|{x.StartDate:o}|{x.ExpirationDate:o}|{x.AutoRenewal}|{x.Revision}");
            foreach (var l in s.Ok("Get-MspLicense").Objects<License>())
                sb.AppendLine($"{l.LicenseId}|{l.Product}|{l.ActivationCode}|{string.Join(",", l.SeatHistory)}|{string.Join(",", l.UsedHistory)}|{l.ExpirationDate:o}|{l.Status}|{l.Revision}");
            foreach (var m in s.Ok("Get-MspLicenseMigration").Objects<LicenseMigration>())
                sb.AppendLine($"{m.MigrationId}|{m.Status}|{m.Revision}");
            foreach (var t in s.Ok("Get-MspTemplate").Objects<Template>())
                sb.AppendLine($"{t.Name}|{string.Join(",", t.Settings.Select(x => x.Key + "=" + x.Value))}|{t.Revision}");
            foreach (var i in s.Ok("Get-MspIntegration").Objects<IntegrationState>())
                sb.AppendLine($"{i.Name}|{i.Enabled}");
            sb.AppendLine(s.Ok("(Get-MspStore).PendingSync").Output.Single().ToString());
            sb.AppendLine(s.Ok("(Get-MspAuditLog).Count").Output.Single().ToString());
            sb.AppendLine(s.Ok("(Get-MspStore).Path").Output.Single().ToString());
            return sb.ToString();
        }
    }
}
