using System.Globalization;
using System.Management.Automation;

namespace MspLicensing.Commands
{
    /// <summary>
    /// Lets a percentage be given as 20 or as '20%' (read with the invariant culture); anything else goes on as it is,
    /// for the parameter's type and the domain to accept or refuse.
    /// </summary>
    public sealed class PercentTransformationAttribute : ArgumentTransformationAttribute
    {
        public override object Transform(EngineIntrinsics engineIntrinsics, object inputData)
        {
            object value = inputData is PSObject pso ? pso.BaseObject : inputData;
            if (value is string text)
            {
                string trimmed = text.Trim();
                if (trimmed.EndsWith("%", System.StringComparison.Ordinal)
                    && int.TryParse(trimmed.Substring(0, trimmed.Length - 1).Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture, out int percent))
                    return percent;
            }
            return inputData;
        }
    }
}
