using System.ComponentModel;

namespace NumForge.CompilerServices.Integers
{
    /// <summary>
    /// The constants of one narrow integer format, implemented by the <c>Traits</c> struct that the generator nests in
    /// every <see cref="IntFormatAttribute"/> type. <see cref="IntCodec{TTraits}"/> and <see cref="IntSpan{TTraits}"/>
    /// are generic over it, so the JIT specialises them per format and folds every constant. Values are those of
    /// <see cref="IntLayout"/>.
    /// </summary>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public interface IIntTraits
    {
        /// <summary>Width b, 1 to 8.</summary>
        static abstract int Bits { get; }

        /// <summary>Whether the format is two's complement.</summary>
        static abstract bool Signed { get; }

        /// <summary>The smallest value (<see cref="IntLayout.MinValue"/>).</summary>
        static abstract int MinValue { get; }

        /// <summary>The largest value (<see cref="IntLayout.MaxValue"/>).</summary>
        static abstract int MaxValue { get; }

        /// <summary>Mask of the b bits of a code (<see cref="IntLayout.CodeMask"/>).</summary>
        static abstract byte CodeMask { get; }
    }
}
