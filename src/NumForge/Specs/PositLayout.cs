// Compiled into both the runtime and the source generator: the single place where a posit spec is validated and its
// derived constants (codes, scale range, quire size, exactness in the IEEE formats) are computed. Written for
// netstandard2.0 so the generator can use it; the runtime links the same file. SpecProblem is in FloatLayout.cs.
using System;
using System.Collections.Generic;

namespace NumForge.CompilerServices
{
    /// <summary>
    /// The derived constants of a posit format posit&lt;n, es&gt;. Codes are unsigned integers holding the n bits in
    /// their low bits. A nonzero, non-NaR posit is ±2^scale × (1 + fraction) with
    /// scale = k × 2^es + e (k the regime, e the exponent), between -<see cref="MaxScale"/> and <see cref="MaxScale"/>.
    /// </summary>
    public sealed class PositLayout
    {
        /// <summary>Smallest supported width.</summary>
        public const int MinBits = 2;

        /// <summary>Largest supported width.</summary>
        public const int MaxBits = 64;

        /// <summary>Largest supported exponent field width (maxpos of posit&lt;64, 4&gt; is 2^992, still a double).</summary>
        public const int MaxExponentBits = 4;

        /// <summary>The exponent field width of the Posit Standard 2022 (every width).</summary>
        public const int StandardExponentBits = 2;

        private PositLayout(int bits, int exponentBits)
        {
            Bits = bits;
            ExponentBits = exponentBits;
            ContainerBits = bits <= 8 ? 8 : bits <= 16 ? 16 : bits <= 32 ? 32 : 64;
            CodeMask = bits == 64 ? ulong.MaxValue : (1UL << bits) - 1;
            NaRCode = 1UL << (bits - 1);
            MaxPosCode = NaRCode - 1;
            UseedExponent = 1 << exponentBits;
            MaxScale = UseedExponent * (bits - 2);
            MaxFractionBits = Math.Max(0, bits - 3 - exponentBits);
            QuireBits = QuireBitsFor(bits, exponentBits);
            QuireFractionBits = 2 * MaxScale;
            QuireCarryGuardBits = QuireBits - 2 - 2 * QuireFractionBits;
            QuireLimbs = (QuireBits + 63) / 64;
            IsExactInDouble = IsExactIn(53, -1022, 1023);
            IsExactInSingle = IsExactIn(24, -126, 127);
            IsExactInHalf = IsExactIn(11, -14, 15);
        }

        /// <summary>Total width n.</summary>
        public int Bits { get; }

        /// <summary>Width es of the exponent field.</summary>
        public int ExponentBits { get; }

        /// <summary>Bits of the smallest unsigned integer (8, 16, 32 or 64) that holds an encoding.</summary>
        public int ContainerBits { get; }

        /// <summary>Mask of the n bits of an encoding.</summary>
        public ulong CodeMask { get; }

        /// <summary>The code of NaR (Not a Real): 1 followed by n-1 zeros. It is also the sign-bit mask.</summary>
        public ulong NaRCode { get; }

        /// <summary>The code of maxpos: 0 followed by n-1 ones. -maxpos is its two's complement; minpos is code 1.</summary>
        public ulong MaxPosCode { get; }

        /// <summary>The code of minpos, the smallest positive posit.</summary>
        public ulong MinPosCode => 1;

        /// <summary>log2(useed) = 2^es: one regime step multiplies by useed = 2^(2^es).</summary>
        public int UseedExponent { get; }

        /// <summary>log2(maxpos) = 2^es × (n - 2); minpos = 2^-MaxScale.</summary>
        public int MaxScale { get; }

        /// <summary>The most fraction bits any value has: n - 3 - es (values nearest ±1), or 0.</summary>
        public int MaxFractionBits { get; }

        /// <summary>
        /// Width of the quire in bits: 16n for es = 2 (Posit Standard 2022); for other es the classic size
        /// 2^(es+2) × (n - 2) + n that SoftPosit uses (quire8 of posit&lt;8,0&gt;: 32 bits; quire16 of posit&lt;16,1&gt;: 128 bits).
        /// </summary>
        public int QuireBits { get; }

        /// <summary>
        /// Fraction bits of the quire's fixed-point value, 2 × <see cref="MaxScale"/>: its lowest bit is minpos².
        /// The quire holds (signed integer of <see cref="QuireBits"/> bits) × 2^-QuireFractionBits.
        /// </summary>
        public int QuireFractionBits { get; }

        /// <summary>
        /// Bits between maxpos² and the sign bit, which absorb carries of long sums: 30 for es = 2 (the standard's
        /// 16n-bit quire), n - 2 for the classic sizes.
        /// </summary>
        public int QuireCarryGuardBits { get; }

        /// <summary>Number of 64-bit limbs that hold the quire.</summary>
        public int QuireLimbs { get; }

