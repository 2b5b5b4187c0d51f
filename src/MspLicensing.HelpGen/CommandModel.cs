using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Management.Automation;
using System.Reflection;
using MspLicensing.Commands;
using MspLicensing.Commands.Help;

namespace MspLicensing.HelpGen
{
    /// <summary>
    /// One cmdlet as its help describes it: the names and texts from its <see cref="CommandHelp"/>, the parameters,
    /// parameter sets and pipeline binding as PowerShell itself computes them (<see cref="CommandMetadata"/>), and
    /// the parameters PowerShell adds for ShouldProcess and paging.
    /// </summary>
    public sealed class CommandModel
    {
        public const string AllParameterSets = "__AllParameterSets";

        private CommandModel(Type type, CmdletAttribute cmdlet, CommandHelp help, CommandMetadata metadata)
        {
            Type = type;
            Verb = cmdlet.VerbName;
            Noun = cmdlet.NounName;
            Help = help;
            Metadata = metadata;
            SupportsShouldProcess = cmdlet.SupportsShouldProcess;
            SupportsPaging = cmdlet.SupportsPaging;
            ConfirmImpact = cmdlet.ConfirmImpact;
        }

        public Type Type { get; }
        public string Verb { get; }
        public string Noun { get; }
        public string Name => Verb + "-" + Noun;
        public CommandHelp Help { get; }
        public CommandMetadata Metadata { get; }
        public bool SupportsShouldProcess { get; }
        public bool SupportsPaging { get; }
        public ConfirmImpact ConfirmImpact { get; }
        /// <summary>The cmdlet's own parameters in declaration order, then the ones PowerShell adds (paging, -WhatIf, -Confirm).</summary>
        public IReadOnlyList<ParameterModel> Parameters { get; private set; }
        /// <summary>Parameter set names, the default first; <see cref="AllParameterSets"/> when the cmdlet has no named sets.</summary>
        public IReadOnlyList<string> ParameterSets { get; private set; }
        public string DefaultParameterSet { get; private set; }
        /// <summary>Types from [OutputType], without System.Void.</summary>
        public IReadOnlyList<string> OutputTypes { get; private set; }

        public IEnumerable<ParameterModel> OwnParameters => Parameters.Where(p => !p.Generated);

        /// <summary>The parameters of one set in syntax order: positional by position, then mandatory, then the rest.</summary>
        public IReadOnlyList<ParameterModel> ParametersOf(string set)
        {
            var inSet = Parameters.Where(p => p.In(set) != null).ToList();
            return inSet
                .Select((p, i) => (p, i))
                .OrderBy(x => x.p.Generated ? 1 : 0)
                .ThenBy(x => x.p.In(set).Position.HasValue ? 0 : x.p.In(set).Mandatory ? 1 : 2)
                .ThenBy(x => x.p.In(set).Position ?? 0)
                .ThenBy(x => x.i)
                .Select(x => x.p)
                .ToList();
        }

        /// <summary>Parameter types that bind from the pipeline, each with the parameters that take it.</summary>
        public IReadOnlyList<(string TypeName, IReadOnlyList<ParameterModel> Parameters)> PipelineInputs =>
            Parameters.Where(p => p.Sets.Values.Any(s => s.ByValue || s.ByPropertyName))
                .GroupBy(p => TypeNames.Full(p.Type))
                .Select(g => (g.Key, (IReadOnlyList<ParameterModel>)g.ToList()))
                .ToList();

        /// <summary>Reads every cmdlet of the assembly; problems (missing help, undescribed parameters) are collected, not thrown.</summary>
        public static IReadOnlyList<CommandModel> ReadAll(Assembly assembly, List<string> problems)
        {
            var models = new List<CommandModel>();
            foreach (var type in assembly.GetExportedTypes().Where(t => !t.IsAbstract && t.GetCustomAttribute<CmdletAttribute>() != null))
            {
                var model = Read(type, problems);
                if (model != null) models.Add(model);
            }
            return models.OrderBy(m => m.Name, StringComparer.Ordinal).ToList();
        }

