using System;
using System.Collections.Generic;
using MspLicensing.Store;

namespace MspLicensing
{
    /// <summary>The changes Set-MspAccount can make; null means "leave as it is".</summary>
    public sealed class AccountChanges
    {
        public string Name { get; set; }
        public AccountType? AccountType { get; set; }
        public IList<int> SeatBandMinimums { get; set; }
        public DataCenter? DefaultDataCenter { get; set; }
        public int? GracePeriodDays { get; set; }
    }
}