        /// <summary>Whether every posit value is an exact <see cref="double"/> (all but n - 3 - es &gt; 52).</summary>
        public bool IsExactInDouble { get; }

        /// <summary>Whether every posit value is an exact <see cref="float"/>.</summary>
        public bool IsExactInSingle { get; }

        /// <summary>Whether every posit value is an exact <c>System.Half</c>.</summary>
        public bool IsExactInHalf { get; }

        /// <summary>maxpos = 2^MaxScale (always a finite double: MaxScale &lt;= 992).</summary>
        public double MaxValue => Pow2(MaxScale);

        /// <summary>-maxpos.</summary>
        public double MinValue => -Pow2(MaxScale);

        /// <summary>minpos = 2^-MaxScale, the smallest positive value (the .NET meaning of <c>Epsilon</c>).</summary>
        public double Epsilon => Pow2(-MaxScale);

        /// <summary>The distance from 1 to the next larger posit: 2^-(n-3-es), or useed when 1 has no fraction bits.</summary>
        public double MachineEpsilon
        {
            get
            {
                // The posit after 1 is code NaR/2 + 1: regime "10", then exponent and fraction bits.
                int bitsAfterRegime = Bits - 3;
                if (bitsAfterRegime <= 0)
                {
                    // posit<2,es>: 1 is maxpos; posit<3,es>: next is maxpos = useed.
                    return Bits == 2 ? 0 : Pow2(UseedExponent) - 1;
                }

                if (bitsAfterRegime >= ExponentBits)
                {
                    return Pow2(-(bitsAfterRegime - ExponentBits));
                }

                // Only some exponent bits: the next value is 2^(2^(es - kept)).
                return Pow2(1 << (ExponentBits - bitsAfterRegime)) - 1;
            }
        }

        /// <summary>The quire width in bits for posit&lt;n, es&gt;: 16n when es = 2, else 2^(es+2) × (n - 2) + n.</summary>
        public static int QuireBitsFor(int bits, int exponentBits) =>
            exponentBits == StandardExponentBits ? 16 * bits : (4 << exponentBits) * (bits - 2) + bits;

        /// <summary>
        /// Whether every value is exact in a binary format with <paramref name="significandBits"/> bits of precision
        /// (implicit bit included), normal exponents from <paramref name="minExponent"/> to <paramref name="maxExponent"/>
        /// and subnormals below.
        /// </summary>
        public bool IsExactIn(int significandBits, int minExponent, int maxExponent)
        {
            int payload = Bits - 1;
            for (int k = -(Bits - 2); k <= Bits - 2; k++)
            {
                int regimeLength = Math.Min(payload, k >= 0 ? k + 2 : 1 - k);
                int fractionBits = Math.Max(0, payload - regimeLength - ExponentBits);
                for (int e = 0; e < UseedExponent; e++)
                {
                    int scale = k * UseedExponent + e;
                    if (scale > maxExponent || scale - fractionBits < minExponent - (significandBits - 1))
                    {
                        return false;
                    }

                    if (scale >= minExponent && fractionBits > significandBits - 1)
                    {
                        return false;
                    }
                }
            }

            return true;
        }

        /// <summary>2^e as a double, exact for -1074 &lt;= e &lt;= 1023.</summary>
        public static double Pow2(int e) => FloatLayout.Pow2(e);

        /// <summary>
        /// Checks a spec. Returns the layout when it is valid (and <paramref name="problems"/> empty), otherwise
        /// <see langword="null"/> with every problem found: NF0020 (bits out of range), NF0021 (exponentBits out of range),
        /// NF0022 (extreme values not doubles; cannot happen within the ranges, kept as a guard).
        /// </summary>
        public static PositLayout? TryCreate(int bits, int exponentBits, out IReadOnlyList<SpecProblem> problems)
        {
            var found = new List<SpecProblem>();
            problems = found;

            if (bits < MinBits || bits > MaxBits)
            {
                found.Add(new SpecProblem("NF0020", $"bits is {bits}; a posit must be between {MinBits} and {MaxBits} bits wide (1 sign bit, at least 1 regime bit, and a 64-bit container at most)."));
            }

            if (exponentBits < 0 || exponentBits > MaxExponentBits)
            {
                found.Add(new SpecProblem("NF0021", $"exponentBits is {exponentBits}; it must be between 0 and {MaxExponentBits} (2 is the Posit Standard 2022's value; 0 and 1 are SoftPosit's classic posit8 and posit16), so that maxpos = 2^(2^es × (n-2)) stays within double range."));
            }

            if (found.Count > 0)
            {
                return null;
            }

            var layout = new PositLayout(bits, exponentBits);
            if (layout.MaxScale > 1023)
            {
                found.Add(new SpecProblem("NF0022", $"posit<{bits},{exponentBits}> has maxpos = 2^{layout.MaxScale}, beyond double range (2^1023); use fewer bits or a smaller exponentBits."));
                return null;
            }

            return layout;
        }
    }
}
