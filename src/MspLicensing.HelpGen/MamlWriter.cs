using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using System.Xml;

namespace MspLicensing.HelpGen
{
    /// <summary>Writes the MAML file (en-US/MspLicensing.dll-Help.xml) that Get-Help reads for the cmdlets.</summary>
    public static class MamlWriter
    {
        private const string Msh = "http://msh";
        private const string Maml = "http://schemas.microsoft.com/maml/2004/10";
        private const string Command = "http://schemas.microsoft.com/maml/dev/command/2004/10";
        private const string Dev = "http://schemas.microsoft.com/maml/dev/2004/10";
        private const string MsHelp = "http://msdn.microsoft.com/mshelp";

        public static string Write(IReadOnlyList<CommandModel> commands)
        {
            var settings = new XmlWriterSettings
            {
                Encoding = new UTF8Encoding(false),
                Indent = true,
                IndentChars = "  ",
                NewLineChars = "\n",
                NewLineHandling = NewLineHandling.Replace,
            };
            using (var stream = new MemoryStream())
            {
                using (var xml = XmlWriter.Create(stream, settings))
                {
                    xml.WriteStartDocument();
                    xml.WriteStartElement("helpItems", Msh);
                    xml.WriteAttributeString("schema", "maml");
                    foreach (var command in commands) WriteCommand(xml, command);
                    xml.WriteEndElement();
                    xml.WriteEndDocument();
                }
                return Encoding.UTF8.GetString(stream.ToArray()).Replace("\r\n", "\n") + "\n";
            }
        }

        private static void WriteCommand(XmlWriter xml, CommandModel c)
        {
            var help = c.Help;
            xml.WriteStartElement("command", "command", Command);
            xml.WriteAttributeString("xmlns", "maml", null, Maml);
            xml.WriteAttributeString("xmlns", "command", null, Command);
            xml.WriteAttributeString("xmlns", "dev", null, Dev);
            xml.WriteAttributeString("xmlns", "MSHelp", null, MsHelp);

            xml.WriteStartElement("command", "details", Command);
            xml.WriteElementString("command", "name", Command, c.Name);
            xml.WriteElementString("command", "verb", Command, c.Verb);
            xml.WriteElementString("command", "noun", Command, c.Noun);
            Description(xml, "maml", Maml, new[] { help.Synopsis.Trim() });
            xml.WriteEndElement();

            Description(xml, "maml", Maml, HelpText.DescriptionParagraphs(c));

            xml.WriteStartElement("command", "syntax", Command);
            foreach (var set in c.ParameterSets)
            {
                xml.WriteStartElement("command", "syntaxItem", Command);
                xml.WriteElementString("maml", "name", Maml, c.Name);
                foreach (var p in c.ParametersOf(set)) WriteParameter(xml, p, p.In(set), inSyntax: true);
                xml.WriteEndElement();
            }
            xml.WriteEndElement();

            xml.WriteStartElement("command", "parameters", Command);
            foreach (var p in c.Parameters) WriteParameter(xml, p, p.Summary, inSyntax: false);
            xml.WriteEndElement();

            xml.WriteStartElement("command", "inputTypes", Command);
            foreach (var (typeName, description) in HelpText.Inputs(c)) WriteTypeEntry(xml, "inputType", typeName, description);
            xml.WriteEndElement();

            xml.WriteStartElement("command", "returnValues", Command);
            foreach (var (typeName, description) in HelpText.Outputs(c)) WriteTypeEntry(xml, "returnValue", typeName, description);
            xml.WriteEndElement();

            if (!string.IsNullOrWhiteSpace(help.Notes))
            {
                xml.WriteStartElement("maml", "alertSet", Maml);
                xml.WriteStartElement("maml", "alert", Maml);
                foreach (var para in HelpText.Paragraphs(help.Notes)) xml.WriteElementString("maml", "para", Maml, para);
                xml.WriteEndElement();
                xml.WriteEndElement();
            }

            xml.WriteStartElement("command", "examples", Command);
            for (int i = 0; i < help.Examples.Count; i++)
            {
                var example = help.Examples[i];
                xml.WriteStartElement("command", "example", Command);
                xml.WriteElementString("maml", "title", Maml, HelpText.ExampleTitle(i, example));
                xml.WriteElementString("dev", "code", Dev, example.Code.Trim());
                Description(xml, "dev", Dev, HelpText.Paragraphs(example.Remarks), "remarks");
                xml.WriteEndElement();
            }
            xml.WriteEndElement();

            xml.WriteStartElement("command", "relatedLinks", Command);
            foreach (var name in help.Related ?? new string[0])
            {
                xml.WriteStartElement("maml", "navigationLink", Maml);
                xml.WriteElementString("maml", "linkText", Maml, name);
                xml.WriteElementString("maml", "uri", Maml, string.Empty);
                xml.WriteEndElement();
            }
            xml.WriteEndElement();

            xml.WriteEndElement();
        }

