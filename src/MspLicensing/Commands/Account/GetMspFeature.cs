using System.Linq;
using System.Management.Automation;

namespace MspLicensing.Commands
{
    [Cmdlet(VerbsCommon.Get, "MspFeature")]
    [OutputType(typeof(Feature))]
    public sealed partial class GetMspFeatureCommand : MspCmdlet
    {
        [Parameter(Position = 0)]
        [SupportsWildcards]
        [ArgumentCompleter(typeof(FeatureNameCompleter))]
        public string Name { get; set; }

        [Parameter]
        public AccountType AccountType { get; set; }

        protected override void EndProcessing()
        {
            bool byType = MyInvocation.BoundParameters.ContainsKey(nameof(AccountType));
            var pattern = Pattern(nameof(Name), Name);
            foreach (var feature in FeatureMatrix.All.Where(f =>
                         (pattern == null || pattern.IsMatch(f.Name) || pattern.IsMatch(f.Id))
                         && (!byType || f.IsSupported(AccountType))))
                WriteObject(feature);
        }
    }
}
