using System.Management.Automation;

namespace MspLicensing.Commands
{
    /// <summary>The base of Enable- and Disable-MspIntegration: a plug-in by name, switched on or off.</summary>
    public abstract class IntegrationSwitchCmdlet : MspCmdlet
    {
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [ArgumentCompleter(typeof(IntegrationCompleter))]
        public string Name { get; set; }

        [Parameter]
        public SwitchParameter PassThru { get; set; }

        /// <summary>True to switch the plug-in on, false to switch it off.</summary>
        protected abstract bool On { get; }

        protected override void ProcessRecord()
        {
            if (!ShouldProcess(Name, (On ? "Enable" : "Disable") + " plug-in")) return;
            if (TryWrite(s => IntegrationOperations.Set(s, Name, On), Name, out var state) && PassThru)
                WriteObject(state);
        }
    }
}
