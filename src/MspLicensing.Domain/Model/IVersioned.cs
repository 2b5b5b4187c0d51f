namespace MspLicensing
{
    /// <summary>A stored document with a version number for optimistic concurrency: a write that started from an older version is refused.</summary>
    public interface IVersioned
    {
        int Version { get; set; }
    }
}
