using System.Management.Automation;

namespace MspLicensing.Commands
{
    [Cmdlet(VerbsCommon.Get, "MspAccount")]
    [OutputType(typeof(Account))]
    public sealed partial class GetMspAccountCommand : MspCmdlet
    {
        protected override void EndProcessing() => WriteObject(Read(s => s.GetAccount()));
    }
}
