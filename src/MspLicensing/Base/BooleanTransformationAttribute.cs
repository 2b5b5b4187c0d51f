using System.Management.Automation;

namespace MspLicensing.Commands
{
    /// <summary>
    /// Lets a [bool] parameter bind text such as "True", "false", "yes", "no", "1", "0" (PowerShell refuses strings
    /// for bool parameters, and CSV files hold nothing else).
    /// </summary>
    public sealed class BooleanTransformationAttribute : ArgumentTransformationAttribute
    {
        public override object Transform(EngineIntrinsics engineIntrinsics, object inputData)
        {
            object value = inputData is PSObject pso ? pso.BaseObject : inputData;
            if (!(value is string text)) return inputData;
            // An empty CSV cell means "not given": a nullable parameter takes it as null, a plain bool refuses it.
            if (string.IsNullOrWhiteSpace(text)) return null;
            switch (text.Trim().ToUpperInvariant())
            {
                case "TRUE": case "YES": case "Y": case "1": case "ENABLED": return true;
                case "FALSE": case "NO": case "N": case "0": case "DISABLED": return false;
                default:
                    throw new ArgumentTransformationMetadataException(
                        $"{MspException.Quote(text)} is not a yes/no value: use True or False (also accepted: yes, no, 1, 0).");
            }
        }
    }
}
