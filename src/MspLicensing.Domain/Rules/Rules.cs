using System;
using System.Collections.Generic;
using System.Linq;

namespace MspLicensing
{
    /// <summary>The rules the module enforces, in number order.</summary>
    public static class Rules
    {
        public static readonly Rule R1 = new Rule("R1", "Partner account", "One partner account",
            "The store belongs to one partner account whose type is LicensingManagementPlatform (LMP, the default) or CustomerLicensingPortal (CLP). Older Online Registration (OLR) accounts behave like CLP.");

        public static readonly Rule R2 = new Rule("R2", "Partner account", "The account type decides what is allowed",
            "The account type decides what is allowed, as the feature matrix (Get-MspFeature) shows. A CLP account can delete customers and products and edit product descriptions, but has no service plans, subscriptions, renewals, seat allocation, templates or usage reports, and products reach Remote Manager only by Authorization Key registration. An LMP account cannot delete customers or products (cancel their subscriptions instead); its products register to Remote Manager through service plan assignment.");

        public static readonly Rule R3 = new Rule("R3", "Partner account", "Seat bands",
            "Seat bands (price tiers) are account settings. Each band starts at a lower bound and runs to the next band's lower bound minus one; the last band is open-ended. The defaults are 1-25, 26-50, 51-100, 101-250, 251-500, 501-1000, 1001-2000, 2001-5000 and 5001+.");

        public static readonly Rule R10 = new Rule("R10", "Customers", "Customer fields",
            "A customer has a company name (unique in the account, ignoring case), a city, a state or province where the country has one, a country (ISO 3166-1 alpha-2 code), a contact first and last name and an email address; optionally an address, postal code, phone, time zone, language (e.g. en-US), notes, an enabled flag and external ids for PSA and RMM tools.");

        public static readonly Rule R11 = new Rule("R11", "Customers", "Customers come from LMP or Remote Manager",
            "A customer can be created in the Licensing Management Platform or in Remote Manager; the Origin property says which.");

        public static readonly Rule R12 = new Rule("R12", "Customers", "Deleting customers",
            "Only a Customer Licensing Portal account can delete customers, and only a customer that holds no products. In a Licensing Management Platform account customers are never deleted: cancel their subscriptions (Stop-MspSubscription) or disable them (Set-MspCustomer -Enabled $false).");

        public static readonly Rule R13 = new Rule("R13", "Customers", "Onboarding runs again",
            "An onboarding that stopped half-way runs again with -SkipExisting, and completes what is missing. New-MspCustomer -SkipExisting creates no customer whose name the account has already (ignoring case, as R10 keeps names unique): it passes the stored customer on as it is, without overwriting any field, and warns of each field the input gives differently (Set-MspCustomer changes them). New-MspSubscription -SkipExisting assigns no plan that a customer holds already through a subscription of that same plan (one whose licenses still count as held, as for R40): it passes that subscription on as it is, seats and dates included, and warns of seats the input gives differently (Set-MspSubscription changes them). A plan whose products the customer holds through another plan still needs a crossgrade (R40). Without -SkipExisting, an existing customer is refused as a duplicate name (R10) and an existing subscription as a duplicate of products (R40).");

        public static readonly Rule R20 = new Rule("R20", "Service plans", "Service plan fields",
            "A service plan has a unique name (ignoring case), an enabled flag, a version Trial or Full fixed at creation, one or more products each with a data center (services) and a managing console, an initial license period of 1 to 36 months (a trial: exactly 1), an auto-renewal period in months or none, an expiration-notice period in days and a number of units (seats) per license; {billing}: subscriptions keep the terms they were assigned with.",
            billing: "changing or disabling a plan affects no customer already on it");

        public static readonly Rule R21 = new Rule("R21", "Service plans", "Bundles keep their products",
            "A plan that contains a suite (such as Worry-Free Services Advanced or Worry-Free XDR) is a bundle: products cannot be added to it or removed from it. Move customers between bundles with a crossgrade.");

        public static readonly Rule R22 = new Rule("R22", "Service plans", "Plans in use stay",
            "A service plan can be removed only while no subscription uses it; disable it instead to stop new assignments.");

