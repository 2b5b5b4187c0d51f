using System.Collections;
using System.Management.Automation;

namespace MspLicensing.Commands
{
    [Cmdlet(VerbsCommon.New, "MspTemplate", SupportsShouldProcess = true)]
    [OutputType(typeof(Template))]
    public sealed partial class NewMspTemplateCommand : MspCmdlet
    {
        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        public string Name { get; set; }

        [Parameter(Mandatory = true, Position = 1, ValueFromPipelineByPropertyName = true)]
        [ArgumentCompleter(typeof(ProductCompleter))]
        public string Product { get; set; }

        [Parameter]
        public Hashtable Setting { get; set; }

        [Parameter(ValueFromPipelineByPropertyName = true)]
        public string Description { get; set; }

        protected override void ProcessRecord()
        {
            if (TryChange($"Create {Product} template {Name}", Named("Template", Name), Name,
                    s => RemoteManagerOperations.CreateTemplate(s, Name, Product, Tables.Strings(Setting, nameof(Setting)), Description, Clock.UtcNow), out var template))
                WriteObject(template);
        }
    }
}
