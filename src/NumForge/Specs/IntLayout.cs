// Compiled into both the runtime and the source generator: the single place where an integer spec is validated and
// its derived constants (range, code mask, which .NET types hold every value) are computed. Written for
// netstandard2.0 so the generator can use it; the runtime links the same file. SpecProblem is in FloatLayout.cs.
using System.Collections.Generic;

namespace NumForge.CompilerServices
{
    /// <summary>
    /// The derived constants of a narrow integer format: b bits, two's complement or unsigned. A code is the value's
    /// low b bits, held in the low bits of a byte.
    /// </summary>
    [System.ComponentModel.EditorBrowsable(System.ComponentModel.EditorBrowsableState.Never)]
    public sealed class IntLayout
    {
        /// <summary>Smallest supported width.</summary>
        public const int MinBits = 1;

        /// <summary>Largest supported width (the container is one byte).</summary>
        public const int MaxBits = 8;

        private IntLayout(int bits, bool signed)
        {
            Bits = bits;
            Signed = signed;
            CodeMask = (1 << bits) - 1;
            MinValue = signed ? -(1 << (bits - 1)) : 0;
            MaxValue = signed ? (1 << (bits - 1)) - 1 : (1 << bits) - 1;
        }

        /// <summary>Width b in bits, 1 to 8.</summary>
        public int Bits { get; }

        /// <summary>Whether the format is two's complement.</summary>
        public bool Signed { get; }

        /// <summary>Mask of the b bits of a code, 2^b - 1.</summary>
        public int CodeMask { get; }

        /// <summary>The smallest value: -2^(b-1) when signed, else 0.</summary>
        public int MinValue { get; }

        /// <summary>The largest value: 2^(b-1) - 1 when signed, else 2^b - 1.</summary>
        public int MaxValue { get; }

        /// <summary>Bytes <paramref name="count"/> values take packed end to end, LSB first (b bits each).</summary>
        public long PackedLength(long count) => (count * Bits + 7) / 8;

        /// <summary>Whether every value of the format lies in [<paramref name="min"/>, <paramref name="max"/>] (the range of another type).</summary>
        public bool FitsIn(double min, double max) => min <= MinValue && MaxValue <= max;

        /// <summary>
        /// Checks a spec. Returns the layout when it is valid (and <paramref name="problems"/> empty), otherwise
        /// <see langword="null"/> with the problems found: NF0030 (bits out of range).
        /// </summary>
        public static IntLayout? TryCreate(int bits, bool signed, out IReadOnlyList<SpecProblem> problems)
        {
            var found = new List<SpecProblem>();
            problems = found;
            if (bits < MinBits || bits > MaxBits)
            {
                found.Add(new SpecProblem("NF0030", $"bits is {bits}; an integer format must be between {MinBits} and {MaxBits} bits wide (its value sits in one byte). Use sbyte/byte for 8 bits and short/ushort or wider .NET types beyond."));
                return null;
            }

            return new IntLayout(bits, signed);
        }
    }
}
