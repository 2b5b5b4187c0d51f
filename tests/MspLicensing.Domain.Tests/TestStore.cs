using System;
using System.IO;
using MspLicensing.Store;

namespace MspLicensing.Domain.Tests
{
    /// <summary>A store file in a fresh temporary folder, deleted afterwards.</summary>
    public sealed class TestStore : IDisposable
    {
        public TestStore()
        {
            Folder = Path.Combine(Path.GetTempPath(), "msplic-domain-" + Guid.NewGuid().ToString("N"));
            Directory.CreateDirectory(Folder);
            Path_ = System.IO.Path.Combine(Folder, "store.db");
        }

        public string Folder { get; }
        public string Path_ { get; }

        public LiteDbStore Open(string password = null) => LiteDbStore.Open(Path_, password);

        public string File(string name) => System.IO.Path.Combine(Folder, name);

        public static CustomerFields Fields(string name, string country = "US") => new CustomerFields
        {
            Name = name,
            Country = country,
            City = "Seattle",
            State = "WA",
            ContactFirstName = "Ann",
            ContactLastName = "Lee",
            Email = "ann@example.com",
        };

        public void Dispose()
        {
            try
            {
                Directory.Delete(Folder, true);
            }
            catch (IOException)
            {
            }
        }
    }
}