        public static readonly Rule R30 = new Rule("R30", "Subscriptions", "One license per product",
            "Assigning a plan to a customer creates a subscription with one license per product; a suite gets one license per component, grouped under the suite and billed as the suite. The licenses start on the assignment date unless a start date is given.");

        public static readonly Rule R31 = new Rule("R31", "Subscriptions", "Units per license",
            "A license has 1 to 999,999 units (seats); each product of a plan can have its own seat count.");

        public static readonly Rule R32 = new Rule("R32", "Subscriptions", "Activation codes",
            "Every license gets an activation code of 37 characters, XX-XXXX-XXXXX-XXXXX-XXXXX-XXXXX-XXXXX, with the product's two-letter prefix, unique in the store and drawn from a cryptographic random source.");

        public static readonly Rule R33 = new Rule("R33", "Subscriptions", "Expiration and renewal",
            "A license expires at its start date plus the plan's initial period. With auto-renewal, the first renewal is at the end of the initial period and then every renewal period (initial 12, renewal 1: first renewal after 12 months, then monthly).");

        public static readonly Rule R34 = new Rule("R34", "Subscriptions", "Seats and dates change independently",
            "Seats can be raised or lowered at any time without changing the dates, and the expiration date can be changed on its own. Every seat change is kept with the date it takes effect.");

        public static readonly Rule R35 = new Rule("R35", "Subscriptions", "Cancelling",
            "Cancelling a subscription takes effect at once; {billing}.",
            billing: "the month it happens in is billed in full");

        public static readonly Rule R36 = new Rule("R36", "Subscriptions", "Suspend and resume",
            "Suspending turns auto-renewal off and lets the licenses run to their expiration date (or an earlier date given), and {billing}; a suspended subscription cannot be changed, and a subscription without auto-renewal cannot be suspended. Resuming is allowed until the grace period after expiration ends, and turns auto-renewal on again.",
            billing: "nothing bills after the expiration date");

        public static readonly Rule R37 = new Rule("R37", "Subscriptions", "Trials",
            "A trial comes only from a Trial plan, has at most 10 seats per license, lasts one month, is not billed and cannot be changed; it can be converted to a Full plan, keeping its activation codes, and {billing}.",
            billing: "a converted trial bills from the month of the conversion");

        public static readonly Rule R38 = new Rule("R38", "Subscriptions", "License status",
            "A license is Active, ExpiringSoon (within the plan's notice days before expiration, when it will not renew), InGrace (expired, within the account's grace period), Expired, Cancelled, Suspended or Trial, computed from its dates as of a given day, so that a renewal run for the same day always comes to the same result.");

        public static readonly Rule R39 = new Rule("R39", "Subscriptions", "MSP and non-MSP licenses do not mix",
            "A customer cannot hold MSP (LMP) licenses and non-MSP licenses of the same product at once; non-MSP licenses must be migrated first.");

        public static readonly Rule R40 = new Rule("R40", "Crossgrade", "Duplicates need a crossgrade",
            "Assigning a plan whose products duplicate products the customer already holds requires a crossgrade: a plain assignment is refused, naming the duplicates (Invoke-MspCrossgrade).");

        public static readonly Rule R41 = new Rule("R41", "Crossgrade", "What happens to duplicates",
            "In a crossgrade, duplicate Service licenses transfer automatically from the existing subscription and keep their activation code (License transfer from <plan>); for duplicate Software licenses the partner decides: Transfer (keep the code) or New (a new code; the old license is deactivated). Products the customer did not hold are New.");

        public static readonly Rule R42 = new Rule("R42", "Crossgrade", "Upgrade paths",
            "Duplicates are found along the upgrade paths, for example Worry-Free Business Security Services, then Worry-Free Services Advanced, then Worry-Free XDR: a component and the suite it sits in count as the same product.");

