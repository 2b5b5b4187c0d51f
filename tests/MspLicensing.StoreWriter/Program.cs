using System;
using System.Linq;
using System.Management.Automation;
using System.Management.Automation.Runspaces;

// Usage: StoreWriter <manifest> <store> <prefix> <customers> <increments> [bulk]
// Creates <customers> customers named <prefix>-<n>, one command each, then adds 1 to the number in the Notes of
// customer 'Shared' <increments> times, each time reading the customer and writing it back with its version
// (a stale write is refused and retried). Prints "created=N increments=N conflicts=N".
// With "bulk", pipes the customers through one New-MspCustomer pipeline instead (for the kill test).
internal static class Program
{
    private static int Main(string[] args)
    {
        string manifest = args[0], store = args[1], prefix = args[2];
        int customers = int.Parse(args[3]), increments = int.Parse(args[4]);
        var iss = InitialSessionState.CreateDefault2();
        using var runspace = RunspaceFactory.CreateRunspace(iss);
        runspace.Open();
        Invoke(runspace, $"Import-Module '{manifest}' -ErrorAction Stop; Connect-MspStore -Path '{store}' -ErrorAction Stop");

        if (args.Length > 5 && args[5] == "bulk")
        {
            Invoke(runspace, $"1..{customers} | ForEach-Object {{ [pscustomobject]@{{ Name = \"{prefix}-$_\"; Country = 'DE'; City = 'Berlin'; ContactFirstName = 'A'; ContactLastName = 'B'; Email = \"a$_@example.com\"; ExternalId = \"Autotask=$_\" }} }} | New-MspCustomer | Out-Null");
            Console.WriteLine("bulk done");
            return 0;
        }

        int created = 0;
        for (int i = 1; i <= customers; i++)
        {
            Invoke(runspace, $"New-MspCustomer -Name '{prefix}-{i}' -Country DE -City Berlin -ContactFirstName A -ContactLastName B -Email a@example.com -ErrorAction Stop");
            created++;
        }

        int done = 0, conflicts = 0;
        while (done < increments)
        {
            try
            {
                Invoke(runspace, "$c = Get-MspCustomer -Name Shared -ErrorAction Stop; $c | Set-MspCustomer -Notes ([string]([int]$c.Notes + 1)) -ErrorAction Stop");
                done++;
            }
            catch (Exception ex) when (ex.Message.Contains("changed by someone else"))
            {
                conflicts++;
            }
        }
        Console.WriteLine($"created={created} increments={done} conflicts={conflicts}");
        return 0;
    }

    private static void Invoke(Runspace runspace, string script)
    {
        using var ps = PowerShell.Create();
        ps.Runspace = runspace;
        ps.AddScript(script);
        ps.Invoke();
        if (ps.Streams.Error.Count > 0)
            throw new InvalidOperationException(string.Join("; ", ps.Streams.Error.Select(e => e.Exception.Message)));
    }
}
