using Xunit;

namespace MspLicensing.Module.Tests.Hosting
{
    /// <summary>
    /// Tests that set process-wide environment variables (MSPLICENSING_STORE) run in this collection, one at a time,
    /// so they never see each other's values.
    /// </summary>
    [CollectionDefinition(Name)]
    public sealed class ProcessEnvironment
    {
        public const string Name = "Process environment";
    }
}
