using System;
using System.Collections;
using System.Globalization;
using System.Management.Automation;

namespace MspLicensing.Commands
{
    /// <summary>
    /// Lets -Month take yyyy-MM text, or a date (Get-Date, [datetime]'2026-03-01', or date text read as
    /// <see cref="DateTransformationAttribute"/> reads it): it becomes yyyy-MM, the same in every culture. Other text
    /// (and numbers) goes on as it is, for <see cref="BillingMonth.Parse"/> to accept or refuse; a list is read
    /// item by item. Any other object (a customer, a plan) is not a month: it is refused as a value that does not
    /// convert, so that from the pipeline it binds to another parameter instead (Get-MspCustomer | Get-MspUsageReport
    /// gives customers, '2026-01','2026-02' | Get-MspUsageReport gives months).
    /// </summary>
    public sealed class MonthTransformationAttribute : ArgumentTransformationAttribute
    {
        /// <summary>What the help of the parameter adds to its description.</summary>
        public const string HelpText = "Text is read as yyyy-MM or an ISO date, yyyy-MM-dd, the same in every culture.";

        public override object Transform(EngineIntrinsics engineIntrinsics, object inputData)
        {
            object value = inputData is PSObject pso ? pso.BaseObject : inputData;
            if (value is IList list && !(value is string))
            {
                var months = new object[list.Count];
                for (int i = 0; i < list.Count; i++) months[i] = One(list[i]);
                return months;
            }
            return One(inputData);
        }

        private static object One(object inputData)
        {
            object value = inputData is PSObject pso ? pso.BaseObject : inputData;
            switch (value)
            {
                case null:
                    return inputData;
                case DateTime date:
                    return BillingMonth.Of(date).ToString();
                case string text when !BillingMonth.TryParse(text, out _):
                    try
                    {
                        return BillingMonth.Of(Dates.Read(text, CultureInfo.CurrentCulture)).ToString();
                    }
                    catch (MspException)
                    {
                        return inputData;
                    }
                case string _:
                    return inputData;
                case IConvertible _:
                    return inputData;
                default:
                    string message = $"{MspException.Quote(value)} ({value.GetType().Name}) is not a month: give a month as yyyy-MM, e.g. 2026-03, or a date.";
                    throw new ArgumentTransformationMetadataException(message, new PSInvalidCastException(message));
            }
        }
    }
}
