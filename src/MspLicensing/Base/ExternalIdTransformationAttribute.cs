using System;
using System.Collections;
using System.Collections.Generic;
using System.Management.Automation;

namespace MspLicensing.Commands
{
    /// <summary>
    /// Lets -ExternalId take a hashtable (@{ ConnectWiseManage = '4711' }) or the text form "Tool=Id;Tool2=Id2"
    /// that Export-Csv writes, so Import-Csv | New-MspCustomer round-trips.
    /// </summary>
    public sealed class ExternalIdTransformationAttribute : ArgumentTransformationAttribute
    {
        public override object Transform(EngineIntrinsics engineIntrinsics, object inputData)
        {
            object value = inputData is PSObject pso ? pso.BaseObject : inputData;
            switch (value)
            {
                case null:
                    return null;
                case ExternalIdMap map:
                    return ToHashtable(map);
                case IDictionary dictionary:
                    return dictionary;
                case string text:
                    try
                    {
                        return ToHashtable(ExternalIdMap.Parse(text));
                    }
                    catch (MspException ex)
                    {
                        throw new ArgumentTransformationMetadataException(ex.Message, ex);
                    }
                default:
                    throw new ArgumentTransformationMetadataException(
                        "ExternalId must be a hashtable such as @{ ConnectWiseManage = '4711' } or text such as 'ConnectWiseManage=4711;Autotask=0815'.");
            }
        }

        private static Hashtable ToHashtable(IDictionary<string, string> map)
        {
            var table = new Hashtable(StringComparer.OrdinalIgnoreCase);
            foreach (var pair in map) table[pair.Key] = pair.Value;
            return table;
        }
    }
}
