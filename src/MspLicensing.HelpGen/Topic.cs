using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;

namespace MspLicensing.HelpGen
{
    /// <summary>
    /// An about topic as a small document: sections of paragraphs, lists, tables and code. One model renders
    /// both as the help.txt file Get-Help shows and as its markdown mirror in docs/.
    /// </summary>
    public sealed class Topic
    {
        public Topic(string name, string shortDescription)
        {
            Name = name;
            ShortDescription = shortDescription;
        }

        public string Name { get; }
        public string ShortDescription { get; }
        public List<Section> Sections { get; } = new List<Section>();
        /// <summary>Cmdlet names and about topics for SEE ALSO.</summary>
        public List<string> SeeAlso { get; } = new List<string>();

        public Section Section(string title)
        {
            var section = new Section(title);
            Sections.Add(section);
            return section;
        }
    }

    public sealed class Section
    {
        public Section(string title) => Title = title;

        public string Title { get; }
        public List<Block> Blocks { get; } = new List<Block>();

        public Section Para(string text)
        {
            Blocks.Add(new Paragraph(text));
            return this;
        }

        public Section Heading(string text)
        {
            Blocks.Add(new Heading(text));
            return this;
        }

        public Section Bullets(IEnumerable<string> items)
        {
            Blocks.Add(new BulletList(items.ToList()));
            return this;
        }

        public Section Terms(IEnumerable<(string Term, string Text)> items)
        {
            Blocks.Add(new TermList(items.ToList()));
            return this;
        }

        public Section Table(IReadOnlyList<string> headers, IEnumerable<IReadOnlyList<string>> rows)
        {
            Blocks.Add(new Table(headers, rows.ToList()));
            return this;
        }

        public Section Code(string code)
        {
            Blocks.Add(new CodeBlock(code));
            return this;
        }
    }

    public abstract class Block
    {
    }

    public sealed class Paragraph : Block
    {
        public Paragraph(string text) => Text = text;
        public string Text { get; }
    }

    /// <summary>A sub-heading inside a section.</summary>
    public sealed class Heading : Block
    {
        public Heading(string text) => Text = text;
        public string Text { get; }
    }

    public sealed class BulletList : Block
    {
        public BulletList(IReadOnlyList<string> items) => Items = items;
        public IReadOnlyList<string> Items { get; }
    }

    /// <summary>Terms with their explanation, e.g. a field and what it holds.</summary>
    public sealed class TermList : Block
    {
        public TermList(IReadOnlyList<(string Term, string Text)> items) => Items = items;
        public IReadOnlyList<(string Term, string Text)> Items { get; }
    }

    public sealed class Table : Block
    {
        public Table(IReadOnlyList<string> headers, IReadOnlyList<IReadOnlyList<string>> rows)
        {
            Headers = headers;
            Rows = rows;
        }

        public IReadOnlyList<string> Headers { get; }
        public IReadOnlyList<IReadOnlyList<string>> Rows { get; }
    }

    public sealed class CodeBlock : Block
    {
        public CodeBlock(string code) => Code = code;
        public string Code { get; }
    }

    /// <summary>Renders a topic in the classic about_*.help.txt layout: upper-case headings, body indented, lines of at most 80 characters.</summary>
    public static class TopicText
    {
        public const int Width = 80;
        private const string Body = "    ";

        public static string Render(Topic topic)
        {
            var sb = new StringBuilder();
            sb.Append("TOPIC\n").Append(Body).Append(topic.Name).Append('\n');
            sb.Append("\nSHORT DESCRIPTION\n");
            Text.Wrap(sb, topic.ShortDescription, Body, Body, Width);
            foreach (var section in topic.Sections)
            {
                sb.Append('\n').Append(section.Title.ToUpperInvariant()).Append('\n');
                bool first = true;
                foreach (var block in section.Blocks)
                {
                    if (!first) sb.Append('\n');
                    first = false;
                    RenderBlock(sb, block);
                }
            }
            if (topic.SeeAlso.Count > 0)
            {
                sb.Append("\nSEE ALSO\n");
                foreach (var name in topic.SeeAlso) sb.Append(Body).Append(name).Append('\n');
            }
            return sb.ToString();
        }

