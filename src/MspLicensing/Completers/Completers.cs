using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Management.Automation.Language;
using MspLicensing.Store;

namespace MspLicensing.Commands
{
    /// <summary>
    /// Shared shape of the completers: offer the candidates that start with what was typed, sorted (unless the completer
    /// orders them itself), at most <see cref="Limit"/>, quoted when needed.
    /// </summary>
    public abstract class CompleterBase : IArgumentCompleter
    {
        /// <summary>What Tab offers, in the words of the help (about_MspLicensing lists each completed parameter with it).</summary>
        public abstract string Description { get; }

        /// <summary>The most values offered at once; typing more of a value narrows them.</summary>
        protected virtual int Limit => int.MaxValue;

        public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete,
            CommandAst commandAst, IDictionary fakeBoundParameters)
        {
            string typed = (wordToComplete ?? string.Empty).Trim('\'', '"');
            IEnumerable<(string Value, string Tooltip)> candidates;
            try
            {
                candidates = Order(Candidates(new CompletionInput(typed, fakeBoundParameters))
                        .Where(c => c.Value.StartsWith(typed, StringComparison.OrdinalIgnoreCase)))
                    .ToList();
            }
            catch (MspException)
            {
                yield break;
            }
            catch (System.IO.IOException)
            {
                yield break;
            }
            foreach (var (value, tooltip) in candidates
                .GroupBy(c => c.Value, StringComparer.OrdinalIgnoreCase).Select(g => g.First()).Take(Limit))
            {
                string text = value.IndexOfAny(new[] { ' ', '\'', '"', '$', '`', '(', ')', '{', '}', ';', ',', '&', '|', '@', '#' }) >= 0
                    ? "'" + value.Replace("'", "''") + "'"
                    : value;
                yield return new CompletionResult(text, value, CompletionResultType.ParameterValue, string.IsNullOrEmpty(tooltip) ? value : tooltip);
            }
        }

        protected abstract IEnumerable<(string Value, string Tooltip)> Candidates(CompletionInput input);

