using System;
using System.Collections;
using System.Collections.Generic;
using System.Management.Automation;

namespace MspLicensing.Commands
{
    [Cmdlet(VerbsData.Compare, "MspUsage", DefaultParameterSetName = ByCustomerSet)]
    [OutputType(typeof(ReconciliationLine), ParameterSetName = new[] { ByCustomerSet })]
    [OutputType(typeof(ReconciliationSummary), ParameterSetName = new[] { SummarySet })]
    public sealed partial class CompareMspUsageCommand : MspCmdlet
    {
        private const string ByCustomerSet = "ByCustomer";
        private const string SummarySet = "Summary";

        /// <summary>The PSA rows, read as they come: the comparison runs once all have come.</summary>
        private ReconciliationRows _rows;
        private BillingMonth _month;

        /// <summary>The columns each row is read for, one list for all of them.</summary>
        private IReadOnlyList<string> _columns;

        // The month does not bind from the pipeline: a PSA export with a Month column would otherwise set it row by row.
        [Parameter(Position = 0)]
        [ArgumentCompleter(typeof(MonthCompleter))]
        [MonthTransformation]
        [ValidateNotNullOrEmpty]
        [PSDefaultValue(Help = Clock.CurrentMonthHelp)]
        public string Month { get; set; } = Clock.CurrentMonth;

        [Parameter(Mandatory = true, Position = 1, ValueFromPipeline = true)]
        [AllowEmptyCollection]
        [Alias("ReferenceObject", "PsaRows")]
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

        [Parameter(ParameterSetName = SummarySet, Mandatory = true)]
        public SwitchParameter Summary { get; set; }

        protected override void BeginProcessing()
        {
            base.BeginProcessing();
            // The month, the columns and the product map bind from the command line only: they are read before the rows,
            // which are read as they come.
            _month = ParseMonth(nameof(Month), Month);
            try
            {
                var options = PsaRows.Options(Psa, ExternalIdColumn, CustomerColumn, ProductColumn, QuantityColumn, ProductMap);
                _rows = new ReconciliationRows(options);
                _columns = options.Columns;
            }
            catch (MspException ex)
            {
                ThrowMspError(ex, ProductMap);
            }
        }

        protected override void ProcessRecord()
        {
            if (BilledSeats == null) return;
            foreach (var row in BilledSeats)
                if (row != null) _rows.Add(PsaRows.Row(_rows.Count + 1, row, _columns));
        }

        protected override void EndProcessing()
        {
            string activity = $"Comparing the {_month} usage report with {_rows.Count} PSA rows";
            WriteProgress(new ProgressRecord(1, activity, "Reading the report and the customers"));
            var result = Read(s => ReconciliationOperations.Compare(s, _month, _rows));
            WriteProgress(new ProgressRecord(1, activity, "Done") { RecordType = ProgressRecordType.Completed });
            foreach (var problem in result.Problems)
                WriteError(Errors.Record(problem.Error, problem.Row.Source));
            if (Summary) WriteObject(result.Summaries, enumerateCollection: true);
            else WriteObject(result.Lines, enumerateCollection: true);
            foreach (var warning in result.Warnings) WriteWarning(warning);
        }
    }
}
