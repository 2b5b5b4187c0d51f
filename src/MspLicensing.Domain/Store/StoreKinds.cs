using System;

namespace MspLicensing.Store
{
    /// <summary>The kinds of store: a file on one machine, or a PostgreSQL database the whole team uses.</summary>
    public static class StoreKinds
    {
        public const string LiteDb = "LiteDB";
        public const string PostgreSql = "PostgreSQL";
    }
}
