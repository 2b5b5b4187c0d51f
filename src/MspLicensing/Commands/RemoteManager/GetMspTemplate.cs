using System.Management.Automation;

namespace MspLicensing.Commands
{
    [Cmdlet(VerbsCommon.Get, "MspTemplate")]
    [OutputType(typeof(Template))]
    public sealed partial class GetMspTemplateCommand : MspCmdlet
    {
        [Parameter(Position = 0)]
        [SupportsWildcards]
        [ArgumentCompleter(typeof(TemplateNameCompleter))]
        public string Name { get; set; }

        protected override void EndProcessing() => WriteObject(Read(s => RemoteManagerOperations.Templates(s, Name)), enumerateCollection: true);
    }
}