        private static CommandModel Read(Type type, List<string> problems)
        {
            var cmdlet = type.GetCustomAttribute<CmdletAttribute>();
            string name = cmdlet.VerbName + "-" + cmdlet.NounName;
            var property = type.GetProperty("Help", BindingFlags.Public | BindingFlags.Static);
            var help = property != null && property.PropertyType == typeof(CommandHelp) ? (CommandHelp)property.GetValue(null) : null;
            if (help == null)
            {
                problems.Add($"{name} ({type.FullName}) has no 'public static CommandHelp Help' property.");
                return null;
            }

            var model = new CommandModel(type, cmdlet, help, new CommandMetadata(type));
            model.Load(problems);
            return model;
        }

        private void Load(List<string> problems)
        {
            object defaults = Activator.CreateInstance(Type);
            var own = new List<ParameterModel>();
            foreach (var pair in Metadata.Parameters)
            {
                var meta = pair.Value;
                var property = Type.GetProperty(meta.Name, BindingFlags.Public | BindingFlags.Instance);
                var sets = meta.ParameterSets.ToDictionary(
                    s => s.Key,
                    s => new SetBinding(s.Value.IsMandatory, s.Value.Position >= 0 ? s.Value.Position : (int?)null, s.Value.ValueFromPipeline, s.Value.ValueFromPipelineByPropertyName),
                    StringComparer.Ordinal);
                own.Add(new ParameterModel(meta.Name, meta.ParameterType, meta.SwitchParameter, meta.Aliases.ToList(),
                    property?.GetCustomAttribute<SupportsWildcardsAttribute>() != null,
                    WithReading(Describe(meta.Name), property), DefaultValue(property, defaults, meta.SwitchParameter, problems), AcceptedValues(meta.ParameterType, property),
                    sets, generated: false));
            }
            // The order of declaration in the class, which is the order a reader of the code sees.
            var order = Type.GetProperties(BindingFlags.Public | BindingFlags.Instance).Select((p, i) => (p.Name, i)).ToDictionary(x => x.Name, x => x.i, StringComparer.OrdinalIgnoreCase);
            own = own.OrderBy(p => order.TryGetValue(p.Name, out int i) ? i : int.MaxValue).ThenBy(p => p.Name, StringComparer.Ordinal).ToList();

            var all = new List<ParameterModel>(own);
            if (SupportsPaging)
            {
                all.Add(Generated("IncludeTotalCount", typeof(SwitchParameter), "Reports the total number of objects first (an integer whose Accuracy property tells how reliable the count is), then the selected objects. If the command cannot determine the total count, it reports \"Unknown total count\"."));
                all.Add(Generated("Skip", typeof(ulong), "Ignores the first N objects and then gets the remaining objects."));
                all.Add(Generated("First", typeof(ulong), "Gets only the first N objects."));
            }
            if (SupportsShouldProcess)
            {
                all.Add(Generated("WhatIf", typeof(SwitchParameter), "Shows what would happen if the command runs. The command is not run.", "wi"));
                string confirm = "Prompts you for confirmation before running the command.";
                if (ConfirmImpact == ConfirmImpact.High)
                    confirm += " This command asks by default (its ConfirmImpact is High); use -Confirm:$false to run it without asking.";
                all.Add(Generated("Confirm", typeof(SwitchParameter), confirm, "cf"));
            }
            Parameters = all;

            var named = own.SelectMany(p => p.Sets.Keys).Where(s => s != AllParameterSets).Distinct(StringComparer.Ordinal).ToList();
            DefaultParameterSet = named.Count == 0 ? AllParameterSets
                : named.Contains(Metadata.DefaultParameterSetName, StringComparer.Ordinal) ? Metadata.DefaultParameterSetName : named[0];
            ParameterSets = named.Count == 0
                ? new[] { AllParameterSets }
                : new[] { DefaultParameterSet }.Concat(named.Where(s => s != DefaultParameterSet)).ToList();

            OutputTypes = Type.GetCustomAttributes<OutputTypeAttribute>()
                .SelectMany(a => a.Type)
                .Select(t => t.Type != null ? TypeNames.Full(t.Type) : t.Name)
                .Where(n => n != "System.Void")
                .Distinct(StringComparer.Ordinal)
                .ToList();

            Validate(problems);
        }

