using System.Collections;
using System.Management.Automation;

namespace MspLicensing.Commands
{
    [Cmdlet(VerbsCommon.Set, "MspTemplate", SupportsShouldProcess = true)]
    [OutputType(typeof(Template))]
    public sealed partial class SetMspTemplateCommand : MspCmdlet
    {
        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [ArgumentCompleter(typeof(TemplateNameCompleter))]
        public string Name { get; set; }

        [Parameter]
        public Hashtable Setting { get; set; }

        [Parameter]
        [AllowEmptyString]
        public string Description { get; set; }

        [Parameter]
        public SwitchParameter PassThru { get; set; }

        protected override void ProcessRecord()
        {
            if (TryChange("Change template " + Name, Named("Template", Name), Name,
                    s => RemoteManagerOperations.ChangeTemplate(s, Name, Tables.Strings(Setting, nameof(Setting)), Description, Clock.UtcNow), out var template) && PassThru)
                WriteObject(template);
        }
    }
}
