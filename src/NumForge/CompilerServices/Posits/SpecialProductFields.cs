using System;

namespace NumForge.CompilerServices
{
    /// <summary>
    /// The scale fields of 0 and NaR in a table-decoded posit product (posit16 <c>MultiplySmall</c>, posit32
    /// <c>MultiplyNarrow</c>), where a product's head index is the two operands' fields added, times a scale, less
    /// <see cref="IndexBias"/>, plus the product's top bits (0 for a product of 0).
    /// 0 and NaR carry no significand, so their products are 0; their fields put every such index past the ordinary
    /// heads: a product with 0 (and no NaR) in [<see cref="FirstFree"/>, <see cref="ZeroEnd"/>), one with NaR in
    /// [<see cref="ZeroEnd"/>, <see cref="End"/>). A head table holds zero heads and NaR heads there, and no kernel
    /// branches on 0 or NaR.
    /// </summary>
    internal readonly struct SpecialProductFields
    {
        /// <param name="firstFree">The first head index past the ordinary heads.</param>
        /// <param name="indexBias">What a head index is less than the fields' sum times <paramref name="fieldScale"/>.</param>
        /// <param name="minField">The smallest field of a code other than 0 and NaR.</param>
        /// <param name="maxField">The largest field of a code other than 0 and NaR.</param>
        /// <param name="fieldScale">What a fields' sum is multiplied by in a head index (the index also holds the product's top bits).</param>
        public SpecialProductFields(int firstFree, int indexBias, int minField, int maxField, int fieldScale)
        {
            FirstFree = firstFree;
            IndexBias = indexBias;
            FieldScale = fieldScale;
            Zero = Math.Max(FieldSumAt(firstFree) - minField, minField);                   // 0 × any field (0's too): firstFree or above
            ZeroEnd = IndexOf(Math.Max(2 * Zero, Zero + maxField)) + 1;                    // 0 × 0 or 0 × the largest
            NaR = FieldSumAt(ZeroEnd) - minField;                                          // NaR × any field: ZeroEnd or above
            End = IndexOf(Math.Max(2 * NaR, NaR + Math.Max(maxField, Zero))) + 1;         // NaR × NaR, or NaR × the largest other
        }

        /// <summary>The first index of the zero heads.</summary>
        public int FirstFree { get; }

        /// <summary>What a head index is less than the fields' sum times the field scale.</summary>
        public int IndexBias { get; }

        /// <summary>The field of 0.</summary>
        public int Zero { get; }

        /// <summary>One past the last zero head: the first NaR head.</summary>
        public int ZeroEnd { get; }

        /// <summary>The field of NaR.</summary>
        public int NaR { get; }

        /// <summary>One past the last NaR head: the length a head table needs from index 0.</summary>
        public int End { get; }

        /// <summary>What a fields' sum is multiplied by in a head index.</summary>
        private int FieldScale { get; }

        /// <summary>The head index of a product of 0 whose operands' fields add up to <paramref name="fieldSum"/>.</summary>
        private int IndexOf(int fieldSum) => (FieldScale * fieldSum) - IndexBias;

        /// <summary>The least fields' sum whose product of 0 has a head index of at least <paramref name="index"/>.</summary>
        private int FieldSumAt(int index) => (index + IndexBias + FieldScale - 1) / FieldScale;
    }
}