        public static readonly Rule R43 = new Rule("R43", "Crossgrade", "Unbundled licenses",
            "Leaving a suite for a plan that does not cover all of it leaves the suite's other licenses as Unbundled standalone licenses, usable until their expiration date or until they are removed (Remove-MspLicense): {billing}, and the license stays in the history with its activation code and the status Removed. Only Unbundled licenses are removed this way; MSP licenses end by cancelling their subscription (Stop-MspSubscription), non-MSP licenses by Unregister-MspProduct. A license is removed on a day from the day it was unbundled up to the day before it expires, and only once.",
            billing: "the month of the removal is billed in full, later months nothing");

        public static readonly Rule R44 = new Rule("R44", "Crossgrade", "New licenses start at once",
            "The licenses of the new plan start on the day of the crossgrade; a subscription left with no license ends as Deactivated (deactivated by license transfer).");

        public static readonly Rule R45 = new Rule("R45", "Crossgrade", "Preview first",
            "Before anything changes, the crossgrade plan shows which product is New and which is transferred from which plan with which activation code (Get-MspCrossgradePlan, or -WhatIf).");

        public static readonly Rule R50 = new Rule("R50", "Usage report", "Monthly report lines",
            "Reporting is monthly only: a report of several months (Get-MspUsageReport -From -To) is each month's report in turn, every row with its month, and nothing adds up across months. A month's report has one line per customer and billed license: Provisioned (the peak seats held in the month), Used (the peak used count reported for the month, if any), Over-provisioned % (the share of provisioned seats not used, never negative), Chargeable and Comment. A used count above provisioned is shown as exceeded: Over-provisioned % is 0 and ExceededBy says by how many seats.");

        public static readonly Rule R51 = new Rule("R51", "Usage report", "Chargeable",
            "Chargeable is Provisioned unless the MSP sets it lower with a comment; a lower value without a comment is refused; {billing}: the report has no line for them. An NFR (not-for-resale) license comes from the Partner Portal and is recorded with Register-MspProduct -LicenseType NFR; it is a non-MSP license (so R39 applies: a customer holds an NFR or an MSP license of a product, not both), it cannot be migrated into LMP (where it would be billed), and it stays in Remote Manager until it expires.",
            billing: "trials and NFR licenses are never billed");

        public static readonly Rule R52 = new Rule("R52", "Usage report", "Whole months",
            "A license active on any day of a month bills that month, and {billing}: a cancellation on the 15th bills that month in full and nothing after it.",
            billing: "a month bills in full, at its peak seats");

        public static readonly Rule R53 = new Rule("R53", "Usage report", "Aggregate usage and seat bands",
            "The partner reports aggregate usage: {billing} (300 seats plus a new customer with 25 report 325, band 251-500). Suites bill as the suite, not as their components; in a month a license sat both in a suite and outside it (a crossgrade month, up or down), it bills once, as the suite.",
            billing: "per product, the chargeable seats of all customers add up, and that total decides the seat band");

        public static readonly Rule R54 = new Rule("R54", "Usage report", "Report states",
            "A month's report is Preparing, then Submitted, then Approved, or Rejected (editable again). Only Preparing and Rejected reports change; {billing} even if later changes are back-dated. A month is submitted once it has ended (the current month only deliberately, with -Force; a month that has not begun never), and submitting a report that is already Submitted or Approved changes nothing, so a month-end task can run again.",
            billing: "once submitted, the month's figures are frozen");

        public static readonly Rule R55 = new Rule("R55", "Usage report", "Keeping and exporting",
            "Reports are kept (at least two years) and export to CSV and JSON in a flat shape that spreadsheets and PSA tools import: CSV as UTF-8 with a byte order mark, so that Excel shows names with umlauts or accents right, JSON as UTF-8 without one. A month also exports as one self-contained HTML page to look at and print (Export-MspUsageReport -Format Html): the product totals with their bands, a chart of the chargeable seats per product over the twelve months up to the month (R57) and the right-sizing candidates (R58), with no external files, the same figures as the CSV of the month, and nothing in it that depends on the day it was written or the session's culture. Every object the cmdlets return is flat as well: Export-Csv writes a list as its items separated by '; ' and a map as key=value pairs, never a type name, and ConvertTo-Json writes statuses and other choices by name (Active, not 0).");

