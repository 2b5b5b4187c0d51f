using System.Globalization;
using System.Management.Automation;

namespace MspLicensing.Commands
{
    /// <summary>
    /// Reads a date parameter the same in every culture (PRODUCT.md §5): ISO yyyy-MM-dd text, the invariant culture and
    /// the Gregorian calendar, as PowerShell's [datetime] cast reads it (<see cref="Dates.Read"/>); a DateTime is taken as
    /// it is. Without it the binder would convert text with the session's culture (for compiled cmdlets it calls
    /// LanguagePrimitives.ConvertTo(value, type, CultureInfo.CurrentCulture)): '02.11.2026' would be 11 February under
    /// en-US and 2 November under de-DE, and under th-TH '2026-02-03' a day in 1483 (Thai Buddhist calendar). A
    /// transformation runs before that conversion and sees the text as given, from the command line or from a
    /// pipeline property such as an Import-Csv column. Every DateTime parameter of the module carries it.
    /// </summary>
    public sealed class DateTransformationAttribute : ArgumentTransformationAttribute
    {
        /// <summary>The parameter is a moment (Get-MspAuditLog -After) rather than a day: its help mentions the time.</summary>
        public bool WithTime { get; set; }

        /// <summary>What the help of the parameter adds to its description.</summary>
        public string HelpText => WithTime
            ? "Text is read as an ISO date, yyyy-MM-dd, or date and time, yyyy-MM-ddTHH:mm, the same in every culture."
            : "Text is read as an ISO date, yyyy-MM-dd, the same in every culture.";

        public override object Transform(EngineIntrinsics engineIntrinsics, object inputData)
        {
            object value = inputData is PSObject pso ? pso.BaseObject : inputData;
            if (!(value is string text)) return inputData;
            // An empty CSV cell means "not given": PowerShell then leaves a pipeline-bound parameter at its default and
            // refuses an empty value given on the command line.
            if (string.IsNullOrWhiteSpace(text)) return inputData;
            try
            {
                // The pipeline thread runs in the session's culture: only to refuse a text it would read as another day.
                return Dates.Read(text, CultureInfo.CurrentCulture);
            }
            catch (MspException ex)
            {
                throw new ArgumentTransformationMetadataException(ex.Message, ex);
            }
        }
    }
}
