using System;
using System.Runtime.CompilerServices;

namespace NumForge.CompilerServices.Spans
{
    /// <summary>
    /// A span encode built on <see cref="LaneEncoder{TTraits, TMode, TOps, TV, TLayout}"/>: whether its encoder takes the
    /// format in a mode, and its block loop per mode and saturation. <see cref="LaneEncodeDispatch"/> turns the runtime
    /// mode and saturation into those type arguments, once for every route.
    /// </summary>
    internal interface ILaneEncodeRoute
    {
        /// <summary>Whether the route's encoder takes the format in <typeparamref name="TMode"/>, and whether it clamps (<see cref="LaneEncoder{TTraits, TMode, TOps, TV, TLayout}.Applies"/>).</summary>
        static abstract bool Applies<TMode>(bool saturate, out bool clamps)
            where TMode : struct, IRoundingMode;

        /// <summary>The route's block loop over <paramref name="length"/> elements; returns how many it converted.</summary>
        static abstract int Run<TMode, TSaturate, TClamps>(ref byte input, ref byte output, int length)
            where TMode : struct, IRoundingMode
            where TSaturate : struct, IFlag
            where TClamps : struct, IFlag;
    }

    /// <summary>
    /// The runtime mode and saturation of a span encode as type arguments of an <see cref="ILaneEncodeRoute"/>: one
    /// switch over the five modes, one over saturation and clamping, for every float-format span encode (FloatSpan's
    /// float, packed FP4, double and Half routes, packed FP6, BFloat16's top half, the Half re-bias).
    /// </summary>
    internal static class LaneEncodeDispatch
    {
        /// <summary>Runs <typeparamref name="TRoute"/> in <paramref name="rounding"/>; -1 when its encoder does not take the format or the mode is not a defined one.</summary>
        public static int Run<TRoute>(ref byte input, ref byte output, int length, MidpointRounding rounding, bool saturate)
            where TRoute : struct, ILaneEncodeRoute
            => rounding switch
            {
                MidpointRounding.ToEven => Run<TRoute, TiesToEven>(ref input, ref output, length, saturate),
                MidpointRounding.AwayFromZero => Run<TRoute, TiesAwayFromZero>(ref input, ref output, length, saturate),
                MidpointRounding.ToZero => Run<TRoute, TowardZero>(ref input, ref output, length, saturate),
                MidpointRounding.ToNegativeInfinity => Run<TRoute, TowardNegativeInfinity>(ref input, ref output, length, saturate),
                MidpointRounding.ToPositiveInfinity => Run<TRoute, TowardPositiveInfinity>(ref input, ref output, length, saturate),
                _ => -1,
            };

        /// <summary>The <see cref="ILaneEncodeRoute.Applies{TMode}"/> of a route whose block takes its format in every mode and needs no clamp.</summary>
        public static bool AlwaysWithoutClamp(out bool clamps)
        {
            clamps = false;
            return true;
        }

        /// <summary>One mode: whether the route applies, then its loop for the saturation and clamping.</summary>
        private static int Run<TRoute, TMode>(ref byte input, ref byte output, int length, bool saturate)
            where TRoute : struct, ILaneEncodeRoute
            where TMode : struct, IRoundingMode
        {
            if (!TRoute.Applies<TMode>(saturate, out bool clamps))
            {
                return -1;
            }

            return (saturate, clamps) switch
            {
                (true, true) => TRoute.Run<TMode, Yes, Yes>(ref input, ref output, length),
                (true, false) => TRoute.Run<TMode, Yes, No>(ref input, ref output, length),
                (false, true) => TRoute.Run<TMode, No, Yes>(ref input, ref output, length),
                _ => TRoute.Run<TMode, No, No>(ref input, ref output, length),
            };
        }
    }
}
