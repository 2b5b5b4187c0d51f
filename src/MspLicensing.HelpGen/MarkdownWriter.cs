using System.Collections.Generic;
using System.Linq;
using System.Text;

namespace MspLicensing.HelpGen
{
    /// <summary>Writes docs/&lt;Cmdlet&gt;.md in the layout platyPS uses, so the pages read like other modules' docs.</summary>
    public static class MarkdownWriter
    {
        public const string CommonParametersText =
            "This cmdlet supports the common parameters: -Debug, -ErrorAction, -ErrorVariable, -InformationAction, " +
            "-InformationVariable, -OutBuffer, -OutVariable, -PipelineVariable, -ProgressAction, -Verbose, -WarningAction, " +
            "and -WarningVariable. For more information, see about_CommonParameters " +
            "(https://go.microsoft.com/fwlink/?LinkID=113216).";

        public static string Write(CommandModel c, string moduleName)
        {
            var help = c.Help;
            var sb = new StringBuilder();
            sb.Append("---\n");
            sb.Append("external help file: ").Append(moduleName).Append(".dll-Help.xml\n");
            sb.Append("Module Name: ").Append(moduleName).Append('\n');
            sb.Append("online version:\n");
            sb.Append("schema: 2.0.0\n");
            sb.Append("---\n\n");
            sb.Append("# ").Append(c.Name).Append("\n\n");

            sb.Append("## SYNOPSIS\n\n").Append(Markdown.Escape(help.Synopsis.Trim())).Append("\n\n");

            sb.Append("## SYNTAX\n\n");
            foreach (var set in c.ParameterSets)
            {
                if (set != CommandModel.AllParameterSets)
                    sb.Append("### ").Append(set).Append(set == c.DefaultParameterSet ? " (Default)" : string.Empty).Append("\n\n");
                sb.Append("```\n").Append(Syntax.Line(c, set)).Append("\n```\n\n");
            }

            sb.Append("## DESCRIPTION\n\n");
            foreach (var para in HelpText.DescriptionParagraphs(c))
                sb.Append(para == HelpText.RulesLeadIn || !IsRule(c, para) ? Markdown.Escape(para) : "- " + Markdown.Escape(para)).Append("\n\n");

            sb.Append("## EXAMPLES\n\n");
            for (int i = 0; i < help.Examples.Count; i++)
            {
                var example = help.Examples[i];
                sb.Append("### ").Append(Markdown.Escape(HelpText.ExampleHeading(i, example))).Append("\n\n");
                sb.Append("```powershell\n").Append(example.Code.Trim()).Append("\n```\n\n");
                foreach (var para in HelpText.Paragraphs(example.Remarks)) sb.Append(Markdown.Escape(para)).Append("\n\n");
            }

            sb.Append("## PARAMETERS\n\n");
            foreach (var p in c.Parameters)
            {
                sb.Append("### -").Append(p.Name).Append("\n\n");
                foreach (var para in HelpText.Paragraphs(p.Description)) sb.Append(Markdown.Escape(para)).Append("\n\n");
                foreach (var group in BindingGroups(c, p))
                {
                    var b = group.Binding;
                    sb.Append("```yaml\n");
                    sb.Append("Type: ").Append(TypeNames.Short(p.Type)).Append('\n');
                    sb.Append("Parameter Sets: ").Append(group.Sets).Append('\n');
                    sb.Append("Aliases:").Append(p.Aliases.Count == 0 ? string.Empty : " " + string.Join(", ", p.Aliases)).Append('\n');
                    if (p.AcceptedValues.Count > 0) sb.Append("Accepted values: ").Append(string.Join(", ", p.AcceptedValues)).Append('\n');
                    sb.Append('\n');
                    sb.Append("Required: ").Append(b.Mandatory ? "True" : "False").Append('\n');
                    sb.Append("Position: ").Append(b.PositionText).Append('\n');
                    sb.Append("Default value: ").Append(p.DefaultValue).Append('\n');
                    sb.Append("Accept pipeline input: ").Append(b.PipelineInput).Append('\n');
                    sb.Append("Accept wildcard characters: ").Append(p.SupportsWildcards ? "True" : "False").Append('\n');
                    sb.Append("```\n\n");
                }
            }
            sb.Append("### CommonParameters\n\n").Append(CommonParametersText).Append("\n\n");

            sb.Append("## INPUTS\n\n");
            foreach (var (typeName, description) in HelpText.Inputs(c))
            {
                sb.Append("### ").Append(typeName).Append("\n\n");
                foreach (var para in description) sb.Append(Markdown.Escape(para)).Append("\n\n");
            }

            sb.Append("## OUTPUTS\n\n");
            foreach (var (typeName, description) in HelpText.Outputs(c))
            {
                sb.Append("### ").Append(typeName).Append("\n\n");
                foreach (var para in description) sb.Append(Markdown.Escape(para)).Append("\n\n");
            }

            sb.Append("## NOTES\n\n");
            foreach (var para in HelpText.Paragraphs(help.Notes)) sb.Append(Markdown.Escape(para)).Append("\n\n");

            sb.Append("## RELATED LINKS\n");
            var related = help.Related ?? new string[0];
            if (related.Count > 0) sb.Append('\n');
            foreach (var name in related) sb.Append("- ").Append(Markdown.Link(name)).Append('\n');
            return sb.ToString();
        }

        private static bool IsRule(CommandModel c, string paragraph) =>
            (c.Help.Rules ?? new Rule[0]).Any(r => HelpText.RuleLine(r) == paragraph);

        /// <summary>The sets a parameter is in, grouped by identical binding (one yaml block per group, as platyPS does).</summary>
        private static IEnumerable<(string Sets, SetBinding Binding)> BindingGroups(CommandModel c, ParameterModel p)
        {
            if (p.Sets.ContainsKey(CommandModel.AllParameterSets) || c.ParameterSets.All(s => p.In(s) != null && p.In(s).SameAs(p.In(c.ParameterSets[0]))))
            {
                yield return ("(All)", p.In(c.ParameterSets[0]) ?? p.Sets.Values.First());
                yield break;
            }
            var remaining = c.ParameterSets.Where(s => p.In(s) != null).ToList();
            while (remaining.Count > 0)
            {
                var binding = p.In(remaining[0]);
                var same = remaining.Where(s => p.In(s).SameAs(binding)).ToList();
                yield return (string.Join(", ", same), binding);
                remaining = remaining.Except(same).ToList();
            }
        }
    }

    /// <summary>Syntax lines as Get-Command -Syntax writes them.</summary>
    public static class Syntax
    {
        public static string Line(CommandModel c, string set)
        {
            var sb = new StringBuilder(c.Name);
            foreach (var p in c.ParametersOf(set))
            {
                var b = p.In(set);
                string name = b.Position.HasValue ? "[-" + p.Name + "]" : "-" + p.Name;
                string token = p.IsSwitch ? name : name + " <" + TypeNames.Short(p.Type) + ">";
                sb.Append(' ').Append(b.Mandatory ? token : "[" + token + "]");
            }
            return sb.Append(" [<CommonParameters>]").ToString();
        }
    }
}
