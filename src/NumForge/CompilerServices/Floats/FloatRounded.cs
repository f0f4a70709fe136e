using System;
using System.ComponentModel;
using System.Numerics;

namespace NumForge.CompilerServices.Floats
{
    /// <summary>
    /// The float surface's members that take a <see cref="MidpointRounding"/>: each checks the mode
    /// (<see cref="FloatCodec{TTraits}.ValidateMode"/>: an undefined value throws <see cref="ArgumentOutOfRangeException"/>
    /// naming <c>rounding</c>) and then runs the kernel, so the generated member is one call.
    /// </summary>
    /// <typeparam name="TTraits">The format's constants.</typeparam>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public static class FloatRounded<TTraits>
        where TTraits : struct, IFloatTraits
    {
        /// <summary>The sum, rounded once in the direction <paramref name="rounding"/> asks.</summary>
        /// <param name="x">The left operand's code.</param>
        /// <param name="y">The right operand's code.</param>
        /// <param name="rounding">The rounding direction.</param>
        /// <returns>The result's code.</returns>
        public static ulong Add(ulong x, ulong y, MidpointRounding rounding)
        {
            FloatCodec<TTraits>.ValidateMode(rounding);
            return FloatCodec<TTraits>.Add(x, y, rounding);
        }

        /// <summary>The difference, rounded once in the direction <paramref name="rounding"/> asks.</summary>
        /// <param name="x">The left operand's code.</param>
        /// <param name="y">The right operand's code.</param>
        /// <param name="rounding">The rounding direction.</param>
        /// <returns>The result's code.</returns>
        public static ulong Subtract(ulong x, ulong y, MidpointRounding rounding)
        {
            FloatCodec<TTraits>.ValidateMode(rounding);
            return FloatCodec<TTraits>.Subtract(x, y, rounding);
        }

        /// <summary>The product, rounded once in the direction <paramref name="rounding"/> asks.</summary>
        /// <param name="x">The left operand's code.</param>
        /// <param name="y">The right operand's code.</param>
        /// <param name="rounding">The rounding direction.</param>
        /// <returns>The result's code.</returns>
        public static ulong Multiply(ulong x, ulong y, MidpointRounding rounding)
        {
            FloatCodec<TTraits>.ValidateMode(rounding);
            return FloatCodec<TTraits>.Multiply(x, y, rounding);
        }

        /// <summary>The quotient, rounded once in the direction <paramref name="rounding"/> asks.</summary>
        /// <param name="x">The left operand's code.</param>
        /// <param name="y">The right operand's code.</param>
        /// <param name="rounding">The rounding direction.</param>
        /// <returns>The result's code.</returns>
        public static ulong Divide(ulong x, ulong y, MidpointRounding rounding)
        {
            FloatCodec<TTraits>.ValidateMode(rounding);
            return FloatCodec<TTraits>.Divide(x, y, rounding);
        }

        /// <summary>The square root, rounded once in the direction <paramref name="rounding"/> asks.</summary>
        /// <param name="x">The operand's code.</param>
        /// <param name="rounding">The rounding direction.</param>
        /// <returns>The result's code.</returns>
        public static ulong Sqrt(ulong x, MidpointRounding rounding)
        {
            FloatCodec<TTraits>.ValidateMode(rounding);
            return FloatCodec<TTraits>.Sqrt(x, rounding);
        }

        /// <summary>(x × y) + z, rounded once in the direction <paramref name="rounding"/> asks.</summary>
        /// <param name="x">The first factor's code.</param>
        /// <param name="y">The second factor's code.</param>
        /// <param name="z">The addend's code.</param>
        /// <param name="rounding">The rounding direction.</param>
        /// <returns>The result's code.</returns>
        public static ulong FusedMultiplyAdd(ulong x, ulong y, ulong z, MidpointRounding rounding)
        {
            FloatCodec<TTraits>.ValidateMode(rounding);
            return FloatCodec<TTraits>.FusedMultiplyAdd(x, y, z, rounding);
        }

        /// <summary>Converts a float, rounded once in the direction <paramref name="rounding"/> asks.</summary>
        /// <param name="value">The value.</param>
        /// <param name="rounding">The rounding direction.</param>
        /// <param name="saturate">Whether a finite value past the largest finite value gives ±MaxValue.</param>
        /// <returns>The code.</returns>
        public static ulong FromSingle(float value, MidpointRounding rounding, bool saturate)
        {
            FloatCodec<TTraits>.ValidateMode(rounding);
            return FloatCodec<TTraits>.FromSingle(value, rounding, saturate);
        }

        /// <summary>Converts a double, rounded once in the direction <paramref name="rounding"/> asks.</summary>
        /// <param name="value">The value.</param>
        /// <param name="rounding">The rounding direction.</param>
        /// <param name="saturate">Whether a finite value past the largest finite value gives ±MaxValue.</param>
        /// <returns>The code.</returns>
        public static ulong FromDouble(double value, MidpointRounding rounding, bool saturate)
        {
            FloatCodec<TTraits>.ValidateMode(rounding);
            return FloatCodec<TTraits>.FromDouble(value, rounding, saturate);
        }

        /// <summary>Converts a Half, rounded once in the direction <paramref name="rounding"/> asks.</summary>
        /// <param name="value">The value.</param>
        /// <param name="rounding">The rounding direction.</param>
        /// <param name="saturate">Whether a finite value past the largest finite value gives ±MaxValue.</param>
        /// <returns>The code.</returns>
        public static ulong FromHalf(Half value, MidpointRounding rounding, bool saturate)
        {
            FloatCodec<TTraits>.ValidateMode(rounding);
            return FloatCodec<TTraits>.FromHalf(value, rounding, saturate);
        }

        /// <summary>Converts floats, each rounded once in the direction <paramref name="rounding"/> asks.</summary>
        /// <typeparam name="TBits">The format's bit container.</typeparam>
        /// <param name="source">The values.</param>
        /// <param name="destination">Where the codes go; at least as long as <paramref name="source"/>.</param>
        /// <param name="rounding">The rounding direction.</param>
        /// <param name="saturate">Whether a finite value past the largest finite value gives ±MaxValue.</param>
        public static void ConvertFromSingle<TBits>(ReadOnlySpan<float> source, Span<TBits> destination, MidpointRounding rounding, bool saturate)
            where TBits : unmanaged, IBinaryInteger<TBits>
        {
            FloatCodec<TTraits>.ValidateMode(rounding);
            FloatSpan<TTraits>.ConvertFromSingle(source, destination, rounding, saturate);
        }

        /// <summary>Converts doubles, each rounded once in the direction <paramref name="rounding"/> asks.</summary>
        /// <typeparam name="TBits">The format's bit container.</typeparam>
        /// <param name="source">The values.</param>
        /// <param name="destination">Where the codes go; at least as long as <paramref name="source"/>.</param>
        /// <param name="rounding">The rounding direction.</param>
        /// <param name="saturate">Whether a finite value past the largest finite value gives ±MaxValue.</param>
        public static void ConvertFromDouble<TBits>(ReadOnlySpan<double> source, Span<TBits> destination, MidpointRounding rounding, bool saturate)
            where TBits : unmanaged, IBinaryInteger<TBits>
        {
            FloatCodec<TTraits>.ValidateMode(rounding);
            FloatSpan<TTraits>.ConvertFromDouble(source, destination, rounding, saturate);
        }

        /// <summary>Converts Halfs, each rounded once in the direction <paramref name="rounding"/> asks.</summary>
        /// <typeparam name="TBits">The format's bit container.</typeparam>
        /// <param name="source">The values.</param>
        /// <param name="destination">Where the codes go; at least as long as <paramref name="source"/>.</param>
        /// <param name="rounding">The rounding direction.</param>
        /// <param name="saturate">Whether a finite value past the largest finite value gives ±MaxValue.</param>
        public static void ConvertFromHalf<TBits>(ReadOnlySpan<Half> source, Span<TBits> destination, MidpointRounding rounding, bool saturate)
            where TBits : unmanaged, IBinaryInteger<TBits>
        {
            FloatCodec<TTraits>.ValidateMode(rounding);
            FloatSpan<TTraits>.ConvertFromHalf(source, destination, rounding, saturate);
        }

        /// <summary>Converts floats straight into the packed layout, each rounded once in the direction <paramref name="rounding"/> asks.</summary>
        /// <param name="source">The values.</param>
        /// <param name="destination">Where the packed bytes go.</param>
        /// <param name="rounding">The rounding direction.</param>
        /// <param name="saturate">Whether a finite value past the largest finite value gives ±MaxValue.</param>
        public static void ConvertFromSingleToPacked(ReadOnlySpan<float> source, Span<byte> destination, MidpointRounding rounding, bool saturate)
        {
            FloatCodec<TTraits>.ValidateMode(rounding);
            FloatSpan<TTraits>.ConvertFromSingleToPacked(source, destination, rounding, saturate);
        }
    }
}
