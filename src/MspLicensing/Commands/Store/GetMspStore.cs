using System.Management.Automation;
using MspLicensing.Store;

namespace MspLicensing.Commands
{
    [Cmdlet(VerbsCommon.Get, "MspStore")]
    [OutputType(typeof(StoreInfo))]
    public sealed partial class GetMspStoreCommand : MspCmdlet
    {
        protected override void EndProcessing()
        {
            try
            {
                var info = Store.GetInfo();
                info.Source = StoreConnection.Current(this).Source;
                WriteObject(info);
            }
            catch (MspException ex)
            {
                ThrowMspError(ex, null);
            }
        }
    }
}