        private static void RenderBlock(StringBuilder sb, Block block)
        {
            switch (block)
            {
                case Paragraph p:
                    Text.Wrap(sb, p.Text, Body, Body, Width);
                    break;
                case Heading h:
                    sb.Append(Body).Append(h.Text).Append('\n');
                    sb.Append(Body).Append(new string('-', h.Text.Length)).Append('\n');
                    break;
                case BulletList list:
                    foreach (var item in list.Items) Text.Wrap(sb, item, Body + "- ", Body + "  ", Width);
                    break;
                case TermList terms:
                    for (int i = 0; i < terms.Items.Count; i++)
                    {
                        if (i > 0) sb.Append('\n');
                        sb.Append(Body).Append(terms.Items[i].Term).Append('\n');
                        Text.Wrap(sb, terms.Items[i].Text, Body + "    ", Body + "    ", Width);
                    }
                    break;
                case Table table:
                    RenderTable(sb, table);
                    break;
                case CodeBlock code:
                    foreach (var line in code.Code.Split('\n')) sb.Append(Body).Append("    ").Append(line).Append('\n');
                    break;
                default:
                    throw new InvalidOperationException("Unknown block " + block.GetType().Name);
            }
        }

        /// <summary>Columns padded to their widest cell; the last column wraps under itself when a row is too long.</summary>
        private static void RenderTable(StringBuilder sb, Table table)
        {
            int columns = table.Headers.Count;
            var widths = new int[columns];
            for (int c = 0; c < columns - 1; c++)
                widths[c] = Math.Max(table.Headers[c].Length, table.Rows.Select(r => r[c].Length).DefaultIfEmpty(0).Max());
            int lastStart = Body.Length + widths.Take(columns - 1).Sum(w => w + 2);
            int lastWidth = Math.Max(table.Headers[columns - 1].Length, table.Rows.Select(r => r[columns - 1].Length).DefaultIfEmpty(0).Max());
            widths[columns - 1] = Math.Min(lastWidth, Math.Max(20, Width - lastStart));

            void Row(IReadOnlyList<string> cells)
            {
                var prefix = new StringBuilder(Body);
                for (int c = 0; c < columns - 1; c++) prefix.Append(cells[c].PadRight(widths[c] + 2));
                Text.Wrap(sb, cells[columns - 1], prefix.ToString(), new string(' ', lastStart), Width, trimEmptyLine: true);
            }

            Row(table.Headers);
            Row(widths.Select(w => new string('-', w)).ToList());
            foreach (var row in table.Rows) Row(row);
        }
    }

    /// <summary>Renders a topic as markdown for docs/ (the layout platyPS uses for about topics).</summary>
    public static class TopicMarkdown
    {
        public static string Render(Topic topic)
        {
            var sb = new StringBuilder();
            sb.Append("# ").Append(topic.Name).Append("\n\n");
            sb.Append("## SHORT DESCRIPTION\n\n").Append(Markdown.Escape(topic.ShortDescription)).Append('\n');
            foreach (var section in topic.Sections)
            {
                sb.Append("\n## ").Append(section.Title.ToUpperInvariant()).Append('\n');
                foreach (var block in section.Blocks)
                {
                    sb.Append('\n');
                    RenderBlock(sb, block);
                }
            }
            if (topic.SeeAlso.Count > 0)
            {
                sb.Append("\n## SEE ALSO\n\n");
                foreach (var name in topic.SeeAlso) sb.Append("- ").Append(Markdown.Link(name)).Append('\n');
            }
            return sb.ToString();
        }

        private static void RenderBlock(StringBuilder sb, Block block)
        {
            switch (block)
            {
                case Paragraph p:
                    sb.Append(Markdown.Escape(p.Text)).Append('\n');
                    break;
                case Heading h:
                    sb.Append("### ").Append(Markdown.Escape(h.Text)).Append('\n');
                    break;
                case BulletList list:
                    foreach (var item in list.Items) sb.Append("- ").Append(Markdown.Escape(item)).Append('\n');
                    break;
                case TermList terms:
                    foreach (var (term, text) in terms.Items)
                        sb.Append("- **").Append(Markdown.Escape(term)).Append("**: ").Append(Markdown.Escape(text)).Append('\n');
                    break;
                case Table table:
                    sb.Append("| ").Append(string.Join(" | ", table.Headers.Select(Markdown.Cell))).Append(" |\n");
                    sb.Append('|').Append(string.Concat(table.Headers.Select(_ => " --- |"))).Append('\n');
                    foreach (var row in table.Rows)
                        sb.Append("| ").Append(string.Join(" | ", row.Select(Markdown.Cell))).Append(" |\n");
                    break;
                case CodeBlock code:
                    sb.Append("```powershell\n").Append(code.Code).Append("\n```\n");
                    break;
                default:
                    throw new InvalidOperationException("Unknown block " + block.GetType().Name);
            }
        }
    }
}
