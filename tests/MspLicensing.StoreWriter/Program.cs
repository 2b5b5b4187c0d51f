using System;
using System.Linq;
using System.Management.Automation;
using System.Management.Automation.Runspaces;

// Usage: StoreWriter <manifest> <store> <prefix> <customers> <increments> [bulk]
// Creates <customers> customers named <prefix>-<n>, one command each, then adds 1 to the number in the Notes of
// customer 'Shared' <increments> times, each time reading the customer and writing it back with its version
// (a stale write is refused and retried). Prints "created=N increments=N conflicts=N".
// With "bulk", pipes the customers through one New-MspCustomer pipeline instead (for the kill test).
// With "seats", sets the seats of the subscription of customer <prefix> <customers> times (11, 12, …), each a change
// of its own. With "renewal", runs Invoke-MspRenewal -AsOf <prefix> once.
// A <store> that names a server (Host=…) is the team store in PostgreSQL: connected with -ConnectionString.
internal static class Program
{
    private static int Main(string[] args)
    {
        string manifest = args[0], store = args[1], prefix = args[2];
        int customers = int.Parse(args[3]), increments = int.Parse(args[4]);
        var iss = InitialSessionState.CreateDefault2();
        using var runspace = RunspaceFactory.CreateRunspace(iss);
        runspace.Open();
        string connect = store.Contains("Host=") ? $"Connect-MspStore -ConnectionString '{store}'" : $"Connect-MspStore -Path '{store}'";
        Invoke(runspace, $"Import-Module '{manifest}' -ErrorAction Stop; {connect} -ErrorAction Stop");

        if (args.Length > 5 && args[5] == "seats")
        {
            for (int i = 1; i <= customers; i++)
                Invoke(runspace, $"Set-MspSubscription -Customer '{prefix}' -Seats {10 + i} -ErrorAction Stop");
            Console.WriteLine($"seats={10 + customers}");
            return 0;
        }

        if (args.Length > 5 && args[5] == "renewal")
        {
            Console.WriteLine("renewed=" + Invoke(runspace, $"@(Invoke-MspRenewal -AsOf {prefix} -ErrorAction Stop).Count"));
            return 0;
        }

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

    private static string Invoke(Runspace runspace, string script)
    {
        using var ps = PowerShell.Create();
        ps.Runspace = runspace;
        ps.AddScript(script);
        var output = ps.Invoke();
        if (ps.Streams.Error.Count > 0)
            throw new InvalidOperationException(string.Join("; ", ps.Streams.Error.Select(e => e.Exception.Message)));
        return string.Join("\n", output.Select(o => o?.ToString()));
    }
}
