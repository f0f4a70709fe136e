using System.ComponentModel;

namespace NumForge.CompilerServices
{
    /// <summary>
    /// The constants of one posit format posit&lt;n, es&gt;, implemented by the <c>Traits</c> struct that the generator
    /// nests in every <see cref="PositFormatAttribute"/> type. The kernels in <see cref="PositCodec{TTraits}"/> and
    /// <see cref="QuireCodec{TTraits}"/> are generic over it, so the JIT specialises them per format and folds every
    /// constant. Values are those of <see cref="PositLayout"/>.
    /// </summary>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public interface IPositTraits
    {
        /// <summary>Total width n, 2 to 64.</summary>
        static abstract int Bits { get; }

        /// <summary>Width es of the exponent field, 0 to 4.</summary>
        static abstract int ExponentBits { get; }

        /// <summary>Mask of the n bits of a code (<see cref="PositLayout.CodeMask"/>).</summary>
        static abstract ulong CodeMask { get; }

        /// <summary>The NaR code, 1 followed by zeros (<see cref="PositLayout.NaRCode"/>).</summary>
        static abstract ulong NaRCode { get; }

        /// <summary>The maxpos code, 0 followed by ones (<see cref="PositLayout.MaxPosCode"/>).</summary>
        static abstract ulong MaxPosCode { get; }

        /// <summary>log2(maxpos) = 2^es × (n - 2) (<see cref="PositLayout.MaxScale"/>).</summary>
        static abstract int MaxScale { get; }

        /// <summary>Most fraction bits of any value, max(0, n - 3 - es) (<see cref="PositLayout.MaxFractionBits"/>).</summary>
        static abstract int MaxFractionBits { get; }

        /// <summary>Quire width in bits (<see cref="PositLayout.QuireBits"/>).</summary>
        static abstract int QuireBits { get; }

        /// <summary>Number of 64-bit limbs holding the quire (<see cref="PositLayout.QuireLimbs"/>).</summary>
        static abstract int QuireLimbs { get; }

        /// <summary>Whether every value is an exact double (<see cref="PositLayout.IsExactInDouble"/>).</summary>
        static abstract bool IsExactInDouble { get; }

        /// <summary>Whether every value is an exact float (<see cref="PositLayout.IsExactInSingle"/>).</summary>
        static abstract bool IsExactInSingle { get; }

        /// <summary>Whether every value is an exact Half (<see cref="PositLayout.IsExactInHalf"/>).</summary>
        static abstract bool IsExactInHalf { get; }
    }
}
