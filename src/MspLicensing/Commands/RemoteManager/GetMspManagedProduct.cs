using System;
using System.Management.Automation;

namespace MspLicensing.Commands
{
    [Cmdlet(VerbsCommon.Get, "MspManagedProduct")]
    [OutputType(typeof(ManagedProduct))]
    public sealed partial class GetMspManagedProductCommand : MspCmdlet
    {
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [ArgumentCompleter(typeof(CustomerNameCompleter))]
        public CustomerPipeBind Customer { get; set; }

        [Parameter]
        public ManagedStatus Status { get; set; }

        [Parameter]
        [PSDefaultValue(Help = Clock.TodayHelp)]
        [DateTransformation]
        public DateTime AsOf { get; set; } = Clock.Today;

        protected override void ProcessRecord()
        {
            if (!TryRead(s => RemoteManagerOperations.ManagedProducts(s, Customer.Reference, AsOf), Customer.Display, out var products)) return;
            bool byStatus = Bound(nameof(Status));
            foreach (var p in products)
                if (!byStatus || p.Status == Status) WriteObject(p);
        }
    }
}