        public static readonly Rule R56 = new Rule("R56", "Usage report", "Billing does not wait for the renewal run",
            "Billing and status never depend on a scheduled job having run: an auto-renewing subscription is active, and bills, for every day it would have been renewed through, whether or not Invoke-MspRenewal has recorded the renewals. Suspending or cancelling it, changing its renewal terms, or a crossgrade that ends it (the licenses it leaves Unbundled run to that date), records the renewals due by that day first.");

        public static readonly Rule R57 = new Rule("R57", "Usage report", "Usage trend and seat band headroom",
            "Get-MspUsageTrend shows per product and month the chargeable seats of all customers (R53), the customers, the seat band, the change from the month before (the month before -From counts too; a month without lines is 0) and the headroom to the band's edges: HeadroomUp is the band's last seat count minus the chargeable seats, the seats that can be added before the total enters the next band (490 seats in 251-500 have 10: the 501st seat enters 501-1000), and none in the open-ended last band; HeadroomDown is the chargeable seats minus the band's first seat count, the seats that can be released before the total drops into the band below, and none in the first band. A product is shown from its first month with lines in the range to the end of the range. A Submitted or Approved month shows its frozen figures and the seat bands frozen with them (R54).");

        public static readonly Rule R58 = new Rule("R58", "Usage report", "Right-sizing",
            "A license is a right-sizing candidate when in every one of the last -Months months (default 3, ending with -Month) it was held and its highest used count of the month is at most (100 - Threshold) percent of that month's peak seats, that is over-provisioned by at least -Threshold percent (default 20): (peak seats - highest used) x 100 >= Threshold x peak seats. A suite counts as one license, as it bills (R53): the highest used count and the peak seats of any of its components. A month without any used count makes a license no candidate (nothing shows the seats are unused), and so does a license whose seats now are at or below the suggestion. Only licenses that bill and can change are candidates: Full MSP licenses of a subscription that is Active on the last day of the window (not suspended, cancelled, expired or ended); trials, NFR, Standard, PayAsYouGo and Upfront licenses never are (R51, R63). SuggestedSeats is the highest used count in the window (at least 1), ReleasableSeats the seats now minus SuggestedSeats.");

        public static readonly Rule R60 = new Rule("R60", "License migration", "Non-MSP licenses",
            "Non-MSP licenses (Standard, pay-as-you-go, upfront and NFR; SaaS or on-premises) live in Remote Manager, registered by Authorization Key or activation code. A Customer Licensing Portal account registers products only by Authorization Key, and only Worry-Free Business Security Standard and Advanced, Worry-Free Business Security Services and Hosted Email Security.");

        public static readonly Rule R61 = new Rule("R61", "License migration", "On-premises licenses migrate by a new key",
            "An on-premises license migrates at once: LMP issues a new activation code, which the MSP enters in the product's console; agents are not affected.");

        public static readonly Rule R62 = new Rule("R62", "License migration", "Cloud licenses migrate through the vendor",
            "A cloud (service) license, such as Worry-Free Business Security Services, is migrated manually by Trend Micro: the migration waits (AwaitingVendor) until it is marked complete, and the license keeps its activation code.");

        public static readonly Rule R63 = new Rule("R63", "License migration", "Upfront licenses stay",
            "Upfront licenses cannot be integrated into LMP: their migration is refused with an error that changes nothing (no migration is recorded, however often it is tried), and they stay manageable in Remote Manager.");

        public static readonly Rule R64 = new Rule("R64", "License migration", "Bulk migration",
            "Migration works on many licenses at once: each migration is whole or not at all, and a failure is reported without stopping the rest, in an error that begins with the license's activation code and targets the row or license it came from. The progress moves a few times a second and ends with how many licenses migrated and how many failed, every failure counted.");

        public static readonly Rule R70 = new Rule("R70", "Remote Manager", "Synchronization",
            "Every LMP account comes with a Remote Manager console. A customer created in either appears in the other after synchronization: changes wait in an outbox until Sync-MspRemoteManager applies them, and Get-MspStore shows how many are pending.");