        private ParameterModel Generated(string name, Type type, string text, params string[] aliases)
        {
            string own = Describe(name);
            var sets = new Dictionary<string, SetBinding>(StringComparer.Ordinal) { [AllParameterSets] = new SetBinding(false, null, false, false) };
            return new ParameterModel(name, type, type == typeof(SwitchParameter), aliases, false,
                string.IsNullOrWhiteSpace(own) ? text : own, type == typeof(SwitchParameter) ? "False" : "None", new string[0], sets, generated: true);
        }

        private string Describe(string parameter) =>
            Help.Parameters != null && Help.Parameters.TryGetValue(parameter, out var text) ? text?.Trim() : null;

        /// <summary>A date or month parameter's description, followed by how its text is read (PRODUCT.md §5).</summary>
        private static string WithReading(string description, PropertyInfo property)
        {
            if (string.IsNullOrWhiteSpace(description)) return description;
            string reading = property?.GetCustomAttribute<DateTransformationAttribute>()?.HelpText
                             ?? (property?.GetCustomAttribute<MonthTransformationAttribute>() != null ? MonthTransformationAttribute.HelpText : null);
            return reading == null ? description : description + " " + reading;
        }

        /// <summary>
        /// The default as the help states it: the words of [PSDefaultValue(Help = ...)] where the cmdlet gives them,
        /// otherwise the value a new cmdlet object holds. A default that is a date or a month must be described in
        /// words ("Today"), or the help would hold the day it was generated on.
        /// </summary>
        private string DefaultValue(PropertyInfo property, object instance, bool isSwitch, List<string> problems)
        {
            var described = property?.GetCustomAttribute<PSDefaultValueAttribute>();
            if (described != null && !string.IsNullOrWhiteSpace(described.Help)) return described.Help.Trim();
            if (described?.Value != null) return Convert.ToString(described.Value, CultureInfo.InvariantCulture);
            if (isSwitch) return "False";
            object value = property?.GetValue(instance);
            if (value == null) return "None";
            var type = value.GetType();
            if (type.IsValueType && value.Equals(Activator.CreateInstance(type))) return "None";
            string text = Convert.ToString(value, CultureInfo.InvariantCulture);
            if (value is DateTime || value is DateTimeOffset || LooksLikeDate(text))
            {
                problems.Add($"{Name}: the default of -{property.Name} is a date or month ({text}); describe it with [PSDefaultValue(Help = ...)], e.g. Clock.TodayHelp.");
                return "None";
            }
            return text;
        }

        private static bool LooksLikeDate(string text) =>
            DateTime.TryParseExact(text, new[] { "yyyy-MM", "yyyy-MM-dd" }, CultureInfo.InvariantCulture, DateTimeStyles.None, out _);

        private static IReadOnlyList<string> AcceptedValues(Type type, PropertyInfo property)
        {
            var set = property?.GetCustomAttribute<ValidateSetAttribute>();
            if (set != null) return set.ValidValues.ToList();
            var element = type.IsArray ? type.GetElementType() : type;
            element = Nullable.GetUnderlyingType(element) ?? element;
            return element.IsEnum ? Enum.GetNames(element) : new string[0];
        }

        private void Validate(List<string> problems)
        {
            if (string.IsNullOrWhiteSpace(Help.Synopsis)) problems.Add($"{Name}: Help.Synopsis is empty.");
            if (string.IsNullOrWhiteSpace(Help.Description)) problems.Add($"{Name}: Help.Description is empty.");
            var examples = Help.Examples ?? new HelpExample[0];
            if (examples.Count < 2) problems.Add($"{Name}: Help.Examples has {examples.Count.ToString(CultureInfo.InvariantCulture)} example(s); give at least two.");
            for (int i = 0; i < examples.Count; i++)
            {
                if (examples[i] == null || string.IsNullOrWhiteSpace(examples[i].Title) || string.IsNullOrWhiteSpace(examples[i].Code))
                    problems.Add($"{Name}: example {(i + 1).ToString(CultureInfo.InvariantCulture)} needs a title and code.");
            }
            foreach (var p in OwnParameters.Where(p => string.IsNullOrWhiteSpace(p.Description)))
                problems.Add($"{Name}: parameter -{p.Name} has no description in Help.Parameters.");
            foreach (var key in (Help.Parameters ?? new Dictionary<string, string>()).Keys)
            {
                if (!Parameters.Any(p => string.Equals(p.Name, key, StringComparison.OrdinalIgnoreCase)))
                    problems.Add($"{Name}: Help.Parameters describes '{key}', which is not a parameter of the command.");
            }
            if ((Help.Rules ?? new Rule[0]).Any(r => r == null))
                problems.Add($"{Name}: Help.Rules contains null (a rule field that is not initialized yet?).");
        }
    }

