using System;
using System.Collections.Generic;
using MspLicensing.Store;

namespace MspLicensing
{
    public sealed class MigrationQuery
    {
        public CustomerRef Customer { get; set; }
        public MigrationStatus? Status { get; set; }
        public string Product { get; set; }
        public IList<Guid> MigrationId { get; set; }
    }
}
