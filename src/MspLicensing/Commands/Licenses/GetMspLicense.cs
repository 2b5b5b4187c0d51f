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

        private PipedReads<LicenseQuery, Found<License>> _piped;

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
            object target = Customer?.Display ?? ActivationCode ?? Product;
            if (MyInvocation.ExpectingInput)
            {
                // Piped customers, subscriptions or licenses are read a batch at a time.
                _piped = _piped ?? new PipedReads<LicenseQuery, Found<License>>(this, LicenseOperations.GetMany, Write);
                _piped.Add(query, target);
                return;
            }
            if (TryRead(s => LicenseOperations.Get(s, query), target, out var found)) Write(found);
        }

        protected override void EndProcessing() => _piped?.Flush();

        private void Write(Found<License> found)
        {
            foreach (var missing in found.NotFound) WriteMspError(missing, missing.Target);
            WritePage(found.Items);
        }
    }
}
