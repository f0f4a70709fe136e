using System.Runtime.CompilerServices;
using NumForge.CompilerServices.Spans;

namespace NumForge.CompilerServices.Integers
{
    /// <summary>
    /// The lane arithmetic of the integer span kernels, in 32-bit lanes, for any vector width. Quantizing clamps
    /// first (NaN to 0, then to [min, max], whose ends are integers, so clamping and rounding commute) and then rounds
    /// the magnitude exactly: the fraction |x| - floor(|x|) is exact in float, so the mode's decision is exact.
    /// </summary>
    internal static class IntLanes<TTraits, TOps, TV>
        where TTraits : struct, IIntTraits
        where TOps : struct, ISimd<TV>
        where TV : struct
    {
        private const uint SignMask = 0x8000_0000;
        private const uint OneHalfBits = 0x3F00_0000;

        /// <summary>float lanes to codes: round in the mode, saturate, NaN to 0.</summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static TV Quantize<TRound>(TV x)
            where TRound : struct, IIntRounding
        {
            TV zero = TOps.Create(0);
            TV one = TOps.Create(1);
            TV max = TOps.Create(FloatBits(TTraits.MaxValue));
            TV min = TOps.Create(FloatBits(TTraits.MinValue));
            x = TOps.And(x, TOps.FEqual(x, x));
            x = TOps.Select(TOps.FGreaterThan(x, max), max, x);
            x = TOps.Select(TOps.FGreaterThan(min, x), min, x);
            TV negative = TOps.GreaterThan(zero, x);
            TV magnitude = TOps.AndNot(x, TOps.Create(SignMask));
            TV floor = TOps.FFloor(magnitude);
            TV fraction = TOps.FSubtract(magnitude, floor);
            TV whole = TOps.FToInt(floor);
            TV half = TOps.Create(OneHalfBits);
            TV up = TRound.Up<TOps, TV>(
                TOps.FGreaterThan(fraction, half),
                TOps.FEqual(fraction, half),
                TOps.FGreaterThan(fraction, zero),
                TOps.Equal(TOps.And(whole, one), one),
                negative);
            TV rounded = TOps.Subtract(whole, up);
            TV value = TOps.Subtract(TOps.Xor(rounded, negative), negative);
            return TOps.And(value, TOps.Create(TTraits.CodeMask));
        }

        /// <summary>Codes (zero-extended bytes) to float lanes.</summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static TV Decode(TV code)
        {
            TV value = TOps.And(code, TOps.Create(TTraits.CodeMask));
            if (TTraits.Signed)
            {
                // (code ^ s) - s sign-extends a b-bit code whose sign bit is s.
                TV sign = TOps.Create(1UL << (TTraits.Bits - 1));
                value = TOps.Subtract(TOps.Xor(value, sign), sign);
            }

            return TOps.IntToF(value);
        }

        /// <summary>Four 4-bit codes (the bytes of a lane) to one 16-bit group, element 0 in the low nibble.</summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static TV PackNibbles(TV codes) => TOps.Or(
            TOps.Or(TOps.And(codes, TOps.Create(0xF)), TOps.And(TOps.ShiftRight(codes, 4), TOps.Create(0xF0))),
            TOps.Or(TOps.And(TOps.ShiftRight(codes, 8), TOps.Create(0xF00)), TOps.And(TOps.ShiftRight(codes, 12), TOps.Create(0xF000))));

        /// <summary>One 16-bit group of 4-bit codes to four codes (the bytes of a lane).</summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static TV UnpackNibbles(TV packed) => TOps.Or(
            TOps.Or(TOps.And(packed, TOps.Create(0xF)), TOps.And(TOps.ShiftLeft(packed, 4), TOps.Create(0xF00))),
            TOps.Or(TOps.And(TOps.ShiftLeft(packed, 8), TOps.Create(0xF_0000)), TOps.And(TOps.ShiftLeft(packed, 12), TOps.Create(0xF00_0000))));

        /// <summary>Four 2-bit codes (the bytes of a lane) to one byte, element 0 in the low bits.</summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static TV PackCrumbs(TV codes) => TOps.Or(
            TOps.Or(TOps.And(codes, TOps.Create(0x3)), TOps.And(TOps.ShiftRight(codes, 6), TOps.Create(0xC))),
            TOps.Or(TOps.And(TOps.ShiftRight(codes, 12), TOps.Create(0x30)), TOps.And(TOps.ShiftRight(codes, 18), TOps.Create(0xC0))));

        /// <summary>One byte of 2-bit codes to four codes (the bytes of a lane).</summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static TV UnpackCrumbs(TV packed) => TOps.Or(
            TOps.Or(TOps.And(packed, TOps.Create(0x3)), TOps.And(TOps.ShiftLeft(packed, 6), TOps.Create(0x300))),
            TOps.Or(TOps.And(TOps.ShiftLeft(packed, 12), TOps.Create(0x3_0000)), TOps.And(TOps.ShiftLeft(packed, 18), TOps.Create(0x300_0000))));

        private static ulong FloatBits(int value) => System.BitConverter.SingleToUInt32Bits(value);
    }
}
