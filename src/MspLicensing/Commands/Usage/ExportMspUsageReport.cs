using System;
using System.Collections;
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

        // The PSA export to reconcile the month with on the Html page (R80), read as Compare-MspUsage reads it.
        [Parameter]
        [AllowEmptyCollection]
        public PSObject[] BilledSeats { get; set; }

        [Parameter]
        public Psa? Psa { get; set; }

        [Parameter]
        [ValidateNotNullOrEmpty]
        public string ExternalIdColumn { get; set; } = ReconciliationOptions.DefaultExternalIdColumn;

        [Parameter]
        [ValidateNotNullOrEmpty]
        public string CustomerColumn { get; set; } = ReconciliationOptions.DefaultCustomerColumn;

        [Parameter]
        [ValidateNotNullOrEmpty]
        public string ProductColumn { get; set; } = ReconciliationOptions.DefaultProductColumn;

        [Parameter]
        [ValidateNotNullOrEmpty]
        public string QuantityColumn { get; set; } = ReconciliationOptions.DefaultQuantityColumn;

        [Parameter]
        public Hashtable ProductMap { get; set; }

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
            if (Format != ExportFormat.Html && BilledSeats != null)
            {
                ThrowMspError(new MspException("BilledSeatsNeedHtml", ErrorKind.InvalidArgument,
                    "-BilledSeats adds the reconciliation with the PSA to the Html page; give -Format Html, or compare the month with Compare-MspUsage and export its rows with Export-Csv.", Format), Format);
                return;
            }
            ReconciliationOptions options = null;
            if (BilledSeats != null)
            {
                try
                {
                    options = PsaRows.Options(Psa, ExternalIdColumn, CustomerColumn, ProductColumn, QuantityColumn, ProductMap);
                }
                catch (MspException ex)
                {
                    ThrowMspError(ex, ProductMap);
                    return;
                }
            }
            if (!ShouldProcess(target, $"Export the {month} usage report")) return;
            string text;
            if (Format == ExportFormat.Html)
            {
                var columns = options?.Columns;
                var rows = BilledSeats?.Where(r => r != null).Select((r, i) => PsaRows.Row(i + 1, r, columns)).ToList();
                var page = Read(s => UsageInsightOperations.MonthReport(s, month, psaRows: rows, options: options));
                // Rows that could not be read are left out of the page, each with its error (R82), as Compare-MspUsage does.
                foreach (var problem in page.Reconciliation?.Problems ?? new ReconciliationProblem[0])
                    WriteError(Errors.Record(problem.Error, problem.Row.Source));
                foreach (var warning in page.Reconciliation?.Warnings ?? new string[0]) WriteWarning(warning);
                text = UsageHtml.Write(page);
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
