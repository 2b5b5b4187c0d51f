using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using MspLicensing.Commands.Help;

namespace MspLicensing.HelpGen
{
    /// <summary>The texts of a cmdlet's help that MAML and markdown share, so both say the same.</summary>
    public static class HelpText
    {
        public const string RulesLeadIn = "Rules this command enforces (Get-Help about_MspLicensing_Rules lists every rule):";

        /// <summary>Paragraphs of a help text: blocks separated by a blank line.</summary>
        public static IReadOnlyList<string> Paragraphs(string text)
        {
            if (string.IsNullOrWhiteSpace(text)) return new string[0];
            return text.Replace("\r\n", "\n").Split(new[] { "\n\n" }, System.StringSplitOptions.RemoveEmptyEntries)
                .Select(p => p.Trim())
                .Where(p => p.Length > 0)
                .ToList();
        }

        /// <summary>"R12 Deleting customers: Only a Customer Licensing Portal account ...", in the domain's words.</summary>
        public static string RuleLine(Rule rule) => rule.Id + " " + rule.Title + ": " + rule.Text;

        /// <summary>The description, ending with the rules the cmdlet enforces.</summary>
        public static IReadOnlyList<string> DescriptionParagraphs(CommandModel c)
        {
            var paragraphs = new List<string>(Paragraphs(c.Help.Description));
            var rules = c.Help.Rules ?? new Rule[0];
            if (rules.Count > 0)
            {
                paragraphs.Add(RulesLeadIn);
                paragraphs.AddRange(rules.Select(RuleLine));
            }
            return paragraphs;
        }

        public static string ExampleTitle(int index, HelpExample example) =>
            "-------------------------- EXAMPLE " + (index + 1).ToString(CultureInfo.InvariantCulture) + ": " + example.Title.Trim() + " --------------------------";

        public static string ExampleHeading(int index, HelpExample example) =>
            "Example " + (index + 1).ToString(CultureInfo.InvariantCulture) + ": " + example.Title.Trim();

        /// <summary>Each type that binds from the pipeline with the parameters it binds to; the cmdlet's words go with the first.</summary>
        public static IReadOnlyList<(string TypeName, IReadOnlyList<string> Description)> Inputs(CommandModel c)
        {
            var words = Paragraphs(c.Help.Inputs);
            var inputs = c.PipelineInputs;
            if (inputs.Count == 0)
                return new[] { ("None", words.Count > 0 ? words : new[] { "You cannot pipe objects to " + c.Name + "." }) };
            return inputs.Select((input, i) =>
            {
                var description = new List<string>(i == 0 ? words : new string[0]);
                description.Add("Binds to " + string.Join(", ", input.Parameters.Select(p => "-" + p.Name + " (" + How(p) + ")")) + ".");
                return (input.TypeName, (IReadOnlyList<string>)description);
            }).ToList();
        }

        /// <summary>The [OutputType] types; the cmdlet's words go with the first.</summary>
        public static IReadOnlyList<(string TypeName, IReadOnlyList<string> Description)> Outputs(CommandModel c)
        {
            var words = Paragraphs(c.Help.Outputs);
            if (c.OutputTypes.Count == 0)
                return new[] { ("None", words.Count > 0 ? words : new[] { c.Name + " writes no objects." }) };
            return c.OutputTypes.Select((type, i) => (type, i == 0 ? words : (IReadOnlyList<string>)new string[0])).ToList();
        }

        private static string How(ParameterModel p)
        {
            var summary = p.Summary;
            if (summary.ByValue && summary.ByPropertyName) return "by value and by property name";
            return summary.ByValue ? "by value" : "by property name";
        }
    }
}
