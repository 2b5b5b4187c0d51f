using System;
using System.Diagnostics;
using System.IO;
using LiteDB;

namespace MspLicensing.Store
{
    /// <summary>
    /// Damage met in the middle of a batch. An IOException, as a failing disk is: it is the file's fault, not the
    /// item's, so it ends the batch (WriteEach passes file-system failures on) instead of failing item after item.
    /// </summary>
    internal sealed class DamagedException : IOException
    {
        internal DamagedException(string what, Exception inner) : base(what, inner)
        {
        }
    }
}
