using System;
using System.Collections.Generic;

namespace MspLicensing.Commands.Help
{
    /// <summary>
    /// The help of one cmdlet, next to its code. The help generator (src/MspLicensing.HelpGen) reads it together
    /// with the cmdlet's parameter metadata and the domain (rules, catalog) and writes MAML, markdown and about topics.
    /// Each cmdlet exposes it as <c>public static CommandHelp Help =&gt; new CommandHelp { ... };</c>.
    /// </summary>
    public sealed class CommandHelp
    {
        public string Synopsis { get; set; }
        public string Description { get; set; }
        /// <summary>Rules the cmdlet enforces; their words come from the domain (MspLicensing.Rules).</summary>
        public IReadOnlyList<Rule> Rules { get; set; } = new Rule[0];
        /// <summary>A description for every parameter, by parameter name.</summary>
        public IDictionary<string, string> Parameters { get; set; } = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        public IReadOnlyList<HelpExample> Examples { get; set; } = new HelpExample[0];
        /// <summary>What the cmdlet takes from the pipeline, in words (the types come from the parameter metadata).</summary>
        public string Inputs { get; set; }
        /// <summary>What the cmdlet writes, in words (the types come from [OutputType]).</summary>
        public string Outputs { get; set; }
        public string Notes { get; set; }
        /// <summary>Names of related cmdlets or about topics.</summary>
        public IReadOnlyList<string> Related { get; set; } = new string[0];
    }
}
