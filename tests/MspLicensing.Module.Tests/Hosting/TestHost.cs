using System;
using System.Collections.Generic;
using System.Collections.ObjectModel;
using System.Globalization;
using System.Management.Automation;
using System.Management.Automation.Host;
using System.Security;
using System.Text;
using System.Text.RegularExpressions;

namespace MspLicensing.Module.Tests.Hosting
{
    /// <summary>A host that captures what PowerShell would show a user, and answers prompts from a queue (or fails).</summary>
    public sealed class TestHost : PSHost
    {
        private readonly TestHostUI _ui = new TestHostUI();
        private readonly Guid _id = Guid.NewGuid();
        private readonly CultureInfo _culture;

        /// <param name="culture">The culture of the session (en-US unless given): PowerShell runs each pipeline in the host's culture.</param>
        public TestHost(string culture = null) => _culture = CultureInfo.GetCultureInfo(culture ?? "en-US");

        public override string Name => "MspLicensingTestHost";
        public override Version Version => new Version(1, 0);
        public override Guid InstanceId => _id;
        public override PSHostUserInterface UI => _ui;
        public override CultureInfo CurrentCulture => _culture;
        public override CultureInfo CurrentUICulture => _culture;

        public string Text => _ui.Text;
        public void ClearText() => _ui.Clear();
        /// <summary>Answers for PromptForChoice (the index of the choice), used in order.</summary>
        public Queue<int> ChoiceAnswers => _ui.ChoiceAnswers;
        public List<string> Prompts => _ui.Prompts;

        public override void SetShouldExit(int exitCode) { }
        public override void EnterNestedPrompt() => throw new NotSupportedException();
        public override void ExitNestedPrompt() => throw new NotSupportedException();
        public override void NotifyBeginApplication() { }
        public override void NotifyEndApplication() { }
    }

    internal sealed class TestHostUI : PSHostUserInterface
    {
        private static readonly Regex Ansi = new Regex("\x1b\\[[0-9;?]*[A-Za-z]");
        private readonly StringBuilder _text = new StringBuilder();
        private readonly TestRawUI _raw = new TestRawUI();

        internal Queue<int> ChoiceAnswers { get; } = new Queue<int>();
        internal List<string> Prompts { get; } = new List<string>();

        internal string Text
        {
            get { lock (_text) return _text.ToString(); }
        }

        internal void Clear()
        {
            lock (_text) _text.Clear();
        }

        public override PSHostRawUserInterface RawUI => _raw;

        private void Append(string value)
        {
            lock (_text) _text.Append(Ansi.Replace(value ?? string.Empty, string.Empty));
        }

        public override void Write(string value) => Append(value);
        public override void Write(ConsoleColor foregroundColor, ConsoleColor backgroundColor, string value) => Append(value);
        public override void WriteLine(string value) => Append(value + "\n");
        public override void WriteErrorLine(string value) => Append("ERROR: " + value + "\n");
        public override void WriteDebugLine(string message) => Append("DEBUG: " + message + "\n");
        public override void WriteVerboseLine(string message) => Append("VERBOSE: " + message + "\n");
        public override void WriteWarningLine(string message) => Append("WARNING: " + message + "\n");
        public override void WriteProgress(long sourceId, ProgressRecord record) { }

        public override string ReadLine() => throw new InvalidOperationException("The test host cannot read input.");
        public override SecureString ReadLineAsSecureString() => throw new InvalidOperationException("The test host cannot read input.");

        public override Dictionary<string, PSObject> Prompt(string caption, string message, Collection<FieldDescription> descriptions)
        {
            Prompts.Add(caption + ": " + message);
            throw new InvalidOperationException("The test host does not answer prompts for values: " + message);
        }

        public override PSCredential PromptForCredential(string caption, string message, string userName, string targetName) =>
            throw new InvalidOperationException("The test host does not answer credential prompts.");

        public override PSCredential PromptForCredential(string caption, string message, string userName, string targetName,
            PSCredentialTypes allowedCredentialTypes, PSCredentialUIOptions options) =>
            throw new InvalidOperationException("The test host does not answer credential prompts.");

        public override int PromptForChoice(string caption, string message, Collection<ChoiceDescription> choices, int defaultChoice)
        {
            Prompts.Add(caption + ": " + message);
            if (ChoiceAnswers.Count == 0)
                throw new InvalidOperationException("Unexpected prompt: " + caption + ": " + message);
            return ChoiceAnswers.Dequeue();
        }
    }

    internal sealed class TestRawUI : PSHostRawUserInterface
    {
        public override ConsoleColor ForegroundColor { get; set; } = ConsoleColor.Gray;
        public override ConsoleColor BackgroundColor { get; set; } = ConsoleColor.Black;
        public override Coordinates CursorPosition { get; set; }
        public override Coordinates WindowPosition { get; set; }
        public override int CursorSize { get; set; }
        public override Size BufferSize { get; set; } = new Size(160, 3000);
        public override Size WindowSize { get; set; } = new Size(160, 50);
        public override Size MaxWindowSize => new Size(160, 50);
        public override Size MaxPhysicalWindowSize => new Size(160, 50);
        public override bool KeyAvailable => false;
        public override string WindowTitle { get; set; } = "test";

        public override void FlushInputBuffer() { }
        public override BufferCell[,] GetBufferContents(Rectangle rectangle) => throw new NotSupportedException();
        public override KeyInfo ReadKey(ReadKeyOptions options) => throw new NotSupportedException();
        public override void ScrollBufferContents(Rectangle source, Coordinates destination, Rectangle clip, BufferCell fill) { }
        public override void SetBufferContents(Coordinates origin, BufferCell[,] contents) { }
        public override void SetBufferContents(Rectangle rectangle, BufferCell fill) { }
    }
}
