using System;
using System.Management.Automation;

namespace MspLicensing.Commands
{
    /// <summary>Turns domain errors into ErrorRecords with a namespaced ErrorId, the right category and the target.</summary>
    internal static class Errors
    {
        internal const string Prefix = "MspLicensing.";

        internal static ErrorRecord Record(Exception ex, object target = null)
        {
            if (ex is MspException msp)
                return new ErrorRecord(msp, Prefix + msp.ErrorId, Category(msp.Kind), msp.Target ?? target);
            return new ErrorRecord(ex, Prefix + "UnexpectedError", ErrorCategory.NotSpecified, target);
        }

        /// <summary>
        /// The error of one pipeline item: its message begins with the words that name the item (unless it names it
        /// already), and the target is the item's pipeline object or identifying value (else the domain's target).
        /// </summary>
        internal static ErrorRecord Item(Exception ex, string item, object target)
        {
            if (ex is MspException msp)
                return new ErrorRecord(msp.About(item), Prefix + msp.ErrorId, Category(msp.Kind), target ?? msp.Target);
            var record = Record(ex, target);
            if (!string.IsNullOrEmpty(item)) record.ErrorDetails = new ErrorDetails(item + ": " + ex.Message);
            return record;
        }

        internal static ErrorCategory Category(ErrorKind kind)
        {
            switch (kind)
            {
                case ErrorKind.InvalidArgument: return ErrorCategory.InvalidArgument;
                case ErrorKind.ObjectNotFound: return ErrorCategory.ObjectNotFound;
                case ErrorKind.ResourceExists: return ErrorCategory.ResourceExists;
                case ErrorKind.InvalidOperation: return ErrorCategory.InvalidOperation;
                case ErrorKind.PermissionDenied: return ErrorCategory.PermissionDenied;
                case ErrorKind.WriteConflict: return ErrorCategory.WriteError;
                case ErrorKind.InvalidData: return ErrorCategory.InvalidData;
                case ErrorKind.ResourceUnavailable: return ErrorCategory.ResourceUnavailable;
                default: return ErrorCategory.NotSpecified;
            }
        }
    }
}
