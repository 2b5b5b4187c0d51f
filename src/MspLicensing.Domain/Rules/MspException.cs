using System;
using System.Globalization;
using System.Text;

namespace MspLicensing
{
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

        /// <summary>Whether this is <see cref="StaleObject"/>: someone else changed the object since it was read, so reading it again and redoing the change may succeed.</summary>
        public bool IsStaleObject => ErrorId == StaleObjectId;

        private const string StaleObjectId = "StaleObject";

        /// <summary>A change based on an object that someone else changed since it was read: refused, nothing written.</summary>
        public static MspException StaleObject(string targetType, string name, int readRevision, int storedRevision, string getCommand) =>
            new MspException(StaleObjectId, ErrorKind.WriteConflict,
                $"{targetType} '{name}' was changed by someone else after it was read (read at revision {readRevision}, now revision {storedRevision}); nothing was written. Read it again with {getCommand} and repeat the change.",
                name);

        /// <summary>
        /// This stale-write error (<see cref="StaleObject"/>) naming who changed the object last and when, as a store that
        /// records them (the team store) knows: the technician sees whose change to look at. Any other error is returned as it is.
        /// </summary>
        public MspException NamingChange(string changedBy, DateTime? changedUtc)
        {
            const string marker = "after it was read (";
            int at = Message.IndexOf(marker, StringComparison.Ordinal);
            if (ErrorId != "StaleObject" || at < 0 || (changedBy == null && changedUtc == null)) return this;
            string who = changedBy == null ? null : "by " + Quote(changedBy);
            string when = changedUtc == null ? null
                : "at " + changedUtc.Value.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture) + " UTC";
            string changed = who != null && when != null ? who + " " + when : who ?? when;
            at += marker.Length;
            return new MspException(ErrorId, Kind, Message.Substring(0, at) + changed + "; " + Message.Substring(at), Target, InnerException) { Rule = Rule };
        }

        public static MspException InvalidValue(string field, object value, string allowed) =>
            InvalidValueBecause(field, value, "is not valid: " + allowed);

        /// <summary>A value refused for the reason <paramref name="why"/> gives after it ("is ... in de-DE: give ..."); the field may be null.</summary>
        public static MspException InvalidValueBecause(string field, object value, string why) =>
            new MspException("InvalidValue", ErrorKind.InvalidArgument, (field == null ? string.Empty : field + " ") + Quote(value) + " " + why + ".", value);

        // The errors raised in more than one place are made here, so each says the same in the same words.

        /// <summary>A required value is missing: <paramref name="rest"/> follows "{field} is required" and says what to give.</summary>
        public static MspException RequiredFieldMissing(string field, string rest, object target) =>
            new MspException("RequiredFieldMissing", ErrorKind.InvalidArgument, field + " is required" + rest, target);

        /// <summary>No license has the id (or else the activation code); <paramref name="filtered"/>: a query's other filters left it out.</summary>
        public static MspException LicenseNotFound(Guid? licenseId, string activationCode, bool filtered = false) =>
            new MspException("LicenseNotFound", ErrorKind.ObjectNotFound,
                $"No license has the {(licenseId.HasValue ? "id '" + licenseId.Value + "'" : "activation code " + Quote(activationCode))}{OtherFilters(filtered)}. Get-MspLicense lists the licenses.",
                licenseId.HasValue ? (object)licenseId.Value : activationCode);

        /// <summary>No service plan has the id or name; <paramref name="filtered"/>: a query's other filters left it out.</summary>
        public static MspException ServicePlanNotFound(string display, bool byId, bool filtered = false) =>
            new MspException("ServicePlanNotFound", ErrorKind.ObjectNotFound,
                $"No service plan {(byId ? "has the id" : "is named")} {Quote(display)}{OtherFilters(filtered)}. Get-MspServicePlan lists the plans.", display);

        /// <summary>No customer has the name or id that <paramref name="which"/> gives ("named 'x'", "has the id '…'"); <paramref name="instead"/> ends the message.</summary>
        public static MspException CustomerNotFound(string which, object target, string instead, bool filtered = false) =>
            new MspException("CustomerNotFound", ErrorKind.ObjectNotFound, $"No customer {which}{OtherFilters(filtered)}{instead}", target);

        /// <summary>R20: a disabled plan is not assigned (new subscriptions, conversions, crossgrades).</summary>
        public static MspException ServicePlanDisabled(ServicePlan plan) =>
            ForRule(Rules.R20, "ServicePlanDisabled", ErrorKind.InvalidOperation,
                $"Service plan '{plan.Name}' is disabled and cannot be assigned; enable it with Set-MspServicePlan -Name '{plan.Name}' -Enabled $true.", plan);

        private static string OtherFilters(bool filtered) => filtered ? " and matches the other filters" : string.Empty;

        /// <summary>The most characters of a value that a message quotes; a longer value is cut there.</summary>
        public const int QuotedLength = 60;

        /// <summary>
        /// A value as a message quotes it: in single quotes, characters that do not print (control characters, half of a
        /// surrogate pair, direction overrides) written as PowerShell escapes (`n, `t, `0, `u{D800}), and a value longer
        /// than <see cref="QuotedLength"/> characters cut there with "…" and its length: 'aaaa…' (1048576 characters).
        /// Null is "(nothing)". Every message that repeats a value the user gave quotes it with this.
        /// </summary>
        public static string Quote(object value)
        {
            if (value == null) return "(nothing)";
            string text = value as string ?? Convert.ToString(value, CultureInfo.InvariantCulture) ?? string.Empty;
            int shown = Math.Min(text.Length, QuotedLength);
            // A character made of a surrogate pair stays whole or goes whole.
            if (shown < text.Length && char.IsHighSurrogate(text[shown - 1]) && char.IsLowSurrogate(text[shown])) shown--;
            var sb = new StringBuilder(shown + 40).Append('\'');
            for (int i = 0; i < shown; i++)
            {
                char c = text[i];
                if (char.IsHighSurrogate(c) && i + 1 < shown && char.IsLowSurrogate(text[i + 1]))
                    sb.Append(c).Append(text[++i]);
                else if (TextInput.ShownEscaped(c))
                    sb.Append(Escape(c));
                else
                    sb.Append(c);
            }
            if (shown == text.Length) return sb.Append('\'').ToString();
            return sb.Append("…' (").Append(text.Length.ToString(CultureInfo.InvariantCulture)).Append(" characters)").ToString();
        }

        /// <summary>A character that does not print, as PowerShell writes it in a double-quoted string: `n, `t, `0, `u{202E}.</summary>
        public static string Escape(char c)
        {
            switch (c)
            {
                case '\0': return "`0";
                case '\t': return "`t";
                case '\n': return "`n";
                case '\r': return "`r";
                default: return "`u{" + ((int)c).ToString("X4", CultureInfo.InvariantCulture) + "}";
            }
        }
    }
}