    /// <summary>How a parameter binds in one parameter set.</summary>
    public sealed class SetBinding
    {
        public SetBinding(bool mandatory, int? position, bool byValue, bool byPropertyName)
        {
            Mandatory = mandatory;
            Position = position;
            ByValue = byValue;
            ByPropertyName = byPropertyName;
        }

        public bool Mandatory { get; }
        public int? Position { get; }
        public bool ByValue { get; }
        public bool ByPropertyName { get; }

        /// <summary>As MAML and platyPS write it: False, True (ByValue), True (ByPropertyName), True (ByPropertyName, ByValue).</summary>
        public string PipelineInput =>
            !ByValue && !ByPropertyName ? "False"
            : "True (" + string.Join(", ", new[] { ByPropertyName ? "ByPropertyName" : null, ByValue ? "ByValue" : null }.Where(s => s != null)) + ")";

        public string PositionText => Position.HasValue ? Position.Value.ToString(CultureInfo.InvariantCulture) : "Named";

        public bool SameAs(SetBinding other) =>
            Mandatory == other.Mandatory && Position == other.Position && ByValue == other.ByValue && ByPropertyName == other.ByPropertyName;
    }

    public sealed class ParameterModel
    {
        public ParameterModel(string name, Type type, bool isSwitch, IReadOnlyList<string> aliases, bool supportsWildcards,
            string description, string defaultValue, IReadOnlyList<string> acceptedValues, IReadOnlyDictionary<string, SetBinding> sets, bool generated)
        {
            Name = name;
            Type = type;
            IsSwitch = isSwitch;
            Aliases = aliases;
            SupportsWildcards = supportsWildcards;
            Description = description;
            DefaultValue = defaultValue;
            AcceptedValues = acceptedValues;
            Sets = sets;
            Generated = generated;
        }

        public string Name { get; }
        public Type Type { get; }
        public bool IsSwitch { get; }
        public IReadOnlyList<string> Aliases { get; }
        public bool SupportsWildcards { get; }
        public string Description { get; }
        public string DefaultValue { get; }
        /// <summary>Enum names or ValidateSet values; empty when any value of the type goes.</summary>
        public IReadOnlyList<string> AcceptedValues { get; }
        /// <summary>By parameter set name (<see cref="CommandModel.AllParameterSets"/> for parameters in every set).</summary>
        public IReadOnlyDictionary<string, SetBinding> Sets { get; }
        /// <summary>Added by PowerShell for ShouldProcess or paging, described by the generator.</summary>
        public bool Generated { get; }

        /// <summary>How the parameter binds in <paramref name="set"/>, or null when it is not in that set.</summary>
        public SetBinding In(string set) =>
            Sets.TryGetValue(set, out var s) ? s : Sets.TryGetValue(CommandModel.AllParameterSets, out s) ? s : null;

        /// <summary>The binding shown in the parameter list: the one every set shares, else the most permissive.</summary>
        public SetBinding Summary
        {
            get
            {
                var all = Sets.Values.ToList();
                if (all.All(s => s.SameAs(all[0]))) return all[0];
                return new SetBinding(all.All(s => s.Mandatory), all.Select(s => s.Position).FirstOrDefault(p => p.HasValue),
                    all.Any(s => s.ByValue), all.Any(s => s.ByPropertyName));
            }
        }
    }

    public static class TypeNames
    {
        /// <summary>The name PowerShell shows in syntax: String, Guid[], SwitchParameter, Customer.</summary>
        public static string Short(Type type)
        {
            if (type.IsArray) return Short(type.GetElementType()) + "[]";
            var underlying = Nullable.GetUnderlyingType(type);
            if (underlying != null) return Short(underlying);
            return type.Name;
        }

        /// <summary>The full name for inputs and outputs: System.String[], MspLicensing.Customer.</summary>
        public static string Full(Type type)
        {
            if (type.IsArray) return Full(type.GetElementType()) + "[]";
            var underlying = Nullable.GetUnderlyingType(type);
            if (underlying != null) return Full(underlying);
            return type.FullName;
        }
    }
}