        public static readonly Rule R71 = new Rule("R71", "Remote Manager", "Managed products",
            "Remote Manager shows, per customer, the products it manages with the status Normal, ExpiringSoon, Expired or ExceededAllocation (more seats used than provisioned), and where to open the product's console. Products with their own console, such as ScanMail for Exchange, are not listed.");

        public static readonly Rule R72 = new Rule("R72", "Remote Manager", "Templates",
            "Policy templates exist for Worry-Free Business Security Services and Cloud Edge only, in Licensing Management Platform accounts only. They can be assigned to new and to existing customers; a Cloud Edge template cannot be changed once it is assigned.");

        public static readonly Rule R73 = new Rule("R73", "Remote Manager", "Third-party plug-ins",
            "Remote Manager's PSA and RMM plug-ins depend on the account type: a Licensing Management Platform account has Autotask, ConnectWise Automate, ConnectWise Manage and Kaseya VSA; a Customer Licensing Portal account has Autotask and ConnectWise Manage. A customer's id in a tool is kept as its external id under the plug-in's name.");

        public static readonly Rule R80 = new Rule("R80", "Month-end reconciliation", "The bill against the PSA",
            "Compare-MspUsage compares a month's usage report with what the MSP bills its customers in its PSA, one line per customer and product: Chargeable is the report's chargeable seats (what the vendor bills the MSP; the frozen figures of a Submitted or Approved month, R54), Billed the seats of the PSA's rows for that customer and product added up (an agreement often has several additions of one product), and Difference is Chargeable minus Billed. Seats are whole numbers: nothing is rounded and there is no tolerance. The Status is Match when the two are equal, UnderBilled when the PSA bills fewer seats than the vendor charges (seats lost every month), OverBilled when it bills more, NotInPsa when the report has the line and the PSA no row for it, and NotLicensed when the PSA bills a product the report has no line for, or no customer matches the row. A PSA product matches by -ProductMap first, then by product code, then by product name (ignoring case); a suite is compared as the suite it bills as (R53), so a PSA row of one of its components is NotLicensed, with a note that names the suite. The summary per product (-Summary) adds the lines up: SeatsNotBilled (the UnderBilled and NotInPsa seats) is what the MSP pays for each month and does not bill.");

        public static readonly Rule R81 = new Rule("R81", "Month-end reconciliation", "PSA rows find their customer",
            "With -Psa ConnectWiseManage or Autotask, a PSA row matches the customer whose external id for that PSA (Get-MspCustomer -ExternalId) is the row's ExternalId; a row without one, or whose id no customer has, matches the customer of the same name (ignoring case), and its line's Note says that it matched by name and why. Without -Psa rows match by name only. A row that matches no customer is never dropped: its customer and product make a NotLicensed line with the PSA's name and id, and a note that says why nothing matched.");

        public static readonly Rule R82 = new Rule("R82", "Month-end reconciliation", "Bad PSA rows",
            "Quantities are read in the invariant culture whatever the session's culture: a whole number of seats from 0 to 999,999 in digits (25.00 counts as 25; 2.5, 1,000 or ten do not). A row with a quantity that is not valid, a product that maps to nothing, or neither a customer name nor an id is reported as an error that names the row (its number, counted from 1 after the header line, and its customer), the column, the value and what is allowed; it is left out and the other rows are compared, a warning counts the rows left out, and the line the row would have counted toward says so in its Note. A product mapped to '' with -ProductMap is not a license (labour, hardware) and its rows are left out without an error. A column that no row has (a PSA export with other column names) stops the comparison before anything is compared, naming the column, the columns the rows have and the parameter that names another.");

        /// <summary>Every rule, in number order.</summary>
        public static IReadOnlyList<Rule> All { get; } = typeof(Rules)
            .GetFields(System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.Static)
            .Where(f => f.FieldType == typeof(Rule))
            .Select(f => (Rule)f.GetValue(null))
            .OrderBy(r => int.Parse(r.Id.Substring(1), System.Globalization.CultureInfo.InvariantCulture))
            .ToList();

        public static Rule Find(string id) =>
            All.FirstOrDefault(r => string.Equals(r.Id, id, StringComparison.OrdinalIgnoreCase));
    }
}
