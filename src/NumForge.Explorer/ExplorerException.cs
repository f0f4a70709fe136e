using System;

namespace NumForge.Explorer
{
    /// <summary>
    /// A problem with what the user asked for (an unknown format, a number that does not parse, a code too wide).
    /// <see cref="ExplorerApp.Run"/> prints its message on stderr and exits with code 1; no stack trace is shown.
    /// </summary>
    internal sealed class ExplorerException : Exception
    {
        public ExplorerException(string message)
            : base(message)
        {
        }
    }
}
