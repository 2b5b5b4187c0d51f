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
            if (TryChange((On ? "Enable" : "Disable") + " plug-in " + Name, Name, s => IntegrationOperations.Set(s, Name, On), out var state) && PassThru)
                WriteObject(state);
        }
    }
}
