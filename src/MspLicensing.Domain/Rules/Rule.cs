using System;

namespace MspLicensing
{
    /// <summary>A product rule with its stable number. The text is written once, here; help and errors quote it.</summary>
    public sealed class Rule
    {
        /// <param name="billing">
        /// What the rule means for the bill, in the words -WhatIf and -Confirm quote (<see cref="ChangePreview"/>); it
        /// stands in <paramref name="text"/> where that says {billing}, so the rule and the previews say it alike.
        /// </param>
        internal Rule(string id, string area, string title, string text, string billing = null)
        {
            Id = id;
            Area = area;
            Title = title;
            Billing = billing;
            Text = billing == null ? text : text.Replace(BillingPlace, billing);
        }

        /// <summary>Where a rule's text states its <see cref="Billing"/>.</summary>
        internal const string BillingPlace = "{billing}";

        public string Id { get; }
        public string Area { get; }
        public string Title { get; }
        public string Text { get; }

        /// <summary>What the rule means for the bill, as a change's preview quotes it; null for rules without a billing effect.</summary>
        public string Billing { get; }

        /// <summary>The rule's billing effect as a preview quotes it: "(R35: the month it happens in is billed in full)".</summary>
        public string Quote => "(" + Id + ": " + Billing + ")";

        public override string ToString() => Id + " " + Title;
    }
}
