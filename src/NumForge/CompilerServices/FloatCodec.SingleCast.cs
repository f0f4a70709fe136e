using System;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace NumForge.CompilerServices
{
    /// <summary>
    /// The casts <c>(X)f</c> and <c>(float)x</c> on the float's bits, without a branch on ordinary data (signs, zeros,
    /// subnormals, overflow). Encoding (nearest even, without saturation) is one float addition of a per-binade magic
    /// (<see cref="BinadeFromSingle"/>), or a rounding shift where the code is the float's top bits (BFloat16, TF32);
    /// NaN and shapes the clamps cannot give take <see cref="RoundPack"/>, which defines every result. Decoding a format
    /// of at most 8 bits is one load from a 256-entry table; a wider one assembles the float's bits.
    /// </summary>
    public static partial class FloatCodec<TTraits>
    {
        // The format's constants below are getters marked for aggressive inlining: Tier-1 code inlines them anyway, but
        // Native AOT stops inlining ordinary getters once the cast's inlined body has spent the caller's budget, and a
        // call per constant made (Float8E4M3FN)f 8.5 ns there instead of 3.1 (docs/aot.md).

        /// <summary>
        /// Whether the format's values sit inside float's exponent range with room to round (signed, with subnormals,
        /// at most 22 mantissa bits, every normal exponent a float normal exponent, its quantum at least float's).
        /// </summary>
        private static bool SingleCastApplies
        {
            [MethodImpl(MethodImplOptions.AggressiveInlining)]
            get =>
                TTraits.Signed && TTraits.Subnormals && TTraits.MantissaBits <= 22
                && TTraits.MaxExponent <= 127 && TTraits.MinNormalExponent >= TTraits.MantissaBits - 149 && TTraits.MinNormalExponent >= -126;
        }

        // Float bits drop 23 - M mantissa bits; the float exponent field re-biases by (126 + emin) binades.
        private static int SingleShift
        {
            [MethodImpl(MethodImplOptions.AggressiveInlining)]
            get => 23 - TTraits.MantissaBits;
        }

        /// <summary>
        /// Whether a code is the top bits of a float, fields and sign in place (float's exponent field and bias, fewer
        /// mantissa bits: BFloat16, TF32): the casts are a rounding shift of the float's bits and a shift back.
        /// </summary>
        private static bool FloatFields
        {
            [MethodImpl(MethodImplOptions.AggressiveInlining)]
            get => SingleCastApplies && SingleRebias == 0 && SingleShift == 32 - TotalBits;
        }

        private static uint SingleRebias
        {
            [MethodImpl(MethodImplOptions.AggressiveInlining)]
            get => (uint)(126 + TTraits.MinNormalExponent) << TTraits.MantissaBits;
        }

        // The float bits of the largest finite value: nothing at or below it can round past it.
        private static uint MaxFiniteSingleBits
        {
            [MethodImpl(MethodImplOptions.AggressiveInlining)]
            get => (uint)(TTraits.MaxFiniteMagnitude + SingleRebias) << SingleShift;
        }

        private static uint MinNormalSingleBits
        {
            [MethodImpl(MethodImplOptions.AggressiveInlining)]
            get => (uint)(TTraits.MinNormalExponent + 127) << 23;
        }

        // 2^k whose float quantum is the format's subnormal quantum 2^(emin - M): adding it rounds |x| to a count of quanta.
        private static uint SubnormalMagicBits
        {
            [MethodImpl(MethodImplOptions.AggressiveInlining)]
            get => (uint)(TTraits.MinNormalExponent - TTraits.MantissaBits + 23 + 127) << 23;
        }

        /// <summary>Rounds a float to the format once, to nearest even, without saturation (the cast operator).</summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        internal static ulong FromSingle(float value)
        {
            if (!SingleCastApplies)
            {
                return ExponentOnly ? ExponentFromSingle(value) : FromDouble(value, MidpointRounding.ToEven, saturate: false);
            }

            uint bits = BitConverter.SingleToUInt32Bits(value);
            uint abs = bits & 0x7FFF_FFFF;
            if (FloatFields)
            {
                if (abs > MaxFiniteSingleBits)
                {
                    // Overflow, infinity or NaN: the general routine applies the format's rules.
                    return FromDouble(value, MidpointRounding.ToEven, saturate: false);
                }

                // Every finite float below the overflow is rounded as its bits stand (subnormals too: they are the format's
                // subnormals); no carry reaches the sign bit.
                return (bits + ((1u << (SingleShift - 1)) - 1) + ((bits >> SingleShift) & 1)) >> SingleShift;
            }

            if (TotalBits <= 8 || BinadeCast.SlowBits != 0)
            {
                return BinadeFromSingle(value, bits, abs);
            }

            return WideFromSingle(value, bits, abs);
        }

        /// <summary>
        /// <see cref="FromSingle(float)"/> for the formats wider than 8 bits whose top binades <see cref="BinadeFromSingle"/>
        /// cannot round (a magic past float's range: largest exponent above 103 + M, as a bias of 0 with 7 exponent bits
        /// gives): normals by an integer rounding, subnormals by one float addition, a branch between them.
        /// </summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        private static ulong WideFromSingle(float value, uint bits, uint abs)
        {
            if (abs > MaxFiniteSingleBits)
            {
                // Overflow, infinity or NaN: the general routine applies the format's rules.
                return FromDouble(value, MidpointRounding.ToEven, saturate: false);
            }

            // float's sign bit moved to the format's by a shift: as a conditional, the JIT makes it a branch in a loop,
            // which mispredicts on every other value of real data (weights of random sign: 5.5 ns per cast, not 1.1).
            ulong sign = (ulong)(bits >> 31) << (TTraits.ExponentBits + TTraits.MantissaBits);
            if (abs >= MinNormalSingleBits)
            {
                // Round at bit 23 - M to nearest even: add just under half a unit, plus one when the kept lsb is odd.
                uint rounded = abs + ((1u << (SingleShift - 1)) - 1) + ((abs >> SingleShift) & 1);
                return sign | ((rounded >> SingleShift) - SingleRebias);
            }

            // Below the smallest normal: the FPU rounds |x| + 2^k to nearest even at the subnormal quantum; the count of
            // quanta is the magnitude (2^M, the smallest normal, when it rounds up into the normals).
            float sum = BitConverter.UInt32BitsToSingle(abs) + BitConverter.UInt32BitsToSingle(SubnormalMagicBits);
            uint magnitude = BitConverter.SingleToUInt32Bits(sum) - SubnormalMagicBits;
            return magnitude == 0 ? Zero((int)bits < 0, saturate: false) : sign | magnitude;
        }

        /// <summary>
        /// <see cref="FromSingle(float)"/> without a branch on the data: FP8 values are often subnormal (E4M3FN's
        /// subnormals start at 2^-6) and activations often zero, so a normal/subnormal branch mispredicts on real tensors.
        /// </summary>
        /// <remarks>
        /// One float addition rounds every in-range magnitude: with t = max(exponent field of |x|, that of 2^emin),
        /// the float 2^(t - 127 + 23 - M) has the format's quantum at that binade as its ulp, so |x| + it rounds |x| to
        /// nearest even at exactly that quantum and its low bits count the quanta q (the sum stays in the magic's
        /// binade). The code is q plus (t - field of 2^emin) · 2^M, for subnormals (t at its minimum) as for normals, and
        /// a carry (q = 2^(M+1)) is the next binade's first code. Overflow and infinity are clamped into the binade
        /// above the largest finite value, where that gives the format's overflow code (the code after the largest,
        /// infinity or NaN, as in E5M2 and E4M3FN; or the largest itself when overflow saturates, as in E2M1); NaN with
        /// a code of its own is put on the float of that code by a second clamp (<see cref="BinadeCast.NaNBits"/>); the
        /// shapes the clamps cannot give take the general routine.
        /// </remarks>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        private static ulong BinadeFromSingle(float value, uint bits, uint abs)
        {
            // A constant per format: where NaN's code is the overflow code too (E4M3FN), no value needs the general routine.
            if (BinadeCast.SlowBits != 0x8000_0000u && abs >= BinadeCast.SlowBits)
            {
                return FromDouble(value, MidpointRounding.ToEven, saturate: false);
            }

            // One table entry per float binade: the magic (low half, read as a float straight into the addition) and
            // what turns the sum's bits into the code (high half, added from memory). Overflow is clamped without a
            // branch: formats of a few bits (E2M1, E3M2) overflow often on real data, where a branch would mispredict.
            float magnitude;
            if (Sse.IsSupported)
            {
                // In the float registers: the magnitude and its clamp are one operation each (minss of two positive
                // floats). Where NaN has a code of its own, the clamp goes first (minss returns its second operand, a
                // NaN, unchanged) and a second minss puts NaN, and only NaN, on the float of that code.
                Vector128<float> absolute = Sse.And(Vector128.CreateScalarUnsafe(value), Vector128.Create(0x7FFF_FFFFu).AsSingle());
                Vector128<float> clamped = BinadeCast.NaNBits != 0
                    ? Sse.MinScalar(Sse.MinScalar(Vector128.CreateScalarUnsafe(BitConverter.UInt32BitsToSingle(BinadeCast.ClampBits)), absolute), Vector128.CreateScalarUnsafe(BitConverter.UInt32BitsToSingle(BinadeCast.NaNBits)))
                    : Sse.MinScalar(absolute, Vector128.Create(BitConverter.UInt32BitsToSingle(BinadeCast.ClampBits)));
                magnitude = clamped.ToScalar();
                abs = clamped.AsUInt32().ToScalar();
            }
            else
            {
                abs = BinadeCast.NaNBits != 0 && abs > 0x7F80_0000u ? BinadeCast.NaNBits : Clamp(abs, BinadeCast.ClampBits);
                magnitude = BitConverter.UInt32BitsToSingle(abs);
            }

            ref uint entry = ref Unsafe.As<ulong, uint>(ref Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(BinadeCast.Binades), (nint)(abs >> 23)));
            float sum = magnitude + Unsafe.As<uint, float>(ref Unsafe.Add(ref entry, BitConverter.IsLittleEndian ? 0 : 1));
            uint code = BitConverter.SingleToUInt32Bits(sum) + Unsafe.Add(ref entry, BitConverter.IsLittleEndian ? 1 : 0);

            // float's sign bit moved to the format's (two operations; a conditional would be a branch, see WideFromSingle).
            int position = TTraits.ExponentBits + TTraits.MantissaBits;
            uint sign = (bits >> (31 - position)) & (1u << position);
            if (!HasNegativeZero)
            {
                // -0 is not a code here (FNUZ: it is NaN): negative values that round to zero give +0. The codes lie in
                // [0, sign bit], so code + (sign bit - 1) has the sign bit set exactly when the code is not zero (two
                // operations; a conditional is a branch, which mispredicts on sparse data: 7 ns per cast).
                sign &= code + ((1u << position) - 1);
            }

            // Where NaN's code is the sign bit of a positive NaN and +0 of a negative one (E3M2, E2M3, E2M1), the sign
            // is flipped in rather than or-ed (the same for every other code, which lies below the sign bit).
            return BinadeCast.NaNFlipsSign ? sign ^ code : sign | code;
        }

        /// <summary>
        /// min(<paramref name="abs"/>, <paramref name="limit"/>) for magnitudes below 2^31, in four integer operations
        /// and no branch (the JIT turns <see cref="Math.Min(uint, uint)"/> into a branch where its profile says the
        /// clamp is rare).
        /// </summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        private static uint Clamp(uint abs, uint limit)
        {
            uint excess = abs - limit;
            return abs - (excess & ~(uint)((int)excess >> 31));
        }

        /// <summary>
        /// Whether the format is float's exponent field alone (E8M0: unsigned, 8 exponent bits of bias 127, no mantissa,
        /// no subnormals), so that a positive normal float below 2^127 rounds to its code in integer operations.
        /// </summary>
        private static bool ExponentOnly
        {
            [MethodImpl(MethodImplOptions.AggressiveInlining)]
            get =>
                !TTraits.Signed && !TTraits.Subnormals && TTraits.MantissaBits == 0 && TTraits.ExponentBits == 8 && TTraits.Bias == 127;
        }

        /// <summary>
        /// <see cref="FromSingle(float)"/> for <see cref="ExponentOnly"/> formats: a positive normal float has its code in
        /// its exponent field, rounded at the mantissa's top bit (a tie, 1.5 times the power of two, lies between the
        /// significands 1 and 2, and 2 is the even one, so ties round up). Everything else that is not a float
        /// subnormal gives NaN, the code 0xFF: zeros and negative values (the sign bit makes the rounded field 256 or more),
        /// infinity, NaN and values that round past 2^127, all clamped there without a branch on the data (a branch on the
        /// sign mispredicted on every other value of data of both signs: 4.8 ns per cast), +0 by a mask (sparse data is
        /// half zeros: 5.5 ns per cast when +0 took the general routine). Float subnormals take the general routine.
        /// </summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        private static ulong ExponentFromSingle(float value)
        {
            uint bits = BitConverter.SingleToUInt32Bits(value);
            if (!ExponentOverflowIsNaN.Value)
            {
                // A declared exponent-only format whose negative values, overflow or NaN differ: those take the general routine.
                return bits - 0x0080_0000u >= 0x7F00_0000u - 0x0080_0000u ? FromDouble(value, MidpointRounding.ToEven, saturate: false) : (bits + 0x0040_0000u) >> 23;
            }

            if (bits - 1 < 0x007F_FFFFu)
            {
                // Float subnormals; not +0 (the zeros of sparse data), which the mask below sends to NaN.
                return FromDouble(value, MidpointRounding.ToEven, saturate: false);
            }

            // +0 (bits - 1 wraps to a negative) gets 0xFF or-ed in; the other values the mask selects are clamped there already.
            return Clamp(((bits >> 22) + 1) >> 1, 0xFF) | ((uint)((int)(bits - 1) >> 31) & 0xFF);
        }

        /// <summary>Whether the general routine gives 0xFF for every input <see cref="ExponentFromSingle"/> sends there (E8M0FNU: ml_dtypes' rules).</summary>
        private static class ExponentOverflowIsNaN
        {
            public static readonly bool Value = Check();

            private static bool Check()
            {
                foreach (float f in new[] { 0f, -0f, -1f, -float.Epsilon, float.MinValue, float.NegativeInfinity, float.PositiveInfinity, float.NaN, -float.NaN, float.MaxValue, BitConverter.UInt32BitsToSingle(0x7F40_0000u) })
                {
                    if (FromDouble(f, MidpointRounding.ToEven, saturate: false) != 0xFF)
                    {
                        return false;
                    }
                }

                return true;
            }
        }

        /// <summary>The constants of <see cref="BinadeFromSingle"/>, computed once from the general routine (their own class, so they are set after the codec's).</summary>
        private static class BinadeCast
        {
            /// <summary>Float exponent field of 2^emin.</summary>
            public static readonly uint MinNormalField = (uint)(TTraits.MinNormalExponent + 127);

            /// <summary>(23 - M) binades: the magic's exponent above the rounded binade's.</summary>
            public static readonly uint MagicOffset = (uint)(23 - TTraits.MantissaBits) << 23;

            /// <summary>
            /// Per float exponent field f (of the clamped magnitude), with t = max(f, <see cref="MinNormalField"/>): the
            /// magic's bits (t + 23 - M in the exponent field) in the low half, and (t - MinNormalField) · 2^M less the
            /// magic's bits (mod 2^32) in the high half.
            /// </summary>
            public static readonly ulong[] Binades = BuildBinades();

            /// <summary>Magnitude bits from which the general routine decides (NaN, and what the clamp cannot give).</summary>
            public static readonly uint SlowBits;

            /// <summary>The magnitude bits overflow is clamped to: a float whose rounding is the overflow code.</summary>
            public static readonly uint ClampBits;

            /// <summary>
            /// Where NaN, the only input the clamp gets wrong, has one code per sign whatever its payload: the float
            /// whose rounding is the positive NaN's code (above <see cref="ClampBits"/>), which NaN is put on without
            /// a branch (E5M2, E3M2: the general routine's call then stays out of the cast, whose loops keep their
            /// arrays and tables in registers); else 0.
            /// </summary>
            public static readonly uint NaNBits;

            /// <summary>Whether the sign is flipped into the code rather than or-ed: a negative NaN's code is the positive one's without the sign bit.</summary>
            public static readonly bool NaNFlipsSign;

            private static ulong[] BuildBinades()
            {
                var table = new ulong[256];
                for (uint field = 0; field < 256; field++)
                {
                    uint t = Math.Max(field, MinNormalField);
                    uint magic = (t << 23) + MagicOffset;
                    table[field] = magic | ((ulong)(((t - MinNormalField) << TTraits.MantissaBits) - magic) << 32);
                }

                return table;
            }

#pragma warning disable CA1810 // The constants depend on each other; one static constructor reads most clearly.
            static BinadeCast()
#pragma warning restore CA1810
            {
                ulong max = TTraits.MaxFiniteMagnitude;
                ulong overflow = FromDouble(float.MaxValue, MidpointRounding.ToEven, saturate: false);
                ulong overflowNegative = FromDouble(-float.MaxValue, MidpointRounding.ToEven, saturate: false);
                ulong infinity = FromDouble(float.PositiveInfinity, MidpointRounding.ToEven, saturate: false);
                ulong infinityNegative = FromDouble(float.NegativeInfinity, MidpointRounding.ToEven, saturate: false);
                bool signed = overflowNegative == (overflow | TTraits.SignMask);
                // FNUZ: the code after the largest finite one is the sign bit alone (their NaN), the overflow code of both signs.
                bool unsignedNaN = overflow == max + 1 && overflow == TTraits.SignMask && overflowNegative == overflow;
                if ((signed || unsignedNaN) && overflow == max + 1 && (max + 1 <= TTraits.MagnitudeMask || unsignedNaN) && (max + 1 + SingleRebias) << SingleShift <= 0x7F00_0000)
                {
                    // The code after the largest finite one: the float of that code, read as a normal, rounds to it (with
                    // the sign bit or-ed in, FNUZ's NaN stays itself).
                    ClampBits = (uint)((max + 1 + SingleRebias) << SingleShift);
                }
                else if (signed && overflow == max)
                {
                    ClampBits = MaxFiniteSingleBits;
                }
                else
                {
                    // Overflow has a shape of its own (FNUZ's unsigned NaN): past the largest finite value, the general routine.
                    ClampBits = MaxFiniteSingleBits;
                    SlowBits = MaxFiniteSingleBits + 1;
                    return;
                }

                ulong nan = FromDouble(PositiveQuietNaN, MidpointRounding.ToEven, saturate: false);
                ulong nanNegative = FromDouble(NegativeQuietNaN, MidpointRounding.ToEven, saturate: false);
                SlowBits = infinity != overflow || infinityNegative != overflowNegative ? 0x7F80_0000u
                    : nan != overflow || nanNegative != overflowNegative ? 0x7F80_0001u
                    : 0x8000_0000u; // NaN's code is the overflow code too (E4M3FN): the clamp gives every result

                if (ExponentField(ClampBits) + (23 - TTraits.MantissaBits) > 254)
                {
                    // The magic of the top binade would not be a finite float: every value takes the general routine.
                    SlowBits = 0;
                }
                else if (SlowBits == 0x7F80_0001u && UniformNaN(nan, nanNegative))
                {
                    // The code read as a magnitude (the sign bit of E3M2's positive NaN is the code after its largest).
                    uint candidate = (uint)((nan + SingleRebias) << SingleShift);
                    if (candidate > ClampBits && candidate < 0x7F80_0000u && ExponentField(candidate) + (23 - TTraits.MantissaBits) <= 254 && RoundsTo(candidate, (uint)nan))
                    {
                        NaNBits = candidate;
                        NaNFlipsSign = nanNegative == 0;
                        SlowBits = 0x8000_0000u;
                    }
                }
            }

            /// <summary>Whether the table rounds the float <paramref name="bits"/> to <paramref name="code"/>.</summary>
            private static bool RoundsTo(uint bits, uint code)
            {
                ulong entry = Binades[ExponentField(bits)];
                float sum = BitConverter.UInt32BitsToSingle(bits) + BitConverter.UInt32BitsToSingle((uint)entry);
                return BitConverter.SingleToUInt32Bits(sum) + (uint)(entry / (1UL << 32)) == code;
            }

            /// <summary>
            /// The exponent field of a positive float's bits, by a division: this class's constructor keeps to what Native
            /// AOT's compile-time interpreter runs (.NET 10's has no unsigned right shift), so that the cast's constants and
            /// table are constants in AOT code as in Tier-1 JIT code, with no check that the class is initialized.
            /// </summary>
            private static uint ExponentField(uint bits) => bits / (1u << 23);

            /// <summary>
            /// Whether every NaN (quiet, signalling, any payload) gives <paramref name="nan"/> when positive and
            /// <paramref name="nanNegative"/> when negative: the same with the sign bit (E5M2), or, where the positive
            /// one is the sign bit alone, +0 (E3M2, E2M3, E2M1).
            /// </summary>
            private static bool UniformNaN(ulong nan, ulong nanNegative)
            {
                bool signed = (nan & TTraits.SignMask) == 0 && nanNegative == (nan | TTraits.SignMask);
                bool flipped = nan == TTraits.SignMask && nanNegative == 0 && HasNegativeZero;
                if (!signed && !flipped)
                {
                    return false;
                }

                foreach (uint payload in new[] { 0x7F80_0001u, 0x7FA0_0000u, 0x7FBF_FFFFu, 0x7FC0_0000u, 0x7FC0_0001u, 0x7FFF_FFFFu })
                {
                    if (FromDouble(BitConverter.UInt32BitsToSingle(payload), MidpointRounding.ToEven, saturate: false) != nan
                        || FromDouble(BitConverter.UInt32BitsToSingle(payload | 0x8000_0000u), MidpointRounding.ToEven, saturate: false) != nanNegative)
                    {
                        return false;
                    }
                }

                return true;
            }
        }

        // ---------------------------------------------------------------- decoding

        private static int TotalBits
        {
            [MethodImpl(MethodImplOptions.AggressiveInlining)]
            get => TTraits.ExponentBits + TTraits.MantissaBits + (TTraits.Signed ? 1 : 0);
        }

        /// <summary>Every code's float for a format of at most 8 bits (256 entries whatever the width, so any byte indexes it).</summary>
        private static readonly float[] SingleTable = BuildSingleTable();

        private static float[] BuildSingleTable()
        {
            if (TotalBits > 8)
            {
                return Array.Empty<float>();
            }

            var table = new float[256];
            for (int code = 0; code < 256; code++)
            {
                table[code] = (float)ToDouble((ulong)code & CodeMask);
            }

            return table;
        }

        /// <summary>The value of a code as <see cref="float"/> (exact when the format fits in float, else rounded to nearest even).</summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static float ToSingle(ulong code)
        {
            if (TotalBits <= 8)
            {
                return Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(SingleTable), (nint)(code & 0xFF));
            }

            if (!SingleCastApplies)
            {
                return (float)ToDouble(code);
            }

            if (FloatFields && TTraits.Specials == SpecialValues.Ieee)
            {
                // The code's bits in place are its float, infinity included; NaN becomes the quiet NaN of its sign, as
                // ToDouble gives it. A select, not a branch: NaN and infinity in real data cost nothing more.
                uint bits = (uint)code << SingleShift;
                uint quietNaN = (bits & 0x8000_0000u) | 0x7FC0_0000u;
                return BitConverter.UInt32BitsToSingle((bits & 0x7FFF_FFFFu) > 0x7F80_0000u ? quietNaN : bits);
            }

            ulong magnitude = code & TTraits.MagnitudeMask;
            if (magnitude > TTraits.MaxFiniteMagnitude)
            {
                // NaN or infinity.
                return (float)ToDouble(code);
            }

            if (FloatFields)
            {
                // Zero and subnormals included: no branch on the zeros of sparse data.
                return BitConverter.UInt32BitsToSingle((uint)code << SingleShift);
            }

            uint sign = (uint)((code & TTraits.SignMask) << (32 - TotalBits));   // a shift, not a branch (see FromSingle)

            // Zero and subnormals (the sparse tensor's zeros) without a branch: read 0.m as 1.m at the smallest normal
            // binade, then subtract that binade's 2^emin (exact: both are floats, and so is their difference), as
            // .NET's Half does. A mask, not a conditional (which the JIT makes a branch that mispredicts on sparse data);
            // not a multiplication by a power of two of the fields read as a float (fewer operations, but a subnormal
            // float operand, which costs Intel cores a microcode assist per subnormal code).
            uint m = (uint)magnitude;
            uint subnormal = (uint)(((int)m - (1 << TTraits.MantissaBits)) >> 31);
            Vector128<float> normal = Vector128.CreateScalarUnsafe((m + (subnormal & (1u << TTraits.MantissaBits)) + SingleRebias) << SingleShift).AsSingle();
            Vector128<float> value = normal - Vector128.CreateScalarUnsafe(subnormal & MinNormalSingleBits).AsSingle();
            return (value | Vector128.CreateScalarUnsafe(sign).AsSingle()).ToScalar();
        }

        /// <summary>Rounds a Half to the format once, to nearest even, without saturation (Half widens to float exactly).</summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        internal static ulong FromHalf(Half value) => FromSingle((float)value);
    }
}
