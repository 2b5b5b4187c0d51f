using System;

namespace MspLicensing
{
    /// <summary>A PSA row left out of the comparison (R82), with the error that says why.</summary>
    public sealed class ReconciliationProblem
    {
        public ReconciliationProblem(ReferenceRow row, MspException error)
        {
            Row = row;
            Error = error;
        }

        public ReferenceRow Row { get; }
        public MspException Error { get; }
    }
}
