using System.Collections.Generic;
using System.Text;

namespace MspLicensing.HelpGen
{
    /// <summary>Word wrapping for the plain-text help.</summary>
    public static class Text
    {
        /// <summary>
        /// Appends <paramref name="text"/> wrapped at <paramref name="width"/>: the first line starts with
        /// <paramref name="firstPrefix"/>, the others with <paramref name="nextPrefix"/>. Line breaks in the text are
        /// kept; a word longer than a line stays whole.
        /// </summary>
        public static void Wrap(StringBuilder sb, string text, string firstPrefix, string nextPrefix, int width, bool trimEmptyLine = false)
        {
            string prefix = firstPrefix;
            foreach (var hardLine in (text ?? string.Empty).Split('\n'))
            {
                var line = new StringBuilder(prefix);
                bool empty = true;
                foreach (var word in Words(hardLine))
                {
                    if (!empty && line.Length + 1 + word.Length > width)
                    {
                        sb.Append(line.ToString().TrimEnd()).Append('\n');
                        line.Clear().Append(nextPrefix);
                        empty = true;
                    }
                    if (!empty) line.Append(' ');
                    line.Append(word);
                    empty = false;
                }
                string done = line.ToString().TrimEnd();
                if (done.Length > 0 || !trimEmptyLine) sb.Append(done).Append('\n');
                prefix = nextPrefix;
            }
        }

        private static IEnumerable<string> Words(string line)
        {
            foreach (var word in line.Split(' '))
                if (word.Length > 0) yield return word;
        }
    }

    /// <summary>Markdown escaping and links for docs/.</summary>
    public static class Markdown
    {
        public static string Escape(string text)
        {
            if (string.IsNullOrEmpty(text)) return text ?? string.Empty;
            var sb = new StringBuilder(text.Length);
            foreach (char c in text)
            {
                if (c == '\\' || c == '*' || c == '<' || c == '>' || c == '[' || c == ']' || c == '`') sb.Append('\\');
                sb.Append(c);
            }
            return sb.ToString();
        }

        public static string Cell(string text) => Escape(text).Replace("|", "\\|").Replace("\n", " ");

        /// <summary>A link to the markdown page of a cmdlet or about topic in docs/.</summary>
        public static string Link(string name) => "[" + name + "](" + name + ".md)";
    }
}
