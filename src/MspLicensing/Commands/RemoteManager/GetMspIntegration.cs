using System.Linq;
using System.Management.Automation;

namespace MspLicensing.Commands
{
    [Cmdlet(VerbsCommon.Get, "MspIntegration")]
    [OutputType(typeof(IntegrationState))]
    public sealed partial class GetMspIntegrationCommand : MspCmdlet
    {
        [Parameter(Position = 0)]
        [SupportsWildcards]
        [ArgumentCompleter(typeof(IntegrationCompleter))]
        public string Name { get; set; }

        protected override void EndProcessing()
        {
            var pattern = Pattern(nameof(Name), Name);
            foreach (var i in Read(IntegrationOperations.List).Where(i => pattern == null || pattern.IsMatch(i.Name) || pattern.IsMatch(i.DisplayName)))
                WriteObject(i);
        }
    }
}
