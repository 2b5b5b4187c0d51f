
namespace MspLicensing.Commands
{
    /// <summary>The parameter sets Set-/Remove- cmdlets use to name what they act on: by name, by id or by the object.</summary>
    internal static class Identity
    {
        internal const string ByName = "ByName";
        internal const string ById = "ById";
        internal const string ByObject = "ByObject";
        internal const string ByCustomer = "ByCustomer";
    }
}
