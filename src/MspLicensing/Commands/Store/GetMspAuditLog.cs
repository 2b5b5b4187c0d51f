using System;
using System.Linq;
using System.Management.Automation;
using MspLicensing.Commands.Help;

namespace MspLicensing.Commands
{
    [Cmdlet(VerbsCommon.Get, "MspAuditLog", SupportsPaging = true)]
    [OutputType(typeof(AuditEntry))]
    public sealed class GetMspAuditLogCommand : MspCmdlet
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

        [Parameter(ValueFromPipelineByPropertyName = true)]
        public Guid CustomerId { get; set; }

        [Parameter]
        [SupportsWildcards]
        [ArgumentCompleter(typeof(ChangeCommandCompleter))]
        public string Command { get; set; }

        [Parameter]
        [SupportsWildcards]
        public string User { get; set; }

        public static CommandHelp Help => new CommandHelp
        {
            Synopsis = "Lists the changes made to the store, newest first.",
            Description = "Every change records when it happened, who made it (the user name), the command, the action (Create, Update, Delete), the target and a short before/after summary. Get-MspAuditLog lists them, newest first, filtered by time, target, command or user. Use -First to see the latest few.",
            Parameters =
            {
                ["After"] = "Only changes at or after this time (local time).",
                ["Before"] = "Only changes at or before this time (local time).",
                ["TargetType"] = "Only changes to this kind of object: " + string.Join(", ", AuditTargetTypeCompleter.TargetTypes.Select(t => t.Value).OrderBy(v => v, StringComparer.Ordinal)) + ".",
                ["Target"] = "Only changes to targets whose name matches; wildcards allowed.",
                ["CustomerId"] = "Only changes to this customer; binds from customer objects in the pipeline.",
                ["Command"] = "Only changes made by this cmdlet; wildcards allowed, e.g. Set-*.",
                ["User"] = "Only changes made by this user; wildcards allowed.",
            },
            Examples = new[]
            {
                new HelpExample("The last ten changes",
                    "Get-MspAuditLog -First 10",
                    "Newest first."),
                new HelpExample("The history of one customer",
                    "Get-MspCustomer -Name Contoso | Get-MspAuditLog",
                    "Shows when Contoso was created and every change since, with before and after values.",
                    "New-MspCustomer -Name Contoso -Country US -City Seattle -ContactFirstName Ann -ContactLastName Lee -Email ann@contoso.com\nSet-MspCustomer -Name Contoso -City Redmond"),
                new HelpExample("Changes made by scheduled tasks yesterday",
                    "Get-MspAuditLog -User svc-* -After ([datetime]::Today.AddDays(-1)) -Before ([datetime]::Today)",
                    "Filters by user name and time."),
            },
            Inputs = "Customer objects (their CustomerId), to show the changes of those customers.",
            Outputs = "Audit entries, newest first.",
            Related = new[] { "Get-MspStore" },
        };

        protected override void ProcessRecord()
        {
            var query = new AuditQuery
            {
                AfterUtc = MyInvocation.BoundParameters.ContainsKey(nameof(After)) ? After.ToUniversalTime() : (DateTime?)null,
                BeforeUtc = MyInvocation.BoundParameters.ContainsKey(nameof(Before)) ? Before.ToUniversalTime() : (DateTime?)null,
                TargetType = TargetType,
                Target = Target,
                TargetId = MyInvocation.BoundParameters.ContainsKey(nameof(CustomerId)) ? CustomerId.ToString() : null,
                Command = Command,
                User = User,
            };
            var entries = Read(s => s.AuditLog(query).ToList());
            WritePage(entries);
        }
    }
}
