using System.Management.Automation;

namespace MspLicensing.Commands
{
    [Cmdlet(VerbsCommon.Set, "MspAccount", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(Account))]
    public sealed partial class SetMspAccountCommand : MspCmdlet
    {
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string Name { get; set; }

        [Parameter]
        public AccountType AccountType { get; set; }

        [Parameter]
        [ValidateNotNullOrEmpty]
        public int[] SeatBands { get; set; }

        [Parameter]
        [ArgumentCompleter(typeof(DataCenterCompleter))]
        [ValidateNotNullOrEmpty]
        public string DefaultDataCenter { get; set; }

        [Parameter]
        public int GracePeriodDays { get; set; }

        [Parameter(ValueFromPipeline = true)]
        public Account InputObject { get; set; }

        [Parameter]
        public SwitchParameter PassThru { get; set; }

        protected override void ProcessRecord()
        {
            var changes = new AccountChanges
            {
                Name = Name,
                AccountType = MyInvocation.BoundParameters.ContainsKey(nameof(AccountType)) ? AccountType : (AccountType?)null,
                SeatBandMinimums = SeatBands,
                GracePeriodDays = Bound(nameof(GracePeriodDays)) ? GracePeriodDays : (int?)null,
            };
            try
            {
                if (DefaultDataCenter != null) changes.DefaultDataCenter = DataCenters.Parse(nameof(DefaultDataCenter), DefaultDataCenter);
            }
            catch (MspException ex)
            {
                WriteMspError(ex, null);
                return;
            }
            if (TryChange("Change partner account", InputObject, s => AccountOperations.Update(s, changes, InputObject?.Revision), out var account) && PassThru)
                WriteObject(account);
        }
    }
}
