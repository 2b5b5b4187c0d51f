using System;
using System.Collections;
using System.Management.Automation;

namespace MspLicensing.Commands
{
    /// <summary>
    /// Lets -DataCenter take one data center for every service ('Germany') or a hashtable by product code
    /// (@{ '*' = 'Germany'; CAS = 'Europe' }).
    /// </summary>
    public sealed class DataCenterTransformationAttribute : ArgumentTransformationAttribute
    {
        public override object Transform(EngineIntrinsics engineIntrinsics, object inputData)
        {
            object value = inputData is PSObject pso ? pso.BaseObject : inputData;
            if (value is IDictionary) return value;
            if (value is string || value is DataCenter) return new Hashtable(StringComparer.OrdinalIgnoreCase) { ["*"] = value.ToString() };
            if (value == null) return null;
            throw new ArgumentTransformationMetadataException(
                "DataCenter must be a data center such as Germany, or a hashtable by product code such as @{ '*' = 'Germany'; CAS = 'Europe' }.");
        }
    }
}
