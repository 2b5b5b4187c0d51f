using System;
using System.Collections;
using System.Collections.Generic;
using System.Management.Automation;

namespace MspLicensing.Commands
{
    [Cmdlet(VerbsLifecycle.Invoke, "MspCrossgrade", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(Subscription))]
    public sealed partial class InvokeMspCrossgradeCommand : CrossgradeCmdlet
    {
        private PipelineBatch<CrossgradeRequest, Subscription> _batch;
        private readonly HashSet<Guid> _kept = new HashSet<Guid>();

        [Parameter]
        public Hashtable ProductSeats { get; set; }

        protected override void BeginProcessing()
        {
            _batch = new PipelineBatch<CrossgradeRequest, Subscription>(this,
                (session, request) =>
                {
                    var result = CrossgradeOperations.Invoke(session, request, Clock.UtcNow);
                    if (!result.Changed && _kept.Add(result.Subscription.SubscriptionId))
                        WriteVerbose($"'{request.Customer.Display}' holds service plan '{result.Subscription.ServicePlan}' already (subscription {result.Subscription.SubscriptionId}); nothing changed.");
                    return result.Subscription;
                },
                request => request.Customer.Display, "customers crossgraded");
        }

        protected override void ProcessRecord()
        {
            var request = Request(ProductSeats);
            string name = Named("Customer", Customer.Display);
            string text = $"Crossgrade {Customer.Display} to service plan '{ServicePlan.Display}'";
            if (ChangesShown)
            {
                // R45: -WhatIf and -Confirm show the customer's crossgrade plan, a line a step, and ask once for all of it.
                try
                {
                    text = Store.Read(s => ChangePreview.Crossgrade(Customer.Display, CrossgradeOperations.Plan(s, request), request.Date));
                }
                catch (MspException ex)
                {
                    _batch.Fail(ex, name, Customer.Display);
                    return;
                }
            }
            if (ShouldProcessChange(text)) _batch.Add(request, name);
        }

        protected override void EndProcessing() => _batch.Complete();
    }
}