        private static void WriteParameter(XmlWriter xml, ParameterModel p, SetBinding binding, bool inSyntax)
        {
            xml.WriteStartElement("command", "parameter", Command);
            xml.WriteAttributeString("required", Bool(binding.Mandatory));
            xml.WriteAttributeString("variableLength", Bool(p.Type.IsArray));
            xml.WriteAttributeString("globbing", Bool(p.SupportsWildcards));
            xml.WriteAttributeString("pipelineInput", binding.PipelineInput);
            xml.WriteAttributeString("position", binding.Position.HasValue ? binding.Position.Value.ToString(CultureInfo.InvariantCulture) : "named");
            xml.WriteAttributeString("aliases", p.Aliases.Count == 0 ? "none" : string.Join(", ", p.Aliases));
            xml.WriteElementString("maml", "name", Maml, p.Name);
            Description(xml, "maml", Maml, HelpText.Paragraphs(p.Description));
            if (inSyntax && p.AcceptedValues.Count > 0)
            {
                xml.WriteStartElement("command", "parameterValueGroup", Command);
                foreach (var value in p.AcceptedValues)
                {
                    xml.WriteStartElement("command", "parameterValue", Command);
                    xml.WriteAttributeString("required", "false");
                    xml.WriteAttributeString("command", "variableLength", Command, "false");
                    xml.WriteString(value);
                    xml.WriteEndElement();
                }
                xml.WriteEndElement();
            }
            else if (!p.IsSwitch)
            {
                xml.WriteStartElement("command", "parameterValue", Command);
                xml.WriteAttributeString("required", "true");
                xml.WriteAttributeString("variableLength", "false");
                xml.WriteString(TypeNames.Short(p.Type));
                xml.WriteEndElement();
            }
            xml.WriteStartElement("dev", "type", Dev);
            xml.WriteElementString("maml", "name", Maml, TypeNames.Short(p.Type));
            xml.WriteElementString("maml", "uri", Maml, string.Empty);
            xml.WriteEndElement();
            xml.WriteElementString("dev", "defaultValue", Dev, p.DefaultValue);
            xml.WriteEndElement();
        }

        private static void WriteTypeEntry(XmlWriter xml, string element, string typeName, IReadOnlyList<string> description)
        {
            xml.WriteStartElement("command", element, Command);
            xml.WriteStartElement("dev", "type", Dev);
            xml.WriteElementString("maml", "name", Maml, typeName);
            xml.WriteEndElement();
            Description(xml, "maml", Maml, description);
            xml.WriteEndElement();
        }

        private static void Description(XmlWriter xml, string prefix, string ns, IEnumerable<string> paragraphs, string element = "description")
        {
            xml.WriteStartElement(prefix, element, ns);
            foreach (var para in paragraphs) xml.WriteElementString("maml", "para", Maml, para);
            xml.WriteEndElement();
        }

        private static string Bool(bool value) => value ? "true" : "false";
    }
}
