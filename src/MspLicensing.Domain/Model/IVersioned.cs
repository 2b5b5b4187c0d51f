namespace MspLicensing
{
    /// <summary>A stored document with a revision number for optimistic concurrency: a write that started from an older revision is refused.</summary>
    public interface IVersioned
    {
        int Revision { get; set; }
    }
}
