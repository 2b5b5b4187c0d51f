using System;
using System.Collections.Generic;
using System.Linq;

namespace MspLicensing
{
    /// <summary>A product rule with its stable number. The text is written once, here; help and errors quote it.</summary>
    public sealed class Rule
    {
        internal Rule(string id, string area, string title, string text)
        {
            Id = id;
            Area = area;
            Title = title;
            Text = text;
        }

        public string Id { get; }
        public string Area { get; }
        public string Title { get; }
        public string Text { get; }

        public override string ToString() => Id + " " + Title;
    }

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
