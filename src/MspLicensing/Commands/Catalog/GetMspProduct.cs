using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;

namespace MspLicensing.Commands
{
    [Cmdlet(VerbsCommon.Get, "MspProduct")]
    [OutputType(typeof(Product))]
    public sealed partial class GetMspProductCommand : MspCmdlet
    {
        [Parameter(Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [SupportsWildcards]
        [ArgumentCompleter(typeof(ProductCompleter))]
        public string[] Code { get; set; }

        [Parameter]
        [SupportsWildcards]
        [ArgumentCompleter(typeof(ProductCompleter))]
        public string[] Name { get; set; }

        [Parameter]
        public ProductKind Kind { get; set; }

        [Parameter]
        [ArgumentCompleter(typeof(DataCenterCompleter))]
        public string DataCenter { get; set; }

        protected override void ProcessRecord()
        {
            MspLicensing.DataCenter? dataCenter = null;
            if (DataCenter != null)
            {
                try
                {
                    dataCenter = DataCenters.Parse(nameof(DataCenter), DataCenter);
                }
                catch (MspException ex)
                {
                    ThrowMspError(ex, DataCenter);
                }
            }
            bool byKind = MyInvocation.BoundParameters.ContainsKey(nameof(Kind));
            var patterns = new List<Wildcard>();
            foreach (var (field, given) in (Code ?? new string[0]).Select(c => (nameof(Code), c)).Concat((Name ?? new string[0]).Select(n => (nameof(Name), n))))
            {
                if (given == null || !TryPattern(field, given, out var pattern)) continue;
                patterns.Add(pattern);
                if (pattern.IsExact && Catalog.Find(pattern.Literal) == null)
                {
                    try
                    {
                        Catalog.Get(field, pattern.Literal);
                    }
                    catch (MspException ex)
                    {
                        WriteMspError(ex, given);
                    }
                }
            }

            foreach (var product in Catalog.Products.Where(p =>
                         (Code == null && Name == null || patterns.Any(x => x.IsMatch(p.Code) || x.IsMatch(p.Name)))
                         && (!byKind || p.Kind == Kind)
                         && (!dataCenter.HasValue || p.DataCenters.Contains(dataCenter.Value))))
                WriteObject(product);
        }
    }
}
