using System;
using System.Management.Automation;

namespace MspLicensing.Commands
{
    /// <summary>
    /// The base of the cmdlets that act on one subscription: it is named by -SubscriptionId (also from licenses and
    /// subscriptions in the pipeline), by the object from Get-MspSubscription, or by -Customer (with -ServicePlan where
    /// the customer has several).
    /// </summary>
    public abstract class SubscriptionCmdlet : MspCmdlet
    {
        [Parameter(ParameterSetName = Identity.ById, Mandatory = true, ValueFromPipelineByPropertyName = true)]
        public Guid SubscriptionId { get; set; }

        [Parameter(ParameterSetName = Identity.ByObject, Mandatory = true, ValueFromPipeline = true)]
        public Subscription InputObject { get; set; }

        [Parameter(ParameterSetName = Identity.ByCustomer, Mandatory = true, Position = 0)]
        [ArgumentCompleter(typeof(CustomerNameCompleter))]
        public CustomerPipeBind Customer { get; set; }

        /// <summary>The subscription the parameters name; <paramref name="plan"/> narrows a customer's subscriptions.</summary>
        protected SubscriptionRef Target(ServicePlanPipeBind plan)
        {
            switch (ParameterSetName)
            {
                case Identity.ById: return SubscriptionRef.ById(SubscriptionId);
                case Identity.ByObject: return SubscriptionRef.ByObject(InputObject);
                default: return SubscriptionRef.ByCustomer(Customer.Reference, plan?.Reference);
            }
        }

        /// <summary>Text that names the subscription in -WhatIf and errors.</summary>
        protected string Describe(SubscriptionRef target) =>
            InputObject != null && ParameterSetName == Identity.ByObject
                ? $"{InputObject.ServicePlan} of {InputObject.Customer} ({InputObject.SubscriptionId})"
                : target.ToString();

        /// <summary>
        /// The words that name the subscription of the current item in its errors: the customer and the plan where
        /// they are known, else its id.
        /// </summary>
        protected string ItemName(SubscriptionRef target)
        {
            if (InputObject != null && ParameterSetName == Identity.ByObject)
                return Named("Customer", InputObject.Customer, "service plan", InputObject.ServicePlan);
            if (target.Customer != null)
                return Named("Customer", target.Customer.Display) + (target.ServicePlan == null ? string.Empty : ", " + Named("service plan", target.ServicePlan.Display));
            return Named("Subscription", target.Id);
        }
    }
}
