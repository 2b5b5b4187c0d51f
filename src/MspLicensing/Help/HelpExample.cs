
namespace MspLicensing.Commands.Help
{
    /// <summary>An example of a help topic. It runs in a test against a fresh store, after <see cref="Setup"/>.</summary>
    public sealed class HelpExample
    {
        public HelpExample(string title, string code, string remarks, string setup = null)
        {
            Title = title;
            Code = code;
            Remarks = remarks;
            Setup = setup;
        }

        public string Title { get; }
        /// <summary>What the user types.</summary>
        public string Code { get; }
        public string Remarks { get; }
        /// <summary>Commands that prepare the fresh store for the example (not shown in help), or null.</summary>
        public string Setup { get; }
    }
}