        /// <summary>The order Tab offers the candidates in: by value, ignoring case.</summary>
        protected virtual IEnumerable<(string Value, string Tooltip)> Order(IEnumerable<(string Value, string Tooltip)> candidates) =>
            candidates.OrderBy(c => c.Value, StringComparer.OrdinalIgnoreCase);
    }

    /// <summary>What is being completed: the text typed so far (without quotes) and what the command line binds already.</summary>
    public sealed class CompletionInput
    {
        public CompletionInput(string typed, IDictionary bound)
        {
            Typed = typed;
            Bound = bound;
        }

        public string Typed { get; }

        /// <summary>The parameters the command line gives already (PowerShell's fakeBoundParameters); may be null.</summary>
        public IDictionary Bound { get; }

        /// <summary>The value of a parameter the command line gives already (unwrapped), or null.</summary>
        public object Value(string parameter)
        {
            if (Bound == null || !Bound.Contains(parameter)) return null;
            object value = Bound[parameter];
            return value is PSObject wrapped ? wrapped.BaseObject : value;
        }
    }

    /// <summary>Product codes and names (PRODUCT.md 3.2: both are accepted wherever a product is).</summary>
    public sealed class ProductCompleter : CompleterBase
    {
        public override string Description => "product codes and names from the catalog (Get-MspProduct)";

        protected override IEnumerable<(string, string)> Candidates(CompletionInput input) =>
            Catalog.Products.Select(p => (p.Code, p.Name)).Concat(Catalog.Products.Select(p => (p.Name, p.Code)));
    }

    public sealed class DataCenterCompleter : CompleterBase
    {
        public override string Description => "the data centers of the catalog";

        protected override IEnumerable<(string, string)> Candidates(CompletionInput input) =>
            DataCenters.All.Select(d => (d.ToString(), d.DisplayName()));
    }

    public sealed class CountryCompleter : CompleterBase
    {
        public override string Description => "ISO 3166-1 alpha-2 country codes";

        protected override IEnumerable<(string, string)> Candidates(CompletionInput input) =>
            Countries.All.Select(c => (c.Code, c.Name));
    }

    public sealed class TimeZoneCompleter : CompleterBase
    {
        public override string Description => "the time zone ids this system knows";

        protected override IEnumerable<(string, string)> Candidates(CompletionInput input) =>
            TimeZoneInfo.GetSystemTimeZones().Select(t => (t.Id, t.DisplayName));
    }

    public sealed class IntegrationCompleter : CompleterBase
    {
        public override string Description => "the PSA and RMM plug-ins (R73)";

        protected override IEnumerable<(string, string)> Candidates(CompletionInput input) =>
            Integrations.All.Select(i => (i.Name, i.DisplayName + ": " + string.Join(", ", i.AccountTypes)));
    }

    public sealed class AuditTargetTypeCompleter : CompleterBase
    {
        /// <summary>Every kind of object the audit log records changes of, sorted.</summary>
        internal static readonly (string Value, string Tooltip)[] TargetTypes =
        {
            (AccountOperations.TargetType, "The partner account"),
            (CustomerOperations.TargetType, "Customers"),
            (IntegrationOperations.TargetType, "PSA and RMM plug-ins"),
            (LicenseOperations.TargetType, "Licenses (used counts, descriptions, removals)"),
            (MigrationOperations.TargetType, "License migrations"),
            (ServicePlanOperations.TargetType, "Service plans"),
            (SubscriptionOperations.TargetType, "Subscriptions (seats, renewals, suspensions, cancellations)"),
            (RemoteManagerOperations.TemplateTargetType, "Remote Manager policy templates"),
            (UsageOperations.TargetType, "Monthly usage reports"),
        };

        public override string Description => "every kind of object the audit log records";

        protected override IEnumerable<(string, string)> Candidates(CompletionInput input) => TargetTypes;
    }

    /// <summary>Months for -Month: the current one first, then back two years (reports are kept that long, R55).</summary>
    public sealed class MonthCompleter : CompleterBase
    {
        public override string Description => "months (yyyy-MM), the current one first and then back two years, newest first";

        /// <summary>Newest first, as they are made.</summary>
        protected override IEnumerable<(string Value, string Tooltip)> Order(IEnumerable<(string Value, string Tooltip)> candidates) => candidates;

        protected override IEnumerable<(string, string)> Candidates(CompletionInput input)
        {
            var current = BillingMonth.Of(Clock.Today);
            for (int back = 0; back <= 24; back++)
            {
                var month = current.AddMonths(-back);
                yield return (month.ToString(),
                    back == 0 ? "The current month (submitted once it has ended)" : back == 1 ? "Last month" : month.FirstDay.ToString("MMMM yyyy", System.Globalization.CultureInfo.InvariantCulture));
            }
        }
    }

    /// <summary>Candidates read from the session's store.</summary>
    public abstract class StoreCompleter : CompleterBase
    {
        protected override IEnumerable<(string Value, string Tooltip)> Candidates(CompletionInput input)
        {
            // Completers run outside a cmdlet: read the session's connection variable in the current runspace.
            object chosen;
            using (var ps = PowerShell.Create(RunspaceMode.CurrentRunspace))
            {
                chosen = ps.AddScript("$global:" + StoreConnection.VariableName).Invoke().FirstOrDefault()?.BaseObject;
            }
            var connection = StoreConnection.Resolve(chosen);
            if (!connection.IsDatabase && !System.IO.File.Exists(connection.Path)) return Enumerable.Empty<(string, string)>();
            // Tab completion does not wait long for a store another command holds.
            using (var store = StoreFactory.Open(connection, TimeSpan.FromSeconds(2), null, verify: false))
            {
                return store.Read(session => Read(session, input));
            }
        }

        protected abstract List<(string Value, string Tooltip)> Read(IStoreSession session, CompletionInput input);

        /// <summary>
        /// The customer the command line names with -Customer already (a name, an id or a customer object), or null when it
        /// names none; <paramref name="named"/> tells whether it names one at all (a name no customer has gives null).
        /// </summary>
        protected static Customer BoundCustomer(IStoreSession session, CompletionInput input, out bool named)
        {
            object value = input.Value("Customer");
            if (value is object[] several && several.Length == 1) value = several[0] is PSObject item ? item.BaseObject : several[0];
            named = true;
            if (value is Customer customer) return session.Customers.Get(customer.CustomerId);
            if (value is Guid id) return session.Customers.Get(id);
            if (value is string text && !string.IsNullOrWhiteSpace(text))
            {
                var reference = CustomerOperations.Reference(text.Trim());
                return session.FindCustomerByName(text.Trim()) ?? (reference.Id.HasValue ? session.Customers.Get(reference.Id.Value) : null);
            }
            named = false;
            return null;
        }
    }

    /// <summary>Customer names from the session's store.</summary>
    public sealed class CustomerNameCompleter : StoreCompleter
    {
        public override string Description => "customer names from the store";

        protected override List<(string Value, string Tooltip)> Read(IStoreSession session, CompletionInput input) =>
            session.Customers.All().Select(c => (c.Name, c.City + ", " + c.Country)).ToList();
    }

    /// <summary>Template names from the session's store.</summary>
    public sealed class TemplateNameCompleter : StoreCompleter
    {
        public override string Description => "template names from the store";

        protected override List<(string Value, string Tooltip)> Read(IStoreSession session, CompletionInput input) =>
            session.Templates.All().Select(t => (t.Name, t.Product + " template")).ToList();
    }

    /// <summary>
    /// Service plan names from the session's store. When the command line names a customer with -Customer, the plans of
    /// that customer's subscriptions that have not ended come first (the plans to change, suspend, resume or stop), then
    /// the others; each group sorted.
    /// </summary>
    public sealed class ServicePlanNameCompleter : StoreCompleter
    {
        public override string Description =>
            "service plan names from the store; when -Customer names a customer already, the plans of its subscriptions that have not ended come first, then the other plans";

        /// <summary>Read puts the customer's plans first; each group is sorted there.</summary>
        protected override IEnumerable<(string Value, string Tooltip)> Order(IEnumerable<(string Value, string Tooltip)> candidates) => candidates;

        protected override List<(string Value, string Tooltip)> Read(IStoreSession session, CompletionInput input)
        {
            var plans = session.ServicePlans.All()
                .OrderBy(p => p.Name, StringComparer.OrdinalIgnoreCase)
                .Select(p => (p.ServicePlanId, Value: p.Name, Tooltip: p.Version + ": " + string.Join(", ", p.Products.Select(x => x.Code))))
                .ToList();
            var customer = BoundCustomer(session, input, out _);
            if (customer == null) return plans.Select(p => (p.Value, p.Tooltip)).ToList();
            var held = session.SubscriptionsOfCustomer(customer.CustomerId)
                .Where(s => !Lifecycle.HasEnded(s))
                .GroupBy(s => s.ServicePlanId)
                .ToDictionary(g => g.Key, g => g.OrderByDescending(s => s.StartDate).First());
            return plans.Where(p => held.ContainsKey(p.ServicePlanId))
                .Select(p => (p.Value, $"{customer.Name}: {Lifecycle.StatusOf(held[p.ServicePlanId], Clock.Today)} since {Dates.Format(held[p.ServicePlanId].StartDate)}"))
                .Concat(plans.Where(p => !held.ContainsKey(p.ServicePlanId)).Select(p => (p.Value, p.Tooltip)))
                .ToList();
        }
    }

    /// <summary>
    /// Activation codes from the session's store (R32) that start with what was typed, sorted, at most
    /// <see cref="MaxShown"/>; when the command line names a customer with -Customer, only that customer's.
    /// </summary>
    public class ActivationCodeCompleter : StoreCompleter
    {
        /// <summary>The most codes offered at once: a store holds tens of thousands, and typing more of a code narrows them.</summary>
        public const int MaxShown = 100;

        public override string Description =>
            $"activation codes{Which} from the store, sorted, at most {MaxShown} at once (type more of the code to narrow them); when -Customer names a customer already, only that customer's";

        /// <summary>Words that say which licenses' codes are offered, e.g. " of non-MSP licenses"; empty for all.</summary>
        protected virtual string Which => string.Empty;

        protected override int Limit => MaxShown;

        /// <summary>Whether the license's code is offered.</summary>
        protected virtual bool Offers(License license) => true;

        protected override List<(string Value, string Tooltip)> Read(IStoreSession session, CompletionInput input)
        {
            var customer = BoundCustomer(session, input, out bool named);
            if (named && customer == null) return new List<(string, string)>();
            var licenses = (customer == null ? session.Licenses.All() : session.LicensesOfCustomer(customer.CustomerId))
                .Where(l => !string.IsNullOrEmpty(l.ActivationCode) && l.ActivationCode.StartsWith(input.Typed, StringComparison.OrdinalIgnoreCase) && Offers(l))
                .OrderBy(l => l.ActivationCode, StringComparer.OrdinalIgnoreCase)
                .Take(MaxShown)
                .ToList();
            // Only the customers of the codes shown are read, for their names.
            var names = new Dictionary<Guid, string>();
            string NameOf(Guid id)
            {
                if (!names.TryGetValue(id, out var name)) names[id] = name = session.Customers.Get(id)?.Name;
                return name;
            }
            return licenses.Select(l => (l.ActivationCode,
                    $"{NameOf(l.CustomerId)}: {l.Product}, {l.Seats.ToString(System.Globalization.CultureInfo.InvariantCulture)} seats ({(l.LicenseModel == LicenseModel.NonMsp ? "non-MSP " + l.LicenseType : l.LicenseModel.ToString())})"))
                .ToList();
        }
    }

    /// <summary>Activation codes of non-MSP licenses, the ones Start-MspLicenseMigration migrates (R60).</summary>
    public sealed class NonMspActivationCodeCompleter : ActivationCodeCompleter
    {
        protected override string Which => " of non-MSP licenses (R60)";

        protected override bool Offers(License license) => license.LicenseModel == LicenseModel.NonMsp;
    }

    /// <summary>Activation codes of Unbundled licenses, the ones Remove-MspLicense removes (R43).</summary>
    public sealed class UnbundledActivationCodeCompleter : ActivationCodeCompleter
    {
        protected override string Which => " of Unbundled licenses (R43)";

        protected override bool Offers(License license) => license.EndState == LicenseStatus.Unbundled;
    }

    /// <summary>The feature names of the feature matrix (R2, Get-MspFeature).</summary>
    public sealed class FeatureNameCompleter : CompleterBase
    {
        public override string Description => "the feature names of the feature matrix";

        protected override IEnumerable<(string, string)> Candidates(CompletionInput input) =>
            FeatureMatrix.All.Select(f => (f.Name, $"{f.Id}. LMP: {f.LicensingManagementPlatform}; CLP: {f.CustomerLicensingPortal}"));
    }

    /// <summary>Language tags for a customer's -Language: the specific cultures this system knows that R10 takes.</summary>
    public sealed class LanguageCompleter : CompleterBase
    {
        public override string Description => "language tags such as en-US, from the cultures this system knows";

        protected override IEnumerable<(string, string)> Candidates(CompletionInput input) =>
            System.Globalization.CultureInfo.GetCultures(System.Globalization.CultureTypes.SpecificCultures)
                .Where(c => CustomerValidation.IsLanguageTag(c.Name))
                .Select(c => (CustomerValidation.Language(c.Name), c.EnglishName));
    }

    /// <summary>
    /// The module's commands that change the store, for Get-MspAuditLog -Command: the audit log records the command of
    /// every change.
    /// </summary>
    public sealed class ChangeCommandCompleter : CompleterBase
    {
        public override string Description => "the module's commands that change the store (the commands the audit log records)";

        protected override IEnumerable<(string, string)> Candidates(CompletionInput input) => ChangeCommands.Select(c => (c, c));

        /// <summary>
        /// The module's cmdlets that change the store: those that support -WhatIf, less those whose output says they write
        /// a file (Backup-MspStore, Export-MspUsageReport) or choose the store (Connect-MspStore), which record no change.
        /// </summary>
        public static IReadOnlyList<string> ChangeCommands => typeof(MspCmdlet).Assembly.GetTypes()
            .Where(t => typeof(MspCmdlet).IsAssignableFrom(t) && !t.IsAbstract)
            .Select(t => (Type: t, Cmdlet: (CmdletAttribute)Attribute.GetCustomAttribute(t, typeof(CmdletAttribute))))
            .Where(x => x.Cmdlet != null && x.Cmdlet.SupportsShouldProcess
                        && !x.Type.GetCustomAttributes(typeof(OutputTypeAttribute), true).Cast<OutputTypeAttribute>()
                            .SelectMany(o => o.Type).Any(o => o.Type != null && (typeof(System.IO.FileSystemInfo).IsAssignableFrom(o.Type) || o.Type == typeof(StoreInfo))))
            .Select(x => x.Cmdlet.VerbName + "-" + x.Cmdlet.NounName)
            .OrderBy(n => n, StringComparer.OrdinalIgnoreCase)
            .ToList();
    }
}
