namespace MspLicensing.Commands.Help
{
    /// <summary>Commands that prepare a fresh store for help examples (run by the example tests, not shown in help).</summary>
    internal static class ExampleSetup
    {
        internal const string Contoso =
            "New-MspCustomer -Name Contoso -Country US -City Seattle -State WA -ContactFirstName Ann -ContactLastName Lee -Email ann@contoso.com";

        internal const string Fabrikam =
            "New-MspCustomer -Name Fabrikam -Country DE -City Berlin -ContactFirstName Jonas -ContactLastName Weber -Email jonas@fabrikam.de";

        internal const string MonthlyPlan =
            "New-MspServicePlan -Name 'WF Services Monthly Rolling' -Product WFBSS -InitialPeriodMonths 12 -AutoRenewalMonths 1 -DataCenter Germany";

        internal const string XdrPlan =
            "New-MspServicePlan -Name 'WF Services XDR' -Product WFXDR -InitialPeriodMonths 12 -AutoRenewalMonths 1 -DataCenter @{ '*' = 'Germany'; CAS = 'Europe' }";

        internal const string TrialPlan =
            "New-MspServicePlan -Name 'WF Services Trial' -Product WFBSS -Version Trial -Seats 10 -DataCenter Germany";

        internal const string ContosoOnMonthly =
            Contoso + "\n" + MonthlyPlan + "\nNew-MspSubscription -Customer Contoso -ServicePlan 'WF Services Monthly Rolling' -Seats 25 -StartDate 2026-01-15";

        internal const string ContosoReadyForXdr =
            ContosoOnMonthly + "\n" + XdrPlan;

        internal const string UsageMarch =
            ContosoOnMonthly + "\n" + Fabrikam + "\nNew-MspSubscription -Customer Fabrikam -ServicePlan 'WF Services Monthly Rolling' -Seats 10 -StartDate 2026-02-01"
            + "\nSet-MspSubscription -Customer Contoso -Seats 40 -Date 2026-03-10\nSet-MspSubscription -Customer Contoso -Seats 30 -Date 2026-03-20"
            + "\nGet-MspLicense -Customer Contoso | Set-MspLicense -Used 28 -Date 2026-03-25";

        /// <summary>
        /// March of <see cref="UsageMarch"/> (Contoso 40 chargeable seats, Fabrikam 10) with Contoso's ConnectWise Manage id, and
        /// two PSA exports: agreements.csv in the default columns, cw-additions.csv as ConnectWise Manage names them.
        /// </summary>
        internal const string UsageMarchAndPsa =
            UsageMarch + "\nSet-MspCustomer -Name Contoso -ExternalId @{ ConnectWiseManage = '4711' }"
            + "\n[IO.File]::WriteAllText(\"$PWD/agreements.csv\", \"ExternalId,Customer,Product,Quantity`n4711,Contoso Ltd,WFBSS,30`n4711,Contoso Ltd,WFBSS,5`n,Fabrikam,Worry-Free Business Security Services,10`n,Northwind,WFBSS,8`n\")"
            + "\n[IO.File]::WriteAllText(\"$PWD/cw-additions.csv\", \"CompanyId,Company,Addition,Qty`n4711,Contoso Ltd,WF Services Seat,40.00`n,Fabrikam,WF Services Seat,10.00`n,Fabrikam,Onsite Labour,3.00`n\")";

        internal const string RightSizing =
            ContosoOnMonthly + "\n" + Fabrikam + "\nNew-MspSubscription -Customer Fabrikam -ServicePlan 'WF Services Monthly Rolling' -Seats 10 -StartDate 2026-02-01"
            + "\n$c = Get-MspLicense -Customer Contoso; $c | Set-MspLicense -Used 12 -Date 2026-02-10; $c | Set-MspLicense -Used 14 -Date 2026-03-10; $c | Set-MspLicense -Used 11 -Date 2026-04-10"
            + "\n$f = Get-MspLicense -Customer Fabrikam; $f | Set-MspLicense -Used 9 -Date 2026-02-10; $f | Set-MspLicense -Used 10 -Date 2026-03-10; $f | Set-MspLicense -Used 9 -Date 2026-04-10";

        internal const string NonMspLicenses =
            Contoso + "\nNew-MspServicePlan -Name 'WF Advanced' -Product WFBS-ADV -AutoRenewalMonths 1\n" + MonthlyPlan
            + "\nRegister-MspProduct -Customer Contoso -Product WFBS-ADV -LicenseType Standard -Seats 40 -ExpirationDate 2027-06-30 -ActivationCode WF-AAAA-BBBBB-CCCCC-DDDDD-EEEEE-FFFFF"
            + "\nRegister-MspProduct -Customer Contoso -Product WFBSS -LicenseType PayAsYouGo -Seats 25 -ExpirationDate 2027-06-30 -ActivationCode WF-CCCC-BBBBB-CCCCC-DDDDD-EEEEE-FFFFF";

        /// <summary>R43: Contoso left Worry-Free XDR for Worry-Free Services on 2026-07-01; the other components are Unbundled.</summary>
        internal const string ContosoUnbundled =
            Contoso + "\n" + XdrPlan + "\n" + MonthlyPlan
            + "\nNew-MspSubscription -Customer Contoso -ServicePlan 'WF Services XDR' -Seats 20 -StartDate 2026-06-01"
            + "\nInvoke-MspCrossgrade -Customer Contoso -ServicePlan 'WF Services Monthly Rolling' -Date 2026-07-01";

        /// <summary>
        /// R13: an onboarding of three customers that stopped half-way: Fabrikam was created and subscribed, Tailspin Toys
        /// only created, Northwind not at all.
        /// </summary>
        internal const string InterruptedOnboarding =
            MonthlyPlan
            + "\n[IO.File]::WriteAllText(\"$PWD/customers.csv\", \"Name,Country,City,ContactFirstName,ContactLastName,Email`nFabrikam,DE,Berlin,Jonas,Weber,jonas@fabrikam.de`nTailspin Toys,GB,London,Amy,Clark,amy@tailspintoys.co.uk`nNorthwind,CA,Toronto,Raj,Patel,raj@northwind.ca`n\")"
            + "\nImport-Csv ./customers.csv | Select-Object -First 1 | New-MspCustomer | New-MspSubscription -ServicePlan 'WF Services Monthly Rolling' -Seats 10"
            + "\nImport-Csv ./customers.csv | Select-Object -Skip 1 -First 1 | New-MspCustomer";

        internal const string ContosoOnTrial =
            Contoso + "\n" + TrialPlan + "\nNew-MspSubscription -Customer Contoso -ServicePlan 'WF Services Trial' -StartDate 2026-01-15";
    }
}
