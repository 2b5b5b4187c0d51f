using System;
using System.Linq;
using System.Management.Automation;

namespace MspLicensing.Commands
{
    [Cmdlet(VerbsCommon.Get, "MspAuditLog", SupportsPaging = true, DefaultParameterSetName = Identity.ById)]
    [OutputType(typeof(AuditEntry))]
    public sealed partial class GetMspAuditLogCommand : MspCmdlet
    {
        [Parameter]
        [DateTransformation(WithTime = true)]
        public DateTime After { get; set; }

        [Parameter]
        [DateTransformation(WithTime = true)]
        public DateTime Before { get; set; }

        [Parameter]
        [ArgumentCompleter(typeof(AuditTargetTypeCompleter))]
        public string TargetType { get; set; }

        [Parameter(Position = 0)]
        [SupportsWildcards]
        public string Target { get; set; }

        [Parameter(ParameterSetName = Identity.ById, ValueFromPipelineByPropertyName = true)]
        public Guid CustomerId { get; set; }

        [Parameter(ParameterSetName = Identity.ByCustomer, Mandatory = true)]
        [ArgumentCompleter(typeof(CustomerNameCompleter))]
        public CustomerPipeBind Customer { get; set; }

        [Parameter]
        [SupportsWildcards]
        [ArgumentCompleter(typeof(ChangeCommandCompleter))]
        public string Command { get; set; }

        [Parameter]
        [SupportsWildcards]
        public string User { get; set; }

        protected override void ProcessRecord()
        {
            Guid? customerId = null;
            if (ParameterSetName == Identity.ByCustomer)
            {
                // An id is taken as it is, so the history of a deleted customer can be read; a name must name a customer.
                if (Customer.Reference.Id.HasValue) customerId = Customer.Reference.Id;
                else if (TryRead(s => CustomerOperations.Resolve(s, Customer.Reference).CustomerId, Customer.Display, out var id)) customerId = id;
                else return;
            }
            else if (Bound(nameof(CustomerId))) customerId = CustomerId;
            var query = new AuditQuery
            {
                AfterUtc = Bound(nameof(After)) ? After.ToUniversalTime() : (DateTime?)null,
                BeforeUtc = Bound(nameof(Before)) ? Before.ToUniversalTime() : (DateTime?)null,
                TargetType = TargetType,
                Target = Target,
                CustomerId = customerId,
                Command = Command,
                User = User,
            };
            var entries = Read(s => s.AuditLog(query).ToList());
            WritePage(entries);
        }
    }
}
