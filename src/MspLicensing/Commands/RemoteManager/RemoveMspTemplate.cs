using System.Management.Automation;

namespace MspLicensing.Commands
{
    [Cmdlet(VerbsCommon.Remove, "MspTemplate", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High)]
    [OutputType(typeof(Template))]
    public sealed partial class RemoveMspTemplateCommand : MspCmdlet
    {
        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [ArgumentCompleter(typeof(TemplateNameCompleter))]
        public string Name { get; set; }

        [Parameter]
        public SwitchParameter PassThru { get; set; }

        protected override void ProcessRecord()
        {
            if (TryChange("Remove template " + Name, Named("Template", Name), Name, s => RemoteManagerOperations.RemoveTemplate(s, Name), out var template) && PassThru)
                WriteObject(template);
        }
    }
}
