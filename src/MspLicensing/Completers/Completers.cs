using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Management.Automation.Language;
using MspLicensing.Store;

namespace MspLicensing.Commands
{
    /// <summary>Shared shape of the completers: offer the candidates that start with what was typed, quoted when needed.</summary>
    public abstract class CompleterBase : IArgumentCompleter
    {
        public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete,
            CommandAst commandAst, IDictionary fakeBoundParameters)
        {
            string typed = (wordToComplete ?? string.Empty).Trim('\'', '"');
            IEnumerable<(string Value, string Tooltip)> candidates;
            try
            {
                candidates = Candidates().ToList();
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
                .Where(c => c.Value.StartsWith(typed, StringComparison.OrdinalIgnoreCase))
                .GroupBy(c => c.Value, StringComparer.OrdinalIgnoreCase).Select(g => g.First()))
            {
                string text = value.IndexOfAny(new[] { ' ', '\'', '"', '$', '`', '(', ')', '{', '}', ';', ',', '&', '|', '@', '#' }) >= 0
                    ? "'" + value.Replace("'", "''") + "'"
                    : value;
                yield return new CompletionResult(text, value, CompletionResultType.ParameterValue, string.IsNullOrEmpty(tooltip) ? value : tooltip);
            }
        }

        protected abstract IEnumerable<(string Value, string Tooltip)> Candidates();
    }

    /// <summary>Product codes and names (PRODUCT.md 3.2: both are accepted wherever a product is).</summary>
    public sealed class ProductCompleter : CompleterBase
    {
        protected override IEnumerable<(string, string)> Candidates() =>
            Catalog.Products.Select(p => (p.Code, p.Name)).Concat(Catalog.Products.Select(p => (p.Name, p.Code)));
    }

    public sealed class DataCenterCompleter : CompleterBase
    {
        protected override IEnumerable<(string, string)> Candidates() =>
            DataCenters.All.Select(d => (d.ToString(), d.DisplayName()));
    }

    public sealed class CountryCompleter : CompleterBase
    {
        protected override IEnumerable<(string, string)> Candidates() =>
            Countries.All.Select(c => (c.Code, c.Name));
    }

    public sealed class TimeZoneCompleter : CompleterBase
    {
        protected override IEnumerable<(string, string)> Candidates() =>
            TimeZoneInfo.GetSystemTimeZones().Select(t => (t.Id, t.DisplayName));
    }

    public sealed class IntegrationCompleter : CompleterBase
    {
        protected override IEnumerable<(string, string)> Candidates() =>
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

        protected override IEnumerable<(string, string)> Candidates() => TargetTypes.OrderBy(t => t.Value, StringComparer.OrdinalIgnoreCase);
    }

    /// <summary>Months for -Month: the current one first, then back two years (reports are kept that long, R55).</summary>
    public sealed class MonthCompleter : CompleterBase
    {
        protected override IEnumerable<(string, string)> Candidates()
        {
            var current = Dates.MonthOf(Clock.Today);
            for (int back = 0; back <= 24; back++)
            {
                var month = current.AddMonths(-back);
                yield return (UsageOperations.MonthText(month),
                    back == 0 ? "The current month (submitted once it has ended)" : back == 1 ? "Last month" : month.ToString("MMMM yyyy", System.Globalization.CultureInfo.InvariantCulture));
            }
        }
    }

    /// <summary>Candidates read from the session's store.</summary>
    public abstract class StoreCompleter : CompleterBase
    {
        protected override IEnumerable<(string Value, string Tooltip)> Candidates()
        {
            // Completers run outside a cmdlet: read the session's connection variable in the current runspace.
            object chosen;
            using (var ps = PowerShell.Create(RunspaceMode.CurrentRunspace))
            {
                chosen = ps.AddScript("$global:" + StoreConnection.VariableName).Invoke().FirstOrDefault()?.BaseObject;
            }
            var connection = StoreConnection.Resolve(chosen);
            if (!System.IO.File.Exists(connection.Path)) return Enumerable.Empty<(string, string)>();
            // Tab completion does not wait long for a store another command holds.
            using (var store = LiteDbStore.Open(connection.Path, connection.PlainPassword, timeout: TimeSpan.FromSeconds(2)))
            {
                return store.Read(Read);
            }
        }

        protected abstract List<(string Value, string Tooltip)> Read(IStoreSession session);
    }

    /// <summary>Customer names from the session's store.</summary>
    public sealed class CustomerNameCompleter : StoreCompleter
    {
        protected override List<(string Value, string Tooltip)> Read(IStoreSession session) =>
            session.Customers.All().Select(c => (c.Name, c.City + ", " + c.Country)).ToList();
    }

    /// <summary>Template names from the session's store.</summary>
    public sealed class TemplateNameCompleter : StoreCompleter
    {
        protected override List<(string Value, string Tooltip)> Read(IStoreSession session) =>
            session.Templates.All().Select(t => (t.Name, t.Product + " template")).ToList();
    }

    /// <summary>Service plan names from the session's store.</summary>
    public sealed class ServicePlanNameCompleter : StoreCompleter
    {
        protected override List<(string Value, string Tooltip)> Read(IStoreSession session) =>
            session.ServicePlans.All().Select(p => (p.Name, p.Version + ": " + string.Join(", ", p.Products.Select(x => x.Code)))).ToList();
    }
}
