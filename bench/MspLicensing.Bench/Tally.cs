using System;
using System.Management.Automation;

/// <summary>
/// The output of a pipeline counted as it comes and not kept, as a script that pipes a command's output on keeps none
/// of it: at 100,000 customers the objects a command writes would otherwise add hundreds of megabytes to the peak
/// memory measured beside the module. It counts every object (<see cref="Written"/>), and those that the test it is
/// given matches (<see cref="Matched"/>); as a collection it stays empty.
/// </summary>
internal sealed class Tally : PSDataCollection<PSObject>
{
    private readonly Func<PSObject, bool> _matches;

    public Tally(Func<PSObject, bool> matches = null) => _matches = matches;

    /// <summary>The objects written.</summary>
    public int Written { get; private set; }

    /// <summary>The objects written that match.</summary>
    public int Matched { get; private set; }

    protected override void InsertItem(Guid psInstanceId, int index, PSObject item)
    {
        Written++;
        if (_matches != null && _matches(item)) Matched++;
    }
}
