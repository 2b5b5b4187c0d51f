using System;
using System.Management.Automation;

namespace MspLicensing.Commands
{
    [Cmdlet(VerbsCommon.Get, "MspLicense", SupportsPaging = true)]
    [OutputType(typeof(License))]
    public sealed partial class GetMspLicenseCommand : MspCmdlet
    {
        [Parameter(Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [ArgumentCompleter(typeof(CustomerNameCompleter))]
        public CustomerPipeBind Customer { get; set; }

        [Parameter(ValueFromPipelineByPropertyName = true)]
        public Guid SubscriptionId { get; set; }

        [Parameter(ValueFromPipelineByPropertyName = true)]
        public Guid[] LicenseId { get; set; }

        [Parameter]
        [ArgumentCompleter(typeof(ProductCompleter))]
        public string Product { get; set; }

        [Parameter]
        public LicenseStatus Status { get; set; }

        [Parameter(ValueFromPipelineByPropertyName = true)]
        [SupportsWildcards]
        [ArgumentCompleter(typeof(ActivationCodeCompleter))]
        public string ActivationCode { get; set; }

        [Parameter]
        [PSDefaultValue(Help = Clock.TodayHelp)]
        [DateTransformation]
        public DateTime AsOf { get; set; } = Clock.Today;

        protected override void ProcessRecord()
        {
            var query = new LicenseQuery
            {
                Customer = Customer?.Reference,
                SubscriptionId = Bound(nameof(SubscriptionId)) ? SubscriptionId : (Guid?)null,
                LicenseId = LicenseId,
                Product = Product,
                Status = Bound(nameof(Status)) ? Status : (LicenseStatus?)null,
                ActivationCode = ActivationCode,
                AsOf = AsOf,
            };
            if (!TryRead(s => LicenseOperations.Get(s, query), Customer?.Display ?? ActivationCode ?? Product, out var found)) return;
            foreach (var missing in found.NotFound) WriteMspError(missing, missing.Target);
            WritePage(found.Items);
        }
    }
}
