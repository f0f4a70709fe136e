using System.ComponentModel;

namespace NumForge.CompilerServices.Blocks
{
    /// <summary>How the fused row dot turns a code of more than 4 bits into its value (see <see cref="IBlockElement.Lanes"/>).</summary>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public enum ElementLanes
    {
        /// <summary>From a table of every code's value (float and codebook elements): a gather.</summary>
        Table = 0,

        /// <summary>The code is an unsigned integer: zero-extended and converted.</summary>
        Unsigned = 1,

        /// <summary>The code is a two's complement integer: sign-extended and converted.</summary>
        Signed = 2,
    }
}
