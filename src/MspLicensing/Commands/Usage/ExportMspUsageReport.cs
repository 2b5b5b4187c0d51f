using System;
using System.IO;
using System.Linq;
using System.Management.Automation;
using System.Text;
using MspLicensing.Store;

namespace MspLicensing.Commands
{
    [Cmdlet(VerbsData.Export, "MspUsageReport", SupportsShouldProcess = true)]
    [OutputType(typeof(FileInfo))]
    public sealed partial class ExportMspUsageReportCommand : UsageCmdlet
    {
        [Parameter(Mandatory = true, Position = 1)]
        [ValidateNotNullOrEmpty]
        public string Path { get; set; }

        [Parameter]
        public ExportFormat Format { get; set; } = ExportFormat.Csv;

        [Parameter]
        public SwitchParameter ByCustomer { get; set; }

        [Parameter]
        public SwitchParameter Force { get; set; }

        protected override void EndProcessing()
        {
            var month = MonthStart();
            string target = SessionState.Path.GetUnresolvedProviderPathFromPSPath(Path);
            if (Directory.Exists(target))
            {
                ThrowMspError(new MspException("ExportPathIsFolder", ErrorKind.InvalidArgument,
                    $"The export path '{target}' is a folder; give the path of a file, e.g. '{System.IO.Path.Combine(target, $"usage-{month}.csv")}'.", target), target);
                return;
            }
            if (File.Exists(target) && !Force)
            {
                ThrowMspError(new MspException("ExportTargetExists", ErrorKind.ResourceExists,
                    $"The file '{target}' exists already; give -Force to overwrite it or choose another path.", target), target);
                return;
            }
            if (Format == ExportFormat.Html && ByCustomer)
            {
                ThrowMspError(new MspException("HtmlByCustomer", ErrorKind.InvalidArgument,
                    "-ByCustomer applies to Csv and Json; the Html page shows the product totals, the trend and the right-sizing candidates. Leave out -ByCustomer, or give -Format Csv.", Format), Format);
                return;
            }
            if (!ShouldProcess(target, $"Export the {month} usage report")) return;
            string text;
            if (Format == ExportFormat.Html)
            {
                text = UsageHtml.Write(Read(s => UsageInsightOperations.MonthReport(s, month)));
            }
            else
            {
                var report = Read(s => UsageOperations.Report(s, new UsageReportRequest { Months = new[] { month }, ByCustomer = ByCustomer }, null)).Single();
                text = ByCustomer ? UsageExport.Write(report.Lines, Format) : UsageExport.Write(report.Summaries(), Format);
            }
            try
            {
                PrivateFiles.WriteWhole(target, UsageExport.Encode(text, Format), replace: Force);
            }
            catch (Exception ex) when (ex is IOException || ex is UnauthorizedAccessException)
            {
                ThrowMspError(ExportFailed(target, ex), target);
                return;
            }
            WriteFileItem(target);
        }

        private static MspException ExportFailed(string target, Exception ex) =>
            ex is IOException io && LiteDbStore.DiskFull(io)
                ? new MspException("ExportDiskFull", ErrorKind.ResourceUnavailable, $"Disk full: the disk that holds '{target}' has no space left; the export was not written (no part of it is left behind). Free space on that disk or export to another path.", target, ex)
                : new MspException("ExportFailed", ErrorKind.ResourceUnavailable, $"The export to '{target}' could not be written: {ex.Message}", target, ex);
    }
}
