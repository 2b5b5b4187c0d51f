using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Management.Automation;
using System.Management.Automation.Runspaces;
using System.Text;

namespace MspLicensing.Module.Tests.Hosting
{
    /// <summary>
    /// The hosted engine has only the core cmdlets. Users of the module have Import-Csv and Export-Csv (every
    /// PowerShell ships them); these small stand-ins let tests and help examples use them the same way.
    /// </summary>
    public static class Shims
    {
        public static void AddTo(InitialSessionState iss)
        {
            iss.Commands.Add(new SessionStateCmdletEntry("Import-Csv", typeof(ImportCsvShim), null));
            iss.Commands.Add(new SessionStateCmdletEntry("Export-Csv", typeof(ExportCsvShim), null));
        }

        internal static List<string> ParseLine(string line)
        {
            var fields = new List<string>();
            var sb = new StringBuilder();
            bool quoted = false;
            for (int i = 0; i < line.Length; i++)
            {
                char c = line[i];
                if (quoted)
                {
                    if (c == '"' && i + 1 < line.Length && line[i + 1] == '"') { sb.Append('"'); i++; }
                    else if (c == '"') quoted = false;
                    else sb.Append(c);
                }
                else if (c == '"') quoted = true;
                else if (c == ',') { fields.Add(sb.ToString()); sb.Clear(); }
                else sb.Append(c);
            }
            fields.Add(sb.ToString());
            return fields;
        }
    }

    [Cmdlet(VerbsData.Import, "Csv")]
    public sealed class ImportCsvShim : PSCmdlet
    {
        [Parameter(Mandatory = true, Position = 0)]
        public string Path { get; set; }

        protected override void EndProcessing()
        {
            string full = SessionState.Path.GetUnresolvedProviderPathFromPSPath(Path);
            var lines = File.ReadAllLines(full).Where(l => l.Length > 0).ToList();
            var header = Shims.ParseLine(lines[0]);
            foreach (var line in lines.Skip(1))
            {
                var values = Shims.ParseLine(line);
                var row = new PSObject();
                for (int i = 0; i < header.Count; i++)
                    row.Properties.Add(new PSNoteProperty(header[i], i < values.Count ? values[i] : null));
                WriteObject(row);
            }
        }
    }

    [Cmdlet(VerbsData.Export, "Csv")]
    public sealed class ExportCsvShim : PSCmdlet
    {
        private readonly List<PSObject> _rows = new List<PSObject>();

        [Parameter(Mandatory = true, Position = 0)]
        public string Path { get; set; }

        [Parameter(ValueFromPipeline = true)]
        public PSObject InputObject { get; set; }

        [Parameter]
        public SwitchParameter NoTypeInformation { get; set; }

        protected override void ProcessRecord() => _rows.Add(InputObject);

        protected override void EndProcessing()
        {
            string full = SessionState.Path.GetUnresolvedProviderPathFromPSPath(Path);
            var names = _rows.Count == 0 ? new List<string>() : _rows[0].Properties.Select(p => p.Name).ToList();
            var sb = new StringBuilder();
            sb.AppendLine(string.Join(",", names.Select(Quote)));
            foreach (var row in _rows)
                sb.AppendLine(string.Join(",", names.Select(n => Quote(LanguagePrimitives.ConvertTo<string>(row.Properties[n]?.Value) ?? string.Empty))));
            File.WriteAllText(full, sb.ToString());
        }

        private static string Quote(string s) => "\"" + s.Replace("\"", "\"\"") + "\"";
    }
}
