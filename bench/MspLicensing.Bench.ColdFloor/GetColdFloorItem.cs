using System.Management.Automation;

namespace MspLicensing.Bench.ColdFloor
{
    /// <summary>One item by name, made on the spot: a binary cmdlet that does no work of its own.</summary>
    [Cmdlet(VerbsCommon.Get, "ColdFloorItem")]
    [OutputType(typeof(ColdFloorItem))]
    public sealed class GetColdFloorItemCommand : PSCmdlet
    {
        [Parameter(Mandatory = true, Position = 0)]
        public string Name { get; set; }

        protected override void ProcessRecord() => WriteObject(new ColdFloorItem { Name = Name });
    }

    /// <summary>What the cmdlet writes, with a table view of its own.</summary>
    public sealed class ColdFloorItem
    {
        public string Name { get; set; }
    }
}
