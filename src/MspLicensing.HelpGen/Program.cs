using System;
using System.IO;
using MspLicensing.HelpGen;

/// <summary>
/// dotnet run --project src/MspLicensing.HelpGen            writes the help files
/// dotnet run --project src/MspLicensing.HelpGen -- --check lists the files that differ and exits 1 if any do
/// </summary>
internal static class Program
{
    private static int Main(string[] args)
    {
        bool check = false;
        string root = null;
        for (int i = 0; i < args.Length; i++)
        {
            if (args[i] == "--check") check = true;
            else if (args[i] == "--root" && i + 1 < args.Length) root = args[++i];
            else
            {
                Console.Error.WriteLine("Usage: MspLicensing.HelpGen [--check] [--root <repository folder>]");
                return 2;
            }
        }
        root = root != null ? Path.GetFullPath(root) : HelpGenerator.FindRepoRoot(Directory.GetCurrentDirectory()) ?? HelpGenerator.FindRepoRoot(AppContext.BaseDirectory);
        if (root == null)
        {
            Console.Error.WriteLine("Cannot find the repository (MspLicensing.sln) above the current folder; give --root.");
            return 2;
        }

        System.Collections.Generic.IReadOnlyDictionary<string, string> files;
        try
        {
            files = HelpGenerator.Generate(root);
        }
        catch (HelpGenerationException ex)
        {
            Console.Error.WriteLine(ex.Message);
            return 1;
        }

        if (check)
        {
            var differences = HelpGenerator.Differences(root, files);
            foreach (var d in differences) Console.WriteLine(d);
            if (differences.Count > 0)
            {
                Console.Error.WriteLine($"{differences.Count} help file(s) are not what the generator writes; run: {HelpGenerator.RunCommand}");
                return 1;
            }
            Console.WriteLine($"All {files.Count} help files are up to date.");
            return 0;
        }

        var done = HelpGenerator.Write(root, files);
        foreach (var d in done) Console.WriteLine(d);
        Console.WriteLine($"{files.Count} help files, {done.Count} changed.");
        return 0;
    }
}
