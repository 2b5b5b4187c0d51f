using System;
using Newtonsoft.Json;
using Newtonsoft.Json.Converters;

namespace MspLicensing
{
    /// <summary>What kind of failure a domain error is; the cmdlets map it to an ErrorCategory.</summary>
    [JsonConverter(typeof(StringEnumConverter))]
    public enum ErrorKind
    {
        InvalidArgument,
        ObjectNotFound,
        ResourceExists,
        InvalidOperation,
        PermissionDenied,
        WriteConflict,
        InvalidData,
        ResourceUnavailable,
    }

    /// <summary>
    /// A failure the user can act on: a stable id (becomes the ErrorId), a kind, the object it is about,
    /// and a message that names the field, the value and what is allowed.
    /// </summary>
    public class MspException : Exception
    {
        public MspException(string errorId, ErrorKind kind, string message, object target = null, Exception inner = null)
            : base(message, inner)
        {
            ErrorId = errorId;
            Kind = kind;
            Target = target;
        }

        /// <summary>Stable identifier without the module prefix, e.g. <c>CustomerNotFound</c>.</summary>
        public string ErrorId { get; }

        public ErrorKind Kind { get; }

        public object Target { get; }

        /// <summary>The rule this error enforces, if any (e.g. "R12").</summary>
        public string Rule { get; private set; }

        /// <summary>
        /// An error that enforces a product rule: the message ends with the rule's number and title in one line, e.g.
        /// "(R12: Deleting customers; see about_MspLicensing_Rules)"; the rule's whole text is in that topic. The
        /// message before it says what was refused and why, so the error reads at a glance at 80 columns.
        /// </summary>
        public static MspException ForRule(Rule rule, string errorId, ErrorKind kind, string message, object target = null)
        {
            var e = new MspException(errorId, kind, message + " (" + rule.Id + ": " + rule.Title + "; see about_MspLicensing_Rules)", target);
            e.Rule = rule.Id;
            return e;
        }

        /// <summary>
        /// This error as it concerns one item of a bulk change: the message begins with the words that name the item
        /// (for example "Customer 'Contoso': Email 'x' is not valid: ..."), so that in a list of failures each one
        /// says which item it was. A message that names the item already stays as it is. The id, kind, target and
        /// rule stay; the original error is the inner exception.
        /// </summary>
        public MspException About(string item)
        {
            if (string.IsNullOrEmpty(item) || Message.IndexOf(item, StringComparison.Ordinal) >= 0) return this;
            return new MspException(ErrorId, Kind, item + ": " + Message, Target, this) { Rule = Rule };
        }

        /// <summary>A change based on an object that someone else changed since it was read: refused, nothing written.</summary>
        public static MspException StaleObject(string targetType, string name, int readRevision, int storedRevision, string getCommand) =>
            new MspException("StaleObject", ErrorKind.WriteConflict,
                $"{targetType} '{name}' was changed by someone else after it was read (read at revision {readRevision}, now revision {storedRevision}); nothing was written. Read it again with {getCommand} and repeat the change.",
                name);

        public static MspException InvalidValue(string field, object value, string allowed)
        {
            string shown = value == null ? "(nothing)" : "'" + Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture) + "'";
            return new MspException("InvalidValue", ErrorKind.InvalidArgument,
                $"{field} {shown} is not valid: {allowed}.", value);
        }
    }
}
