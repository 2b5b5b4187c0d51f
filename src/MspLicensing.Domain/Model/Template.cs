using System;

namespace MspLicensing
{
    /// <summary>A policy template of Remote Manager (R72).</summary>
    public sealed class Template : IVersioned
    {
        public Guid TemplateId { get; set; }
        public string Name { get; set; }
        /// <summary>WFBSS or CE.</summary>
        public string Product { get; set; }
        public string Description { get; set; }
        public TextMap Settings { get; set; } = new TextMap();
        public DateTime CreatedUtc { get; set; }
        public DateTime ModifiedUtc { get; set; }
        public int Revision { get; set; }

        /// <summary>How many customers have the template, filled in when read for output.</summary>
        public int Customers { get; set; }

        public override string ToString() => Name;
    }
}
