using System;
using System.Management.Automation;
using System.Security;
using System.Text.RegularExpressions;
using MspLicensing.Store;

namespace MspLicensing.Commands
{
    [Cmdlet(VerbsCommon.Copy, "MspStore", SupportsShouldProcess = true)]
    [OutputType(typeof(StoreCopy))]
    public sealed partial class CopyMspStoreCommand : MspCmdlet
    {
        [Parameter(Mandatory = true, Position = 0)]
        [ValidateNotNullOrEmpty]
        public string Destination { get; set; }

        [Parameter]
        [Credential]
        public PSCredential Credential { get; set; }

        [Parameter]
        public SecureString Password { get; set; }

        [Parameter]
        public SwitchParameter Force { get; set; }

        /// <summary>Whether the destination is a connection string: it names the server (Host= or Server=).</summary>
        private static bool IsConnectionString(string destination) =>
            Regex.IsMatch(destination, @"(^|;)\s*(host|server)\s*=", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);

        protected override void EndProcessing()
        {
            StoreConnection target;
            try
            {
                target = IsConnectionString(Destination)
                    ? new StoreConnection(Destination, Credential, StoreFactory.DisplayOf(Destination, Credential?.UserName), "Copy-MspStore", null)
                    : new StoreConnection(SessionState.Path.GetUnresolvedProviderPathFromPSPath(Destination), Password, "Copy-MspStore");
            }
            catch (MspException ex)
            {
                ThrowMspError(ex, null);
                return;
            }
            if (!(Store is ITransferableStore source))
            {
                ThrowMspError(new MspException("StoreCopyUnsupported", ErrorKind.InvalidOperation, $"The store '{Store.Path}' cannot be copied.", Store.Path), Store.Path);
                return;
            }
            if (string.Equals(target.Path, source.Path, StringComparison.OrdinalIgnoreCase))
            {
                ThrowMspError(MspException.InvalidValue("Destination", target.Path, "copy into another store than the one this session uses"), target.Path);
                return;
            }
            if (!ShouldProcess(target.Path, $"Copy every document of the store '{source.Path}'" + (Force ? ", replacing what it holds" : string.Empty)))
                return;
            try
            {
                using (var destination = StoreFactory.Open(target, null, WaitingForStore, verify: false))
                {
                    WriteObject(StoreCopy.Run(source, (ITransferableStore)destination, Force));
                }
            }
            catch (MspException ex)
            {
                ThrowMspError(ex, target.Path);
            }
        }
    }
}
