using System.Management.Automation;

namespace MspLicensing.Commands
{
    [Cmdlet(VerbsCommon.Set, "MspUsageReport", SupportsShouldProcess = true)]
    [OutputType(typeof(UsageLine))]
    public sealed partial class SetMspUsageReportCommand : UsageCmdlet
    {
        [Parameter(Mandatory = true, ValueFromPipelineByPropertyName = true)]
        [ArgumentCompleter(typeof(CustomerNameCompleter))]
        public CustomerPipeBind Customer { get; set; }

        [Parameter(Mandatory = true, ValueFromPipelineByPropertyName = true)]
        [ArgumentCompleter(typeof(ProductCompleter))]
        public string Product { get; set; }

        [Parameter(Mandatory = true, ValueFromPipelineByPropertyName = true)]
        public int Chargeable { get; set; }

        [Parameter(ValueFromPipelineByPropertyName = true)]
        public string Comment { get; set; }

        protected override void ProcessRecord()
        {
            var month = MonthStart();
            if (TryChange($"Set chargeable seats of {Customer.Display} / {Product} in {month} to {Chargeable}", Named("Customer", Customer.Display, "product", Product), Customer.Display,
                    s => UsageOperations.Adjust(s, month, Customer.Reference, Product, Chargeable, Comment), out var line))
                WriteObject(line);
        }
    }
}
