using System;
using System.ComponentModel;
using NumForge.CompilerServices.Core;

namespace NumForge.CompilerServices.Floats
{
    /// <summary>The float surface's functions that return more than one value: each computed in double and rounded once.</summary>
    /// <typeparam name="TSelf">The format struct.</typeparam>
    /// <typeparam name="TTraits">The format's constants.</typeparam>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public static class FloatFunctions<TSelf, TTraits>
        where TSelf : unmanaged
        where TTraits : struct, IFloatTraits
    {
        /// <summary>The sine and cosine of <paramref name="x"/> (radians).</summary>
        /// <param name="x">The argument.</param>
        /// <returns>The sine and the cosine.</returns>
        public static (TSelf Sin, TSelf Cos) SinCos(TSelf x)
        {
            (double sin, double cos) = double.SinCos(ToDouble(x));
            return (Round(sin), Round(cos));
        }

        /// <summary>The sine and cosine of <paramref name="x"/> × π.</summary>
        /// <param name="x">The argument.</param>
        /// <returns>The sine and the cosine.</returns>
        public static (TSelf SinPi, TSelf CosPi) SinCosPi(TSelf x)
        {
            (double sin, double cos) = double.SinCosPi(ToDouble(x));
            return (Round(sin), Round(cos));
        }

        private static double ToDouble(TSelf x) => FloatCodec<TTraits>.ToDouble(FormatBits.ToCode(x));

        private static TSelf Round(double value) => FormatBits.FromCode<TSelf>(FloatCodec<TTraits>.FromDouble(value));
    }
}
